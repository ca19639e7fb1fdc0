"""Allow ``python -m comparator``."""

from comparator.entry import main

if __name__ == "__main__":
    main()
