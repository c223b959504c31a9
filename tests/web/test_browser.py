"""`volte serve` in a real browser: headless Debian Chromium driven by Playwright, against a real uvicorn.

search -> statement page -> the words highlighted in their article -> a correction with the token -> the
corrected speaker shows, on the statement page and in the search; no console error, no request off the server;
an XSS payload in an article stays text. Skipped, with the reason, where there is no Chromium (`make browser`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chromium import ARGS, CHROMIUM, needs_chromium
from serve_story import TOKEN, XSS_WORDS

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: run `make browser`")
pytestmark = needs_chromium


@pytest.fixture
def browser_page(live_server: str) -> Any:
    problems: list[str] = []
    requests: list[str] = []
    dialogs: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))

            def on_dialog(dialog: Any) -> None:
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.expected_problems = []  # type: ignore[attr-defined]
            yield page
        finally:
            browser.close()
    # Chromium logs the status of a refused form post: only the refusals a test asks for may appear.
    assert problems == page.expected_problems
    assert dialogs == []
    assert [url for url in requests if not url.startswith(live_server)] == []


def test_search_statement_highlight_correction(live_server: str, browser_page: Any, story: dict[str, Any]) -> None:
    page = browser_page
    relic = story["statements"]["relic"]
    page.goto(f"{live_server}/")
    page.fill("input[name=q]", "world no longer")
    page.click("form.search button[type=submit]")
    page.wait_for_url("**/search?q=world+no+longer*")
    results = page.locator("article.statement")
    assert results.count() == 1
    assert page.locator("article.statement mark").first.inner_text().lower() == "world"
    assert results.first.locator(".speaker").inner_text() == "Tomas Reinholt"
    results.first.locator("a.open").click()
    page.wait_for_url(f"**/statements/{relic.id}")
    # The words are highlighted inside the article's text, scrolled into view by the page's script.
    mark = page.locator("#article mark#highlight")
    assert mark.inner_text() == relic.text
    assert mark.is_visible() and mark.bounding_box() is not None
    page.wait_for_function("() => { const r = document.getElementById('highlight').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= window.innerHeight; }")
    assert page.locator("#copy-link").is_visible()  # the script ran (it unhides the button)
    # The source article opens at the statement.
    page.click("dl.facts a[href^='/articles/']")
    page.wait_for_url(f"**/articles/{relic.article_id}#{relic.id}")
    assert page.locator(f"a.st[id='{relic.id}']").inner_text() == relic.text
    page.go_back()
    # A wrong token is refused; the right one records the correction and the new speaker shows.
    form = page.locator("form.correction").first
    form.locator("input[name=name]").fill("Petra Lind")
    form.locator("input[name=who]").fill("Desk editor")
    form.locator("input[name=token]").fill("not the token")
    form.locator("button[type=submit]").click()
    assert "a write needs the server's token" in page.locator("p.error").inner_text()
    page.expected_problems.append("Failed to load resource: the server responded with a status of 401 (Unauthorized)")
    page.go_back()
    form = page.locator("form.correction").first
    form.locator("input[name=name]").fill("Petra Lind")
    form.locator("input[name=token]").fill(TOKEN)
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/statements/{relic.id}?corrected=*")
    assert page.locator("h1.speaker-name").inner_text() == "Petra Lind"
    assert "Correction 1 recorded." in page.locator("#corrected").inner_text()
    page.goto(f"{live_server}/search?q=world+no+longer")
    assert page.locator("article.statement .speaker").first.inner_text() == "Petra Lind"
    page.click("article.statement .speaker")
    assert page.locator("h1").inner_text() == "Petra Lind"
    page.screenshot(path=str(Path(story["path"]).parent / "speaker.png"), full_page=True)


def test_xss_payload_in_an_article_stays_text(live_server: str, browser_page: Any, story: dict[str, Any]) -> None:
    page = browser_page
    xss = story["statements"]["xss"]
    for url in (f"/statements/{xss.id}", f"/articles/{xss.article_id}", "/search?q=script"):
        page.goto(live_server + url)
        page.wait_for_load_state("load")
        assert page.locator("main script, main img, main b").count() == 0, url
        assert XSS_WORDS in page.locator("main").inner_text(), url
    page.goto(f"{live_server}/statements/{xss.id}")
    assert page.locator("#highlight").inner_text() == XSS_WORDS
    assert page.locator("h1.speaker-name").inner_text() == "Eve <b>Hacker</b>"
