"""The date rules that read the passage around a statement rather than its own clause: the quotations of one
document in a row (`document_passage`), a year counted back that the text wrote out (`counted_year`), the sentence
before that dates the speaker's act or the occasion they spoke at (`speaker_sentence`, `occasion_before`), a
when- or which-clause of a dated event (`when_clause`), a quotation right after that dates what the text summed up
(`dated_after`) and a source the text dates later (`source_dated_later`). Their order among the other rules is the
stage `said` in `when.py`; each is registered with its examples (attribution/rules.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from volte.model import SaidBasis
from volte.nlp import dates
from volte.nlp.attribution.rules import Example, rule
from volte.nlp.when_page import PAST_YEARS, Dated, Found, Page, Utterance, unquoted


@rule(
    "said",
    examples=[
        Example(
            "By the fall of 2010, the party had lost the House.\n\nPolls showed that few voters cared about it.",
            "Polls", "few voters cared about it", said="2010",
        ),
    ],
)
def scene_findings(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A poll, survey, study or report that tells what it found (`Polls showed that few Americans …`), in the
    paragraph right after one that opens on a time of the past (`By the fall of 2010, …`), with no time of its own
    before it: its findings are of that time, not of the article's day."""
    if u.speaker_name is not None or not u.speaker_words:
        return None
    here = page.paragraph_of(u.start)
    if here == 0 or not dates.names_findings(u.speaker_words, page.language):
        return None
    start = page.paragraphs[here]
    if dates.dates_in(unquoted(page.narrative[start : u.start]), page.published, page.language, asides=True):
        return None
    found = dates.scene(page.narrative[page.paragraphs[here - 1] : start], page.published, page.language)
    return found if found and found[0] and found[1] == "explicit" else None


@rule(
    "said",
    examples=[
        Example(
            "The aides dug up a 1998 column by Roe.\n\n\"The port will close,\" the column read.\n\n\"Its workers will "
            "leave,\" the column added.", "column", "Its workers will", said="1998",
        ),
    ],
)
def document_passage(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """The quotations of one document in consecutive paragraphs (`"…," the article read.` then `"…," it added.`,
    `"…," the Times wrote.`) were all written in it: the next one, written (`wrote`) or going on (`added`), takes
    the date the document gave the one right before it, when no other statement comes between."""
    if not earlier or not dates.goes_on_writing(u.cue, page.language):
        return None
    d = earlier[-1]
    if d.rule not in ("written_words", "document_passage") or d.said is None or d.utterance.start >= u.start:
        return None
    if u.speaker_name is not None and u.speaker != d.utterance.speaker:
        return None  # (a person's quotation: their own words, not the document's)
    if page.paragraph_of(u.start) - page.paragraph_of(d.utterance.start) > 1:
        return None
    return d.said, d.basis


def written_year(found: Found | None, text: str, page: Page) -> Found | None:
    """A year counted back (`Twenty-two years ago` in 2016: 1994) is a round figure: the explicit year within one
    of it that `text` writes (`a 1995 story from the Times`) is the year meant."""
    if found is None or found[1] != "relative" or len(found[0] or "") != 4 or page.published is None:
        return found
    year = int(found[0] or 0)
    if year > int(page.published[:4]) - 2:
        return found  # (`last year`, `this year`: a year named, not counted)
    written = [said for _, said, basis in dates.dates_in(unquoted(text), page.published, page.language, asides=True)
               if basis == "explicit" and abs(int(said[:4]) - year) <= 1]
    return (written[-1], "explicit") if written else found


@rule(
    "said",
    examples=[
        Example(
            "The aides dug up a 1997 essay by Roe. Twenty-six years ago, Roe wrote that the port would close.",
            "Roe", "the port would close", said="1997",
        ),
    ],
)
def counted_year(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """The statement's own clause counts years back (`Twenty-two years ago, a Times article hailed …`), a round
    figure: the explicit year within one of it that the paragraph wrote before (`a 1995 story from the Times`) is
    the year meant."""
    found = dates.find_date(u.context, page.published, page.language, cue=u.cue)
    if found is None or found[1] != "relative" or len(found[0] or "") != 4:
        return None
    start = page.paragraphs[page.paragraph_of(u.start)]
    better = written_year(found, page.narrative[start : u.start], page)
    return better if better != found else None


@rule(
    "said",
    examples=[
        Example(
            "The vote is a risk for Roe, who refused to back Ames at the party congress in March. Roe urged the "
            "delegates to \"vote freely\" and said he would stay neutral.", "Roe", "he would stay neutral", said="2022-03",
        ),
        Example(
            "Mr. Roe runs the old ferry. He bought it in 2019 with a state loan.\n\nMr. Roe planned to sell the ferry "
            "to the county.", "Roe", "to sell the ferry", said="2019",
        ),
    ],
)
def speaker_sentence(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """The sentence right before the statement's (in its paragraph, or ending the one before), names the speaker and dates what they did
    (`Cruz, who refused to endorse Trump during a speech at the convention in July.`), and the statement's sentence
    goes on narrating that person's acts (`Cruz exhorted Republicans to "vote your conscience" and said …`): the
    statement belongs to that act and takes its date, read in the narration and the reported words of earlier
    statements, not in quotations. Not after a plain `Roe said` (said to the reporter, now)."""
    framed = _sentence_before(u, page)
    if framed is None:
        return None
    here, para, before, surname = framed
    # (Named, or a person the sentence opens on as he or she: "He bought the bridge in 2014." then "Mr. Clarke
    # planned to …")
    if not re.search(rf"\b{re.escape(surname)}\b", before) and not (
        u.speaker_name and dates.opens_on_pronoun(before, page.language)
    ):
        return None
    found = dates.dates_in(unquoted(before), page.published, page.language, asides=True)
    if not found or (here <= para and found[-1][2] != "explicit"):
        return None  # (across paragraphs only a date written out, `in 2014`: a relative one is the news of that day)
    return _not_long_past(found[-1][1], found[-1][2], page)


def _sentence_before(u: Utterance, page: Page) -> tuple[int, int, str, str] | None:
    """For a statement whose sentence narrates an act of its speaker (`Cruz exhorted …`, `Reid frequently mocked
    …`, `Sen. Claire McCaskill (D-Mo.) scolded him: …`, not a plain `Roe said`): where its sentence and paragraph
    begin, the sentence before it (in its paragraph, or ending the one before) and the speaker's surname."""
    if u.present or page.published is None:
        return None
    names = [w for w in (u.speaker_name, u.speaker_words) if w]
    if not names:
        return None
    text = page.text or page.narrative
    para = page.paragraphs[page.paragraph_of(u.start)]
    here = max(dates.sentence_start(text, u.start), para)
    if here > para:
        before = text[max(dates.sentence_start(text, here - 1), para) : here]
    else:  # (the statement opens its paragraph: the last sentence of the one before)
        end = len(text[:para].rstrip())
        before = text[dates.sentence_start(text, max(end - 1, 0)) : end] if end else ""
    surname = names[0].split()[-1]
    # (A plain `Clarke said …` after `He sold the mine in 1999.` may be said to the reporter now.)
    act = re.search(rf"\b{re.escape(surname)}\s+(?:\([^)]*\)\s+)?(?:\w+ly\s+)?(\w+)", text[here : u.end + 80])
    # (Or it narrates a scene, opening on what happened as they spoke: "As a phone rang, the announcer said, …")
    if (act is None or dates.reporting(act.group(1), page.language)) and not dates.opens_on_scene(
        text[here : u.end + 80], page.language
    ):
        return None
    return here, para, before, surname


def _not_long_past(said: str, basis: SaidBasis, page: Page) -> Found | None:
    """`said`, unless it is a decade or more before the article (`In 1990, Roe left the party.`: a past recounted,
    earlier and undated, `recounted_past`)."""
    return None if int(said[:4]) <= int((page.published or "0")[:4]) - PAST_YEARS else (said, basis)


@rule(
    "said",
    examples=[
        Example(
            "The union won the attention of the Senate, where its leader testified at a 2019 hearing.\n\nSen. Ann "
            "Ames scolded him: \"You broke the law.\"", "Ann Ames", "You broke the law", said="2019",
        ),
        Example(
            "A famous Roe ad in 2015 asked who would keep the plant open. As a siren wailed, the narrator said, "
            "\"Roe will.\"", "narrator", "Roe will", said="2015",
        ),
    ],
)
def occasion_before(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """The sentence right before the statement's (in its paragraph, or ending the one before) dates an occasion of
    speech (`…, where he appeared at a 2014 Senate hearing …`), and the statement's sentence narrates its speaker's
    act (`Sen. Claire McCaskill (D-Mo.) scolded him: "…"`) or a scene of it (`A Clinton ad in 2008 questioned …
    As a phone rang, the announcer said, "…"`): said there, that date, when written out."""
    framed = _sentence_before(u, page)
    if framed is None:
        return None
    _, _, before, _ = framed
    occasion = dates.speech_occasion(unquoted(before), page.language)
    if occasion is None:
        return None
    found = [f for f in dates.dates_in(before[: occasion + _OCCASION_REACH], page.published, page.language, asides=True)
             if f[2] == "explicit" and abs(f[0] - occasion) <= _OCCASION_REACH]
    return _not_long_past(found[-1][1], found[-1][2], page) if found else None


# How far from an occasion's word its date may be: "at a 2014 Senate hearing", "the convention in July 2016".
_OCCASION_REACH = 40


@rule(
    "said",
    examples=[
        Example(
            "In his 2009 book, Roe called debt a trap.\n\nBack when he wrote his book, Roe said that loans were a "
            "last resort.", "Roe", "loans were a last resort", said="2009",
        ),
        Example(
            "Critics point to the 1998 flood in Ohio, when the city wrongly stated that the dam was safe.", "city",
            "the dam was safe", said="1998",
        ),
        Example(
            "Then came Roe's 2011 memoir, which described the war and argued that the peace was fragile.",
            "memoir", "the peace was fragile", said="2011",
        ),
    ],
)
def when_clause(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """The statement's clause is a when-clause of an event or a document the text dated (`Back when he wrote his
    book, Mr. McKinley said …` after `In his 2002 book`), or a when- or which-clause of a noun that carries its year
    (`the 2000 election in Florida, when the state incorrectly stated …`, `Jared Diamond's 2005 best seller, which
    … discussed …`): that date."""
    found = dates.when_dated(u.context, u.cue, page.published, page.language)
    if found:
        return found
    event = dates.when_event(u.context, page.language)
    if event is None:
        return None
    # (In the narration and the reported words of earlier statements, not their quotations: "In his 2002 book,
    # ''Make Your Kid a Millionaire,'' Mr. McKinley suggested …" may be read as one statement.)
    return dates.event_date(unquoted((page.text or page.narrative)[: u.start]), event, page.published, page.language)


@rule(
    "said",
    examples=[
        Example(
            "Ames courted the farmers by telling them that the plan would save their land.\n\n\"Your farms will "
            "thrive,\" she said in March. \"Trust me.\"", "Ames", "the plan would save", said="2022-03",
        ),
    ],
)
def dated_after(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A statement the text sums up, then quotes or cites right after, dating the words in the clause that refers
    back to the same speaker (`He recently pitched himself to African-Americans by telling them that …` then `"…,"
    he said in August.`; `…, according to the Congressional Budget Office` then `…, the agency said in a June
    report`): that month or year. Only the first date after it, up to the end of the next paragraph."""
    if u.cue is None or u.present or page.published is None:
        return None
    here = page.paragraph_of(u.start)
    until = page.paragraphs[here + 2] if here + 2 < len(page.paragraphs) else len(page.narrative)
    # (The text, quotations blanked: the cue that refers back may be a piece of the next statement, `"…," he said in
    # August. "…"`)
    after = unquoted((page.text or page.narrative)[u.end : until])
    found = dates.dates_in(after, page.published, page.language, asides=True)
    if not found:
        return None
    at, said, basis = found[0]
    if len(said) == 10 or not dates.refers_back(after[max(0, at - _REFER_REACH) : at], page.language):
        return None  # (a day is the news of that day, not a passage summed up)
    return said, basis


# How far before the date the clause that refers back to the speaker may begin: ", the agency said in".
_REFER_REACH = 40


# How many paragraphs after a source's statement the text may date the document it cites.
_LATER_REACH = 16


@rule(
    "said",
    examples=[
        Example(
            "Roe's cures are bunk, according to the Ohio Medical Review.\n\nRoe sells pills on television.\n\nA 2019 "
            "study in the Ohio Medical Review found that most of his advice was wrong.", "Ohio Medical Review",
            "Roe's cures are bunk", said="2019",
        ),
    ],
)
def source_dated_later(u: Utterance, earlier: Sequence[Dated], page: Page) -> Found | None:
    """A source cited before the text dates it (`… is unsubstantiated, according to the British Medical Journal.`,
    then `A 2014 study that appeared in the British Medical Journal found …`; `as The New Yorker put it`, then `In
    The New Yorker's long profile of Oz in 2013 …`): a publication or body, not a person, whose name comes back in
    a later sentence with a document of it and a written date; the statement cites that document."""
    if u.speaker_name is not None or not u.speaker_words or page.published is None:
        return None
    name = u.speaker_words.strip()
    if len(name.split()) < 2 and not name[:1].isupper():
        return None  # (a bare description, `the agency`, is no name to find again)
    here = page.paragraph_of(u.start)
    until = page.paragraphs[here + _LATER_REACH] if here + _LATER_REACH < len(page.paragraphs) else len(page.narrative)
    after = unquoted(page.narrative[u.end : until])
    for m in re.finditer(rf"\b{re.escape(name)}\b", after, re.IGNORECASE):
        start = dates.sentence_start(after, m.start())
        end = min((x for x in (after.find(". ", m.end()), after.find("\n", m.end())) if x != -1), default=len(after))
        sentence = after[start:end]
        if not dates.names_document(sentence, page.language):
            continue
        found = [f for f in dates.dates_in(sentence, page.published, page.language, asides=True) if f[2] == "explicit"]
        if found:
            return found[0][1], "explicit"
    return None
