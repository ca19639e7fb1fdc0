"""The view models: what each view shows, decided once from the verified corpus and the
options, for every format. Renderers (``comparator.render``) only serialise them.

Plain data, frozen and typed; no rich, no typer, no I/O. The records are declared with
``repr=False``: no one prints a view model (the renderers do), and every generated method is
start-up time that a view pays on each run (BENCHMARKS.md); those of ``compare TOPIC``
(show, common, rivals) are ``eq=False`` too, as nothing compares them. This module itself
holds only what the command line needs before any corpus is read (``By``), so importing it
costs nothing.
"""

from enum import Enum


class By(str, Enum):
    """What a column of the side-by-side view holds: an outlet, or one article."""

    OUTLET = "outlet"
    SOURCE = "source"
