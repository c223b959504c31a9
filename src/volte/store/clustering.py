"""Statements of one utterance across articles, and copies of one article: kept up to date as articles come and go.

When the store writes an article (`cluster_article`), each new statement is compared with the stored statements
of the same or an unknown speaker in other articles that are its candidates: those holding two of its key words
(its longest words that are no function words, `key_words`) and those whose own key words it holds two of. The
candidates are looked up as distinct texts (`texts`, each normalised text once, with its FTS5 index `text_words`
and its key words `text_keys`): a quotation reprinted by many outlets is compared once, and only the statements
of the texts that are the same words are read (by `statements.text_id`), so the cost grows with the distinct texts
alike, not with the copies. The relation is symmetric and has no cap, so a pair is compared
whichever of the two came first. One that reports the same utterance (`same_utterance`: alike words, agreeing
dates) joins its cluster, and clusters it links are merged. Clusters are the connected components of that relation; a statement
alone keeps `cluster` NULL (its cluster is then `c_` + its own id, see `Statement.as_json`); a cluster's id is
its smallest member's, whatever order the articles came in. When an article goes (`forget_article`), the clusters
it held are split again among what is left; when a statement's speaker is relinked (store/entities.py),
`recluster` joins and splits its cluster again.

Copies of one article (syndication: a wire story with another headline or a cut ending) are found by sampled
five-word shingles (`article_shingles`); `articles.copy_of` names the first stored article it copies.
"""

from __future__ import annotations

import hashlib
import math
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from itertools import combinations

from rapidfuzz import fuzz

from volte.model import Entity, Statement, effective_cluster

# Two texts at least this similar (rapidfuzz ratio over normalised text, 0-100) are the same words: a different
# translation of one word, "I came" / "I have come", other quotation marks. Chosen on the samples: the two
# reports of Valcourt's "work with Moscow" quote score 100 once cut to the common part; different quotes by
# the same speaker score below 60.
SAME_WORDS = 88.0
# A shorter text found inside a longer one at least this well (partial ratio) is the same quote cut at a
# different point: "We should work with Moscow, not against it. US sanctions …" inside the longer report.
FRAGMENT = 92.0
# A fragment must have at least this many words to join on its own: "our friend" is too common to be evidence
# unless the speaker is the same and the dates agree (both are always required).
MIN_FRAGMENT_WORDS = 2
# A report dated only by its publication date was said up to this many days before it.
PUBLISHED_SLACK_DAYS = 31

# Words that translations and house styles swap for one another ("US sanctions" / "American sanctions").
_EQUIVALENT_WORDS = {
    "american": "us",
    "america": "us",
    "usa": "us",
    "u.s.": "us",
    "u.s": "us",
    "united states": "us",
    "british": "uk",
    "britain": "uk",
    "u.k.": "uk",
    "russian": "russia",
    "european": "europe",
    "ukrainian": "ukraine",
}
_EQUIVALENT = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(_EQUIVALENT_WORDS, key=len, reverse=True)) + r")(?=\W|$)"
)
# Contractions and auxiliaries that reports add or drop ("I came" / "I have come", "we're" / "we are").
_FILLER = frozenset({"have", "has", "had", "ve", "s", "d", "ll", "re", "m", "will", "would", "shall", "do", "does"})
_WORD = re.compile(r"\w+", re.UNICODE)
# How many of a statement's longest words are its key words (store/clustering.key_words).
_PAIR_WORDS = 6
# Reports of one utterance share most of their words: below this share of the shorter one's, no fuzzy comparison.
_MIN_OVERLAP = 0.6


def normalise(text: str) -> str:
    """Text folded for comparison: case, accents, quotation marks, punctuation and filler words gone."""
    folded = text.casefold()
    if not folded.isascii():  # accents off: `Élysée` = `Elysee` (most text is ASCII: skip the per-character pass)
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.replace("’", "'").replace("‘", "'")
    folded = _EQUIVALENT.sub(lambda m: _EQUIVALENT_WORDS[m.group(1)], folded)
    return " ".join(w for w in _WORD.findall(folded) if w not in _FILLER)


def words(text: str) -> list[str]:
    """The normalised words of a text (what the full-text index holds)."""
    return normalise(text).split()


def similarity(a: str, b: str) -> float:
    """How alike two normalised texts are as reports of one utterance, 0-100.

    The whole-text ratio for texts of similar length; for a shorter text, how well it is found inside the
    longer one (a quote cut at a different point), counted only when it is a real fragment of it.
    """
    if not a or not b:
        return 0.0
    whole = fuzz.ratio(a, b)
    short, long_ = (a.split(), b.split()) if len(a) <= len(b) else (b.split(), a.split())
    if len(short) < MIN_FRAGMENT_WORDS or len(short) >= len(long_):
        return whole
    inside = _inside(short, long_)
    # A fragment of a few words must be found word for word: "our friend" is not "our friends".
    needed = FRAGMENT if len(short) >= 4 else 100.0
    return max(whole, inside if inside >= needed else 0.0)


def _inside(short: list[str], long_: list[str]) -> float:
    """The best ratio of `short` against a run of whole words of `long_` about as long (a word-aligned partial
    ratio: "our friend" is not inside "our friends are")."""
    target = " ".join(short)
    best = 0.0
    for size in {max(1, len(short) - 1), len(short), len(short) + 1}:
        for start in range(0, max(1, len(long_) - size + 1)):
            best = max(best, fuzz.ratio(target, " ".join(long_[start : start + size])))
            if best == 100.0:
                return best
    return best


@lru_cache(maxsize=8192)  # (a store holds few distinct dates; clustering asks of them often)
def said_interval(said: str | None, basis: str | None) -> tuple[date, date] | None:
    """The days a statement may have been said: its date at its precision; a publication date reaches back."""
    if not said:
        return None
    try:
        parts = [int(p) for p in said.split("-")]
        if len(parts) == 1:
            first, last = date(parts[0], 1, 1), date(parts[0], 12, 31)
        elif len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            last = (date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)) - timedelta(days=1)
        else:
            first = last = date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    if basis == "published":
        # Dated only by the article: said on that day or in the weeks before.
        return first - timedelta(days=PUBLISHED_SLACK_DAYS), last
    # "on Wednesday" resolved against a publication date can be a day off.
    return first - timedelta(days=1), last + timedelta(days=1)


def dates_agree(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether two (said, said_basis) pairs can be the same moment; an unknown date agrees with any."""
    first, second = said_interval(*a), said_interval(*b)
    if first is None or second is None:
        return True
    # A publication date is a weak date: a report dated only by its article agrees with any date the text of
    # another report gives before that article (a quotation recalled years later without its date).
    if a[1] == "published" and b[1] in _TEXT_BASES:
        return second[0] <= first[1]
    if b[1] == "published" and a[1] in _TEXT_BASES:
        return first[0] <= second[1]
    return first[0] <= second[1] and second[0] <= first[1]


_TEXT_BASES = ("explicit", "relative")  # dates the text of the report gives


def same_utterance(
    a_text: str,
    b_text: str,
    a_said: tuple[str | None, str | None],
    b_said: tuple[str | None, str | None],
) -> bool:
    """Whether two statements (of the same or an unknown speaker, from different articles) report one utterance."""
    return same_words(normalise(a_text), normalise(b_text)) and dates_agree(a_said, b_said)


def same_words(a_norm: str, b_norm: str) -> bool:
    """Whether two normalised texts (`normalise`) are the words of one utterance, whatever their dates."""
    # Numbers must agree: "we need 2 more schools" is not "we need 3 more schools", however alike the rest.
    a_numbers, b_numbers = set(_NUMBER.findall(a_norm)), set(_NUMBER.findall(b_norm))
    if a_numbers != b_numbers and not (a_numbers <= b_numbers or b_numbers <= a_numbers):
        return False
    return similarity(a_norm, b_norm) >= min(SAME_WORDS, FRAGMENT)


_NUMBER = re.compile(r"\d+")


_BASIS_RANK = {"explicit": 3, "relative": 2, "published": 1, None: 0}


def best_said(reports: list[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """The best-supported date of an utterance from its reports' (said, said_basis) pairs.

    The strongest basis wins (an explicit date beats a relative one, which beats a publication date), then
    the more precise date, then the one more reports give, then the earlier. That date is then refined by the
    most precise date that agrees with it: "In 2014, she told the Ledger" and the Ledger's own 2014-03-12 give
    2014-03-12.
    """
    dated = [(said, basis) for said, basis in reports if said]
    if not dated:
        return None, None
    support: dict[tuple[str, str | None], int] = {}
    for item in dated:
        support[item] = support.get(item, 0) + 1
    best = max(
        support,
        key=lambda item: (_BASIS_RANK.get(item[1], 0), len(item[0]), support[item], _negated(item[0])),
    )
    refining = [
        item for item in support if item[0].startswith(best[0]) and len(item[0]) > len(best[0])
    ]
    if refining:
        best = max(
            refining,
            key=lambda item: (len(item[0]), _BASIS_RANK.get(item[1], 0), support[item], _negated(item[0])),
        )
    return best


def _negated(said: str) -> tuple[int, ...]:
    return tuple(-int(p) for p in said.split("-"))


# ---- in the store ------------------------------------------------------------------------------------------

# Shingles of this many words; one in _SAMPLE of them (by hash) is kept as the article's sketch.
_SHINGLE = 5
_SAMPLE = 4
# An article whose sketch is at least this much inside another's (or holds it) is a copy of it: a copy with
# another first line and a changed word keeps about 80% of its sampled shingles; unrelated articles share few.
COPY_CONTAINMENT = 0.7
# Articles shorter than this many shingles are too short to call copies.
_MIN_SHINGLES = 8


def index_texts(db: sqlite3.Connection, statements: Sequence[Statement]) -> list[tuple[int, str]]:
    """Each statement's (text id, normalised words), its text stored in `texts` when new: what the writer stores
    with the statement (`statements.text_id`) and gives `cluster_article`."""
    return [(_text_id(db, words), words) for words in (normalise(s.text) for s in statements)]


def cluster_article(
    db: sqlite3.Connection,
    article_id: str,
    text: str,
    statements: Sequence[Statement],
    texts: Sequence[tuple[int, str]] | None = None,
) -> None:
    """Index a newly inserted article and its statements, note whether it copies another, and join clusters.
    `texts`: `index_texts` of the statements, whose text ids were stored with them; without it (statements stored
    before, `backfill`) they are found and set here."""
    _mark_copy(db, article_id, text)
    if texts is None:
        texts = index_texts(db, statements)
        db.executemany(
            "UPDATE statements SET text_id = ? WHERE id = ?",
            [(tid, s.id) for (tid, _), s in zip(texts, statements, strict=True)],
        )
    # (normalised once: it is a third of the writer's time)
    db.executemany(
        "INSERT INTO statement_words (statement_id, words) VALUES (?, ?)",
        [(s.id, words) for s, (_, words) in zip(statements, texts, strict=True)],
    )
    for statement, (_, words) in zip(statements, texts, strict=True):
        _join_clusters(db, statement, words.split())


def forget_article(db: sqlite3.Connection, article_id: str) -> list[str]:
    """Before an article is deleted: drop its index rows, and the texts no other article's statement has; returns
    the clusters its statements were in."""
    clusters = [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT cluster FROM statements WHERE article_id = ? AND cluster IS NOT NULL", (article_id,)
        )
    ]
    db.execute(
        "DELETE FROM statement_words WHERE statement_id IN (SELECT id FROM statements WHERE article_id = ?)",
        (article_id,),
    )
    alone = db.execute(
        "SELECT t.id, t.words FROM texts t WHERE t.id IN (SELECT text_id FROM statements WHERE article_id = ?)"
        " AND NOT EXISTS (SELECT 1 FROM statements o WHERE o.text_id = t.id AND o.article_id != ?)",
        (article_id, article_id),
    ).fetchall()
    db.executemany("INSERT INTO text_words (text_words, rowid, words) VALUES ('delete', ?, ?)", alone)
    db.executemany("DELETE FROM text_keys WHERE text_id = ?", [(tid,) for tid, _ in alone])
    db.executemany("DELETE FROM texts WHERE id = ?", [(tid,) for tid, _ in alone])
    db.execute("DELETE FROM article_shingles WHERE article_id = ?", (article_id,))
    db.execute("UPDATE articles SET copy_of = NULL WHERE copy_of = ?", (article_id,))
    return clusters


def split_clusters(db: sqlite3.Connection, clusters: Iterable[str]) -> None:
    """After statements left: re-form these clusters from the members still stored (links may be gone)."""
    for cluster in clusters:
        rows = [
            (sid, article, speaker, words if words is not None else normalise(text), said, basis)
            for sid, article, speaker, text, words, said, basis in db.execute(
                "SELECT s.id, s.article_id, s.speaker_id, s.text, t.words, s.said, s.said_basis FROM statements s"
                " LEFT JOIN texts t ON t.id = s.text_id WHERE s.cluster = ? ORDER BY s.id",
                (cluster,),
            )
        ]
        parent = {row[0]: row[0] for row in rows}
        alike: dict[tuple[str, str], bool] = {}  # (copies of one text in many articles are compared once)
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if _linked(a, b, alike):
                    parent[_root(parent, a[0])] = _root(parent, b[0])
        groups: dict[str, list[str]] = {}
        for row in rows:
            groups.setdefault(_root(parent, row[0]), []).append(row[0])
        for ids in groups.values():
            # Each part is named by its smallest member, as `_join_clusters` names them; one left alone goes NULL.
            new = None if len(ids) == 1 else effective_cluster(min(ids), None)
            db.executemany("UPDATE statements SET cluster = ? WHERE id = ?", [(new, sid) for sid in ids])


def recluster(db: sqlite3.Connection, statement_ids: Iterable[str]) -> None:
    """Statements whose speaker changed (a link across articles recomputed): their clusters split again where the
    speakers now differ, and each joins the clusters it now matches."""
    ids = sorted(set(statement_ids))
    if not ids:
        return
    rows = [db.execute(
        "SELECT id, article_id, speaker_id, text, said, said_basis, cluster FROM statements WHERE id = ?", (sid,)
    ).fetchone() for sid in ids]
    split_clusters(db, sorted({r[6] for r in rows if r and r[6]}))
    for sid in ids:
        row = db.execute(
            "SELECT id, article_id, speaker_id, text, said, said_basis, cluster FROM statements WHERE id = ?", (sid,)
        ).fetchone()
        if row is None:
            continue
        _join_clusters(db, Statement(
            id=row[0], article_id=row[1], speaker=None if row[2] is None else Entity(row[2], ""), kind="direct",
            text=row[3], start=0, end=0, said=row[4], said_basis=row[5], cluster=row[6],
        ))


def _root(parent: dict[str, str], x: str) -> str:
    """Union-find: the representative of x's group."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _linked(a: Sequence[str | None], b: Sequence[str | None], alike: dict[tuple[str, str], bool]) -> bool:
    """Whether two stored statements, (id, article, speaker, normalised words, said, basis), report one utterance;
    `alike` keeps `same_words` of the pairs of texts compared before."""
    _, a_article, a_speaker, a_words, a_said, a_basis = a
    _, b_article, b_speaker, b_words, b_said, b_basis = b
    if a_article == b_article:
        return False
    if a_speaker is not None and b_speaker is not None and a_speaker != b_speaker:
        return False
    if not dates_agree((a_said, a_basis), (b_said, b_basis)):
        return False
    pair = (a_words or "", b_words or "")
    if pair not in alike:
        alike[pair] = same_words(*pair)
    return alike[pair]


def key_words(words: Sequence[str]) -> list[str]:
    """A statement's key words for finding its candidates: its longest distinct words (ties alphabetical) that are
    not function words (`_COMMON`). A word's selectivity is judged by this fixed list, never by how often the store
    holds it, so that whether two statements are candidates depends on the two alone, not on what else came first:
    `the`, `about`, `because` were the key words of short statements, and a new statement's lookup of them ran over
    thousands of rows of a store of 15,000 statements."""
    return sorted({w for w in words if w not in _COMMON}, key=lambda w: (-len(w), w))[:_PAIR_WORDS]


FUNCTION_WORD_LANGUAGES = ("en", "fr")


def _common_words() -> frozenset[str]:
    """English and French function words (spaCy's lists, kept as data in resources/function_words_<lang>.txt),
    folded as `normalise` folds text."""
    found: set[str] = set()
    for lang in FUNCTION_WORD_LANGUAGES:
        text = resources.files("volte.resources").joinpath(f"function_words_{lang}.txt").read_text(encoding="utf-8")
        found.update(line for line in text.split("\n") if line and not line.startswith("#"))
    return frozenset(found)


_COMMON = _common_words()


def _need(words: Sequence[str]) -> int:
    """How many of a statement's key words a candidate must hold: two (one for a statement of one word), and more
    for a short statement, since a report of the same words holds at least _MIN_OVERLAP of them (`_overlap`): 4 of
    the 6 words of a six-word statement."""
    n, k = len(set(words)), len(key_words(words))
    return max(min(2, k), math.ceil(round(k - (1 - _MIN_OVERLAP) * n, 6)))


def _reach(words: Sequence[str]) -> int | None:
    """The longest text (normalised, in characters) a statement of one word can be the same words as: `similarity`
    is then the whole ratio, at least SAME_WORDS, and fuzz.ratio is at most 200 * shorter / (shorter + longer).
    None for a longer statement."""
    return int(len(" ".join(words)) * (200 / SAME_WORDS - 1)) + 1 if len(words) < MIN_FRAGMENT_WORDS else None


def _digest(words: str) -> bytes:
    return hashlib.blake2b(words.encode(), digest_size=8).digest()


def _text_id(db: sqlite3.Connection, words: str) -> int:
    """The id of this normalised text in `texts`, stored with its full-text row and key words when it is new."""
    digest = _digest(words)
    row = db.execute("SELECT id FROM texts WHERE digest = ?", (digest,)).fetchone()
    if row is not None:
        return int(row[0])
    text_id = db.execute("INSERT INTO texts (digest, words) VALUES (?, ?)", (digest, words)).lastrowid
    assert text_id is not None
    db.execute("INSERT INTO text_words (rowid, words) VALUES (?, ?)", (text_id, words))
    split = words.split()
    db.executemany(
        "INSERT OR IGNORE INTO text_keys (word, text_id, need, reach) VALUES (?, ?, ?, ?)",
        [(w, text_id, _need(split), _reach(split)) for w in key_words(split)],
    )
    return text_id


def fill_texts(db: sqlite3.Connection) -> None:
    """Each indexed statement's text in `texts`, with its key words (migration 0022: statements stored before)."""
    rows = db.execute("SELECT statement_id, words FROM statement_words")
    while batch := rows.fetchmany(10_000):
        db.executemany("UPDATE statements SET text_id = ? WHERE id = ?", [(_text_id(db, w), sid) for sid, w in batch])


def _join_clusters(db: sqlite3.Connection, statement: Statement, own_words: list[str] | None = None) -> None:
    """Join the clusters of the stored statements that report the same utterance as `statement` (its normalised
    words, `own_words`, when the caller has them)."""
    if own_words is None:
        own_words = normalise(statement.text).split()
    if not key_words(own_words):
        return  # (function words only: `I don't know`)
    # Candidates (symmetric, uncapped: a pair is found whichever came first; see the module docstring): stored
    # statements that hold `_need` of this one's key words (full-text search: `(a AND b) OR (a AND c) OR …`), and
    # those whose key words this one holds their `_need` of. What could not be the same words is left out in
    # the query (a bound on the length, a phrase), which keeps the relation symmetric.
    longest = key_words(own_words)
    match = " OR ".join("(" + " AND ".join(f'"{w}"' for w in c) + ")" for c in combinations(longest, _need(own_words)))
    own_text = " ".join(own_words)
    reach = _reach(own_words)
    # Two or three words are another report's words only as about as long, or found in it word for word
    # (`similarity`: a fragment of fewer than four words must be found exactly).
    phrase = f"% {own_text} %" if len(own_words) < 4 and reach is None else None
    if phrase is not None:
        reach = int(len(own_text) * (200 / SAME_WORDS - 1)) + 1

    # The candidates are distinct texts (a quotation reprinted by many outlets is one text), each compared once.
    texts = dict(db.execute(
        "SELECT rowid, words FROM text_words WHERE text_words MATCH ?"
        " AND (? IS NULL OR length(words) <= ? OR ' ' || words || ' ' LIKE ?)",
        (match, reach, reach, phrase or ""),
    ).fetchall())
    words = sorted(set(own_words) - _COMMON)  # (no key word is a common one)
    texts.update(db.execute(
        "SELECT id, words FROM texts WHERE id IN (SELECT text_id FROM text_keys"
        f" WHERE word IN ({', '.join('?' * len(words))}) GROUP BY text_id"
        " HAVING count(*) >= max(need) AND (max(reach) IS NULL OR max(reach) >= ?))",
        (*words, len(own_text)),
    ).fetchall())
    own_set = set(own_words)
    alike = sorted(
        text_id
        for text_id, other in texts.items()
        if _overlap(own_set, set(other.split())) >= _MIN_OVERLAP and same_words(own_text, other)
    )
    if not alike:
        return
    # Only the statements of the texts that are the same words are read: of the same or an unknown speaker, in
    # other articles, said at a time that can be this one's.
    speaker = statement.speaker.id if statement.speaker else None
    own_said = (statement.said, statement.said_basis)
    found = {
        effective_cluster(sid, cluster)
        for sid, said, basis, cluster in db.execute(
            "SELECT id, said, said_basis, cluster FROM statements"
            f" WHERE text_id IN ({', '.join('?' * len(alike))}) AND article_id != ?"
            " AND (? IS NULL OR speaker_id IS NULL OR speaker_id = ?)",
            (*alike, statement.article_id, speaker, speaker),
        )
        if dates_agree(own_said, (said, basis))
    }
    if not found:
        return
    if statement.cluster:
        found.add(statement.cluster)
    # A cluster's id is its smallest member's, so that it is the same whatever order the articles came in. (A
    # quotation reprinted by many outlets joins many clusters at once: they are read and set in batches.)
    clusters = sorted(found)
    lone = [cluster.replace("c_", "s_", 1) for cluster in clusters]  # (a lone statement's cluster is its own id)
    members = {statement.id, *lone}
    for part in _batches(clusters):
        members.update(r[0] for r in db.execute(
            f"SELECT id FROM statements WHERE cluster IN ({', '.join('?' * len(part))})", part
        ))
    keep = effective_cluster(min(members), None)
    for part in _batches(clusters):
        db.execute(f"UPDATE statements SET cluster = ? WHERE cluster IN ({', '.join('?' * len(part))})", (keep, *part))
    for part in _batches(lone):
        db.execute(
            f"UPDATE statements SET cluster = ? WHERE +cluster IS NULL AND id IN ({', '.join('?' * len(part))})",
            (keep, *part),
        )
    db.execute("UPDATE statements SET cluster = ? WHERE id = ?", (keep, statement.id))


def _batches(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _overlap(a: set[str], b: set[str]) -> float:
    """The share of the smaller word set found in the other: a cheap test before the fuzzy one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _shingles(text: str) -> set[int]:
    tokens = normalise(text).split()
    sample: set[int] = set()
    for start in range(0, max(0, len(tokens) - _SHINGLE + 1)):
        digest = hashlib.blake2b(" ".join(tokens[start : start + _SHINGLE]).encode(), digest_size=7).digest()
        value = int.from_bytes(digest, "big")
        if value % _SAMPLE == 0:
            sample.add(value)
    return sample


def _mark_copy(db: sqlite3.Connection, article_id: str, text: str) -> None:
    sketch = _shingles(text)
    db.executemany(
        "INSERT OR IGNORE INTO article_shingles (hash, article_id) VALUES (?, ?)", [(h, article_id) for h in sketch]
    )
    if len(sketch) * _SAMPLE < _MIN_SHINGLES:
        return
    marks = ", ".join("?" * len(sketch))
    candidates = db.execute(
        "SELECT a.article_id, count(*),"
        " (SELECT count(*) FROM article_shingles b WHERE b.article_id = a.article_id)"
        f" FROM article_shingles a WHERE a.hash IN ({marks}) AND a.article_id != ?"
        " GROUP BY a.article_id ORDER BY count(*) DESC LIMIT 5",
        [*sketch, article_id],
    ).fetchall()
    for other, shared, size in candidates:
        if size and shared / min(len(sketch), size) >= COPY_CONTAINMENT:
            original = db.execute("SELECT coalesce(copy_of, id) FROM articles WHERE id = ?", (other,)).fetchone()[0]
            db.execute("UPDATE articles SET copy_of = ? WHERE id = ?", (original, article_id))
            return


def backfill(db: sqlite3.Connection) -> None:
    """Index and cluster the articles of a store made before clusters existed, in the order they were stored."""
    articles = db.execute("SELECT id, text FROM articles ORDER BY ingested_at, id").fetchall()
    for article_id, text in articles:
        statements = [
            Statement(
                id=sid,
                article_id=article_id,
                speaker=None if speaker_id is None else Entity(speaker_id, ""),
                kind="direct",
                text=words,
                start=0,
                end=0,
                said=said,
                said_basis=basis,
                cluster=cluster,
            )
            for sid, speaker_id, words, said, basis, cluster in db.execute(
                "SELECT id, speaker_id, text, said, said_basis, cluster FROM statements WHERE article_id = ?",
                (article_id,),
            )
        ]
        cluster_article(db, article_id, text, statements)
