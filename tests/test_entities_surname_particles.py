"""A surname's particle before a person the tagger found is part of the name."""

from chronist.entities.surname_particles import join_surname_particles


def test_a_particle_split_from_its_full_stop_joins_the_surname() -> None:
    words = ["Graf", "v", ".", "Lützow", "kam"]
    labels = join_surname_particles(words, ["O", "O", "O", "B-PER", "O"])
    assert labels == ["O", "B-PER", "I-PER", "I-PER", "O"]


def test_de_and_van_join_a_surname_but_not_a_given_name() -> None:
    assert join_surname_particles(["Maler", "van", "Gogh"], ["O", "O", "B-PER"])[1] == "B-PER"
    words = ["Film", "de", "Iris", "Berben"]
    assert join_surname_particles(words, ["O", "O", "B-PER", "I-PER"])[1] == "O"


def test_von_is_left_to_the_tagger_as_often_a_preposition() -> None:
    words = ["ein", "Brief", "von", "Goethe"]
    assert join_surname_particles(words, ["O", "O", "O", "B-PER"])[2] == "O"


def test_an_abbreviated_particle_makes_a_person_of_a_one_word_name_of_any_type() -> None:
    assert join_surname_particles(["v.", "Bülow"], ["O", "B-ORG"]) == ["B-PER", "I-PER"]
    assert join_surname_particles(["de", "Gruyter"], ["O", "B-ORG"]) == ["O", "B-ORG"]


def test_an_abbreviation_after_the_particle_is_no_name() -> None:
    words = ["44", "v.", "Chr.", "starb"]
    assert join_surname_particles(words, ["O", "O", "B-PER", "O"])[1] == "O"
