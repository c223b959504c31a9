"""People's names as structured values: given names, particles, surname, suffix, and the key that links forms.

    name = parse_person_name("Donald J. Trump")   # PersonName(given=("Donald", "J."), surname="Trump", ...)
    name.key                                      # "donald trump": the forms of one person share it
    name.plain                                    # "Donald Trump": first given name, surname, suffix
    person_key("Bill Clinton") == person_key("William Clinton")   # nicknames, resources/names.yaml

The key keeps the first given name (its formal form: `Mike` -> `michael`), the surname with its particles
(`de Gaulle`, `Le Pen`) and the suffix (`Jr.`), and drops middle names and initials (`Donald J. Trump`,
`Hillary Rodham Clinton`). A name of initials only keeps them all (`G.K. Butterfield` = `G. K. Butterfield`).
Different first given names never share a key (`Bill Clinton`, `Hillary Clinton`). The store uses the key as the
person's id across articles (store/entities.py); the article's name book uses it to join the forms of one name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from volte.resources import load_yaml

# `HIllary` (a typo of the shift key): two capitals then lower case -> `Hillary`; `McCain`, `DeSantis` stay.
_SHIFT_TYPO = re.compile(r"^([A-ZÀ-Ý])([A-ZÀ-Ý])([a-zà-ÿ]{2,})$")
_INITIAL = re.compile(r"^(?:[A-ZÀ-Ý]\.?-?)+$")


@dataclass(frozen=True)
class NameTables:
    """resources/names.yaml: suffixes, particles and nicknames (folded)."""

    suffixes: frozenset[str]
    postnominals: frozenset[str]  # as written: `QC`, `MP`, `Ph.D.`
    particles: frozenset[str]
    nicknames: dict[str, str]  # nickname -> formal given name


@cache
def name_tables() -> NameTables:
    data = load_yaml("names.yaml")
    nicknames: dict[str, str] = {}
    for formal, short in (data.get("nicknames") or {}).items():
        for nick in short:
            nicknames.setdefault(fold(nick), fold(formal))
    return NameTables(
        suffixes=frozenset(fold(s) for s in data["suffixes"]),
        postnominals=frozenset(data.get("postnominals") or ()),
        particles=frozenset(fold(p) for p in data["particles"]),
        nicknames=nicknames,
    )


def fold(text: str) -> str:
    """Lower case, accents and dots dropped, spaces single: `Maïga` -> `maiga`, `J.` -> `j`."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace(".", " ")
    return " ".join(text.split())


@dataclass(frozen=True)
class PersonName:
    """One person's name, split in its parts as written (casing repaired)."""

    given: tuple[str, ...]  # `Donald`, `J.`; `Jean-Claude`; `G.`, `K.`
    surname: str  # with its particles: `de Gaulle`, `Le Pen`
    suffix: str = ""  # `Jr.`, `III`

    @property
    def full(self) -> str:
        return " ".join((*self.given, self.surname, *((self.suffix,) if self.suffix else ())))

    @property
    def first(self) -> str:
        """The first given name (`Donald`), or all the initials when there are only initials (`G. K.`)."""
        names = [g for g in self.given if not _INITIAL.match(g)]
        return names[0] if names else " ".join(self.given)

    @property
    def plain(self) -> str:
        """First given name, surname and suffix: `Donald J. Trump` -> `Donald Trump`."""
        return " ".join(p for p in (self.first, self.surname, self.suffix) if p)

    @property
    def key(self) -> str:
        first = fold(self.first)
        first = name_tables().nicknames.get(first, first)
        return " ".join(p for p in (first, fold(self.surname), fold(self.suffix)) if p)


def repair_case(word: str) -> str:
    """`HIllary` -> `Hillary`; anything else as written (`McCain`, `NATO`)."""
    m = _SHIFT_TYPO.match(word)
    return m.group(1) + m.group(2).lower() + m.group(3) if m else word


def parse_person_name(text: str) -> PersonName | None:
    """The parts of a person's full name (given names and a surname), or None when `text` is no such name:
    one word, or words that are not names (`impeach Trump`, `Hamptons (Abedin`, a number)."""
    words = [repair_case(w) for w in text.replace(",", " ").split()]
    tables = name_tables()
    suffix = ""
    if len(words) > 2 and fold(words[-1]) in tables.suffixes:
        suffix, words = words[-1], words[:-1]
    if len(words) < 2 or len(words) > 5:
        return None
    for w in words:
        if not w[:1].isupper() and fold(w) not in tables.particles or not re.match(r"^[\w.'’-]+$", w) or w[:1].isdigit():
            return None
    # Particles join the surname: `Charles de Gaulle`, `Marine Le Pen`, `Ursula von der Leyen`.
    cut = len(words) - 1
    while cut > 1 and fold(words[cut - 1]) in tables.particles:
        cut -= 1
    return PersonName(tuple(words[:cut]), " ".join(words[cut:]), suffix)


def person_key(name: str) -> str:
    """The key that joins the forms of one person's name (see the module docstring); a single word, folded."""
    parsed = parse_person_name(name)
    return parsed.key if parsed is not None else fold(name)


def surname_of(name: str) -> str | None:
    """The surname of a person's full name (`David A. Clarke Jr.` -> `Clarke`), None for one word."""
    parsed = parse_person_name(name)
    return parsed.surname if parsed is not None else None
