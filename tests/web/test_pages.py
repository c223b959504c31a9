"""The pages, in-process: what they show, their links, escaping, the correction form and its token."""

from __future__ import annotations

import re
from typing import Any

from serve_story import TOKEN, XSS_SPEAKER, XSS_WORDS, Client
from volte.model import entity_id

VALCOURT = entity_id("Marguerite Valcourt")
NATO = entity_id("NATO")


def test_search_page_highlights_the_words_and_links(client: Client, story: dict[str, Any]) -> None:
    html = client.get("/search", params={"q": "membership"}).text
    goal = story["statements"]["goal"]
    assert "<mark>membership</mark>" in html
    assert f'href="/statements/{goal.id}"' in html
    assert f'href="/speakers/{VALCOURT}"' in html
    assert f'href="/articles/{goal.article_id}#{goal.id}"' in html
    assert html.count('class="statement"') == 1
    # Filters from the form; an unknown speaker is said so.
    assert client.get("/search", params={"speaker": "Tomas Reinholt"}).text.count('class="statement"') == 2
    assert "no entity &#39;Nobody&#39;" in client.get("/search", params={"speaker": "Nobody"}).text


def test_search_pages_with_a_next_link(client: Client) -> None:
    from volte.web import pages

    old, pages.PAGE_SIZE = pages.PAGE_SIZE, 4
    try:
        html = client.get("/search").text
        assert html.count('class="statement"') == 4
        link = re.search(r'rel="next" href="([^"]+)"', html)
        assert link is not None
        second = client.get(link.group(1).replace("&amp;", "&")).text
        assert second.count('class="statement"') == 2 and 'rel="next"' not in second
    finally:
        pages.PAGE_SIZE = old


def test_speaker_page_charts_targets(client: Client) -> None:
    html = client.get(f"/speakers/{VALCOURT}").text
    assert html.count('<svg class="chart"') == 2  # NATO, Russia
    nato = html.index(f'href="/targets/{NATO}"')
    assert nato < html.index(f'href="/targets/{entity_id("Russia")}"')  # most statements first
    assert '<rect class="favor"' in html and '<rect class="against"' in html
    assert ">2016<" in html and ">2022<" in html  # a time axis in years
    assert "No change of stance found." in html


def test_target_page_who_spoke_for_and_against(client: Client) -> None:
    html = client.get(f"/targets/{NATO}").text
    rows = re.findall(r'<tr><td><a href="/speakers/(e_\w+)">([^<]*)</a></td><td class="n">(\d+)</td>'
                      r'<td class="n favor-text">(\d+)</td><td class="n against-text">(\d+)</td>', html)
    assert [(name, n, f, a) for _, name, n, f, a in rows] == [
        ("Marguerite Valcourt", "2", "1", "1"), ("Eve &lt;b&gt;Hacker&lt;/b&gt;", "1", "0", "0"),
        ("Tomas Reinholt", "1", "0", "1")]


def test_statement_page_highlights_the_words_in_the_article(client: Client, story: dict[str, Any]) -> None:
    goal = story["statements"]["goal"]
    html = client.get(f"/statements/{goal.id}").text
    assert f'<mark id="highlight" class="statement-words">{goal.text}</mark>' in html
    # The paragraph around it, without the other paragraph of the article.
    context = html[html.index('<p class="context">') :]
    context = context[: context.index("</p>")]
    assert "She added:" in context and "Russia bears" not in context
    assert "https://ledger.example/war" in html and "Ada Byline" in html
    assert f'action="/statements/{goal.id}/correct"' in html


def test_xss_payload_stays_text(client: Client, story: dict[str, Any]) -> None:
    xss = story["statements"]["xss"]
    for url in (f"/statements/{xss.id}", f"/articles/{xss.article_id}", "/search?q=script",
                f"/speakers/{entity_id(XSS_SPEAKER)}", f"/targets/{NATO}", "/speakers"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Hacker" not in html, url
        assert "&lt;b&gt;Hacker&lt;/b&gt;" in html, url
    html = client.get(f"/statements/{xss.id}").text
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in html
    assert XSS_WORDS not in html
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/volte.js" defer>']


def test_correction_form_needs_the_token(client: Client, story: dict[str, Any]) -> None:
    relic = story["statements"]["relic"].id
    form = {"field": "speaker", "name": "Petra Lind", "type": "person", "who": "Desk", "token": "wrong"}
    refused = client.post(f"/statements/{relic}/correct", data=form)
    assert refused.status_code == 401 and "token" in refused.text
    assert "Tomas Reinholt" in client.get(f"/statements/{relic}").text
    done = client.post(f"/statements/{relic}/correct", data={**form, "token": TOKEN})
    assert done.status_code == 303
    page = client.get(done.headers["location"]).text
    assert "Correction 1 recorded." in page
    assert f'<h1 class="speaker-name"><a href="/speakers/{entity_id("Petra Lind")}">Petra Lind</a></h1>' in page


def test_unknown_pages_are_404_pages(client: Client) -> None:
    for url in ("/statements/s_nothing", "/speakers/e_nobody", "/articles/a_none", "/clusters/c_none", "/nope"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"].startswith("text/html")
        assert "<h1>404</h1>" in response.text
