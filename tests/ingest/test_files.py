from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from volte.ingest import IngestFailure, iter_articles
from volte.model import Article


@pytest.fixture
def corpus(tmp_path: Path, data: Path) -> Path:
    """A folder of good articles mixed with files volte cannot read."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    shutil.copy(data / "polnear_like.txt", root / "a_good.txt")
    shutil.copy(data / "page.html", root / "sub" / "page.html")
    (root / "b_binary.txt").write_bytes(b"Looks like text\x00\x01\x02 but is not")
    (root / "c_empty.txt").write_bytes(b"")
    (root / "d_blank.md").write_text("  \n\n\t\n", encoding="utf-8")
    (root / "e_latin1.txt").write_bytes("Le caf\xe9 du port a ferm\xe9.".encode("latin-1"))
    (root / "f_report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (root / "g_notes").write_text(
        "An article kept in a file with no suffix, said the editor.\n", encoding="utf-8"
    )
    (root / ".draft.txt").write_text("A hidden draft that must not be read.", encoding="utf-8")
    (root / ".hidden" / "x.txt").write_text("Inside a hidden folder.", encoding="utf-8")
    return root


def test_folder_failures_do_not_stop_the_run(corpus: Path) -> None:
    items = list(iter_articles([corpus]))
    got = [(item.source, item.reason if isinstance(item, IngestFailure) else "ok") for item in items]
    assert got == [
        (f"{corpus}/a_good.txt", "ok"),
        (f"{corpus}/b_binary.txt", "binary file"),
        (f"{corpus}/c_empty.txt", "empty file"),
        (f"{corpus}/d_blank.md", "empty file"),
        (f"{corpus}/e_latin1.txt", "not UTF-8 text (byte 0xe9 at offset 6)"),
        (f"{corpus}/f_report.pdf", "unknown format .pdf"),
        (f"{corpus}/g_notes", "ok"),
        (f"{corpus}/sub/page.html", "ok"),
    ]


def test_source_is_the_path_as_given(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus.parent)
    (folder_item,) = [i for i in iter_articles(["corpus/sub"]) if isinstance(i, Article)]
    assert folder_item.source == "corpus/sub/page.html"
    (file_item,) = iter_articles(["corpus/a_good.txt"])
    assert file_item.source == "corpus/a_good.txt"
    assert Path(file_item.source).stem == "a_good"


def test_hidden_file_given_explicitly_is_read(corpus: Path) -> None:
    (item,) = iter_articles([corpus / ".draft.txt"])
    assert isinstance(item, Article)
    assert item.text == "A hidden draft that must not be read."


def test_missing_path_is_a_failure(tmp_path: Path, data: Path) -> None:
    items = list(iter_articles([tmp_path / "nope.txt", data / "harbour.md"]))
    assert items[0] == IngestFailure(str(tmp_path / "nope.txt"), "no such file or folder")
    assert isinstance(items[1], Article)


def test_same_article_twice_has_same_id(tmp_path: Path, data: Path) -> None:
    text = (data / "polnear_like.txt").read_text(encoding="utf-8")
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "two.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "three.txt").write_text(text.replace("Tuesday", "Wednesday"), encoding="utf-8")
    one, three, two = iter_articles([tmp_path])  # sorted by name
    assert isinstance(one, Article) and isinstance(two, Article) and isinstance(three, Article)
    assert one.id == two.id
    assert one.id != three.id


def test_jsonl_sniffed_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_text('{"text": "The port reopened on Monday."}\n', encoding="utf-8")
    (item,) = iter_articles([path])
    assert isinstance(item, Article)
    assert item.source == f"{path}:1"


def test_utf8_bom_is_not_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffThe port reopened on Monday.".encode())
    (item,) = iter_articles([path])
    assert isinstance(item, Article)
    assert item.text == "The port reopened on Monday."


def test_many_text_files_are_fast(tmp_path: Path, data: Path) -> None:
    text = (data / "polnear_like.txt").read_text(encoding="utf-8")
    for n in range(300):
        (tmp_path / f"article_{n:03d}.txt").write_text(f"{text}\nStory number {n}.\n", encoding="utf-8")
    start = time.perf_counter()
    items = list(iter_articles([tmp_path]))
    elapsed = time.perf_counter() - start
    assert len(items) == 300 and all(isinstance(i, Article) for i in items)
    assert elapsed < 1.5, f"300 text files took {elapsed:.2f}s"
