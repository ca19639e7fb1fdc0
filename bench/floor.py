"""The floor ``compare check`` is measured against: parse the YAML and read every text, no more.

PyYAML's C loader builds the whole document and every article file is read and decoded; no
validation, no quote is looked for. Whatever ``compare check`` spends above this is its own.
The cyclic garbage collector is off, as it is in ``compare`` (cli.py, ``_pause_collector``):
with it on, its passes over the hundreds of thousands of objects the document is made of are
most of the floor's time, and every ratio against the floor flattered compare.

    python bench/floor.py path/to/assertions.yaml
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import yaml


def main(path: Path) -> int:
    gc.disable()
    with path.open("rb") as handle:
        document = yaml.load(handle, Loader=yaml.CSafeLoader)
    total = 0
    for source in document["sources"].values():
        total += len((path.parent / source["file"]).read_text(encoding="utf-8"))
    return 0 if total else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
