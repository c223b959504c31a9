"""People's names as structured values (volte/names.py)."""

from __future__ import annotations

import pytest

from volte.names import parse_person_name, person_key, repair_case


@pytest.mark.parametrize(
    ("text", "given", "surname", "suffix", "plain"),
    [
        ("Donald J. Trump", ("Donald", "J."), "Trump", "", "Donald Trump"),
        ("David A. Clarke Jr.", ("David", "A."), "Clarke", "Jr.", "David Clarke Jr."),
        ("Jean-Claude Juncker", ("Jean-Claude",), "Juncker", "", "Jean-Claude Juncker"),
        ("Charles de Gaulle", ("Charles",), "de Gaulle", "", "Charles de Gaulle"),
        ("Marine Le Pen", ("Marine",), "Le Pen", "", "Marine Le Pen"),
        ("G. K. Butterfield", ("G.", "K."), "Butterfield", "", "G. K. Butterfield"),
        ("HIllary Rodham Clinton", ("Hillary", "Rodham"), "Clinton", "", "Hillary Clinton"),
    ],
)
def test_parts_of_a_name(text: str, given: tuple[str, ...], surname: str, suffix: str, plain: str) -> None:
    name = parse_person_name(text)
    assert name is not None
    assert (name.given, name.surname, name.suffix, name.plain) == (given, surname, suffix, plain)


@pytest.mark.parametrize("text", ["Trump", "impeach Trump", "Hamptons (Abedin", "2016 Trump", "Tom 'x' Nides"])
def test_what_is_no_full_name(text: str) -> None:
    assert parse_person_name(text) is None


def test_the_forms_of_one_name_share_a_key_and_different_given_names_never_do() -> None:
    assert person_key("Donald J. Trump") == person_key("Donald Trump") == person_key("Donald John Trump")
    assert person_key("G.K. Butterfield") == person_key("G. K. Butterfield")
    assert person_key("Mike Pence") == person_key("Michael Pence")  # resources/names.yaml
    assert person_key("Bill Clinton") != person_key("Hillary Clinton")
    assert person_key("Donald Trump Jr.") != person_key("Donald Trump")
    assert person_key("Amadou Maïga") != person_key("Soumeylou Boubèye Maïga")


def test_casing_repaired_only_where_it_is_a_typo() -> None:
    assert [repair_case(w) for w in ("HIllary", "McCain", "DeSantis", "NATO", "Trump")] == [
        "Hillary", "McCain", "DeSantis", "NATO", "Trump"]
