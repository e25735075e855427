"""The index of a batch of timeline pages: one table linking each page.

``chronist report a.txt b.txt -o pages/`` writes one page per input and
``pages/index.html`` listing them: document, number of events, the span of
their dates, and the inputs that failed with their error. The page is static
HTML with no script; its Content-Security-Policy allows its inline style only.

Example::

    >>> page = render_index([IndexEntry("a.txt", "a.html", 3, "1950", "1953")], [])
    >>> 'href="a.html"' in page and "1950 – 1953" in page
    True
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

__all__ = ["IndexEntry", "render_index"]

_STYLE = """
body{font:16px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;
color:#1a1a1a;background:#fff}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .6rem;
border-bottom:1px solid #ccc}td.n{text-align:right}a{color:#0b4f9c}
.failed{color:#8a1c1c}
@media (prefers-color-scheme:dark){body{background:#141414;color:#eee}a{color:#8cc0ff}
.failed{color:#ff9d9d}th,td{border-color:#444}}
"""


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One written page: its input, its file name (relative to the index), its events."""

    source: str
    page: str
    events: int
    first: str | None
    last: str | None


def _span(entry: IndexEntry) -> str:
    if entry.first is None or entry.last is None:
        return "undated"
    return entry.first if entry.first == entry.last else f"{entry.first} – {entry.last}"


def render_index(entries: Sequence[IndexEntry], failed: Sequence[tuple[str, str]]) -> str:
    """The index page's HTML; ``failed`` holds ``(input, one-line reason)`` pairs."""
    rows = "\n".join(
        f'<tr><td><a href="{html.escape(quote(entry.page))}">{html.escape(entry.source)}</a>'
        f'</td><td class="n">{entry.events}</td><td>{html.escape(_span(entry))}</td></tr>'
        for entry in entries
    )
    failures = "\n".join(
        f"<li>{html.escape(source)}: {html.escape(reason)}</li>" for source, reason in failed
    )
    failed_block = (
        f'<h2 class="failed">{len(failed)} failed</h2>\n<ul class="failed">\n{failures}\n</ul>'
        if failed
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>chronist: {len(entries)} timelines</title><style>{_STYLE}</style></head>
<body><h1>{len(entries)} timelines</h1>
<table><thead><tr><th>Document</th><th>Events</th><th>Dates</th></tr></thead>
<tbody>
{rows}
</tbody></table>
{failed_block}
</body></html>
"""
