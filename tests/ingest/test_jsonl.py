from __future__ import annotations

from pathlib import Path

from volte.ingest import IngestFailure, iter_articles
from volte.model import Article


def test_jsonl_lines_with_a_bad_line_in_the_middle(data: Path) -> None:
    path = str(data / "feed.jsonl")
    items = list(iter_articles([path]))
    assert len(items) == 5  # six lines, one of them blank

    first, second, bad_json, no_text, french = items
    assert isinstance(first, Article)
    assert first.source == f"{path}#n1"
    assert first.title == "Ferry back"
    assert first.published == "2022-01-10"
    assert first.text == "The ferry service resumed on Monday after a week of storms."

    assert isinstance(second, Article)
    assert second.source == f"{path}:2"
    assert second.author == "Ann Lee"
    assert second.published == "2022-03-01"

    assert isinstance(bad_json, IngestFailure)
    assert bad_json.source == f"{path}:3"
    assert bad_json.reason.startswith("line 3: invalid JSON")

    assert no_text == IngestFailure(f"{path}:4", "line 4: no 'text' field")

    assert isinstance(french, Article)
    assert french.source == f"{path}:6"
    assert french.language == "fr"


def test_jsonl_is_streamed(data: Path) -> None:
    # the first article comes out before the bad lines further down are read
    iterator = iter_articles([data / "feed.jsonl"])
    assert isinstance(next(iterator), Article)


def test_jsonl_edge_lines(tmp_path: Path) -> None:
    path = tmp_path / "edge.jsonl"
    path.write_bytes(
        b'["a list"]\n'
        b'{"text": "   "}\n'
        b'{"text": "Bad \xff byte."}\n'
        b'{"id": 7, "text": "Numbered id.", "date": "someday"}\n'
    )
    items = list(iter_articles([path]))
    assert items[:3] == [
        IngestFailure(f"{path}:1", "line 1: not a JSON object"),
        IngestFailure(f"{path}:2", "line 2: no 'text' field"),
        IngestFailure(f"{path}:3", "line 3: not UTF-8 text"),
    ]
    last = items[3]
    assert isinstance(last, Article)
    assert (last.source, last.published) == (f"{path}#7", None)


def test_jsonl_with_only_blank_lines_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n   \n\n", encoding="utf-8")
    assert list(iter_articles([path])) == [IngestFailure(str(path), "empty file")]


def test_a_line_too_long_for_an_article_is_skipped_unread_and_the_next_lines_go_on(tmp_path, monkeypatch):
    import json

    from volte.ingest import IngestFailure, iter_articles

    monkeypatch.setenv("VOLTE_MAX_ARTICLE_CHARS", "100")
    path = tmp_path / "a.jsonl"
    lines = [{"text": "Ann Lee said so on Monday."}, {"text": "x" * 5000}, {"text": "Bob Ray said no."}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    items = list(iter_articles([path]))
    assert [getattr(i, "text", None) for i in items] == ["Ann Lee said so on Monday.", None, "Bob Ray said no."]
    assert items[1] == IngestFailure(f"{path}:2", "line 2: longer than 4,696 bytes ($VOLTE_MAX_ARTICLE_CHARS): not read")


def test_jsonl_in_utf16_and_utf32_with_or_without_a_byte_order_mark(tmp_path: Path) -> None:
    lines = '{"id": "1", "text": "Élodie Martin a déclaré que le projet était mort."}\n{"id": "2", "text": "Second é."}\n'
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"):
        path = tmp_path / f"{encoding}.jsonl"
        path.write_bytes(lines.encode(encoding))
        items = list(iter_articles([path]))
        assert all(isinstance(a, Article) for a in items), (encoding, items)
        texts = [a.text for a in items if isinstance(a, Article)]
        assert texts == ["Élodie Martin a déclaré que le projet était mort.", "Second é."], encoding
        assert [a.source for a in items if isinstance(a, Article)] == [f"{path}#1", f"{path}#2"]
