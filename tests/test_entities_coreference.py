"""Name coreference inside a document."""

from __future__ import annotations

from chronist.entities.coreference import TypedMention, canonical, cluster_mentions, group_type
from chronist.entities.types import EntityType, Mention

PER, LOC, ORG = EntityType.PER, EntityType.LOC, EntityType.ORG


def _mentions(*items: tuple[str, EntityType]) -> list[TypedMention]:
    found, position = [], 0
    for text, kind in items:
        found.append(TypedMention(Mention(text, position, position + len(text)), kind))
        position += len(text) + 10
    return found


def _texts(groups: list[list[TypedMention]]) -> list[list[str]]:
    return [[m.mention.text for m in g] for g in groups]


def test_macarthur_forms_are_one_person() -> None:
    groups = cluster_mentions(
        _mentions(("Douglas MacArthur", PER), ("MacArthur", PER), ("MacArthurs", PER))
    )
    assert _texts(groups) == [["Douglas MacArthur", "MacArthur", "MacArthurs"]]
    assert canonical(groups[0]).text == "Douglas MacArthur"


def test_short_form_before_full_name_still_merges() -> None:
    groups = cluster_mentions(_mentions(("MacArthurs", PER), ("Douglas MacArthur", PER)))
    assert len(groups) == 1
    assert canonical(groups[0]).text == "Douglas MacArthur"


def test_given_name_alone_is_the_one_person_it_starts() -> None:
    groups = cluster_mentions(
        _mentions(("Jonas", PER), ("Jonas Albrecht", PER), ("Jonas", PER), ("Mira Kohl", PER))
    )
    assert _texts(groups) == [["Jonas", "Jonas Albrecht", "Jonas"], ["Mira Kohl"]]
    assert canonical(groups[0]).text == "Jonas Albrecht"


def test_surname_joins_a_person_typed_org_and_a_double_surname() -> None:
    groups = cluster_mentions(
        _mentions(("Lena Hartwig-Brandt", ORG), ("Hartwig", PER), ("Hartwig", PER))
    )
    assert len(groups) == 1
    assert group_type(groups[0]) is PER


def test_given_name_of_two_people_stays_apart() -> None:
    groups = cluster_mentions(
        _mentions(("Jonas Albrecht", PER), ("Jonas Berger", PER), ("Jonas", PER))
    )
    assert len(groups) == 3


def test_genitive_merges_with_nominative() -> None:
    groups = cluster_mentions(
        _mentions(("Stalin", PER), ("Truman", PER), ("Stalins", PER), ("Trumans", PER))
    )
    assert _texts(groups) == [["Stalin", "Stalins"], ["Truman", "Trumans"]]


def test_places_merge_by_inflection_and_vote_on_type() -> None:
    groups = cluster_mentions(
        _mentions(("Peking", LOC), ("Korea", LOC), ("Pekings", ORG), ("Peking", LOC))
    )
    assert _texts(groups) == [["Peking", "Pekings", "Peking"], ["Korea"]]
    assert group_type(groups[0]) is LOC


def test_different_people_with_different_names_stay_apart() -> None:
    groups = cluster_mentions(_mentions(("Omar Bradley", PER), ("Kim", PER), ("Mao", PER)))
    assert len(groups) == 3


def test_lone_genitive_keeps_its_form() -> None:
    groups = cluster_mentions(
        _mentions(
            ("Stalins", PER),
        )
    )
    assert canonical(groups[0]).text == "Stalins"


def test_grouping_does_not_depend_on_the_hash_seed() -> None:
    """Names of the same length are ordered by name, not by set order (PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    code = (
        "from chronist.entities.coreference import cluster_mentions, TypedMention\n"
        "from chronist.entities.types import Mention, EntityType\n"
        "names = ['Anna Maier', 'Bert Maier', 'Carl Maier', 'Maier', 'Anna', 'Bert']\n"
        "ms = [TypedMention(Mention(n, i * 20, i * 20 + len(n)), EntityType.PER)\n"
        "      for i, n in enumerate(names)]\n"
        "print([[m.mention.text for m in g] for g in cluster_mentions(ms)])\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(outputs) == 1
