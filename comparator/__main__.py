"""Allow ``python -m comparator``."""

from comparator.script import main

if __name__ == "__main__":
    main()
