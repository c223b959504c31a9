"""A small hand-made store for the HTTP API and the pages: statements written by hand, stances set by hand.

Valcourt is against NATO in 2016 and for it in 2022; Reinholt is against it; an activist's quotation carries an
XSS payload (HTML in the article text, in the words and in the speaker's name), which must stay text everywhere.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from volte.store import Store

WAR = (
    "Marguerite Valcourt told the Assembly: “Russia bears total responsibility for this war.”\n\n"
    "She added: “NATO membership is now our goal.”"
)
CONGRESS = (
    "Valcourt said: “We do not need NATO to tell us who our friends are.”\n"
    "Reinholt said: “NATO was built for a world that no longer exists.”"
)
XSS_WORDS = '<script>alert("xss")</script><img src=x onerror=alert(1)> is what NATO hides'
XSS = f"The activist wrote: “{XSS_WORDS}.” Nobody answered."
XSS_SPEAKER = "Eve <b>Hacker</b>"
INDIRECT = "Reinholt said the plan would fail because nobody wanted it."


def build_serve_store(path: Path, make_article: Callable[..., Any], make_statement: Callable[..., Any]) -> dict[str, Any]:
    """Write the story to a new store at `path`; returns the statements and articles by short name."""
    war = make_article(WAR, source="ledger/war.md", title="Valcourt breaks with Moscow", published="2022-03-04",
                       url="https://ledger.example/war", author="Ada Byline")
    congress = make_article(CONGRESS, source="ledger/congress.md", title="Party congress", published="2016-05-01")
    xss = make_article(XSS, source="blog/<xss>.html", title="<i>Blog</i> post", published="2019-01-01")
    indirect = make_article(INDIRECT, source="wire/plan.txt", title="The plan", published="2020-02-02")
    s = {
        "russia": make_statement(war, "Russia bears total responsibility for this war.", "Marguerite Valcourt",
                                 said="2022-03-04", targets=(("Russia", "against"),)),
        "goal": make_statement(war, "NATO membership is now our goal.", "Marguerite Valcourt", said="2022-03-04",
                               targets=(("NATO", "favor"),)),
        "friends": make_statement(congress, "We do not need NATO to tell us who our friends are.",
                                  "Marguerite Valcourt", said="2016-05-01", targets=(("NATO", "against"),)),
        "relic": make_statement(congress, "NATO was built for a world that no longer exists.", "Tomas Reinholt",
                                said="2016-05-01", targets=(("NATO", "against"),)),
        "xss": make_statement(xss, XSS_WORDS, XSS_SPEAKER, said="2019-01-01", targets=(("NATO", "neutral"),)),
        "plan": make_statement(indirect, "the plan would fail because nobody wanted it", "Tomas Reinholt",
                               kind="indirect", voice="reported"),
    }
    with Store.open(path) as store:
        store.write_article(war, [s["russia"], s["goal"]])
        store.write_article(congress, [s["friends"], s["relic"]])
        store.write_article(xss, [s["xss"]])
        store.write_article(indirect, [s["plan"]])
    return {"statements": s, "articles": {"war": war, "congress": congress, "xss": xss, "indirect": indirect}}


TOKEN = "s3cret-token"


class Client:
    """A synchronous face on httpx.AsyncClient + ASGITransport: one request, one event loop."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://volte.test") as client:
                return await client.request(method, url, **kwargs)

        return asyncio.run(go())

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)


@pytest.fixture
def story(tmp_path: Path, make_article: Callable[..., Any], make_statement: Callable[..., Any]) -> dict[str, Any]:
    """The hand-made store (build_serve_store), with its path."""
    built = build_serve_store(tmp_path / "serve.db", make_article, make_statement)
    built["path"] = tmp_path / "serve.db"
    return built


@pytest.fixture
def client(story: dict[str, Any]) -> Client:
    """A server with a write token."""
    from volte.api import create_app

    return Client(create_app(story["path"], token=TOKEN))
