"""Stance toward a target: favor, against or neutral, with a confidence and the words that carry it.

    predict_stance(sentence, start, end) -> StanceResult   (the target mention is sentence[start:end])

The model is small and runs on numpy alone (no torch at run time): static token vectors distilled from
all-MiniLM-L6-v2, a convolution over them with each token's distance to the target mention, attention pooling
and a two-layer head, trained on NewsMTSC train by `scripts/train_stance.py` (see resources/stance/README.md).
The mention itself is masked, so the model judges what the words around a name say, not the name. The tokens the
attention weighs most are the evidence.

A few stance rules (resources/stance/rules_en.yaml) come first: political stance is not only sentiment.
`I want to leave NATO` is against NATO and `we stand with Ukraine` for it, though neither word is negative or
positive; a rule that fires gives its own words as evidence.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

import numpy as np

from volte.errors import ModelNotFound, UsageError
from volte.model import StanceLabel

LABELS: tuple[StanceLabel, StanceLabel, StanceLabel] = ("against", "neutral", "favor")
POLARITY: dict[StanceLabel, int] = {"against": -1, "neutral": 0, "favor": 1}
MODEL_FILE = "model.npz"
# The SHA-256 of the model file this version of volte was measured with (docs/BENCHMARKS.md): another file, or none,
# is a broken install, refused at start-up rather than giving other stances than the ones measured.
MODEL_SHA256 = "a52a66945d47613451a819c236f112428393ae270199b34d7331c5bd09997e32"
# Tokens kept each side of the mention: a long sentence's far end rarely speaks about the target.
WINDOW = 48
# Relative-position buckets: the mention, then 1, 2, 3, 4-5, 6-8, 9-13, 14-21, 22+ tokens before / after.
_BUCKET_EDGES = (1, 2, 3, 4, 6, 9, 14, 22)
N_BUCKETS = 1 + 2 * len(_BUCKET_EDGES)
_WORD = re.compile(r"[^\W_]+|[^\s]", re.UNICODE)


class Piece(NamedTuple):
    """A word piece with the character span of the word (or punctuation mark) it comes from."""

    text: str
    start: int
    end: int


def _fold(word: str) -> str:
    """Lower case without accents, as the uncased MiniLM vocabulary has its words: `Élysée` -> `elysee`."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def word_pieces(text: str, vocab: dict[str, int], max_chars: int = 100) -> list[Piece]:
    """BERT-uncased tokenisation: words and punctuation, then greedy longest-match word pieces (`##ing`)."""
    out: list[Piece] = []
    for match in _WORD.finditer(text):
        word = _fold(match.group())
        if not word:
            continue
        if len(word) > max_chars:
            out.append(Piece("[UNK]", match.start(), match.end()))
            continue
        pieces: list[str] = []
        i = 0
        while i < len(word):
            j = len(word)
            while j > i:
                piece = word[i:j] if i == 0 else "##" + word[i:j]
                if piece in vocab:
                    pieces.append(piece)
                    break
                j -= 1
            if j == i:
                pieces = ["[UNK]"]
                break
            i = j
        out.extend(Piece(p, match.start(), match.end()) for p in pieces)
    return out


def bucket(distance: int) -> int:
    """Bucket of a token's signed distance to the mention (0: in the mention; <0 before; >0 after)."""
    if distance == 0:
        return 0
    k = sum(1 for edge in _BUCKET_EDGES if abs(distance) >= edge)
    return k if distance < 0 else len(_BUCKET_EDGES) + k


class Encoded(NamedTuple):
    ids: np.ndarray  # token ids, the mention's tokens replaced by the [MASK] id
    buckets: np.ndarray  # relative-position bucket of each token
    pieces: list[Piece]


def encode(sentence: str, start: int, end: int, vocab: dict[str, int]) -> Encoded:
    """Token ids and position buckets of `sentence` around the mention `sentence[start:end]`, mention masked."""
    pieces = word_pieces(sentence, vocab)
    inside = [p.start < end and p.end > start for p in pieces]
    if not any(inside):
        # The mention is not a whole word (an offset inside a word): mark the tokens that touch it.
        inside = [p.start <= start < p.end or p.start < end <= p.end for p in pieces]
    first = inside.index(True) if any(inside) else len(pieces)
    last = len(inside) - 1 - inside[::-1].index(True) if any(inside) else len(pieces) - 1
    lo, hi = max(0, first - WINDOW), min(len(pieces), last + 1 + WINDOW)
    mask_id = vocab["[MASK]"]
    unk_id = vocab["[UNK]"]
    ids: list[int] = []
    buckets: list[int] = []
    kept: list[Piece] = []
    masked = False
    for k in range(lo, hi):
        if inside[k]:
            if masked:
                continue  # the whole mention is one [MASK]
            masked = True
            ids.append(mask_id)
            buckets.append(0)
        else:
            ids.append(vocab.get(pieces[k].text, unk_id))
            buckets.append(bucket(k - first if k < first else k - last))
        kept.append(pieces[k])
    if not ids:
        ids, buckets, kept = [mask_id], [0], [Piece("[MASK]", start, end)]
    return Encoded(np.array(ids, dtype=np.int64), np.array(buckets, dtype=np.int64), kept)


@dataclass(frozen=True)
class StanceResult:
    """A stance toward one target, how sure (the winning class's probability) and the words that carry it."""

    stance: StanceLabel
    confidence: float
    evidence: str

    @property
    def polarity(self) -> int:
        return POLARITY[self.stance]


class _Head:
    """One trained classifier over the shared token vectors. The convolution's share of each token vector is
    computed once per token id, when first met, so a prediction is mostly look-ups (the table is allocated
    lazily by the OS: untouched rows cost no memory)."""

    def __init__(self, w: dict[str, np.ndarray], vectors: np.ndarray) -> None:
        self.w = w
        d, hidden = vectors.shape[1], w["conv_b"].shape[0]
        full = d + w["pos"].shape[1]
        conv = w["conv_w"]
        # Rows of conv_w: [left | centre | right] window slots, each [token vector | position embedding].
        self.token_w = np.concatenate([conv[k * full : k * full + d] for k in range(3)], axis=1)  # d x 3H
        self.pos_proj = np.concatenate(
            [w["pos"] @ conv[k * full + d : (k + 1) * full] for k in range(3)], axis=1
        )  # buckets x 3H
        self.vectors = vectors
        self.table = np.zeros((vectors.shape[0], 3 * hidden), dtype=np.float32)
        self.done = np.zeros(vectors.shape[0], dtype=bool)
        self.hidden = hidden

    def forward(self, ids: np.ndarray, buckets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        w, hid = self.w, self.hidden
        new = np.unique(ids[~self.done[ids]])
        if len(new):
            self.table[new] = self.vectors[new] @ self.token_w
            self.done[new] = True
        parts = self.table[ids] + self.pos_proj[buckets]  # L x 3H: each token's share in each window slot
        h = parts[:, hid : 2 * hid] + w["conv_b"]
        h[1:] += parts[:-1, :hid]  # the token before, in the left slot
        h[:-1] += parts[1:, 2 * hid :]  # the token after, in the right slot
        h = np.maximum(h, 0.0)
        att = np.tanh(h @ w["att_w"] + w["att_b"]) @ w["att_v"]
        att = np.exp(att - att.max())
        att /= att.sum()
        z = np.concatenate([att @ h, h.max(axis=0), h[buckets == 0].sum(axis=0)])
        logits = np.maximum(z @ w["fc1_w"] + w["fc1_b"], 0.0) @ w["fc2_w"] + w["fc2_b"]
        probs = np.exp(logits - logits.max())
        return probs / probs.sum(), att


@cache
def check_stance_model() -> None:
    """Raise ModelNotFound unless the bundled stance model is there and is the pinned file (MODEL_SHA256).
    Ingest calls it before reading anything; loading the bundled model calls it too."""
    import hashlib

    source = resources.files("volte.resources").joinpath("stance", MODEL_FILE)
    try:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
    except OSError as exc:
        raise ModelNotFound(
            f"volte's stance model is missing ({exc}): reinstall volte (`pip install --force-reinstall volte`, "
            "or `make install` in a checkout)"
        ) from exc
    if digest != MODEL_SHA256:
        raise ModelNotFound(
            f"volte's stance model {source} is not the file this version was built with (sha256 {digest[:12]}…, "
            f"expected {MODEL_SHA256[:12]}…): reinstall volte, or rebuild the model as "
            "src/volte/resources/stance/README.md says and update MODEL_SHA256"
        )


class StanceModel:
    """The trained classifier (resources/stance/model.npz), run with numpy: one head, or several (`h0_…`,
    `h1_…`, trained with different seeds) whose probabilities are averaged."""

    def __init__(self, path: str | None = None) -> None:
        if path is None:
            check_stance_model()
        source = resources.files("volte.resources").joinpath("stance", MODEL_FILE) if path is None else path
        with source.open("rb") if not isinstance(source, str) else open(source, "rb") as handle:
            data = np.load(handle, allow_pickle=False)
            self.vocab = {t: i for i, t in enumerate(str(data["vocab"]).split("\n"))}
            vectors = data["vectors"].astype(np.float32)
            weights = {k: data[k].astype(np.float32) for k in data.files if k not in ("vocab", "vectors", "meta")}
            meta = json.loads(str(data["meta"])) if "meta" in data.files else {}
        # Fitted on held-out rows by scripts/train_stance.py so that a confidence of 0.8 is right about 8 times
        # in 10 (the reliability table in docs/BENCHMARKS.md); 1.0 in a file trained before calibration.
        self.temperature = float(meta.get("temperature", 1.0))
        prefixes = sorted({k.split("_", 1)[0] + "_" for k in weights if re.match(r"h\d+_", k)}) or [""]
        self.heads = [
            _Head({k[len(p) :]: v for k, v in weights.items() if k.startswith(p) and (p or not re.match(r"h\d+_", k))}, vectors)
            for p in prefixes
        ]

    def scores(self, sentence: str, start: int, end: int) -> tuple[np.ndarray, np.ndarray, list[Piece]]:
        """Class probabilities (against, neutral, favor), attention weights per kept token, the tokens."""
        enc = encode(sentence, start, end, self.vocab)
        outs = [head.forward(enc.ids, enc.buckets) for head in self.heads]
        probs = np.mean([o[0] for o in outs], axis=0)
        if self.temperature != 1.0:
            probs = probs ** (1.0 / self.temperature)
            probs /= probs.sum()
        att = np.mean([o[1] for o in outs], axis=0)
        return probs, att, enc.pieces

    def predict(self, sentence: str, start: int, end: int) -> StanceResult:
        probs, att, pieces = self.scores(sentence, start, end)
        label = LABELS[int(probs.argmax())]
        evidence = "" if label == "neutral" else _evidence(sentence, att, pieces, start, end)
        return StanceResult(label, float(probs.max()), evidence)


# Words that carry no stance of their own: never the evidence's centre (`of our`, `and`, `my`).
_FUNCTION_WORDS = frozenset(
    "a an the and or but of to in on at by for with from as into than that this these those it its they them their"
    " he him his she her we us our i me my you your is are was were be been being has have had do does did will"
    " would should could can may might shall must there here what which who whom whose when where why how all any"
    " some one also just very so too only about over after before again once up down out off".split()
)


def _evidence(sentence: str, att: np.ndarray, pieces: list[Piece], start: int, end: int) -> str:
    """The words the model weighed most, outside the mention: the best word with its neighbours up to 6 words.

    `Critics say Dupont has betrayed the voters` toward Dupont -> `has betrayed the voters`.
    """
    weight: dict[tuple[int, int], float] = {}
    for a, p in zip(att, pieces, strict=True):
        if p.end <= start or p.start >= end:
            if (p.text.isalnum() or p.text.startswith("##")) and sentence[p.start : p.end].lower() not in _FUNCTION_WORDS:
                weight[(p.start, p.end)] = weight.get((p.start, p.end), 0.0) + float(a)
    if not weight:
        return ""
    words = sorted(weight)
    best = max(range(len(words)), key=lambda k: weight[words[k]])
    lo = hi = best
    threshold = weight[words[best]] * 0.35
    while lo > 0 and best - lo < 3 and weight[words[lo - 1]] >= threshold:
        lo -= 1
    while hi + 1 < len(words) and hi - lo < 5 and weight[words[hi + 1]] >= threshold:
        hi += 1
    return sentence[words[lo][0] : words[hi][1]]


@cache
def load_model() -> StanceModel:
    """The bundled stance model, loaded once per process.

    BLAS is held to one thread in this process: the model's products are small, and OpenBLAS threads spinning
    on a busy machine made each prediction 35 ms instead of 0.5 ms (ingest runs one process per CPU anyway).
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    return StanceModel()


class _Rule(NamedTuple):
    stance: StanceLabel
    pattern: re.Pattern[str]


_TARGET = "\uE000"  # stands for the mention in the sentence the rules read
_NEGATION = re.compile(r"\b(?:not|never|no|cannot|can't|won't|don't|doesn't|didn't|n't)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
_INNER_NEGATION = re.compile(r"\b(?:not|never|no longer)\b", re.IGNORECASE)
# A negated verb of knowing leaves what follows true: `he didn't realize T was a liar` is still against T.
_FACTIVE = re.compile(r"\b(?:realis|realiz|notic|know|knew)\w*\W+$", re.IGNORECASE)
RULE_CONFIDENCE = 0.8
# A side taken in a relative clause is someone else's, not the speaker's: `there are many individuals who will
# willingly continue to support him` (said against him), `those who oppose T`. No side, whatever the model reads.
_OTHERS_SIDE = re.compile(r"\b(?:who|whom)\s+(?:[\w’'-]+\s+){0,4}$", re.IGNORECASE)


# French negation wraps the verb (`ne soutient pas T`, `n'a jamais soutenu T`): `N ` in a French rule is the slot
# for its second word, and a rule is turned round when that word is inside its match with `ne` before it, or
# when `ne … pas` stands just before the match.
_NEGATION_WORDS_FR = r"(?:pas|plus|jamais|guère|point|nullement|aucunement)"
_NEGATION_FR = re.compile(
    r"\b(?:ne|n['’])\s?(?:[\w’'-]+\s+){0,2}" + _NEGATION_WORDS_FR + r"\s+(?:[\w’'-]+\s+){0,1}$", re.IGNORECASE
)
_INNER_NEGATION_FR = re.compile(r"\b" + _NEGATION_WORDS_FR + r"\b", re.IGNORECASE)
_NE = re.compile(r"\bn(?:e\s|['’])", re.IGNORECASE)
_NEGATION_SLOT = r"(?:" + _NEGATION_WORDS_FR + r" )?"


def _language(language: str) -> str:
    """The language whose stance tables are read: French has its own, every other language English's."""
    return "fr" if language == "fr" else "en"


@cache
def _rules(language: str = "en") -> tuple[_Rule, ...]:
    """resources/stance/rules_<language>.yaml, compiled: `T` is the mention, `W` up to eight words, and in French
    `N ` the place of a negation's second word."""
    from volte.resources import load_yaml

    table = load_yaml(f"stance/rules_{_language(language)}.yaml")
    out = []
    for label in ("against", "favor", "neutral"):
        for text in table.get(label) or ():
            body = text.replace("W ", r"(?:[\w’'-]+,? ){0,8}?").replace("N ", _NEGATION_SLOT)
            out.append(_Rule(label, re.compile(r"(?<![\w])" + body.replace("T", _TARGET), re.IGNORECASE)))
    return tuple(out)


# Quotation marks the rules read through: `warned against what he called “a stampede” towards T`. An apostrophe
# between letters stays (`NATO’s arms`, `don’t`).
_QUOTE_MARK = re.compile(r"[“”„‟\"«»‹›]|(?<![^\W\d_])['‘’]|['‘’](?![^\W\d_])")


def _without_quote_marks(text: str) -> tuple[str, list[int] | None]:
    """The text with its quotation marks dropped (and the spaces they leave doubled made single), and for each
    character kept its offset in `text` (None when nothing was dropped)."""
    marks = {m.start() for m in _QUOTE_MARK.finditer(text)}
    if not marks and "  " not in text:
        return text, None
    kept: list[int] = []
    out: list[str] = []
    for i, ch in enumerate(text):
        if i in marks or (ch == " " and out and out[-1] == " "):
            continue
        out.append(ch)
        kept.append(i)
    kept.append(len(text))
    return "".join(out), kept


@cache
def _cue_sides(language: str) -> dict[str, StanceLabel]:
    """The `cue_sides` section of resources/stance/rules_<language>.yaml: cue lemma -> the side it takes."""
    from volte.resources import load_yaml

    table = load_yaml(f"stance/rules_{_language(language)}.yaml").get("cue_sides") or {}
    return {lemma: label for label in ("against", "favor") for lemma in table.get(label) or ()}


def cue_side(cue: str, language: str = "en") -> StanceLabel | None:
    """The side a cue of blame or praise takes toward its object (`attacked`, `praised`), else None."""
    from volte.resources import cues

    word = cue.lower()
    lemma = cues(language).verb_forms.get(word) or word
    return _cue_sides(language).get(lemma)


def rule_stance(sentence: str, start: int, end: int, language: str = "en") -> StanceResult | None:
    """The stance a rule finds toward sentence[start:end], with the matched words as evidence; else None."""
    found = rule_match(sentence, start, end, language)
    return found[0] if found is not None else None


def rule_match(sentence: str, start: int, end: int, language: str = "en") -> tuple[StanceResult, int, int] | None:
    """rule_stance, with where its evidence is in the sentence."""
    masked, where = _without_quote_marks(sentence[:start] + _TARGET + sentence[end:])
    shift = len(_TARGET) - (end - start)
    best: tuple[int, StanceLabel, int, int] | None = None
    for rule in _rules(_language(language)):
        for m in rule.pattern.finditer(masked):
            # The longest match is the most specific: `vote against T` over `against T`; a past belief (a
            # `neutral` rule) over the side it held: `we once thought T was a threat`.
            if best is None or (rule.stance == "neutral") > (best[1] == "neutral") or (
                (rule.stance == "neutral") == (best[1] == "neutral") and m.end() - m.start() > best[0]
            ):
                best = (m.end() - m.start(), rule.stance, m.start(), m.end())
    if best is None:
        return None
    _, label, a, b = best
    before = max(0, a - 40)
    if label == "neutral":
        pass  # a belief the speaker reports as past is no side, negated or not
    elif _language(language) == "fr":
        negation = _NEGATION_FR.search(masked[before:a])
        if _INNER_NEGATION_FR.search(masked[a:b]) and _NE.search(masked[max(0, a - 12) : b]):
            label = "favor" if label == "against" else "against"  # `ne soutient pas T`, `T n'est pas une menace`
        elif negation:
            label = "favor" if label == "against" else "against"  # `n'a jamais soutenu T`
            a = before + negation.start()
    elif (others := _OTHERS_SIDE.search(masked[before:a])) is not None:
        label, a = "neutral", before + others.start()
    else:
        negation = _NEGATION.search(masked[before:a])
        if negation and _FACTIVE.search(masked[before:a]):
            negation = None
        if _INNER_NEGATION.search(masked[a:b]):
            label = "favor" if label == "against" else "against"  # `T is not a threat`
        elif negation:
            label = "favor" if label == "against" else "against"
            a = before + negation.start()  # the evidence keeps the negation: `not need NATO`
    # Back to the sentence's own offsets: quotation marks dropped, and the mention one character in `masked`.
    if where is not None:
        a, b = where[a], where[b - 1] + 1
    a = a if a <= start else a - shift
    b = b if b <= start else b - shift
    while a < b and sentence[a].isspace():
        a += 1
    while b > a and sentence[b - 1].isspace():
        b -= 1
    return StanceResult(label, RULE_CONFIDENCE, sentence[a:b]), a, b


class _Lexicon(NamedTuple):
    words: dict[str, float]  # word form (lower case) -> polarity, -1 .. 1
    prefixes: tuple[tuple[str, float], ...]  # `bêtise*`: every word that begins so
    phrases: tuple[tuple[re.Pattern[str], float], ...]  # words with a space or an apostrophe: `d'avenir`


# A French lexicon word this many words from the mention weighs half what one next to it weighs, one farther than
# _MAX_DISTANCE nothing; a sentence whose weighed sum stays under the threshold either way is neutral toward it.
_HALF_DISTANCE = 6
_MAX_DISTANCE = 12
_CLAUSE_END = re.compile(r"[.;:!?]")
_LEXICON_THRESHOLD = 0.35
# Not measured against a calibration set (the French gold has 41 stances): below the rules' 0.8.
LEXICON_CONFIDENCE = 0.6
_FR_WORD = re.compile(r"[^\W\d_]+")
_FR_NEGATION = frozenset("pas plus jamais guère point nullement aucunement".split())
# Words between a negation's `pas` and the word it turns round: `n'est pas très convaincant`.
_FR_ADVERBS = frozenset("très si assez vraiment trop tellement aussi du tout".split())


@cache
def _lexicon_fr() -> _Lexicon:
    """resources/stance/lexicon_fr.tsv (evaluative adjectives, scripts/build_lexicon_fr.py) and the `lexicon`
    section of rules_fr.yaml (the words of political blame and praise, written by hand)."""
    from volte.resources import load_yaml

    words: dict[str, float] = {}
    source = resources.files("volte.resources").joinpath("stance", "lexicon_fr.tsv")
    for line in source.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, value = line.split("\t")
            words[form] = float(value)
    prefixes: list[tuple[str, float]] = []
    phrases: list[tuple[re.Pattern[str], float]] = []
    table = load_yaml("stance/rules_fr.yaml").get("lexicon") or {}
    for label, polarity in (("against", -1.0), ("favor", 1.0)):
        for entry in table.get(label) or ():
            entry = str(entry).lower()
            if " " in entry or "'" in entry or "\\" in entry:
                body = entry.replace("'", "['’]").replace("*", r"\w*")
                phrases.append((re.compile(r"(?<![\w])" + body + r"(?![\w])", re.IGNORECASE), polarity))
            elif entry.endswith("*"):
                prefixes.append((entry[:-1], polarity))
            else:
                words[entry] = polarity
    return _Lexicon(words, tuple(prefixes), tuple(phrases))


def _polarity(lexicon: _Lexicon, word: str) -> float:
    word = word.lower()
    if word in lexicon.words:
        return lexicon.words[word]
    for prefix, polarity in lexicon.prefixes:
        if word.startswith(prefix):
            return polarity
    return 0.0


def lexicon_stance(sentence: str, start: int, end: int) -> StanceResult:
    """French stance toward sentence[start:end] from the evaluative words around it, each weighed by its distance
    to the mention and turned round inside a negation (`ne … pas`, and the word just after `pas`).

    `Les Touareg ne partagent pas les bêtises du MNLA` -> against the MNLA (`bêtises` is after `pas les`: not
    negated); `Ce plan n'est pas acceptable` -> against the plan's owner named in the sentence.
    """
    lexicon = _lexicon_fr()
    tokens = [(m.start(), m.end(), m.group()) for m in _FR_WORD.finditer(sentence)]
    inside = [a < end and b > start for a, b, _ in tokens]
    if not any(inside):
        return StanceResult("neutral", LEXICON_CONFIDENCE, "")
    first, last = inside.index(True), len(inside) - 1 - inside[::-1].index(True)
    negated: dict[int, int] = {}  # token -> the token of its `ne`
    for j, (_, _, word) in enumerate(tokens):
        if word.lower() not in ("ne", "n"):
            continue
        for k in range(j + 1, min(j + 5, len(tokens))):
            if tokens[k][2].lower() in _FR_NEGATION:
                scope = list(range(j + 1, k)) + [k + 1]
                if k + 2 < len(tokens) and tokens[k + 1][2].lower() in _FR_ADVERBS:
                    scope.append(k + 2)
                negated.update((i, j) for i in scope if i < len(tokens))
                break

    # Only the mention's clause speaks of it: from the last `.;:!?` before it to the first after it.
    lo = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)), default=0)
    hi = next((m.start() for m in _CLAUSE_END.finditer(sentence, end)), len(sentence))

    def weight(i: int) -> float:
        distance = first - i if i < first else i - last
        if distance > _MAX_DISTANCE or not lo <= tokens[i][0] < hi:
            return 0.0
        return 1.0 / (1.0 + distance / _HALF_DISTANCE)

    votes: list[tuple[float, int, int]] = []  # (signed weight, evidence start, evidence end)
    for i, (a, b, word) in enumerate(tokens):
        if inside[i]:
            continue
        polarity = _polarity(lexicon, word)
        if polarity and weight(i):
            if i in negated:
                votes.append((-polarity * weight(i), tokens[negated[i]][0], b))
            else:
                votes.append((polarity * weight(i), a, b))
    for pattern, polarity in lexicon.phrases:
        for m in pattern.finditer(sentence):
            if m.end() <= start or m.start() >= end:
                at = next((i for i, t in enumerate(tokens) if t[0] >= m.start()), len(tokens) - 1)
                if weight(at):
                    votes.append((polarity * weight(at), m.start(), m.end()))
    total = sum(v for v, _, _ in votes)
    if abs(total) < _LEXICON_THRESHOLD:
        return StanceResult("neutral", LEXICON_CONFIDENCE, "")
    _, a, b = max((v for v in votes if (v[0] > 0) == (total > 0)), key=lambda v: abs(v[0]))
    return StanceResult("favor" if total > 0 else "against", LEXICON_CONFIDENCE, sentence[a:b])


class Continuity(NamedTuple):
    """Words by which a speaker says their position has not changed, and the pronoun that says whose it is."""

    start: int
    end: int
    pronoun: str  # lower case, as written: `i`, `we`, `he`
    pronoun_at: int
    first_person: bool


class _ContinuityTable(NamedTuple):
    patterns: tuple[re.Pattern[str], ...]
    first_person: frozenset[str]
    third_person: frozenset[str]
    hypothetical: re.Pattern[str] | None


# `P` and `W` standing alone in a continuity phrase (`W` with the space after it, if any): `on W)?`.
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])([PW])(?![A-Za-z]) ?")
_WORDS = r"(?:[\w’'-]+,? ){0,8}?"


@cache
def _continuity_table(language: str) -> _ContinuityTable:
    """The `continuity` section of resources/stance/rules_<language>.yaml (English when the language has none):
    `P` is a pronoun of its lists, `W` up to eight words."""
    from volte.resources import load_yaml

    try:
        table = load_yaml(f"stance/rules_{language}.yaml").get("continuity") or {}
    except FileNotFoundError:
        table = load_yaml("stance/rules_en.yaml").get("continuity") or {}
    first, third = frozenset(table.get("first_person") or ()), frozenset(table.get("third_person") or ())
    pronoun = "(?:" + "|".join(sorted(map(re.escape, first | third), key=len, reverse=True)) + ")"
    patterns = tuple(
        re.compile(r"(?<![\w])" + _PLACEHOLDER.sub(lambda m: _WORDS if m.group(1) == "W" else pronoun + m.group()[1:], text) + r"(?![\w])",
                   re.IGNORECASE)
        for text in table.get("phrases") or ()
    )
    words = table.get("hypothetical") or ()
    hypothetical = (
        re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\W+(?:\w+\W+){0,2}$", re.IGNORECASE) if words else None
    )
    return _ContinuityTable(patterns, first, third, hypothetical)


def find_continuity(text: str, language: str = "en") -> Iterator[Continuity]:
    """The continuity words in `text`, in text order: `On NATO, I have not changed my mind` -> `I have not
    changed my mind` (pronoun `I`, first person). Not after a word of supposition: `if I had not changed my mind`."""
    table = _continuity_table(language)
    found = sorted((m.start(), m.end()) for pattern in table.patterns for m in pattern.finditer(text))
    last_end = -1
    for a, b in found:
        if a < last_end:
            continue  # one declaration matched by two phrases
        if table.hypothetical is not None and table.hypothetical.search(text[max(0, a - 30) : a]):
            continue
        for word in re.finditer(r"[^\W\d_]+", text[a:b]):
            low = word.group().lower()
            if low in table.first_person or low in table.third_person:
                last_end = b
                yield Continuity(a, b, low, a + word.start(), low in table.first_person)
                break


def scored_stance(sentence: str, start: int, end: int, language: str = "en") -> StanceResult:
    """The stance no rule gave: the model's; in French the French lexicon's (the model knows English words only)."""
    if _language(language) == "fr":
        return lexicon_stance(sentence, start, end)
    return load_model().predict(sentence, start, end)


def stance_toward(sentence: str, start: int, end: int, language: str = "en") -> StanceResult:
    """The stance `sentence` takes toward the mention sentence[start:end]: a rule's when one fires, else
    scored_stance's. What ingest and `volte stance` both use."""
    return rule_stance(sentence, start, end, language) or scored_stance(sentence, start, end, language)


def stance_lines(lines: Iterable[str], source: str = "input") -> Iterator[dict[str, object]]:
    """`volte stance`: for each JSON line `{"id", "sentence", "mention", "from", "to"}`, `{"id", "polarity"}`.

    A line that is not such an object is a UsageError naming its line number.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            sentence, start, end = row["sentence"], int(row["from"]), int(row["to"])
            if not (isinstance(sentence, str) and 0 <= start < end <= len(sentence)):
                raise ValueError("from..to must be a span of sentence")
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"{source} line {number}: need a JSON object with id, sentence, from, to ({exc})") from exc
        yield {"id": row.get("id"), "polarity": stance_toward(sentence, start, end).polarity}
