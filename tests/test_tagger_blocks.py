"""Long texts are tagged block by block with the story's time carried over."""

from __future__ import annotations

import pytest

from chronist import tag
from chronist.temporal import chunking

PASSAGE = (
    "Am 11. April 1951 setzte Truman den Oberbefehlshaber ab. Einen Monat später sprach "
    "Bradley vor dem Ausschuss, und im Juli begannen Gespräche, die bis März 1953 dauerten."
)


def test_blocks_give_the_values_of_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join([PASSAGE] * 40)
    whole = [(t.start, t.value) for t in tag(text)]
    monkeypatch.setattr(chunking, "_BLOCK", 500)  # many small blocks: the values must not change
    blocked = [(t.start, t.value) for t in tag(text)]
    assert blocked == whole
    assert len(whole) == 40 * 4


def test_tids_stay_unique_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(["Von 1950 bis 1953 dauerte der Krieg; am 15. September landeten sie."] * 30)
    monkeypatch.setattr(chunking, "_BLOCK", 300)
    found = tag(text)
    tids = [t.tid for t in found]
    assert len(tids) == len(set(tids))
    known = set(tids)
    assert all({t.begin_point, t.end_point} <= known for t in found if t.begin_point)


def test_search_windows_lose_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Running each rule only near its search words finds what scanning everything finds."""
    import tomllib

    from chronist.lang import language_dir
    from chronist.temporal import engine

    with (language_dir("de") / "examples" / "narrative.toml").open("rb") as handle:
        passages = [passage["text"] for passage in tomllib.load(handle)["passage"]]
    text = "\n\n".join([*passages, PASSAGE])
    windowed = [(t.start, t.end, t.value) for t in tag(text)]
    monkeypatch.setattr(engine, "_PAD", 10**9)  # every window is the whole chunk
    assert [(t.start, t.end, t.value) for t in tag(text)] == windowed
