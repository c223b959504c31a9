"""The rule tables load per language, each falling back to English where a language has none."""

from __future__ import annotations

from volte.resources import cues


def test_word_classes_are_the_languages_own() -> None:
    en, fr = cues("en"), cues("fr")
    assert "he" in en.words["pronouns"] and "il" not in en.words["pronouns"]
    assert "il" in fr.words["pronouns"] and "he" not in fr.words["pronouns"]
    assert fr.words["leading_links"] >= {"que", "qu’"}
    # Every class the English table has, the French one has too (its own, or the English one it falls back to).
    assert set(fr.words) == set(en.words)
    # English verbs of object control are matched by their forms: `urged Trump to …`, `told her to …`.
    assert {"urge", "urged", "urging", "told"} <= en.words["object_control"]


def test_a_language_without_tables_reads_the_english_ones() -> None:
    assert cues("de").words == cues("en").words
    assert cues("de").verb_forms == cues("en").verb_forms


def test_the_tables_words_on_and_no_are_words_not_booleans():
    # YAML 1.1 reads a bare `on` as True: the French impersonal `on` and the `on Tuesday` scene opener were lost.
    from volte.resources import load_yaml

    assert "on" in load_yaml("dates_en.yaml")["scene_openers"]
    assert load_yaml("cues_fr.yaml")["words"]["impersonal"] == ["on"]
