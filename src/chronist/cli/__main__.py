"""``python -m chronist.cli``: the command line."""

from chronist.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
