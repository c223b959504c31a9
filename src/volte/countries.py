"""Countries by name, in English and French, from pycountry (ISO 3166-1 and its translations): what makes a
place named in an article a country (`Germany`, `Allemagne`, `the Russian Federation`), typed so, not an
organisation. The registry (registry.py) still maps metonyms and demonyms (`the Kremlin`, `les Russes`) to the state.
`is_place` adds the states and regions of ISO 3166-2 (`Texas`, `Île-de-France`, `Fribourg`) and the islands of a
country named `X and Y` (`Antigua`, `Tobago`): places the tagger may call a person.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from volte.names import fold


@cache
def _country_names() -> frozenset[str]:
    names: set[str] = set()
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    for country in pycountry.countries:
        forms: set[str] = {str(v) for k in ("name", "common_name", "official_name") if (v := getattr(country, k, None))}
        forms |= {french.gettext(form) for form in forms}
        for form in forms:
            names.add(fold(form))
            names.add(fold(form.split(",")[0]))  # `Korea, Republic of`, `Russie, Fédération de`
    return frozenset(names)


def is_country(name: str) -> bool:
    """Whether `name` names a country (`Germany`, `the United States`, `Allemagne`, `la France`)."""
    folded = fold(name)
    for article in ("the ", "la ", "le ", "les ", "l'", "l’"):
        if folded.startswith(article):
            folded = folded[len(article):]
            break
    return folded in _country_names()


@cache
def _place_names() -> frozenset[str]:
    names: set[str] = set()
    for sub in pycountry.subdivisions:
        names.add(fold(sub.name))
    for country in pycountry.countries:
        # `Antigua and Barbuda`, `Trinidad and Tobago`: each one-word part is a place (not `Jan Mayen`)
        for part in str(country.name).replace(",", " and").split(" and "):
            if len(part.split()) == 1:
                names.add(fold(part))
    return frozenset(names)


def is_place(name: str) -> bool:
    """Whether `name` names a country, or a state, region or island of one (`Texas`, `Île-de-France`, `Antigua`)."""
    return is_country(name) or fold(name) in _place_names()
