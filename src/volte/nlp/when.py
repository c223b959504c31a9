"""When each statement was said: one stage of small named rules over an article's statements, in text order.

    said_dates(utterances, page) -> list[Dated]

A statement's date comes from the clause that introduces it (`said on Tuesday`, `in a 2012 interview`), else from
the discourse around it: a time word that points back (`Cruz said at the time`, `the following morning`) takes the
time the text gave last; a perfect tense (`has said`) is earlier than the article but undated; the follow-on
quotations and reports of one speaker's speech, debate or interview share the day their passage set; a statement
made at an event the text dated takes its date; a headline statement the day of the statements it summarises; a
statement after the lead the day the lead gives the event the article reports; the rest keep the publication date.
Dates inside the quoted or reported words are about their content, never the utterance: the rules read the words
around statements only, with every statement's own words blanked.

The date phrases themselves (months, weekdays, `last week`, `il y a deux ans`, the time words that point back)
are data, in `resources/dates_<language>.yaml`, read by `dates.py`. Each rule here is registered with its example
sentences (attribution/rules.py), and the rule that dated a statement is recorded on it (`("said", name)`). What
the rules read is in `when_page.py`; the rules that read the passage around a statement (the sentence before it,
the document it quotes, a quotation right after it, a source dated later) are in `when_passage.py`, in the one
order of the stage below.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any

from volte.model import SaidBasis
from volte.nlp import dates
from volte.nlp.attribution.rules import NOBODY, Example, _Nobody, first, rule, stage
from volte.nlp.when_page import (
    LEAD_MOST,
    LEAD_PARAGRAPHS,
    LEAD_WORDS,
    PAST_YEARS,
    Dated,
    Found,
    Page,
    Utterance,
    unquoted,
)
from volte.nlp.when_page import page_of as page_of  # (re-exported: extract.py reads the page from here)
from volte.nlp.when_passage import (
    counted_year,
    dated_after,
    document_passage,
    occasion_before,
    scene_findings,
    source_dated_later,
    speaker_sentence,
    when_clause,
    written_year,
)

# How many paragraphs back a time word may point: the one it sits in and the two before it.
_ANAPHOR_REACH = 2


def _shift(said: str, days: int, published: str | None) -> str:
    """`said` moved by whole days when it is a day (`the following morning`), never past publication."""
    if days == 0 or len(said) != 10:
        return said
    moved = (date.fromisoformat(said) + timedelta(days=days)).isoformat()
    return moved if published is None or moved <= published else said


# --- the rules -----------------------------------------------------------------------------------------------


@rule(
    "said",
    examples=[
        Example("Roe said on Tuesday that the plan would fail.", "Roe", "the plan would fail", said="2022-04-05"),
        Example("In a 2014 interview, Roe said the plan would fail.", "Roe", "the plan", said="2014"),
        Example("Roe a déclaré mardi que le plan échouerait.", "Roe", "le plan", said="2022-04-05", language="fr"),
    ],
)
def own_clause(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """The date the statement's own clause gives: `said on Tuesday`, `in a 2012 interview`, `told reporters last
    week`. Not a date before a cue set off as an aside inside the words reported (`In December 2020, he said,
    Government "approved …"`): that date is the content's, the time of what was done, not of the saying."""
    return dates.find_date(_aside_head_blanked(u.context, u.cue), page.published, page.language, cue=u.cue)


def _aside_head_blanked(context: str, cue: str | None) -> str:
    """`context` with the words before an aside cue of its sentence blanked: `In December 2020, he said, …` ->
    `                , he said, …` (the same length: what reads it counts offsets)."""
    if not cue:
        return context
    m = re.search(rf"(?:^|(?<=[.!?\n]))([^.!?\n]*?),\s+(?:[\w.'’-]+\s+){{1,4}}?{re.escape(cue)}\s*,\s", context)
    if m is None:
        return context
    return context[: m.start(1)] + " " * len(m.group(1)) + context[m.end(1) :]


@rule(
    "said",
    examples=[
        Example(
            "Roe spoke at the convention in July.\n\n\"We will not back down,\" Roe said at the time.",
            "Roe", "We will not back down", said="2021-07",
        ),
        Example(
            "Roe refused to endorse Ames during a speech at the convention in July.\n\nAt a breakfast the following "
            "morning, Roe said she would not back Ames.", "Roe", "she would not back Ames", said="2021-07",
        ),
    ],
)
def time_anaphor(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A time word that points back (`at the time`, `then`, `the following morning`): the time the text gave last,
    in the narration, the reported words of an earlier statement (not its quotations) or an earlier statement's
    date, in this or the two paragraphs before."""
    days = dates.anaphor(u.context, page.language)
    if days is None:
        return None
    here = page.paragraph_of(u.start)
    since = page.paragraphs[max(0, here - _ANAPHOR_REACH)]
    # (The narration, and the reported words of earlier statements, not their quotations: "Cruz refused to endorse
    # Trump during a speech at the convention in July. … At a breakfast the following morning, Cruz said …")
    told = dates.dates_in(unquoted((page.text or page.narrative)[since : u.start]), page.published, page.language,
                          asides=True)
    best: tuple[int, str, SaidBasis | None] | None = (since + told[-1][0], told[-1][1], told[-1][2]) if told else None
    for d in earlier:
        # (A time the text gave for an earlier statement; not one carried to it from its speaker's passage.)
        if d.said and d.rule in ("own_clause", "counted_year", "time_anaphor") and since <= d.utterance.start < u.start:
            if best is None or d.utterance.start >= best[0]:
                best = (d.utterance.start, d.said, d.basis)
    if best is None:
        return None, "before"  # "Cruz said at the time", and the text gave no time: earlier, undated
    return _shift(best[1], days, page.published), best[2]


@rule(
    "said",
    examples=[Example("The court previously heard Roe admit to forgetting the screws.", "Roe", "forgetting",
                      said=None)],
)
def said_previously(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """`The court previously heard Hartley admit …`, `Roe had earlier told police …`: a word of anteriority in the
    statement's own clause (`anteriority` in dates_<lang>.yaml) with no date there makes it earlier than the
    article, undated."""
    return (None, "before") if dates.says_earlier(u.context, u.cue, page.language) else None


@rule(
    "said",
    examples=[Example("Roe has long said the plan would fail.", "Roe", "the plan would fail", said=None)],
)
def perfect_tense(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A speech act in the perfect (`has said`, `have argued`, `avait déclaré`): earlier than the article, undated."""
    if u.position:
        return None  # "have opposed the deal": a position held, at the publication date
    return (None, "before") if dates.is_perfect(u.context, u.cue, page.language) else None


@rule(
    "said",
    examples=[
        Example(
            "The mayors sent a letter to Ames on Tuesday.\n\n\"The plan is unlawful,\" the mayors wrote.",
            "mayors", "The plan is unlawful", said="2022-04-05",
        ),
        Example(
            "The Daily Caller dug up a 1995 story from the Times.\n\n\"Roe has erased much of his debt,\" the Times wrote.",
            "Times", "Roe has erased", said="1995",
        ),
    ],
)
def written_words(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """Words written (`they wrote`, `it reads`) were written in the document the text told of last, in this or the
    two paragraphs before, and take the date it gave it (`sent a letter on Tuesday`, `a 1995 story`)."""
    since = page.paragraphs[max(0, page.paragraph_of(u.start) - _ANAPHOR_REACH)]
    # (In the narration: a document the speakers' own words name, `the tweet yesterday`, is about their content.)
    before = page.narrative[since : u.start]
    return written_year(dates.written_date(u.cue, before, page.published, page.language), before, page)


@rule(
    "said",
    examples=[
        Example(
            "Speaking in Ohio on Tuesday, Roe said the plan would fail.\n\n\"It is over,\" Roe added.",
            "Roe", "It is over", said="2022-04-05",
        ),
        # (a dateline opening the next paragraph is no scene of its own: `8 avril 2022. - « … » affirme-t-il`)
        Example(
            "La ministre Claire Roux a déclaré dimanche que « la réforme est juste ».\n\n8 avril 2022. - « Nous irons "
            "jusqu'au bout » affirme Claire Roux devant les députés.", "Claire Roux", "Nous irons", said="2022-04-03", language="fr",
        ),
    ],
)
def speaker_passage(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """The day set for an earlier statement of the same speaker (`dedicating the museum on Saturday, Obama said …`)
    dates their later ones: the rest of one speech, debate or interview, until another speaker's turn is dated.
    Only a day or week around the article carries, not a year recalled."""
    if u.speaker is None:
        return None
    for d in reversed(earlier):
        if d.utterance.start > u.start:
            continue  # (a passage runs forward: the body is dated before the headline, which is not its passage)
        if d.utterance.speaker != u.speaker:
            if d.basis in ("explicit", "relative") and d.rule in ("own_clause", "counted_year"):
                return None  # another speaker's dated turn in between: the passage has moved on
            continue
        if d.said is None or d.basis not in ("explicit", "relative"):
            continue
        # (Only a day or week around the article: a year recalled, `in 1972`, is that one statement's.)
        return (d.said, d.basis) if d.basis == "relative" else None
    return None


@rule(
    "said",
    examples=[
        Example(
            "Roe and Ames met in Monday's debate.\n\nRoe complained about the rules the morning after the debate, "
            "saying the moderators were unfair.", "Roe", "the moderators were unfair", said="2022-04-05",
        ),
    ],
)
def beside_event(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """The statement's clause places it beside an event the text dated (`the morning after the debate`, `the day
    before the debate`, `on the eve of the summit`): the event's day moved by the days the phrase says."""
    return dates.beside_event(u.context, page.narrative[: u.start], page.published, page.language)


@rule(
    "said",
    examples=[
        Example(
            "In a March 2016 meeting with the editors, Roe said the plan would fail. \"It is over,\" Roe added.",
            "Roe", "It is over", said="2016-03",
        ),
        Example(
            "Two years ago, Roe toured the plant. \"It is over,\" Roe said.", "Roe", "It is over", said="2020",
        ),
    ],
)
def scene_frame(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A sentence of the paragraph, before the statement, that opens on the time of its scene (`In late September,
    a group of parents sent a letter …`, `In a March 2016 meeting with the editorial board, Trump said …`) sets
    the time of the statements after it in that paragraph. A time given later in a sentence (`He bought the bridge
    in 2014.`) is that sentence's own and sets nothing; nor is a statement in the present (`In August, the telescope
    detected hundreds of bursts. Many were too faint to see, says Li.`: said now, to the reporter), nor one whose
    own words tell of a later day (`Le 29 février, … X a relevé que « … (le 20 mai dernier) … »`)."""
    if u.present:
        return None
    start = page.paragraphs[page.paragraph_of(u.start)]
    found = dates.scene(page.narrative[start : u.start], page.published, page.language)
    if found and found[0] and page.text and _after_in_words(found[0], page.text[u.start : u.end], page):
        return None  # the statement's words tell of a later day, so it was not said in that scene
    if found and dates.is_past_perfect(u.context, u.cue, page.language):
        return None, "before"  # `In 2016, … Ivana had claimed that …`: before the scene, undated
    return found


def _after_in_words(said: str, words: str, page: Page) -> bool:
    """The words said name a day later than `said` and not after publication (`(le 20 mai dernier)` in words the
    scene would date the 29th of February): they were said after it."""
    for _, inner, _ in dates.dates_in(words, page.published, page.language, asides=True):
        n = min(len(inner), len(said))
        if inner[:n] > said[:n]:
            return True
    return False


@rule(
    "said",
    examples=[
        Example(
            "Roe and Ames met in Monday's debate.\n\nAmes told the debate audience that taxes would fall.",
            "Ames", "taxes would fall", said="2022-04-04",
        ),
    ],
)
def same_event(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A statement that names again an event the text dated (`told the debate audience`, `said in the letter`,
    `At his cookout, …`) was made at it: the date of its last dated mention before."""
    return _at_event(u.context, u, page)


def _at_event(context: str, u: Utterance, page: Page) -> Found | None:
    """The date the text gave, before the statement, to the event `context` says it was made at, if any."""
    event = dates.event_named(context, page.language)
    if event is None:
        return None
    return dates.event_date(page.narrative[: u.start], event, page.published, page.language)


@rule(
    "said",
    examples=[
        Example(
            "A poll released Friday shows Roe ahead.\n\nThe poll found that voters trust Roe.",
            "poll", "voters trust Roe", said="2022-04-08",
        ),
    ],
)
def dated_document(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A poll, letter, report or study that speaks (`The poll found …`, `the letter reads`) says it when it came
    out: the date the text gave it at its last dated mention (`A Reuters/Ipsos poll released Friday`)."""
    return _at_event(f"in the {u.speaker_words.split()[-1]}", u, page) if u.speaker_words else None


@rule(
    "said",
    examples=[
        Example(
            "Roe and Ames met the workers in Ohio on Tuesday to defend the plan.\n\nAmes said the plan would help.",
            "Ames", "the plan would help", said="2022-04-05",
        ),
    ],
)
def lead_participant(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """The lead paragraph dates the event the article reports (`Burma's leader visited the White House on
    Wednesday`); a later statement of a person the lead names as taking part was made at it."""
    if u.speaker_name is None:
        return None
    found = _lead_day(u, page)
    if found is None:
        return None
    lead, end, said = found
    surname = u.speaker_name.split()[-1]
    if not re.search(rf"\b{re.escape(surname)}\b", page.narrative[lead:end]):
        return None
    return said, "relative"


def _lead_day(u: Utterance, page: Page) -> tuple[int, int, str] | None:
    """The lead's span and the first day it gives before the statement (`on Wednesday`). The lead runs from the
    headline to the end of the second paragraph of running text: a deck or a byline line before it is part of
    it, and so is the paragraph that follows the first sentence of a report (`The shooting, which occurred
    Tuesday afternoon, …`)."""
    start = page.headline_end
    starts = [p for p in page.paragraphs if p >= start] + [len(page.narrative)]
    end, first_end, long_ones = start, None, 0
    for a, b in list(pairwise(starts))[:LEAD_MOST]:
        end = b
        if len((page.text or page.narrative)[a:b].split()) >= LEAD_WORDS:
            long_ones += 1
            first_end = first_end or b
            if long_ones == LEAD_PARAGRAPHS:
                break
    if u.start < (first_end or starts[min(1, len(starts) - 1)]):
        return None  # (the lead's own statements are dated by their own words)
    end = min(end, page.paragraphs[page.paragraph_of(u.start)])  # (the lead before the statement's paragraph)
    day = _first_day(page.narrative, start, end, page.published, page.language)
    return (start, end, day) if day else None


@lru_cache(maxsize=64)
def _first_day(narrative: str, start: int, end: int, published: str | None, language: str) -> str | None:
    """The first day a relative date of `narrative[start:end]` gives (`on Wednesday`): the same lead for every
    statement after it, read once (the lead's few ends, each statement's paragraph's, are the cache's keys)."""
    days = [d for d in dates.dates_in(narrative[start:end], published, language, asides=True)
            if d[2] == "relative" and len(d[1]) == 10]
    return days[0][1] if days else None


@rule(
    "said",
    examples=[
        Example(
            "Thousands marched in Ohio on Tuesday against the plan.\n\nThe union said the plan would hurt.",
            "union", "the plan would hurt", said="2022-04-05",
        ),
    ],
)
def lead_event(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """The lead paragraph dates the event the article reports (`European leaders gathered Friday`); a later
    statement the text does not date otherwise was made at it or in answer to it, that day."""
    found = _lead_day(u, page)
    return (found[2], "relative") if found else None


@rule(
    "said",
    examples=[
        Example(
            "Roe Says The Plan Will Fail.\n\nSpeaking in Ohio on Tuesday, Roe said the plan would fail by June.",
            "Roe", "The Plan Will Fail", said="2022-04-05", title="Roe Says The Plan Will Fail.",
        ),
    ],
)
def headline_summary(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A statement in the headline summarises the speaker's statements of the article: it takes the day or week the
    text gives them most often (the headline is dated after the body, which it summarises)."""
    if u.end > page.headline_end or u.speaker is None:
        return None
    days = Counter(d.said for d in earlier if d.utterance.speaker == u.speaker and d.utterance.start >= page.headline_end
                   and d.basis == "relative" and d.said and len(d.said) == 10)  # (a day, not a month recalled)
    if not days:
        return None
    said, _ = days.most_common(1)[0]
    return said, "relative"


@rule(
    "said",
    examples=[
        Example(
            "Roe Wins.\n\nLawmaker says he will back Ames.\n\nSen. Lee Roe of Ohio said on Tuesday that he "
            "would back Ames in the race, ending months of silence about the primary and its result.",
            "Lawmaker", "he will back Ames", said="2022-04-05", title="Roe Wins.",
        ),
    ],
)
def headline_news_day(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A statement in the headline whose speaker the body names otherwise (`Senator from Texas says …`, `Member of
    House panel says …`) summarises the article's news: the day the body's statements give most often."""
    if u.end > page.headline_end:
        return None
    days = Counter(d.said for d in earlier if d.utterance.start >= page.headline_end and d.basis == "relative"
                   and d.rule == "own_clause" and d.said and len(d.said) == 10)
    return (days.most_common(1)[0][0], "relative") if days else None


@rule(
    "said",
    examples=[
        Example(
            "In 1990, Roe left the party after a bitter fight over taxes.\n\nRoe believed the party had lost its way "
            "and wanted a new one.", "Roe", "the party had lost its way", said=None,
        ),
        Example(
            "In early 1924, Roe's trial for treason began.\n\nRoe was sent to jail, where he wrote a book.\n\nRoe "
            "believed the party had lost its way and wanted a new one.", "Roe", "the party had lost its way",
            said=None,
        ),
    ],
)
def recounted_past(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A statement in a passage that recounts the past (an essay's history, a profile's youth): the narration of its
    paragraph and the one before gives years, all long before the article (`In 1993, radical Islamists bombed the
    World Trade Center`), and no time near it. It is earlier than the article and undated (`before`), not said at
    publication; not when its cue only reports speech (`said`, `told`: what a person recalls to the reporter)."""
    here = page.paragraph_of(u.start)
    if u.cue is None:  # (a quotation that goes on: the cue of the speaker's statement before it in the paragraph)
        before = [d.utterance for d in earlier if d.utterance.speaker == u.speaker and d.utterance.start < u.start
                  and page.paragraph_of(d.utterance.start) == here]
        u = before[-1] if before else u
    if u.present or page.published is None or dates.reporting(u.cue, page.language):
        return None  # ("Mr. Clarke said he began to rethink his life's goals": said to the reporter, now)
    since = page.paragraphs[max(0, here - 1)]
    until = page.paragraphs[here + 1] if here + 1 < len(page.paragraphs) else len(page.narrative)
    found = dates.dates_in(unquoted(page.narrative[since:until]), page.published, page.language, asides=True)
    if not found and u.cue is not None and u.speaker is not None:
        # No time in or near its paragraph: the passage goes on from the last time the narration gave, a few
        # paragraphs back (`In early 1924, his trial … began` … `Hitler believed books were for the weak-hearted`);
        # a statement with no cue or no speaker of its own is not read so.
        back = page.paragraphs[max(0, here - _RECOUNTED_REACH)]
        found = dates.dates_in(unquoted(page.narrative[back:since]), page.published, page.language, asides=True)[-1:]
    latest = int(page.published[:4]) - PAST_YEARS
    if found and all(int(said[:4]) <= latest for _, said, _ in found):
        return None, "before"
    return None


_RECOUNTED_REACH = 3  # paragraphs back to the narration's last time, when a statement's own give none


@rule("said", examples=[Example("Roe said the plan would fail.", "Roe", "the plan would fail", said="2022-04-08")])
def publication_date(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | _Nobody:
    """Nothing in the text dates it: undated reported speech is recent, the publication date (news convention)."""
    return (page.published, "published") if page.published else NOBODY


SAID_RULES = stage(
    "said",
    (counted_year, own_clause, time_anaphor, said_previously, perfect_tense, beside_event, scene_frame, written_words, document_passage,
     speaker_sentence, occasion_before, speaker_passage, when_clause, same_event, dated_document, scene_findings, headline_summary,
     headline_news_day, dated_after, lead_participant, lead_event, source_dated_later, recounted_past, publication_date),
)


def said_dates(utterances: list[Utterance], page: Page) -> list[Dated]:
    """The date of each statement of an article, `utterances` in text order."""
    body = [u for u in utterances if u.end > page.headline_end]
    heads = [u for u in utterances if u.end <= page.headline_end]
    done: list[Dated] = []  # (what the rules read as `earlier`: the body in text order, then the headline)
    for u in body + heads:  # (the headline last: it summarises the body)
        found: Any
        found, name = first(SAID_RULES, u, done, page)
        said, basis = found if found is not None else (None, None)
        done.append(Dated(u, said, basis, name))
    return done[len(body) :] + done[: len(body)] if heads else done
