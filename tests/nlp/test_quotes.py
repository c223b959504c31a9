"""The quotation finder on small texts written for the test (no language model needed)."""

from volte.nlp.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_and_curly_marks_mixed_in_one_text() -> None:
    text = 'He said "we will win" and left. “Another,” she said. Mixed "straight” marks.'
    assert quoted(text) == ["we will win", "Another,", "straight"]


def test_guillemets_with_non_breaking_spaces() -> None:
    text = "« \u00a0Nous gagnerons\u00a0 », a-t-il dit. «Sans espace», dit-elle."
    assert quoted(text) == ["Nous gagnerons", "Sans espace"]


def test_single_marks_inside_double_belong_to_the_quotation() -> None:
    assert quoted("“He said ‘never’ to me,” she said.") == ["He said ‘never’ to me,"]


def test_quotation_across_a_line_break() -> None:
    assert quoted("“This runs\nacross a line,” she said.") == ["This runs\nacross a line,"]


def test_quotation_across_a_page_break_inside_a_sentence() -> None:
    text = "“We will not be lectured by\n\npeople who never worked,” she said.\n\nNext."
    assert quoted(text) == ["We will not be lectured by\n\npeople who never worked,"]


def test_unclosed_quotation_is_recovered_at_its_paragraph_end_and_the_rest_still_works() -> None:
    text = "“This is never closed, she said.\n\nThen “this works” and “so does this”."
    quotes = list(find_quotes(text))
    assert [text[q.start : q.end] for q in quotes] == ["This is never closed, she said.", "this works", "so does this"]
    assert [q.unclosed for q in quotes] == [True, False, False]


def test_paragraphs_that_reopen_a_quotation_share_a_group() -> None:
    text = "“First paragraph of a long quote.\n\n“Second paragraph ends here.”\n\n“A new quote.”"
    quotes = list(find_quotes(text))
    assert [text[q.start : q.end] for q in quotes] == [
        "First paragraph of a long quote.",
        "Second paragraph ends here.",
        "A new quote.",
    ]
    assert quotes[0].group == quotes[1].group != quotes[2].group
    assert not quotes[0].unclosed


def test_apostrophes_are_not_quotation_marks() -> None:
    assert quoted("It's Valcourt's view, and the voters' too.") == []


def test_closing_mark_used_as_opening_mark() -> None:
    # Some saved pages open with `”`: `”Fear. I am afraid.” ― Name`.
    assert quoted("Intro.\n\n”Fear. I am afraid.” ― Ana Ruiz") == ["Fear. I am afraid."]


def test_two_apostrophes_are_a_double_mark() -> None:
    """Newspaper archives typed on a typewriter keyboard: ''…'' and ``…''; a lone apostrophe stays a letter."""
    text = "''We will win,'' Mr. Dahl said. It's ``over,'' she said.\n\n''A first paragraph\n\n''and the next.''"
    assert quoted(text) == ["We will win,", "over,", "A first paragraph", "and the next."]
    assert [q.group for q in find_quotes(text)][2] == [q.group for q in find_quotes(text)][3]


def test_markup_attribute_values_are_not_quotations() -> None:
    text = '<tweet pic="" author="emmaroller" timestamp="1454432400">"We won," she wrote.<tweet/>'
    assert quoted(text) == ["We won,"]


def test_curly_marks_inside_guillemets_belong_to_the_quotation() -> None:
    text = "« Il nous avait juré “pas de robots sans accord”. Les portiques sont commandés », a-t-il dit."
    assert quoted(text) == ["Il nous avait juré “pas de robots sans accord”. Les portiques sont commandés"]


def test_guillemets_nested_in_guillemets_belong_to_the_quotation() -> None:
    text = "« Nous avons relevé 40 cas de « vraie » fraude cette année, et la perte reste faible », a-t-elle dit."
    assert quoted(text) == ["Nous avons relevé 40 cas de « vraie » fraude cette année, et la perte reste faible"]
    # a second opening with no outer close after it: the first quotation was never closed
    text = "« Nous irons jusqu'au bout, dit-il. « Et vite ». Puis il est parti."
    assert quoted(text) == ["Nous irons jusqu'au bout, dit-il.", "Et vite"]
