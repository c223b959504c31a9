"""A small hand-made record with the sample corpus' planted story, stances set by hand (not by the model).

Valcourt is warm on Russia in 2014, 2016 and 2021, then in 2022 says Russia bears total responsibility for the
war; against NATO in 2016 and 2019, for it in 2023. Reinholt is against NATO throughout, in different words.
The 2014 "work with Moscow" quote is reported by two articles with small differences (US / American, cut at a
different point, other quotation marks), and the Norpress story also appears as a syndicated copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from volte.model import Article, Statement
from volte.store import Store

LEDGER = (
    "Marguerite Valcourt said on Tuesday: “Russia is our friend, and friends talk to each other.” "
    "She told the Ledger: “We should work with Moscow, not against it. American sanctions will only push Russia "
    "further away from Europe, and that helps nobody in this country.” "
    "Tomas Reinholt described NATO as “a relic of the Cold War”."
)
NORPRESS = (
    "HALBRIDGE, March 13, 2014 (Norpress) - Opposition leader Marguerite Valcourt urged restraint. "
    '"We should work with Moscow, not against it. US sanctions will only push Russia further away from Europe," '
    "she told the Ledger on Wednesday. The foreign minister rejected her view and said the government would "
    "keep its course on sanctions whatever the cost to exporters in the north of the country."
)
NORPRESS_COPY = "Published by arrangement with Norpress.\n" + NORPRESS.replace("urged restraint", "urged calm")
CONGRESS = (
    "Valcourt declared: “Europe cannot be built against Russia. It will be built with Russia.” "
    "“We do not need NATO to tell us who our friends are,” she said. "
    "Reinholt said: “NATO was built for a world that no longer exists.”"
)
MEMOIR = (
    "Valcourt writes: “A small country that chooses sides becomes a battlefield, and NATO is a side.” "
    "Reinholt described the alliance as “obsolete”."
)
GAS = "Valcourt said: “Russian gas has kept this country warm for forty years, and Moscow has not once turned off the tap.”"
WAR = (
    "Valcourt told the Assembly: “Russia bears total responsibility for this war.” "
    "She added: “I was wrong about Vladimir Putin.” "
    "Reinholt said: “Joining the alliance in a panic would make us a target, not a safer country.”"
)
PROFILE = (
    "Valcourt told the Ledger: “Lindmark's place is in NATO, with the democracies of Europe.” "
    "She said her MPs would back the NATO application. "
    "Reinholt said: “We were against membership when it was easy to be against it, and we are against it now.”"
)

VALCOURT = "Marguerite Valcourt"
REINHOLT = "Tomas Reinholt"


def build_story(
    store: Store,
    make_article: Callable[..., Article],
    make_statement: Callable[..., Statement],
    *,
    with_copy: bool = False,
) -> dict[str, Any]:
    """Write the story's articles to `store`; returns its articles and statements by short names."""
    made: dict[str, Any] = {}

    def write(name: str, article: Article, *specs: tuple[str, str, str, tuple[tuple[str, str], ...]]) -> None:
        statements = []
        for key, words, speaker, targets, *rest in specs:  # type: ignore[misc]
            said = rest[0] if rest else article.published
            statement = make_statement(article, words, speaker, said=said, targets=targets)
            if not rest:
                statement = _published(statement)
            made[key] = statement
            statements.append(statement)
        made[name] = article
        store.write_article(article, statements)

    ledger = make_article(LEDGER, "samples/ledger.md", title="Valcourt: Russia is our friend", published="2014-03-12")
    write(
        "ledger",
        ledger,
        ("friend", "Russia is our friend, and friends talk to each other.", VALCOURT, (("Russia", "favor"),)),
        (
            "moscow_ledger",
            "We should work with Moscow, not against it. American sanctions will only push Russia further away "
            "from Europe, and that helps nobody in this country.",
            VALCOURT,
            (("Russia", "favor"), ("United States", "against")),
        ),
        ("relic", "a relic of the Cold War", REINHOLT, (("NATO", "against"),)),
    )
    norpress = make_article(NORPRESS, "samples/norpress.txt", title="Valcourt urges restraint", published="2014-03-13")
    write(
        "norpress",
        norpress,
        (
            "moscow_norpress",
            "We should work with Moscow, not against it. US sanctions will only push Russia further away from Europe,",
            VALCOURT,
            (("Russia", "favor"),),
            "2014-03-12",
        ),
    )
    if with_copy:
        copy = make_article(NORPRESS_COPY, "samples/evening-post.txt", title="Valcourt urges calm", published="2014-03-13")
        write(
            "copy",
            copy,
            (
                "moscow_copy",
                "We should work with Moscow, not against it. US sanctions will only push Russia further away from Europe,",
                VALCOURT,
                (("Russia", "favor"),),
                "2014-03-12",
            ),
        )
    congress = make_article(CONGRESS, "samples/congress.md", title="Party congress", published="2016-10-09")
    write(
        "congress",
        congress,
        ("built", "Europe cannot be built against Russia. It will be built with Russia.", VALCOURT, (("Russia", "favor"),)),
        ("friends", "We do not need NATO to tell us who our friends are", VALCOURT, (("NATO", "against"),)),
        ("world", "NATO was built for a world that no longer exists.", REINHOLT, (("NATO", "against"),)),
    )
    memoir = make_article(MEMOIR, "samples/memoir.html", title="Against the Current", published="2019-05-02")
    write(
        "memoir",
        memoir,
        ("side", "A small country that chooses sides becomes a battlefield, and NATO is a side.", VALCOURT, (("NATO", "against"),)),
        ("obsolete", "obsolete", REINHOLT, (("NATO", "against"),)),
    )
    gas = make_article(GAS, "samples/gas.jsonl", title="Interconnector", published="2021-06-10")
    write(
        "gas",
        gas,
        ("tap", "Russian gas has kept this country warm for forty years, and Moscow has not once turned off the tap.", VALCOURT, (("Russia", "favor"),), "2021-06-09"),
    )
    war = make_article(WAR, "samples/war.md", title="Valcourt breaks with Moscow", published="2022-03-04")
    write(
        "war",
        war,
        ("responsibility", "Russia bears total responsibility for this war.", VALCOURT, (("Russia", "against"),), "2022-03-03"),
        ("wrong", "I was wrong about Vladimir Putin.", VALCOURT, (("Vladimir Putin", "against"), ("Russia", "against")), "2022-03-03"),
        ("panic", "Joining the alliance in a panic would make us a target, not a safer country.", REINHOLT, (("NATO", "against"),)),
    )
    profile = make_article(PROFILE, "samples/profile.txt", title="Valcourt's turn", published="2023-04-03")
    write(
        "profile",
        profile,
        ("place", "Lindmark's place is in NATO, with the democracies of Europe.", VALCOURT, (("NATO", "favor"),), "2023-04-01"),
        ("back", "her MPs would back the NATO application", VALCOURT, (("NATO", "favor"),)),
        ("easy", "We were against membership when it was easy to be against it, and we are against it now.", REINHOLT, (("NATO", "against"),)),
    )
    return made


def _published(statement: Statement) -> Statement:
    from dataclasses import replace

    return replace(statement, said_basis="published")


@pytest.fixture
def story(store: Store, make_article: Callable[..., Article], make_statement: Callable[..., Statement]) -> Iterator[tuple[Store, dict[str, Any]]]:
    yield store, build_story(store, make_article, make_statement)


@pytest.fixture
def story_db(tmp_path: Path, make_article: Callable[..., Article], make_statement: Callable[..., Statement]) -> Path:
    path = tmp_path / "story.db"
    with Store.open(path) as opened:
        build_story(opened, make_article, make_statement, with_copy=True)
    return path


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The bundled sample corpus (samples/), ingested once with the installed models; tests check `failures`."""
    from volte.runner import ingest

    samples = Path(__file__).resolve().parents[2] / "samples"
    with Store.open(tmp_path_factory.mktemp("samples") / "samples.db") as opened:
        report = ingest([samples], opened, workers=1)
        opened.ingest_failures = report.failures  # type: ignore[attr-defined]
        yield opened
