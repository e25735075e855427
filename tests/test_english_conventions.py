"""How English values are written by the standard of the extents: TimeML (TimeBank,
AQUAINT) writes a length in decades in years, TIMEX2 (WikiWars) in decades."""

from __future__ import annotations

import pytest

from chronist import tag


@pytest.mark.parametrize(
    ("text", "timeml", "timex2"),
    [
        ("It lasted almost two decades.", "P20Y", "P2DE"),
        ("For decades, they waited.", "PXY", "PXDE"),
    ],
)
def test_a_length_in_decades(text: str, timeml: str, timex2: str) -> None:
    written = {
        extents: [t.value for t in tag(text, lang="en", kind="news", extents=extents)]
        for extents in ("timeml", "timex2")
    }
    assert written == {"timeml": [timeml], "timex2": [timex2]}


def test_a_decade_as_a_date_keeps_its_grain() -> None:
    found = tag("Prices rose over the past decade.", lang="en", kind="news", dct="1998-10-25")
    assert [(t.text, t.value) for t in found] == [("the past decade", "198")]
