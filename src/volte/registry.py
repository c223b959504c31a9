"""The entity registry shared across articles: canonical entities with their aliases, acronyms and metonyms.

    registry = load_registry()                  # bundled resources/registry_en.yaml + $VOLTE_REGISTRY
    registry.resolve(Entity(..., "Moscow"))     # -> Entity(entity_id("Russia"), "Russia", "organization")
    registry.find(text)                         # -> mentions of registry entities in text, with offsets

A registry file is YAML (a list of entries, see resources/registry_en.yaml) or CSV with the columns
`name,type,aliases,wikidata` (aliases separated by `|`). Entities keep the id of their canonical name
(`entity_id(name)`), so an id stays the same whether the article said `NATO` or `the Atlantic alliance`.
Name variants merge conservatively: only listed aliases map to an entity here; the store's cross-article
merges (a bare surname to the one full name it fits) and `volte merge` are in store/sqlite.py.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple, cast

import yaml

from volte.errors import UsageError
from volte.model import Entity, EntityType, entity_id
from volte.resources import load_yaml

REGISTRY_ENV = "VOLTE_REGISTRY"
_TYPES = {"person", "organization", "party", "media", "country", "group"}
# A metonym after these words is the place, not the state: `in Moscow`, `travelling to Moscow`, `visited Kyiv`.
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|into|near|outside|around|across|visited|visiting|visit|left|leaving)"
    r"|\b(?:travel\w*|trip|flew|fly|flying|went|go|going|came|come|return\w*|moved|arrived|back)\s+(?:to|from))\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RegistryEntry:
    """One canonical entity and the other ways news names it."""

    name: str
    type: EntityType = "organization"
    aliases: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    wikidata: str | None = None

    @property
    def entity(self) -> Entity:
        return Entity(entity_id(self.name), self.name, self.type)


class RegistryMention(NamedTuple):
    """A registry entity named in a text at text[start:end]."""

    entity: Entity
    start: int
    end: int
    form: str  # "name" | "alias" | "metonym" | "description"


@dataclass
class Registry:
    """Canonical entities, and every form that names one, folded to lower case (acronyms kept as written)."""

    entries: dict[str, RegistryEntry] = field(default_factory=dict)  # entity id -> entry
    forms: dict[str, tuple[str, str]] = field(default_factory=dict)  # folded form -> (entity id, kind)
    _pattern: re.Pattern[str] | None = None

    def add(self, entry: RegistryEntry) -> None:
        """Add an entry; one with a name (or alias) already known adds its aliases to that entity."""
        eid = self._id_of(entry.name) or entry.entity.id
        old = self.entries.get(eid)
        if old is not None:
            entry = RegistryEntry(
                old.name,
                old.type,
                tuple(dict.fromkeys(old.aliases + entry.aliases + ((entry.name,) if entry.name != old.name else ()))),
                tuple(dict.fromkeys(old.metonyms + entry.metonyms)),
                tuple(dict.fromkeys(old.descriptions + entry.descriptions)),
                entry.wikidata or old.wikidata,
            )
        self.entries[eid] = entry
        self.forms[_fold(entry.name)] = (eid, "name")
        for alias in entry.aliases:
            self.forms[_fold(alias)] = (eid, "alias")
        for metonym in entry.metonyms:
            self.forms.setdefault(_fold(metonym), (eid, "metonym"))
        for description in entry.descriptions:
            self.forms.setdefault(_fold(description), (eid, "description"))
        self._pattern = None

    def _id_of(self, name: str) -> str | None:
        found = self.forms.get(_fold(name))
        return found[0] if found and found[1] in ("name", "alias") else None

    def lookup(self, form: str) -> Entity | None:
        """The entity a name, alias or metonym stands for (not a description: `the alliance` needs context)."""
        folded = _fold(form)
        found = self.forms.get(folded)
        if found is None and folded.startswith("the "):
            found = self.forms.get(folded[4:])  # `the Atlantic alliance` -> `Atlantic alliance`
        if found is None or found[1] == "description":
            return None
        return self.entries[found[0]].entity

    def resolve(self, entity: Entity) -> Entity:
        """The registry's entity for an article's entity, or the entity itself: `Kremlin` -> Russia."""
        found = self.lookup(entity.name)
        return found if found is not None else entity

    def entry(self, entity_id_: str) -> RegistryEntry | None:
        return self.entries.get(entity_id_)

    def find(self, text: str, named: Iterable[str] = ()) -> Iterator[RegistryMention]:
        """Registry entities named in `text`, left to right, longest form first.

        A description (`the alliance`) counts only for an entity whose id is in `named` (the article names it
        otherwise); a metonym after a place word is the place (`a trip to Moscow`), not the state.
        """
        named = set(named)
        if self._pattern is None:
            forms = sorted(self.forms, key=len, reverse=True)
            self._pattern = re.compile(
                r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])", re.IGNORECASE
            ) if forms else re.compile(r"(?!x)x")
        for m in self._pattern.finditer(text):
            form = m.group()
            eid, kind = self.forms[_fold(form)]
            if not _case_fits(form, kind, self.entries[eid], text, m.start()):
                continue
            if kind == "description" and eid not in named:
                continue
            if kind == "metonym" and _PLACE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            yield RegistryMention(self.entries[eid].entity, m.start(), m.end(), kind)


def _fold(form: str) -> str:
    return " ".join(form.replace("’", "'").split()).lower()


def _case_fits(form: str, kind: str, entry: RegistryEntry, text: str, start: int) -> bool:
    """Acronyms match only as written (`US` is not `us`); names must be capitalised as names are."""
    listed = [entry.name, *entry.aliases, *entry.metonyms]
    for candidate in listed:
        if _fold(candidate) == _fold(form) and candidate.replace(".", "").isupper() and len(candidate) <= 6:
            return form == candidate
    if kind == "description":
        return True
    # A listed form's capitals must be capitals in the text: `the Atlantic alliance`, `the Kremlin` (the article
    # word and a common noun may be lower case), not `the kremlin`.
    cased = [c for c in listed if _fold(c) == _fold(form) and any(ch.isupper() for ch in c)]
    if cased:
        return any(_capitals_kept(c, form) for c in cased)
    head = form.split()[-1]
    return head[:1].isupper() or not head[:1].isalpha()


def _capitals_kept(listed: str, form: str) -> bool:
    """Every word capitalised in the listed form is capitalised in the text's form."""
    return all(not a[:1].isupper() or b[:1].isupper() for a, b in zip(listed.split(), form.split(), strict=False))


def read_registry_file(path: str | os.PathLike[str]) -> list[RegistryEntry]:
    """Entries from a user registry file, YAML or CSV; UsageError with the reason when it cannot be read."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise UsageError(f"cannot read the registry file {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"the registry file {path} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})"
        ) from None
    if path.suffix.lower() == ".csv":
        try:
            rows: list[dict[str, Any]] = [
                {**row, "aliases": [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]}
                for row in csv.DictReader(text.splitlines())
            ]
        except (csv.Error, AttributeError) as exc:
            raise UsageError(f"the registry file {path} is not a readable CSV file: {exc}") from None
    else:
        try:
            loaded = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise UsageError(f"the registry file {path} is not valid YAML: {exc}") from exc
        if not isinstance(loaded, list):
            raise UsageError(f"the registry file {path} must be a list of entries (name, type, aliases)")
        rows = loaded
    return [_entry(row, str(path)) for row in rows]


def _entry(row: Any, where: str) -> RegistryEntry:
    if not isinstance(row, dict) or not str(row.get("name") or "").strip():
        raise UsageError(f"{where}: every registry entry needs a name, not {row!r}")
    etype = str(row.get("type") or "organization").strip().lower()
    if etype not in _TYPES:
        raise UsageError(f"{where}: {row['name']!r} has type {etype!r}; use one of {', '.join(sorted(_TYPES))}")

    def words(key: str) -> tuple[str, ...]:
        value = row.get(key) or []
        return tuple(str(v).strip() for v in ([value] if isinstance(value, str) else value) if str(v).strip())

    return RegistryEntry(
        name=str(row["name"]).strip(),
        type=cast(EntityType, etype),
        aliases=words("aliases"),
        metonyms=words("metonyms"),
        descriptions=words("descriptions"),
        wikidata=str(row["wikidata"]).strip() if row.get("wikidata") else None,
    )


def build_registry(extra: Iterable[RegistryEntry] = ()) -> Registry:
    """The bundled registry plus `extra` entries."""
    registry = Registry()
    for row in load_yaml("registry_en.yaml"):
        registry.add(_entry(row, "registry_en.yaml"))
    for entry in extra:
        registry.add(entry)
    return registry


@cache
def _load(user_file: str | None) -> Registry:
    return build_registry(read_registry_file(user_file) if user_file else ())


def check_user_registry() -> None:
    """Read the user registry `$VOLTE_REGISTRY` names, if any: UsageError now rather than in every worker."""
    user_file = os.environ.get(REGISTRY_ENV) or None
    if user_file:
        read_registry_file(user_file)


def load_registry() -> Registry:
    """The registry for this process: the bundled file plus the user file named by `$VOLTE_REGISTRY`."""
    return _load(os.environ.get(REGISTRY_ENV) or None)
