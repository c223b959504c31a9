"""Corrections anchored to content: a correction finds its statement again after the article is edited.

    anchor_correction(db, correction_id)     # when a correction is made: note its statement's words and place
    reanchor_corrections(db, article)        # when a source's edited text replaces its old article

A statement id is a hash of the article's text and the statement's span, so an edit of one word changes every id
of the article and a correction made on the old id would silently stop applying. Each correction therefore keeps
the words, offsets and source of the statement it was made on (migration 0008). When the source comes back with
other text, each of its corrections is moved to the new statement with the same words (the nearest one to the old
place when there are several), else the most similar words (rapidfuzz ratio at least `_MIN_SIMILARITY`, ties to
the nearest place); when none is close enough the correction is `lost` and says so (`volte correct list`).
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from rapidfuzz import fuzz

from volte.model import Article

# Words at least this similar (rapidfuzz ratio, 0-100) are the same statement after an edit: a word changed,
# a typo fixed, a quotation extended by a clause. Below it the statement is taken to be gone.
_MIN_SIMILARITY = 80.0
# How much a statement's place in the article (its start as a share of the text's length) weighs against its
# words, when several statements are about as similar: a ratio point is worth 1% of the article.
_PLACE_WEIGHT = 100.0


class _Candidate(NamedTuple):
    id: str
    text: str
    start: int


def anchor_correction(db: sqlite3.Connection, correction_id: int) -> None:
    """Note the words, offsets and source of the statement a new correction is made on."""
    db.execute(
        "UPDATE corrections SET made_on = statement_id, anchor_state = 'made',"
        " anchor_source = (SELECT a.source FROM statements s JOIN articles a ON a.id = s.article_id"
        "                  WHERE s.id = corrections.statement_id),"
        " anchor_text = (SELECT s.text FROM statements s WHERE s.id = corrections.statement_id),"
        " anchor_start = (SELECT s.start FROM statements s WHERE s.id = corrections.statement_id),"
        " anchor_end = (SELECT s.\"end\" FROM statements s WHERE s.id = corrections.statement_id),"
        " anchor_length = (SELECT length(a.text) FROM statements s JOIN articles a ON a.id = s.article_id"
        "                  WHERE s.id = corrections.statement_id)"
        " WHERE id = ?",
        (correction_id,),
    )


def reanchor_corrections(db: sqlite3.Connection, article: Article) -> int:
    """Move the corrections made on `article.source`'s statements onto its new statements; returns how many moved.

    Runs inside the transaction that writes the article. A correction whose statement is still stored (the old
    text is still given by another source) stays where it is.
    """
    rows = db.execute(
        "SELECT c.id, c.anchor_text, c.anchor_start, c.anchor_length FROM corrections c"
        " WHERE c.anchor_source = ? AND c.anchor_text IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM statements s WHERE s.id = c.statement_id AND s.article_id != ?)",
        (article.source, article.id),
    ).fetchall()
    if not rows:
        return 0
    candidates = [
        _Candidate(*row)
        for row in db.execute("SELECT id, text, start FROM statements WHERE article_id = ?", (article.id,))
    ]
    moved = 0
    for correction_id, words, start, length in rows:
        found = find_statement(words, start / max(length or 1, 1), candidates, len(article.text))
        if found is None:
            db.execute("UPDATE corrections SET anchor_state = 'lost' WHERE id = ?", (correction_id,))
            continue
        db.execute(
            "UPDATE corrections SET statement_id = ?,"
            " anchor_state = CASE WHEN ? = made_on THEN 'made' ELSE 'found' END WHERE id = ?",
            (found, found, correction_id),
        )
        moved += 1
    return moved


def find_statement(words: str, place: float, candidates: list[_Candidate], length: int) -> str | None:
    """The id of the candidate with `words` (else the most similar words) nearest `place`, or None."""
    best: tuple[float, str] | None = None
    for candidate in candidates:
        similarity = 100.0 if candidate.text == words else fuzz.ratio(words, candidate.text)
        if similarity < _MIN_SIMILARITY:
            continue
        score = similarity - _PLACE_WEIGHT * abs(candidate.start / max(length, 1) - place)
        if best is None or score > best[0]:
            best = (score, candidate.id)
    return best[1] if best else None
