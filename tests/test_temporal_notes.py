"""What the tagger says about missing context (issue 11)."""

from chronist.temporal.tagger import tagging


def test_news_without_dct_gets_one_note() -> None:
    started = tagging("Die Regierung beschloss am Mittwoch ein Paket.", kind="news")
    assert len(started.notes) == 1
    assert "--dct" in started.notes[0]


def test_news_with_dct_and_narrative_get_none() -> None:
    assert tagging("Am Mittwoch tagte der Rat.", kind="news", dct="2024-03-15").notes == ()
    assert tagging("Am 3. März 1705 begann die Belagerung.", kind="narrative").notes == ()
