"""The report page: self-contained, escaped, with charts, cards and every statement."""

from __future__ import annotations

import re

from click.testing import CliRunner

from volte.cli import cli
from volte.record.report import write_report
from volte.store import Store

HOSTILE = '</blockquote><script>alert("x")</script><img src=x onerror=alert(1)>'


def test_report_has_charts_cards_and_every_statement(story_db, tmp_path):
    with Store.open(story_db) as store:
        page = write_report(store, "Valcourt", tmp_path / "v.html").read_text(encoding="utf-8")
        ids = [s.id for s, _ in store.iter_statements(speaker="Marguerite Valcourt")]
    assert page.count('<article class="card reversal">') == 2
    assert page.count("<svg ") == 4  # Russia, NATO, United States, Vladimir Putin
    assert "Russia: favor → against" in page
    for statement_id in ids:
        assert f'<tr id="{statement_id}">' in page
    assert "a copy of another article" in page
    assert "chars 115–264" in page or "115–264" in page  # offsets of the Ledger's "work with Moscow" quote


def test_report_is_self_contained(story_db, tmp_path):
    with Store.open(story_db) as store:
        page = write_report(store, "Valcourt", tmp_path / "v.html").read_text(encoding="utf-8")
    assert not re.search(r"""<(script|link|img|iframe)[^>]*\s(src|href)=["']?https?:""", page)
    assert "@import" not in page and "url(" not in page


def test_quote_text_is_escaped(tmp_path, make_article, make_statement):
    article = make_article(f"Ann Berg said: “{HOSTILE}”", "x.txt", title='<b>"bold"</b>', url="javascript:alert(1)")
    quote = make_statement(article, HOSTILE, "Ann Berg", said="2020", targets=(("NATO", "favor"),))
    with Store.open(tmp_path / "x.db") as store:
        store.write_article(article, [quote])
        page = write_report(store, "Ann Berg", tmp_path / "x.html").read_text(encoding="utf-8")
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<script>alert" not in page and '<b>"bold"</b>' not in page and "&lt;b&gt;" in page
    assert 'href="javascript:' not in page
    assert page.count("<script>") == 1  # the page's own


def test_report_command(story_db, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["--db", str(story_db), "report", "Reinholt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"report written to {out}\n"
    page = out.read_text(encoding="utf-8")
    assert "Tomas Reinholt" in page and "No change of stance found" in page
    missing = CliRunner().invoke(cli, ["--db", str(story_db), "report", "Nobody", "-o", str(out)])
    assert missing.exit_code == 2 and "no speaker matches 'Nobody'" in missing.output


def test_timeline_and_reversals_commands(story_db):
    runner = CliRunner()
    timeline = runner.invoke(cli, ["--db", str(story_db), "timeline", "Valcourt", "--target", "NATO"])
    assert timeline.exit_code == 0, timeline.output
    assert "2016-10-09" in timeline.output and "2023-04-01" in timeline.output and "Russia" not in timeline.output
    reversals = runner.invoke(cli, ["--db", str(story_db), "reversals"], terminal_width=200)
    assert reversals.exit_code == 0, reversals.output
    assert "Russia" in reversals.output and "Tomas Reinholt" not in reversals.output
