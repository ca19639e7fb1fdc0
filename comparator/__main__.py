"""Allow ``python -m comparator``."""

from comparator.cli import main

if __name__ == "__main__":
    main()
