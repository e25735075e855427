"""``tag`` and ``extract`` on adversarial inputs: 200 KB each, and twice that.

Usage (from the repository root)::

    .venv/bin/python bench/adversarial.py [--size 200000]

Each input is made by :func:`adversarial_inputs` (runs of punctuation, dot
leaders, digits, brackets, repeated date words, no sentence end, no spaces,
...). Both commands run in this process on the input and on the input doubled;
the CPU time of each is recorded (the wall clock of a shared machine varies
with its load) in ``results/adversarial.md``. The target: no run above 10 s at
200 KB, and doubling the input about doubles the time.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def adversarial_inputs(size: int) -> dict[str, str]:
    """Texts of about ``size`` characters that have slowed chronist down before."""
    pieces = {
        "run of !": ("Krieg", "!"),
        "run of .": ("", "."),
        "dot leaders (TOC)": ("", "Kapitel 1 " + "." * 2000 + " 5\n"),
        "digits and spaces": ("", "1950 "),
        "one long number": ("", "1"),
        "brackets": ("", "(" * 50 + ")" * 50),
        "repeated dates": ("", "Am 5. September 1950 "),
        "date words, no end": ("", "im Mai und im Juni 1950 und am 3. "),
        "no sentence end": ("", "der Krieg begann und Truman befahl den Angriff auf Seoul und "),
        "no spaces": ("", "KriegTrumanSeoul1950"),
        "punctuation mix": ("", ".!?…\"')]"),
        "initials": ("", "A. "),
        "punctuation only": ("", ".,;!?()-"),
        "events, no dates": ("", "Truman griff an, Stalin starb, Mao siegte, "),
        "one word per line": ("", "Krieg\n"),
        "blank lines": ("", "\n\n"),
    }
    return {
        name: head + unit * max(1, (size - len(head)) // len(unit))
        for name, (head, unit) in pieces.items()
    }


def cpu_seconds(run: Callable[[], object]) -> float:
    started = time.process_time()
    run()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000, help="characters (default 200,000)")
    args = parser.parse_args()
    import chronist
    from chronist.timeline.build import build_timeline

    commands: dict[str, Callable[[str], object]] = {
        "tag": lambda text: list(chronist.tag(text)),
        "extract": lambda text: build_timeline(text),
    }
    build_timeline("Am 1. September 1939 begann der Krieg in Polen.")  # load models
    lines = [
        "# Adversarial inputs: `tag` and `extract`",
        "",
        f"CPU seconds at {args.size:,} characters and at twice that; "
        "`bench/adversarial.py` (in one process, models loaded first).",
        "",
        "| input | tag | tag ×2 | ratio | extract | extract ×2 | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    worst = 0.0
    for name, text in adversarial_inputs(args.size).items():
        cells = []
        for command in commands.values():
            once = cpu_seconds(lambda: command(text))  # noqa: B023
            twice = cpu_seconds(lambda: command(text + text))  # noqa: B023
            worst = max(worst, once)
            cells += [f"{once:.2f}", f"{twice:.2f}", f"{twice / max(once, 0.01):.1f}"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
        print(lines[-1], flush=True)
    lines += ["", f"Slowest run at {args.size:,} characters: {worst:.2f} s CPU."]
    (BENCH / "results" / "adversarial.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(lines[-1])


if __name__ == "__main__":
    main()
