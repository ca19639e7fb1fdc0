"""The JSON Schema of ``assertions.yaml``, shipped with the package for editors
(``compare schema`` prints where it is installed)."""

from __future__ import annotations

from pathlib import Path

#: The schema file, wherever the package is installed.
SCHEMA_PATH = Path(__file__).resolve().with_name("assertions.schema.json")
