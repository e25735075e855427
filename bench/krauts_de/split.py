"""Split KRAUTS Dolomiten-100 into a dev and a frozen part, deterministically.

Files sorted by name; every third (the 3rd, 6th, ...) is frozen, the rest dev.
The folders hold symbolic links to the shared TimeML, so nothing is copied::

    .venv/bin/python bench/krauts_de/split.py ../shared/data/KRAUTS-Dolomiten-100/timeml
    .venv/bin/chronist eval bench/krauts_de/dev --kind news
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("timeml", type=Path, help="the KRAUTS TimeML folder")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent)
    args = parser.parse_args()
    files = sorted(args.timeml.resolve().glob("*.tml"))
    for split in ("dev", "frozen"):
        folder = args.out / split
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.tml"):
            old.unlink()
    for index, path in enumerate(files):
        split = "frozen" if index % 3 == 2 else "dev"
        (args.out / split / path.name).symlink_to(path)
    frozen = len(files) // 3
    print(f"split: {len(files) - frozen} dev, {frozen} frozen")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
