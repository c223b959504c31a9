"""A folder of hostile and broken inputs beside good articles, ingested by the real `volte` command.

Every good file is stored, every bad one is reported as `skipped NAME: reason` (its name escaped), the run goes on
and exits 1. Each case is one that once aborted the run, hung it, lost data silently or printed a traceback.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

pytestmark = pytest.mark.model

VOLTE = [sys.executable, "-m", "volte"]


def story(i: int, who: str = "Mayor Anne Laurent") -> str:
    return f'"We need {i} more schools in the harbour district," {who} said on Monday.\n'


def page(i: int, *, depth: int = 1, padding: int = 0) -> bytes:
    inner = (
        f"<article><h1>Harbour story {i}</h1><p>{story(i)}</p>"
        f"<p>The council will vote on the plan for district {i} next week.</p></article>"
    )
    filler = f"<!-- {'x' * padding} -->" if padding else ""
    return (
        f"<html><head><title>Harbour story {i}</title></head><body>{filler}"
        + "<div>" * depth + inner + "</div>" * depth + "</body></html>"
    ).encode()


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> list[int]:
    """A gzipped WARC of HTML responses; the offsets where each record ends."""
    ends = []
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers, length=len(body))
            )
            ends.append(stream.tell())
    return ends


def build_bad_corpus(folder: Path) -> tuple[set[str], dict[str, str]]:
    """Good and bad files side by side: (sources that must be stored, {name shown: reason it must give})."""
    folder.mkdir()
    good: set[str] = set()
    bad: dict[str, str] = {}

    def put(name: str | bytes, data: bytes) -> Path:
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
        path.write_bytes(data)
        return path

    for i in (1, 2):
        good.add(str(put(f"good-{i}.txt", story(i).encode())))
    # A name that is not UTF-8 is no reason to lose the article: stored, its name shown with \xff.
    put(b"latin1-caf\xe9.txt", story(3).encode())
    good.add(f"{folder}/latin1-caf\\xe9.txt")
    # UTF-16 and UTF-32, with and without a byte order mark, are text.
    put("utf16-bom.txt", story(4).encode("utf-16"))
    put("utf16le-nobom.txt", story(5).encode("utf-16-le"))
    put("utf32-bom.txt", story(6).encode("utf-32"))
    put("utf16be-nobom.md", story(7).encode("utf-16-be"))
    good |= {str(folder / n) for n in ("utf16-bom.txt", "utf16le-nobom.txt", "utf32-bom.txt", "utf16be-nobom.md")}
    # An article nested 300 <div>s deep (libxml2 drops what is deeper than 255 levels).
    good.add(str(put("deep.html", page(8, depth=300))))

    # Front matter dates YAML reads as timestamps but cannot build.
    put("bad-month.md", f"---\ntitle: A\ndate: 2022-13-45\n---\n{story(9)}".encode())
    bad["bad-month.md"] = "front matter holds a date that is not a calendar date"
    put("zero-date.md", f"---\ndate: 0000-00-00\n---\n{story(10)}".encode())
    bad["zero-date.md"] = "front matter holds a date that is not a calendar date"
    # Symlink loops: one link to itself, two links to each other.
    os.symlink("self-loop", folder / "self-loop")
    os.symlink("loop-b", folder / "loop-a")
    os.symlink("loop-a", folder / "loop-b")
    for name in ("self-loop", "loop-a", "loop-b"):
        bad[name] = "cannot read: Too many levels of symbolic links"
    # A named pipe blocks whoever opens it; a device never ends.
    os.mkfifo(folder / "pipe.txt")
    bad["pipe.txt"] = "a named pipe, not a file: not read"
    os.symlink("/dev/zero", folder / "zero.txt")
    bad["zero.txt"] = "a character device, not a file: not read"
    # A name with a newline and an ANSI colour sequence: printed escaped, never raw.
    put("evil\n\x1b[31mred.txt", b"%PDF-1.7\n\x00\x01\x02binary")
    bad["evil\\n\\x1b[31mred.txt"] = "binary file"
    # A text far longer than an article: refused before it is read.
    put("huge-line.txt", (story(11).strip() + " ").encode() * 90_000)
    bad["huge-line.txt"] = "more than an article of 1,000,000 characters can be"
    # An HTML page over the page limit (lowered to 200 kB for the run, below).
    put("big-page.html", page(12, padding=300_000))
    bad["big-page.html"] = "over the limit of 0.2 MB ($VOLTE_MAX_PAGE_BYTES): not parsed"

    # A WARC: one page, one page over the limit (skipped while streaming), one page; all stored but the big one.
    write_warc(
        folder / "crawl.warc.gz",
        [("https://example.org/a", page(13)), ("https://example.org/big", page(14, padding=400_000)),
         ("https://example.org/c", page(15)),
         ("https://example.org/\x1b[2Jmenu", b"<html><body><nav>Home</nav></body></html>")],
    )
    good |= {"https://example.org/a", "https://example.org/c"}
    bad["https://example.org/big"] = "the page is over the limit of 0.2 MB"
    bad["https://example.org/\\x1b[2Jmenu"] = "no article text found in the HTML"
    # A WARC cut inside its second record: the first is stored, the loss is reported.
    ends = write_warc(folder / "cut.warc.gz", [(f"https://example.org/cut{i}", page(16 + i)) for i in range(3)])
    data = (folder / "cut.warc.gz").read_bytes()
    (folder / "cut.warc.gz").write_bytes(data[: (ends[0] + ends[1]) // 2])
    good.add("https://example.org/cut0")
    bad["cut.warc.gz"] = "is cut short"
    return good, bad


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path, set[str], dict[str, str]]:
    root = tmp_path_factory.mktemp("bad")
    corpus = root / "corpus"
    good, bad = build_bad_corpus(corpus)
    env = {**os.environ, "VOLTE_MAX_PAGE_BYTES": "200000"}
    run = subprocess.run(
        [*VOLTE, "--db", str(root / "v.db"), "ingest", str(corpus), "--workers", "1"],
        capture_output=True, text=True, timeout=300, env=env, errors="surrogateescape",
    )
    return run, root / "v.db", good, bad


def test_every_good_file_is_stored(bad_run):
    run, db, good, _ = bad_run
    assert "Traceback" not in run.stderr, run.stderr
    sources = {row[0] for row in sqlite3.connect(db).execute("SELECT source FROM articles")}
    assert sources == good
    # Each good article gave its statement, with the right words (UTF-16/32 decoded, not mojibake).
    export = subprocess.run([*VOLTE, "--db", str(db), "export", "statements"], capture_output=True, text=True, check=True)
    texts = sorted(json.loads(line)["text"] for line in export.stdout.splitlines())
    assert [t for t in texts if t.startswith("We need")] == sorted(
        f"We need {i} more schools in the harbour district" for i in (1, 2, 3, 4, 5, 6, 7, 8, 13, 15, 16)
    )


def test_every_bad_file_is_skipped_with_its_reason_and_the_run_exits_1(bad_run):
    run, _, good, bad = bad_run
    assert run.returncode == 1, run.stderr
    skipped = [line for line in run.stderr.splitlines() if line.startswith("skipped ")]
    for name, reason in bad.items():
        assert any(name in line and reason in line for line in skipped), (name, reason, run.stderr)
    assert len(skipped) == len(bad), run.stderr
    assert f"{len(good)} new" in run.stderr


def test_names_are_printed_escaped(bad_run):
    run, _, _, _ = bad_run
    # No raw escape character reaches the terminal, and no name breaks a line: every line is a report line.
    assert "\x1b" not in run.stderr
    lines = run.stderr.splitlines()
    assert all(line.startswith("skipped ") for line in lines[:-1]), lines
    assert re.fullmatch(r"\d+ articles: \d+ new, 0 unchanged, \d+ failed; \d+ statements stored in [\d.]+s", lines[-1])
