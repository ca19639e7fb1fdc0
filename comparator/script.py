"""The ``compare`` console script: the collector paused first, then the entry point loaded.

Every command runs with the cyclic garbage collector paused (``entry.pause_collector`` says
why). Loading the program is the larger part of a warm view, and it creates tens of thousands
of objects (classes, functions, the methods each dataclass generates): with the collector
still running, its passes over them are part of every start-up. So this module loads nothing
at all before pausing it, and only then the entry point, which loads the rest.
"""

import gc


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point (``compare = "comparator.script:main"``)."""
    gc.disable()
    # Imported here, not at the top, so that the collector is paused first (see above).
    from comparator.entry import main as entry_main

    entry_main(argv)
