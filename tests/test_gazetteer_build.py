"""The gazetteer build (``training/ner/build_gazetteer.py``): names as German text writes
them, and the shipped gazetteer built with them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chronist.entities.places import candidates, gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training" / "ner"))

import build_gazetteer


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Vézelay", "Vezelay"),
        ("Puerto San Julián", "Puerto San Julian"),
        ("Łódź", "Lodz"),
        ("Gdańsk", "Gdansk"),
        ("Košice", "Kosice"),
        ("Basses-Pyrénées", "Basses-Pyrenees"),
        ("Tromsø", "Tromso"),
        ("Malmö", "Malmö"),  # umlauts and ß are German letters: they stay
        ("Großenhain", "Großenhain"),
        ("Türkmenbaşy", "Türkmenbasy"),
    ],
)
def test_plain_drops_foreign_diacritics_only(name: str, written: str) -> None:
    assert build_gazetteer.plain(name) == written


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Puerto San Julian", "settlement"),  # a town below the alternates' size
        ("Basses-Pyrenees", "region"),  # a row of the hand-written table
        ("Col de Montgenevre", "mountain"),
    ],
)
def test_shipped_gazetteer_finds_names_written_without_diacritics(name: str, kind: str) -> None:
    places = candidates(name)
    assert places, name
    assert {p.kind.value for p in places} == {kind}
    accented = {p.gazetteer_id for p in gazetteer().get(name)}
    assert accented == {p.gazetteer_id for p in places}


def test_a_name_without_diacritics_is_the_towns_own_name() -> None:
    # not only an alternate name: it needs no more evidence than the accented one
    assert gazetteer().own("Puerto San Julian") == gazetteer().own("Puerto San Julián")
