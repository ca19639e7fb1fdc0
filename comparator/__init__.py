"""compare: where articles agree and where they contradict, backed by verbatim quotes."""

__version__ = "0.1.0"
