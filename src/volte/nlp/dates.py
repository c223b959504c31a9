"""When a statement was made: a date stated near the quotation, else the article's publication date.

`find_said(context, published, language)` reads the words that introduce one quotation or reported statement
(the quoted words themselves removed by the caller) and returns `(said, said_basis)`:

- `("2014-02", "explicit")` for a date written out: "In February 2014 the minister declared that";
- `("2022-04-01", "relative")` for a date resolved against the publication date: ", Roe said last Friday.";
- `(published, "published")` when the context states no usable date; `(None, None)` without a published date.

`said` has the precision the words give: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A date after the publication date
is never returned. The rules are tight on purpose: a wrong date is worse than the publication date.

The parsing is volte's own regular expressions, not dateparser: on these short phrases dateparser takes about
1 ms a call (a `search_dates` over a context about 3 ms), does not say which precision it found ("in March"
comes back as a full date), and misses French forms such as "jeudi dernier" and "l'an dernier". Here a context
without any date word is dismissed by one compiled regex (a few microseconds); one with a date costs tens of
microseconds.

The word tables (months, weekdays, fixed phrases, occasions of speech...) are data, in
`resources/dates_<language>.yaml`; the grammar that combines them is `_GRAMMAR` below. A language without a
table gets only the ISO rule ("2022-04-03").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TypeAlias

from volte.model import SaidBasis
from volte.resources import load_yaml

# The years volte believes in: 1900-2099 ("in 2014", not "in 3000").
_YEAR = r"(?:19|20)\d\d"

# The grammar, per language, in the order rules are tried: a span taken by an earlier rule is not read again,
# so "on 3 April 2022" is one full date, not also "April 2022" or "3 April". Placeholders in <ANGLES> are
# filled from the language's word table. Each rule is (kind, pattern); the kinds are resolved by _RESOLVERS.
_GRAMMAR: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        # An ISO date: "in a statement dated 2022-04-03".
        ("date", r"\b(?P<year><YEAR>)-(?P<monthnum>\d\d)-(?P<day>\d\d)\b"),
        # Day, month, year: "on 3 April 2022", "on Sunday, the 3rd of April, 2022".
        (
            "date",
            r"(?:\bon\s+)?(?:\b<WD>,?\s+)?(?:\bthe\s+)?\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            r"(?P<month><MONTH>),?\s+(?P<year><YEAR>)\b",
        ),
        # Month, day, year: "on April 3, 2022", "Sunday, Apr. 3, 2022".
        (
            "date",
            r"(?:\bon\s+)?(?:\b<WD>,?\s+)?\b(?P<month><MONTH>)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+"
            r"(?P<year><YEAR>)\b",
        ),
        # A year (and month) before an occasion of speech: "in a 2014 interview", "during the 2017 campaign",
        # "a 1995 story from the Times", "A 2014 study by Harvard".
        (
            "occasion",
            r"\b(?:(?:in|during|at|from)\s+)?(?:the|a|an|his|her|their|its|that)\s+(?:(?P<month><MONTH>)\s+)?"
            r"(?P<year><YEAR>)\s+(?:[\w'-]+\s+){0,4}?(?:<OCCASION>)s?\b",
        ),
        # A month alone before an occasion: "In an August speech", "the agency said in a June report".
        (
            "month",
            r"\b(?:in|during|at)\s+(?:the|a|an|his|her|their|its|that)\s+(?P<month><MONTH>)\s+"
            r"(?:[\w'-]+\s+){0,3}?(?:<OCCASION>)s?\b",
        ),
        # Month and year after "in": "In February 2014 the minister declared", "in early March 2020".
        (
            "month_year",
            r"\b(?:(?:in|during)\s+(?:early\s+|late\s+|mid-)?|(?:early|late)\s+|mid-)"
            r"(?P<month><MONTH>),?\s+(?P<year><YEAR>)\b",
        ),
        # A year after "in": "in 2014", "back in 2014", "in late 2019"; not "in 2014 people", "in 2014-15", "in 2014 and 2015".
        (
            "year",
            r"\b(?:in|during)\s+(?:early\s+|late\s+|mid-)?(?P<year><YEAR>)\b"
            r"(?!\s*(?:[-–—/%]|(?:to|and|or)\s+\d|<QUANTITY>\b))",
        ),
        # A season and its year: "in the fall of 2010", "By the spring of 2014", "in late summer 2019".
        (
            "year",
            r"\b(?:in|during|by)\s+(?:the\s+)?(?:(?:early|late)\s+)?(?:<SEASON>)(?:\s+of)?\s+(?P<year><YEAR>)\b"
            r"(?!\s*[-–—/])",
        ),
        # Day and month without a year, after "on" or a weekday: "on March 3", "on Tuesday, March 3".
        (
            "day_month",
            r"\b(?=(?:on|<WDU>)\b)(?:on\s+)?(?:<WD>,?\s+)?(?:the\s+)?"
            r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            r"(?P<month><MONTH>)|(?P<month2><MONTH>)\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)(?!\w|\.\d|,?\s*\d)",
        ),
        # A month without a year after "in": "in March", "in early June"; not "in March 2014" (taken above).
        (
            "month",
            r"\b(?:(?:in|during)\s+(?:early\s+|late\s+|mid-)?|(?:early|late)\s+|mid-)(?P<month><MONTH>)"
            r"(?!\w)(?!\.?,?\s*\d)",
        ),
        # A weekly broadcast, said on it: "on CBS's "Face the Nation"", "on "Meet the Press"" (the table's
        # `weekly_shows`): its last airing on or before publication.
        ("show", r"\bon\s+(?:[\w.&-]+'s\s+)?[\"“]?(?P<show><SHOW>)(?![\w-])"),
        # A holiday: "at a Labor Day cookout", "on Christmas Eve" (the table's `holidays`).
        ("holiday", r"(?<![\w-])(?P<holiday><HOLIDAY>)(?![\w-])"),
        # "last Friday", "this past Monday": the weekday strictly before publication.
        ("last_weekday", r"\b(?:last|this\s+past)\s+<WD>(?!\w)"),
        # A plain weekday: "Speaking on Thursday, she added", "Roe said Friday"; not "Friday next week".
        ("weekday", r"(?:\bon\s+)?\b<WD>(?!\w)(?!\s+(?:<WD_X>)\b)"),
        # Fixed phrases: "yesterday", "last month", "last year"; not BBC Radio 4's "Today programme".
        ("phrase", r"\b(?P<phrase><PHRASE>)\b(?!'s\s+(?:programme|show)|\s+(?:programme|program|show)\b)"),
        # A count back: "two years ago", "a month ago", "10 days ago".
        # "Twenty-two years ago" is 22, never "two years ago".
        ("ago", r"(?<![\w-])(?P<n>(?:<NUMBER>)(?:-(?:<NUMBER>))?|\d{1,2})\s+(?P<unit><UNIT>)\s+ago\b"),
    ),
    "fr": (
        # Une date ISO : "dans un communiqué daté du 2022-04-03".
        ("date", r"\b(?P<year><YEAR>)-(?P<monthnum>\d\d)-(?P<day>\d\d)\b"),
        # Jour, mois, année : "le 14 mars 2024", "le mardi 1er mars 2022".
        (
            "date",
            r"(?:\ble\s+)?(?:\b<WD>\s+)?\b(?P<day>\d{1,2})(?:er)?\s+(?P<month><MONTH>)\s+(?P<year><YEAR>)\b",
        ),
        # Une occasion de parole datée : "lors de la campagne de 2017", "dans un entretien de février 2014".
        (
            "occasion",
            r"\b(?:<OCCASION>)s?(?:\s+[\w'-]+){0,3}?\s+de\s+(?:(?P<month><MONTH>)\s+)?(?P<year><YEAR>)\b",
        ),
        # Mois et année : "en février 2014", "début mars 2020", "fin juin 2019".
        (
            "month_year",
            r"\b(?:en|début|fin|mi-|courant|au\s+mois\s+de)\s*(?P<month><MONTH>)\s+(?P<year><YEAR>)\b",
        ),
        # Une année : "en 2014", "fin 2019" ; pas "en 2014 personnes", ni "en 2014 et 2015".
        (
            "year",
            r"\b(?:en|début|fin|mi-|courant)\s*(?P<year><YEAR>)\b"
            r"(?!\s*(?:[-–—/%]|(?:à|et|ou)\s+\d|<QUANTITY>\b))",
        ),
        # Une saison et son année : "à l'automne 2010", "au printemps 2014", "dès l'été de 2019".
        (
            "year",
            r"(?:\b(?:à|dès|depuis)\s+l['’]|\b(?:au|en)\s+)(?:(?:début|fin)\s+de\s+l['’])?(?:<SEASON>)(?:\s+de)?\s+"
            r"(?P<year><YEAR>)\b(?!\s*[-–—/])",
        ),
        # Jour et mois sans année : "le 3 mars", "mardi 3 mars", "la session du 19 juin".
        (
            "day_month",
            r"\b(?=(?:le|du|<WDU>)\b)(?:(?:le|du)\s+)?(?:<WD>\s+)?(?P<day>\d{1,2})(?:er)?\s+(?P<month><MONTH>)"
            r"(?!\w)(?!\s*\d)",
        ),
        # Un mois sans année : "en mars", "début juin".
        (
            "month",
            r"\b(?:en|début|fin|mi-|courant|au\s+mois\s+de)\s*(?P<month><MONTH>)(?!\w)(?!\s*\d)",
        ),
        # Une fête : "le soir de Noël", "à la Toussaint" (la table `holidays`).
        ("holiday", r"(?<![\w-])(?P<holiday><HOLIDAY>)(?![\w-])"),
        # "jeudi dernier", "lundi passé" : le jour strictement avant la publication.
        ("last_weekday", r"\b<WD>\s+(?:dernier|passé)\b"),
        # Un jour seul : "a-t-il déclaré jeudi", "ce lundi" ; pas "jeudi prochain", "vendredi saint".
        ("weekday", r"(?:\bce\s+)?\b<WD>(?!\w)(?!\s+(?:<WD_X>)\b)"),
        # Expressions figées : "hier", "l'an dernier" ; pas le journal "Aujourd'hui en France".
        ("phrase", r"(?<![\w-])(?P<phrase><PHRASE>)(?![\w-])(?!\s+en\s+France\b)"),
        # Un compte à rebours : "il y a trois ans", "il y a un mois".
        ("ago", r"\bil\s+y\s+a\s+(?P<n><NUMBER>|\d{1,2})\s+(?P<unit><UNIT>)(?!\w)"),
    ),
}

# Any other language: only the unambiguous ISO form ("2022-04-03").
_UNIVERSAL: tuple[tuple[str, str], ...] = (_GRAMMAR["en"][0],)

# Side clauses whose dates are about something else: "Roe, who was elected in 2014, said", "(born 1950)".
_ASIDES = {
    "en": r",\s*(?:who|whom|whose|which|where)\b[^,;:]*|\([^)]*\)",
    "fr": r",\s*(?:qui|dont|où|lequel|laquelle|lesquels|lesquelles)\b[^,;:]*|\([^)]*\)",
}

# Determiners between an excluding word and the date: "after the March 3 vote", "avant le 3 mai".
_DETERMINERS = r"(?:(?:the|a|an|le|la|les|l'|un|une)\s*)?"


@dataclass(frozen=True)
class _Language:
    """One language's compiled rules and the tables their matches are read with."""

    prefilter: re.Pattern[str]
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    excluding: re.Pattern[str] | None
    asides: re.Pattern[str] | None
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    phrases: dict[str, tuple[str, int]]
    anaphors: re.Pattern[str] | None = None  # "at the time", "the following morning": a time given before
    anaphor_days: dict[str, int] | None = None  # what each adds to the time it points back to, in days
    perfect: re.Pattern[str] | None = None  # the auxiliaries of an earlier, undated speech act: "has said"
    past_perfect: re.Pattern[str] | None = None  # the auxiliaries of a past perfect: "had claimed"
    anteriority: re.Pattern[str] | None = None  # words that put a speech act before the article: "previously"
    clause_end: re.Pattern[str] | None = None  # what may follow a one-word time word: "he said then."
    not_after: frozenset[str] = frozenset()  # words after which a time word does not point back: "why then"
    events: re.Pattern[str] | None = None  # a dated event named again: "at the debate", "in the letter"
    event_prepositions: frozenset[str] = frozenset()  # "at", "during", "in": said at the event
    scene_openers: re.Pattern[str] | None = None  # a sentence that opens on the time of its scene: "In late May, …"
    scene_breakers: re.Pattern[str] | None = None  # a sentence that opens on another time: "Meanwhile, …", "Now …"
    beside_event: re.Pattern[str] | None = None  # a day beside an event: "the morning after the debate"
    beside_days: dict[str, int] | None = None  # the days each adds to the event's: "day before" -1
    written_cues: re.Pattern[str] | None = None  # cues of words written: "wrote", "reads"
    speech_occasions: re.Pattern[str] | None = None  # where people speak: "hearing", "debate", "rally"
    refers_back: re.Pattern[str] | None = None  # a cue whose subject refers back: "he said", "the agency said"
    scene_clauses: re.Pattern[str] | None = None  # a sentence opening on its scene: "As a phone rang, …"
    pronouns: re.Pattern[str] | None = None  # a sentence that opens on a person as its subject: "He", "She"
    when_event: re.Pattern[str] | None = None  # a when-clause naming an event: "back when he wrote his book"
    when_dated: re.Pattern[str] | None = None  # a clause of a dated noun: "the 2000 election, when the state …"
    going_on_cues: re.Pattern[str] | None = None  # cues of a quotation that goes on: "it added", "it continued"
    reporting: re.Pattern[str] | None = None  # cues that only report speech: "said", "told"
    documents: re.Pattern[str] | None = None  # what words are written in: "letter", "story", "op-ed"
    perfect_of_today: frozenset[str] = frozenset()  # cues whose perfect is today's news: "has learned"
    findings: re.Pattern[str] | None = None  # what tells what it found: "poll", "survey", "study"
    holidays: dict[str, dict[str, int]] | None = None  # "labor day": {month: 9, weekday: 0, nth: 1}
    holiday_reach: int = 0  # how many days before publication a holiday may be, at most
    shows: dict[str, int] | None = None  # a weekly broadcast and the weekday it airs: "face the nation": 6


def _alternation(words: Iterable[object] | None) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    ordered = sorted((str(w) for w in words or ()), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or r"(?!)"


def _fold(word: str) -> str:
    """A matched word as a table key: lower case, single spaces, no abbreviation stop ("Aug." -> "aug")."""
    return " ".join(word.lower().rstrip(".").split())


@cache
def _language(language: str) -> _Language:
    """The rules for `language`, compiled once; the universal ISO rule for a language without a table."""
    try:
        table = load_yaml(f"dates_{language}.yaml")
    except FileNotFoundError:
        iso = re.compile(_UNIVERSAL[0][1].replace("<YEAR>", _YEAR))
        return _Language(iso, (("date", iso),), None, None, {}, {}, {}, {}, {})
    months: dict[str, int] = dict(table["months"])
    abbreviations: dict[str, int] = dict(table.get("month_abbreviations") or {})
    exact = {str(w).lower(): str(w) for w in table.get("case_sensitive_months") or ()}
    # "May" is a month only capitalised ("in May"), never the modal verb ("may").
    month_words = [f"(?-i:{re.escape(exact[w])})" if w in exact else re.escape(w) for w in months]
    month_words = sorted(month_words, key=len, reverse=True)
    # Abbreviations only with their stop: "Aug. 3", not the word "mar".
    month_words += [re.escape(w) + r"\." for w in sorted(abbreviations, key=len, reverse=True)]
    month_re = "|".join(month_words)
    weekday_re = _alternation(table["weekdays"])
    phrases = {_fold(k): (str(v[0]), int(v[1])) for k, v in table["phrases"].items()}
    fills = {
        "<YEAR>": _YEAR,
        "<MONTH>": f"(?:{month_re})",
        "<WD>": f"(?P<weekday>{weekday_re})",  # a weekday the resolver reads
        "<WDU>": f"(?:{weekday_re})",  # a weekday only matched
        "<WD_X>": _alternation(table.get("weekday_excluding_after")),
        "<NUMBER>": _alternation(table["numbers"]),
        "<UNIT>": _alternation(table["units"]),
        "<PHRASE>": _alternation(table["phrases"]),
        "<OCCASION>": _alternation(table["occasions"]),
        "<QUANTITY>": _alternation(table.get("quantities")),
        "<HOLIDAY>": _alternation(table.get("holidays")),
        "<SHOW>": f"(?-i:{_alternation(table.get('weekly_shows'))})",
        "<SEASON>": _alternation(table.get("seasons")),
    }
    rules = []
    for kind, template in _GRAMMAR[language]:
        pattern = template
        for token, fill in fills.items():
            pattern = pattern.replace(token, fill)
        rules.append((kind, re.compile(pattern, re.IGNORECASE)))
    # Every rule needs a digit, a month, a weekday, a counted unit or a fixed phrase (which holds its longest
    # word): a lower-cased context with none of these words has no date. "Dupont told reporters:" stops here.
    triggers = [*months, *abbreviations, *table["weekdays"], *table["units"]]
    triggers += [max(re.findall(r"\w+", str(phrase)), key=len) for phrase in table["phrases"]]
    # (A holiday or a show by its whole name: "state", "press" or "day" alone would let most contexts through.)
    triggers += [str(name).replace("\u2019", "'") for name in [*(table.get("holidays") or ()), *(table.get("weekly_shows") or ())]]
    prefilter = re.compile(rf"\d|\b(?:{_alternation(w.lower() for w in triggers)})")
    excluding = re.compile(
        rf"(?<!\w)(?:{_alternation(table.get('excluding'))})\s*{_DETERMINERS}$", re.IGNORECASE
    )
    anaphors: dict[str, int] = {_fold(k): int(v) for k, v in (table.get("anaphors") or {}).items()}
    auxiliaries = table.get("perfect_auxiliaries")
    return _Language(
        anaphors=re.compile(rf"(?<![\w'-])(?:{_alternation(anaphors)})(?![\w'-])", re.IGNORECASE) if anaphors else None,
        clause_end=re.compile(r"\s*(?:[.,;:!?)\]]|$)"),
        anaphor_days=anaphors,
        not_after=frozenset(str(w).lower() for w in table.get("anaphors_not_after") or ()),
        event_prepositions=frozenset(str(w).lower() for w in table.get("event_prepositions") or ()),
        events=re.compile(
            rf"(?:\b(?:{_alternation(table.get('event_prepositions'))})\s+)?\b(?:{_alternation(table.get('event_determiners'))})"
            rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?P<event>{_alternation(table.get('events'))})s?\b"
            rf"(?P<audience>\s+(?:{_alternation(table.get('event_audiences'))})\b)?",
            re.IGNORECASE,
        ) if table.get("event_determiners") else None,
        perfect=re.compile(rf"(?<!\w)(?:{_alternation(auxiliaries)})\s+", re.IGNORECASE) if auxiliaries else None,
        past_perfect=re.compile(rf"(?<!\w)(?:{_alternation(table.get('past_perfect_auxiliaries'))})\s+", re.IGNORECASE)
        if table.get("past_perfect_auxiliaries") else None,
        scene_openers=re.compile(rf"(?:{_alternation(table.get('scene_openers'))})\b", re.IGNORECASE)
        if table.get("scene_openers") else None,
        beside_event=re.compile(
            rf"\b(?P<beside>{_alternation(table.get('beside_event'))})\s+(?:{_alternation(table.get('event_determiners'))})"
            rf"\s+(?:[\w'’-]+\s+){{0,3}}?(?P<event>{_alternation(table.get('events'))})s?\b",
            re.IGNORECASE,
        ) if table.get("beside_event") and table.get("event_determiners") else None,
        beside_days={_fold(k): int(v) for k, v in (table.get("beside_event") or {}).items()},
        scene_breakers=re.compile(rf"(?:{_alternation(table.get('scene_breakers'))})\b", re.IGNORECASE)
        if table.get("scene_breakers") else None,
        prefilter=prefilter,
        rules=tuple(rules),
        excluding=excluding,
        asides=re.compile(_ASIDES[language], re.IGNORECASE) if language in _ASIDES else None,
        months={**{_fold(k): v for k, v in months.items()}, **abbreviations},
        weekdays={_fold(k): v for k, v in table["weekdays"].items()},
        numbers={_fold(k): v for k, v in table["numbers"].items()},
        units={_fold(k): v for k, v in table["units"].items()},
        phrases=phrases,
        reporting=re.compile(_alternation(table.get("reporting_cues")), re.IGNORECASE)
        if table.get("reporting_cues") else None,
        written_cues=re.compile(_alternation(table.get("written_cues")), re.IGNORECASE)
        if table.get("written_cues") else None,
        when_event=re.compile(
            rf"\b(?:{_alternation(table['when_clause']['words'])})\s+(?:[\w'’-]+\s+){{1,2}}?"
            rf"(?:{_alternation(table['when_clause']['verbs'])})\s+(?:{_alternation(table.get('event_determiners'))})\s+"
            rf"(?:[\w'’-]+\s+){{0,2}}?(?P<event>{_alternation([*table.get('events', ()), *table.get('documents', ())])})s?\b",
            re.IGNORECASE,
        ) if table.get("when_clause") else None,
        when_dated=re.compile(
            rf"(?<![\w-])(?P<year>{_YEAR})\s+[^,.;:\d]{{1,40}}?,\s*(?:{_alternation(table['when_clause']['hanging'])})\s",
            re.IGNORECASE,
        ) if table.get("when_clause") else None,
        pronouns=re.compile(rf"[\s\"“'‘«]*(?:{_alternation(table.get('subject_pronouns'))})\s", re.IGNORECASE)
        if table.get("subject_pronouns") else None,
        speech_occasions=re.compile(rf"\b(?:{_alternation(table.get('speech_occasions'))})s?\b", re.IGNORECASE)
        if table.get("speech_occasions") else None,
        scene_clauses=re.compile(rf"[\s\"“'‘«]*(?:{_alternation(table.get('scene_clauses'))})\s[^,.;:]{{1,60}},\s", re.IGNORECASE)
        if table.get("scene_clauses") else None,
        refers_back=re.compile(
            rf"(?:^|[,.;:”\"'’]\s*|\s)(?:{_alternation(table['refers_back']['subjects'])}|(?:{_alternation(table['refers_back']['determiners'])})\s+[a-z][\w-]+)"
            rf"\s+(?:{_alternation(table.get('reporting_cues'))}|{_alternation(table.get('written_cues'))})\s+(?:[\w'’-]+\s+){{0,2}}$",
        ) if table.get("refers_back") else None,
        going_on_cues=re.compile(_alternation(table.get("going_on_cues")), re.IGNORECASE)
        if table.get("going_on_cues") else None,
        documents=re.compile(rf"\b(?:{_alternation(table.get('documents'))})s?\b", re.IGNORECASE)
        if table.get("documents") else None,
        anteriority=re.compile(rf"\b(?:{_alternation(table.get('anteriority'))})\b", re.IGNORECASE)
        if table.get("anteriority") else None,
        perfect_of_today=frozenset(w.lower() for w in table.get("perfect_of_today") or ()),
        findings=re.compile(rf"(?:{_alternation(table.get('findings'))})s?", re.IGNORECASE)
        if table.get("findings") else None,
        holidays={_fold(k): dict(v) for k, v in (table.get("holidays") or {}).items()},
        holiday_reach=int(table.get("holiday_reach_days") or 0),
        shows={_fold(k): table["weekdays"][str(v).lower()] for k, v in (table.get("weekly_shows") or {}).items()},
    )


# --- resolving one match to (said, basis) -------------------------------------------------------------------

_Found: TypeAlias = tuple[str, SaidBasis] | None


def _month_back(day: date, months: int) -> tuple[int, int]:
    """The (year, month) `months` months before `day`'s month: April 2022, 1 -> (2022, 3)."""
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _month_of(match: re.Match[str], lang: _Language, group: str = "month") -> int | None:
    """The month number from a month-name or two-digit group, or None when the group did not take part."""
    name = match.groupdict().get(group)
    if name:
        return lang.months.get(_fold(name))
    number = match.groupdict().get("monthnum")
    return int(number) if number else None


def _explicit_date(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    month = _month_of(match, lang)
    if month is None:
        return None
    try:
        said = date(int(match["year"]), month, int(match["day"]))
    except ValueError:  # "31 April 2022" is not a date
        return None
    return said.isoformat(), "explicit"


def _explicit_month(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    month = _month_of(match, lang)
    if month is None or not 1 <= month <= 12:
        return None
    return f"{int(match['year']):04d}-{month:02d}", "explicit"


def _explicit_year(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    return f"{int(match['year']):04d}", "explicit"


def _occasion(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    if match["month"]:
        return _explicit_month(match, lang, published)
    return _explicit_year(match, lang, published)


def _day_month(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    """The latest such day on or before publication: "on March 3" in an article of 2022-04-08: 2022-03-03."""
    if published is None:
        return None
    groups = match.groupdict()
    month = _month_of(match, lang, "month" if groups.get("month") else "month2")
    day = int(groups.get("day") or groups.get("day2") or 0)
    if month is None:
        return None
    for year in range(published.year, published.year - 8, -1):  # eight years always hold a 29 February
        try:
            said = date(year, month, day)
        except ValueError:
            continue
        if said <= published:
            break
    else:
        return None
    # A weekday that does not fit is a slip or another year: "mardi 3 mars" in 2022 (a Thursday) is not read.
    if groups.get("weekday") and lang.weekdays.get(_fold(groups["weekday"])) != said.weekday():
        return None
    return said.isoformat(), "relative"


def _month(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    """The latest such month on or before publication: "in March" is 2022-03 in April 2022, 2021-03 in Feb."""
    month = _month_of(match, lang)
    if published is None or month is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    return f"{year:04d}-{month:02d}", "relative"


def _weekday_back(match: re.Match[str], lang: _Language, published: date, strict: bool) -> _Found:
    weekday = lang.weekdays[_fold(match["weekday"])]
    days = (published.weekday() - weekday) % 7
    if strict and days == 0:
        days = 7
    return (published - timedelta(days=days)).isoformat(), "relative"


def _weekday(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    """A plain weekday is the latest on or before publication: "on Friday" in a Friday's paper is that day."""
    return None if published is None else _weekday_back(match, lang, published, strict=False)


def _last_weekday(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    """A weekday after "last" is strictly before publication: in a Friday's paper, the Friday before."""
    return None if published is None else _weekday_back(match, lang, published, strict=True)


def _back(published: date, unit: str, count: int) -> _Found:
    """`count` units before publication, at the unit's precision; a week is given to its month."""
    if unit == "day":
        return (published - timedelta(days=count)).isoformat(), "relative"
    if unit == "week":
        return (published - timedelta(days=7 * count)).strftime("%Y-%m"), "relative"
    if unit == "month":
        year, month = _month_back(published, count)
        return f"{year:04d}-{month:02d}", "relative"
    return f"{published.year - count:04d}", "relative"


def _phrase(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    entry = lang.phrases.get(_fold(match["phrase"]))
    if published is None or entry is None:
        return None
    return _back(published, *entry)


def _ago(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    if published is None:
        return None
    word = _fold(match["n"])
    parts = [lang.numbers.get(p) for p in word.split("-")]  # "twenty-two" -> 20 + 2
    count = int(word) if word.isdigit() else (sum(parts) if None not in parts else None)  # type: ignore[arg-type]
    unit = lang.units.get(_fold(match["unit"]))
    if count is None or unit is None:
        return None
    return _back(published, unit, count)


def _holiday_in(year: int, rule: dict[str, int]) -> date:
    """The day a holiday falls on in `year`: a fixed day, or the nth weekday of its month from day `from`."""
    if "day" in rule:
        return date(year, rule["month"], rule["day"])
    nth, weekday = rule["nth"], rule["weekday"]
    if nth < 0:  # the last one: from the month's last day back
        end = date(year + rule["month"] // 12, rule["month"] % 12 + 1, 1) - timedelta(days=1)
        return end - timedelta(days=(end.weekday() - weekday) % 7)
    first = date(year, rule["month"], rule.get("from", 1))
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _holiday(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    """The latest such holiday on or before publication, if it is within the reach: "at a Labor Day cookout"."""
    rule = (lang.holidays or {}).get(_fold(match["holiday"]))
    if published is None or rule is None:
        return None
    for year in (published.year, published.year - 1):
        day = _holiday_in(year, rule)
        if day <= published:
            return (day.isoformat(), "relative") if (published - day).days <= lang.holiday_reach else None
    return None


def _show(match: re.Match[str], lang: _Language, published: date | None) -> _Found:
    """A weekly broadcast's last airing on or before publication: "on "Face the Nation"" in Monday's paper is Sunday."""
    weekday = (lang.shows or {}).get(_fold(match["show"]))
    if published is None or weekday is None:
        return None
    return (published - timedelta(days=(published.weekday() - weekday) % 7)).isoformat(), "relative"


_RESOLVERS: dict[str, Callable[[re.Match[str], _Language, date | None], _Found]] = {
    "date": _explicit_date,
    "month_year": _explicit_month,
    "year": _explicit_year,
    "occasion": _occasion,
    "day_month": _day_month,
    "month": _month,
    "last_weekday": _last_weekday,
    "weekday": _weekday,
    "holiday": _holiday,
    "show": _show,
    "phrase": _phrase,
    "ago": _ago,
}


# --- the entry point ----------------------------------------------------------------------------------------


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _fallback(published: str | None) -> tuple[str | None, SaidBasis | None]:
    return (published, "published") if published else (None, None)


def _quote_comes_first(context: str) -> bool:
    """Whether the quotation preceded the context: ', Mr. Roe said last Friday.' or 'said Roe on Friday'."""
    stripped = context.lstrip(" \t\n\"'«»“”‘’")
    return not stripped or not (stripped[0].isupper() or stripped[0].isdigit())


def find_said(
    context: str, published: str | None, language: str = "en"
) -> tuple[str | None, SaidBasis | None]:
    """When the statement introduced by `context` was made, and how that was found.

    `context` is the text around one quotation or reported statement, the quoted words removed:
    "Before travelling to Moscow in 2018, Dupont told reporters:" or ", Mr. Roe said last Friday.".
    `published` is the article's date, `YYYY-MM-DD`, or None; `language` the article's language code.

    Returns `(said, basis)`: an explicit date as written, with its precision ("in February 2014" ->
    `("2014-02", "explicit")`); else a relative one resolved against `published` ("last Friday" ->
    `("2022-04-01", "relative")` for an article of Friday 2022-04-08; without `published` these are ignored);
    else `(published, "published")`; else `(None, None)`. A date after `published` is never returned.

    Dates in side clauses ("Roe, who was elected in 2014, said", "(elected in 2014)") are not read. When
    several dates remain, the one nearest the quotation wins: the first one when the context begins after the
    quotation (it starts with punctuation or a lower-case word, ', said Roe on Friday, in Paris in 2018'), the
    last one otherwise ('In 2018, speaking on Friday, Roe said:').

    Raises ValueError when `published` is not a `YYYY-MM-DD` date.
    """
    found = find_date(context, published, language)
    return found if found is not None else _fallback(published)


def find_date(context: str, published: str | None, language: str = "en", cue: str | None = None) -> _Found:
    """The date `context` gives for its statement, as `find_said` reads it, or None when it gives none. With the
    statement's `cue`, only the sentences of the context that hold it are read (a quotation's context runs into
    the next sentence: "… : « C'est vous qui êtes en cause ». Mais déjà en mai 1999, il …")."""
    context = _cue_sentences(context, cue)
    found = dates_in(context, published, language, cue=cue)
    if not found:
        return None
    _, said, basis = found[0] if _quote_comes_first(context) else found[-1]
    return said, basis


def dates_in(
    text: str, published: str | None, language: str = "en", *, asides: bool = False, cue: str | None = None
) -> list[tuple[int, str, SaidBasis]]:
    """Every date `text` gives, not after `published`, in text order: `(offset, said, basis)`.

    Dates in side clauses are not read unless `asides` (a narration scanned for the time it gives: "Cruz, who
    refused to endorse Trump at the convention in July, …"); "since 2014", "until Friday" are not dates said.
    Raises ValueError when `published` is not a `YYYY-MM-DD` date.
    """
    context = text
    base: date | None = None
    if published is not None:
        try:
            base = date.fromisoformat(published) if _ISO_DAY.fullmatch(published) else None
        except ValueError:  # "2022-02-30"
            pass
        if base is None:
            raise ValueError(f"published must be a YYYY-MM-DD date, not {published!r}")
    lang = _language(language.split("-")[0].lower() if language else "en")
    # Fast exit: "Dupont told reporters:" has no digit, month, weekday or date phrase.
    if not lang.prefilter.search(context.lower()):
        return []
    text = context.replace("\u2019", "'")  # one apostrophe for the tables: "l’an dernier" -> "l'an dernier"
    if lang.asides is not None and not asides:
        # (Not the aside that holds the cue itself: "(Copé déplora mardi un discours « … »)".)
        held = cue.split()[0].lower() if cue and cue.split() else None
        text = lang.asides.sub(lambda m: m.group() if held and held in m.group().lower() else " " * len(m.group()), text)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, SaidBasis]] = []
    for kind, rule in lang.rules:
        for match in rule.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            # "since 2014", "until Friday", "after the March 3 vote": not when it was said.
            if lang.excluding is not None and lang.excluding.search(text, max(0, start - 40), start):
                continue
            result = _RESOLVERS[kind](match, lang, base)
            # Never after publication: "on 3 May 2022" in an article of 2022-04-08 is a plan, not a date said.
            if result is None or (published is not None and result[0] > published[: len(result[0])]):
                continue
            found.append((start, *result))
    found.sort()
    return found


# A sentence end inside a context: "… et Trump. Mais déjà en mai 1999" (a capital after the stop); not after an
# initial, a title or a time ("Michael M. Grynbaum", "Mrs. Clinton", "2 a.m. Friday").
_NOT_AN_END = ("Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Jr", "Sr", "Lt", "Col", "Prof", "Mme",
               "a.m", "p.m", "U.S", "No", "Vol")
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][»”\"’']))(?<!\b[A-Z]\.)"
    + "".join(rf"(?<!\b{re.escape(w)}\.)" for w in _NOT_AN_END)
    + r"[\s»”\"’']+(?=[A-ZÀ-Ý])"
)


def _cue_sentences(context: str, cue: str | None) -> str:
    """The sentences of `context` that hold the cue's first word (all of it when none does or there is no cue)."""
    word = cue.split()[0].lower() if cue and cue.split() else None
    if word is None:
        return context
    pieces = _SENTENCE_END.split(context)
    kept = [p for p in pieces if word in p.lower()]
    context = " ".join(kept) if kept and len(kept) < len(pieces) else context
    # Then the clauses: "X has opposed every step …, and his party voted against it in 1994" (another clause's
    # time, another subject's act).
    clauses = _COORDINATION.split(context)
    kept = [c for c in clauses if word in c.lower()]
    return " ".join(kept) if kept and len(kept) < len(clauses) else context


# A coordination of clauses inside a context: ", and his party voted", "; the ministry said", ", mais le parti",
# "— and he noted".
_COORDINATION = re.compile(
    r"(?:,|\s[—–])\s+(?:and|but|while|whereas|et|mais|tandis\s+que|alors\s+que)\s+|;\s+", re.IGNORECASE
)


def anaphor(context: str, language: str = "en") -> int | None:
    """The days a time word of `context` adds to a time the text gave before ("at the time" 0, "the following
    morning" 1), or None when it has no such word."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    if lang.anaphors is None or lang.anaphor_days is None:
        return None
    for m in lang.anaphors.finditer(context):
        # "since then", "until then", "by that time": not when it was said.
        if lang.excluding is not None and lang.excluding.search(context, max(0, m.start() - 40), m.start()):
            continue
        # A one-word time word ("then", "alors") only ends its clause: "he said then.", not "she then urges".
        if " " not in m.group() and lang.clause_end is not None and not lang.clause_end.match(context, m.end()):
            continue
        before = context[max(0, m.start() - 12) : m.start()].split()
        if before and before[-1].lower() in lang.not_after:  # "Why then, would …", "and then"
            continue
        return lang.anaphor_days.get(_fold(m.group()), 0)
    return None


def is_perfect(context: str, cue: str | None, language: str = "en") -> bool:
    """Whether the cue of `context` is in a perfect tense: an earlier speech act, undated ("Roe has long said")."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    if lang.perfect is None or not cue or cue.split()[0].lower() in lang.perfect_of_today:
        return False  # ("The Post has learned": the news of today)
    return _auxiliary_before(lang.perfect, context, cue)


def says_earlier(context: str, cue: str | None, language: str = "en") -> bool:
    """Whether a word a few words before the cue says it came before (`previously heard Hartley admit`, `had
    previously told`)."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    if lang.anteriority is None or not cue:
        return False
    word = re.escape(cue.split()[0])
    return bool(re.search(rf"{lang.anteriority.pattern}\s+(?:[\w'’-]+\s+){{0,3}}{word}\b", context, re.IGNORECASE))


def is_past_perfect(context: str, cue: str | None, language: str = "en") -> bool:
    """Whether the cue of `context` is in the past perfect (`Ivana had claimed that …`): earlier than the time the
    narration around it is at."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    return lang.past_perfect is not None and bool(cue) and _auxiliary_before(lang.past_perfect, context, str(cue))


def _auxiliary_before(auxiliaries: re.Pattern[str], context: str, cue: str) -> bool:
    for m in auxiliaries.finditer(context):
        # The auxiliary, up to two adverbs, then the cue: "has said", "had long argued", "avait déclaré".
        rest = [w.lower().strip(",.;:!?\"”’") for w in context[m.end() : m.end() + 40].split()[:3]]
        if cue.split()[0].lower() in rest and not {"been", "yet"} & set(rest):  # not "has been demanding"
            return True
    return False


def event_named(context: str, language: str = "en") -> str | None:
    """The event of speech `context` names as one the text already told of ("told the debate audience", "said in
    the letter", "At his cookout, …"), folded, or None; not one it is after or before ("since the debate")."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    if lang.events is None:
        return None
    for m in lang.events.finditer(context):
        if lang.excluding is not None and lang.excluding.search(context, max(0, m.start() - 40), m.start()):
            continue
        # Said at the event ("at his cookout", "during the debate", "in the letter") or to its audience ("told the
        # debate audience"); not an event merely named ("the transcript of the debate", "won the debate").
        if m.group().split()[0].lower() in lang.event_prepositions or m["audience"]:
            return _fold(m["event"])
    return None


def event_date(text: str, event: str, published: str | None, language: str = "en") -> _Found:
    """The date `text` gives the event last named `event` in it ("Monday's debate", "a cease-and-desist letter
    Thursday"): the date nearest the event word, in its sentence, at its last mention that has one."""
    pattern = re.compile(rf"\b{re.escape(event).replace(chr(92) + ' ', chr(92) + 's+')}s?\b", re.IGNORECASE)
    return _last_dated(text, pattern, published, language)


def _last_dated(text: str, pattern: re.Pattern[str], published: str | None, language: str) -> _Found:
    """The date `text` gives the last mention of `pattern` that has one: the date nearest it in its sentence, else
    the time its sentence opens on."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    for m in reversed(list(pattern.finditer(text))):
        left = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - _EVENT_REACH)
        right = min(x for x in (text.find(".", m.end()), text.find("\n", m.end()), m.end() + _EVENT_REACH) if x != -1)
        found = dates_in(text[left + 1 : right], published, language, asides=True)
        if found:
            here = m.start() - (left + 1)
            _, said, basis = min(found, key=lambda f: abs(f[0] - here))
            return said, basis
        # Else the time its sentence opens on: "In late September, a group of parents … sent a letter".
        opening = _opening_time(text[sentence_start(text, m.start()) :], published, lang, language)
        if opening:
            return opening
    return None


def reporting(cue: str | None, language: str = "en") -> bool:
    """Whether `cue` only reports speech (`said`, `told`, `a déclaré`): speech to the reporter as often as a past
    recounted, unlike a belief or an act told (`believed`, `declared war`)."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    if not cue or lang.reporting is None:
        return False
    words = cue.split()
    return any(lang.reporting.fullmatch(w) for w in (" ".join(words), " ".join(words[-1:])))


def written_date(cue: str | None, text: str, published: str | None, language: str = "en") -> _Found:
    """For a statement whose cue says it was written (`they wrote`, `the letter reads`), the date `text` gave the
    last document it told of that has one (`sent a letter on Thursday`, `a 1995 story from the Times`)."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    if not cue or lang.written_cues is None or lang.documents is None or not lang.written_cues.fullmatch(cue.strip()):
        return None
    return _last_dated(text, lang.documents, published, language)


def when_event(context: str, language: str = "en") -> str | None:
    """The event a when-clause of `context` names as the speaker's (`Back when he wrote his book, Roe said`),
    folded, or None."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    m = lang.when_event.search(context) if lang.when_event is not None else None
    return _fold(m["event"]) if m else None


def when_dated(context: str, cue: str | None, published: str | None, language: str = "en") -> _Found:
    """The year of a noun a when- or which-clause holding the cue hangs on (`They cite the 2000 election in Florida,
    when the state wrongly stated …`: 2000; `Jared Diamond's 2005 best seller, which … discussed …`: 2005), or
    None."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    word = cue.split()[0].lower() if cue and cue.split() else None
    if lang.when_dated is None or word is None:
        return None
    for m in lang.when_dated.finditer(context):
        clause = context[m.end() :].split(".")[0].split(",")[0]
        if word in clause.lower().split() and (published is None or m["year"] <= published[:4]):
            return m["year"], "explicit"
    return None


def opens_on_pronoun(sentence: str, language: str = "en") -> bool:
    """Whether `sentence` opens on a person's pronoun as its subject (`He bought the bridge in 2014.`)."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    return lang.pronouns is not None and bool(lang.pronouns.match(sentence))


def speech_occasion(text: str, language: str = "en") -> int | None:
    """Where `text` last names an occasion people speak at (`a 2014 Senate hearing`, `the debate`), or None."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    found = list(lang.speech_occasions.finditer(text)) if lang.speech_occasions is not None else []
    return found[-1].start() if found else None


def opens_on_scene(sentence: str, language: str = "en") -> bool:
    """Whether `sentence` opens on a clause of its scene (`As a phone rang, the announcer said, …`)."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    return lang.scene_clauses is not None and bool(lang.scene_clauses.match(sentence))


def refers_back(text: str, language: str = "en") -> bool:
    """Whether `text` ends on a cue whose subject refers back to a speaker named before, right before a date: `he
    said in`, `the agency said in a`."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    return lang.refers_back is not None and bool(lang.refers_back.search(text))


def names_document(text: str, language: str = "en") -> bool:
    """Whether `text` names a document words are written in (`study`, `profile`, `report`)."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    return lang.documents is not None and bool(lang.documents.search(text))


def names_findings(words: str, language: str = "en") -> bool:
    """Whether the last word of `words` names what tells what it found (`Polls`, `the survey`, `l'étude`)."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    last = re.split(r"[\s'’]+", words.strip())[-1] if words.strip() else ""
    return lang.findings is not None and bool(lang.findings.fullmatch(last))


def goes_on_writing(cue: str | None, language: str = "en") -> bool:
    """Whether `cue` says words were written (`wrote`, `reads`) or that a quotation goes on (`added`, `continued`,
    `further wrote`): the cue of the next quotation from one document."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    if not cue:
        return False
    words = cue.strip().split()
    return any(p is not None and (p.fullmatch(cue.strip()) or p.fullmatch(words[-1]))
               for p in (lang.written_cues, lang.going_on_cues))


def beside_event(context: str, before: str, published: str | None, language: str = "en") -> _Found:
    """The day `context` places its statement beside an event the text dated before (`before`): "complained about
    his mic the morning after the debate" after "Monday night's debate" is the Tuesday; "the day before the
    debate" the Sunday. Only a day moves; a month or year the event has stays as it is."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    if lang.beside_event is None or not lang.beside_days:
        return None
    m = lang.beside_event.search(context)
    if m is None:
        return None
    found = event_date(before, _fold(m["event"]), published, language)
    if found is None:
        return None
    said, basis = found
    if len(said) == 10:
        said = (date.fromisoformat(said) + timedelta(days=lang.beside_days[_fold(m["beside"])])).isoformat()
    if published is not None and said > published[: len(said)]:
        return None
    return said, basis


def sentence_start(text: str, offset: int) -> int:
    """Where the sentence holding `offset` begins in `text`: after the last sentence end or line break before it."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, offset - 600), offset)]
    return max(ends[-1] if ends else 0, text.rfind("\n", 0, offset) + 1)


# How far from an event's word its date may be: "the first presidential debate Monday night".
_EVENT_REACH = 60


def scene(text: str, published: str | None, language: str = "en") -> _Found:
    """The time the last scene-setting sentence of `text` opens on: a sentence whose fronted phrase, before its
    first comma or within its first words, gives a date ("In late September, a group of parents sent a letter",
    "In a March 2016 meeting with the editorial board, Trump said", "In The New Yorker's profile of Oz in 2013
    fellow doctors …"). A time set so governs the sentences after it in its paragraph, until one opens on another
    time ("Meanwhile, …", "Today …"); one given later in a sentence ("He bought the bridge in 2014") is that
    sentence's own."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    if lang.scene_openers is None or not lang.prefilter.search(text.lower()):
        return None
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    for start in reversed(starts):
        sentence = text[start:].lstrip(" \"“'‘«")
        dateline = _DATELINE.match(sentence)
        if dateline and dates_in(dateline.group(), published, language):
            # A dateline (`27 août 2012. - `, `22 août 2012, Espagne. - `) is when the report was filed, not the
            # time of a scene; a date in the head of the sentence it opens is (`4 juillet 2012. - Un reportage
            # diffusé mardi 3 juillet …`), wherever it stands there: the dateline fronts it.
            inner = dates_in(_head(sentence[dateline.end() :]), published, language, asides=True)
            if inner:
                return inner[-1][1], inner[-1][2]
            continue
        found = _opening_time(sentence, published, lang, language)
        if found:
            return found
        if lang.scene_breakers is not None and lang.scene_breakers.match(sentence):
            return None  # "Meanwhile Trump continues …": the narration has left the scene
    return None


def _opening_time(sentence: str, published: str | None, lang: _Language, language: str) -> _Found:
    """The date a sentence's fronted phrase gives, before its first comma or within its first words, when the
    sentence opens on a preposition of time or place ("In …", "At a breakfast …") or on the date itself ("Two
    years ago, …"); not a date later in a subject's clause ("Trump in 2014 said")."""
    if lang.scene_openers is None:
        return None
    found = dates_in(_head(sentence), published, language, asides=True)
    if found and (lang.scene_openers.match(sentence) or found[0][0] == 0):
        return found[-1][1], found[-1][2]
    return None


# A dateline opening a paragraph: a date (and a place) closed by a stop and a spaced dash, `27 août 2012. - `.
_DATELINE = re.compile(r"[^.\n]{4,60}?\.\s+[-–—]\s+")
def _head(sentence: str) -> str:
    """A sentence's fronted phrase: up to its first comma within `_SCENE_HEAD` characters, else its first words."""
    comma = sentence.find(",", 0, _SCENE_HEAD)
    return sentence[:comma] if comma != -1 else " ".join(sentence.split()[:_SCENE_WORDS])


# A scene's fronted phrase: up to its first comma within this many characters, else the first words.
_SCENE_HEAD = 100
_SCENE_WORDS = 10


def has_time_words(context: str, language: str = "en") -> bool:
    """Whether `context` holds any word a date could be made of, or a time word pointing back."""
    lang = _language(language.split("-")[0].lower() if language else "en")
    return bool(lang.prefilter.search(context.lower())) or (lang.anaphors is not None and bool(lang.anaphors.search(context)))
