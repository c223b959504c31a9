"""The report opened in a real browser: headless Chromium (Debian's `chromium`) driven by Playwright.

`make test` installs both (`make browser`); on a machine without /usr/bin/chromium this test is skipped, with
the reason. In CI it must run: the CI machine runs as root, so `make browser` installs chromium there.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chromium import ARGS, CHROMIUM, needs_chromium
from volte.record.report import write_report
from volte.store import Store

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: run `make browser`")
pytestmark = needs_chromium


def _build_story() -> Callable[..., Any]:
    """The hand-made story of tests/record/conftest.py (the sample corpus' planted story, stances by hand)."""
    path = Path(__file__).parent / "record" / "conftest.py"
    spec = importlib.util.spec_from_file_location("volte_test_story", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_story  # type: ignore[no-any-return]


def test_report_renders_chart_and_cards_without_errors(
    tmp_path: Path, make_article: Callable[..., Any], make_statement: Callable[..., Any]
) -> None:
    with Store.open(tmp_path / "story.db") as store:
        _build_story()(store, make_article, make_statement, with_copy=True)
        page_file = write_report(store, "Valcourt", tmp_path / "report.html")
    problems: list[str] = []
    requests: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            page.wait_for_load_state("load")
            charts = page.locator("section#timelines svg")
            assert charts.count() == 4  # Russia, NATO, United States, Vladimir Putin
            box = charts.first.bounding_box()
            assert box is not None and box["width"] > 600 and box["height"] > 100
            assert page.locator("svg circle").count() >= 8
            cards = page.locator("article.reversal")
            assert cards.count() == 2
            assert cards.first.locator(".side").count() == 2
            assert cards.first.locator("blockquote").first.is_visible()
            # The filter works (the page's script ran).
            rows = page.locator("#statements tbody tr:not(.hidden)")
            total = rows.count()
            page.fill("#filter", "NATO")
            assert 0 < rows.count() < total
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()
    assert problems == []
    assert [url for url in requests if not url.startswith("file:")] == []
