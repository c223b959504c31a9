"""Posts a page embeds: a tweet or a social-media post shown with its signature line.

    embedded_posts(frame) -> list[Attribution]

A saved page keeps an embedded post as its words, then a line signing them with the author's name, handle and
date: `Maybe worth considering chloroquine for C19 https://t.co/…` / `— Elon Musk (@elonmusk) March 16, 2020`.
The words are the author's own, verbatim, and the line says who and when: one quoted statement, dated by its
signature (the `said` stage reads the date from the statement's context, the signature line). The cues and
quotations inside the post are part of it, not statements of their own (the runner skips them).
"""

from __future__ import annotations

import re

from volte.nlp import dates
from volte.nlp.attribution.frame import Frame
from volte.nlp.attribution.history import Attribution
from volte.nlp.attribution.rules import Example, note, rule, stage

# `— Olivier Véran (@olivierveran) March 14, 2020` on a line of its own, after the post's words.
_SIGNATURE = re.compile(
    r"^[—–-]\s*(?P<name>[^\n()@—–]{2,60}?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>[^\n]{0,40})$", re.MULTILINE
)


@rule("post_finder", examples=[
    Example("The minister warned on Twitter.\n\nIf in doubt, ask your doctor for advice.\n— Lee Roe (@leeroe) March "
            "14, 2020\n\nThe post was shared widely.", "Lee Roe", words="ask your doctor", said="2020-03-14"),
    Example("Le ministre a prévenu sur Twitter.\n\nEn cas de doute, demandez conseil à votre médecin.\n— Lee Roe "
            "(@leeroe) March 14, 2020\n\nLe message a été partagé.", "Lee Roe", words="demandez conseil",
            said="2020-03-14", language="fr"),
])
def embedded_post(frame: Frame) -> list[Attribution]:
    """Each post the page embeds: the words from the start of their paragraph to the signature line, given to the
    name the line signs with."""
    text, out = frame.text, []
    for m in _SIGNATURE.finditer(text):
        start = max(text.rfind("\n\n", 0, m.start()), 0)
        words = text[start : m.start()]
        start += len(words) - len(words.lstrip())
        end = start + len(words.strip())
        if end <= start:
            continue
        name, _ = frame.book.canonical(" ".join(m["name"].split()))
        entity = frame.book.entity(name)
        # The embed writes its date in English whatever the page's language (`March 14, 2020`): read so, and
        # given to the date stage as an ISO date, which every language's table reads.
        days = [d for _, d, _ in dates.dates_in(f"on {m['date']}", None, "en") if len(d) == 10]
        context = f"{m['name']} (@{m['handle']}) {days[0] if days else m['date']}"
        out.append(Attribution("direct", start, end, entity, "posted", context, rules=(("cue", "embedded_post"),),
                               voice="quoted"))
        note("embedded_post")
    return out


POST_FINDERS = stage("post_finder", (embedded_post,))
