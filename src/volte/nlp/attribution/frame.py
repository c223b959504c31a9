"""The frame: one document as every attribution rule reads it, built once and never changed afterwards.

    frame = build_frame(doc, cues(language))

It holds the parse, the quotations, which tokens are quoted, the paragraph starts, the article's names (the name
book), and the layout facts read once: datelines, line labels (`Rubio: I still believe …`), signatures after a
quotation (`“…” ― Karen Bobadilla`) and transcript labels inside one (`"PENCE: Well, …"`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy import symbols
from spacy.tokens import Doc, Span, Token

from volte.nlp.deps import dep_of
from volte.nlp.entities import NameBook, build_namebook
from volte.nlp.pipeline import doc_text
from volte.nlp.quotes import QuoteSpan, find_quotes
from volte.resources import Cues

# `“…” ― Karen Bobadilla`: a dash and a capitalised name after the quotation sign it.
_DASH_NAME = re.compile(r"^[―—–-]\s*((?:[A-Z][\w.'’-]*\s?){1,4})(?:[.,\n]|$)")
# `Rubio: I still believe …`, `OK Gov Fallin: I think …`: a line opening on a name and a colon.
_LINE_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]")
# `"PENCE: Well, the question …"`: a transcript's speaker label opening the quoted words.
_LABEL = re.compile(r"^([A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]+)?):\s")
_DASHES = ("—", "–", "-", "--")
# A title in quotation marks: two to six words, each capitalised or a short function word, the first capitalised
# (`"Face the Nation,"`, `"State of the Union."`): a name of a show or a work, read with the words around a
# statement for the date it may give, where a quotation's own words are not.
_TITLE = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|the|and|a|an|in|on|for|to|with|at))"
                    r"{1,5}[,.]?")


@dataclass(frozen=True)
class Frame:
    doc: Doc
    text: str
    cues: Cues
    quotes: tuple[QuoteSpan, ...]
    token_starts: tuple[int, ...]
    in_quote: tuple[bool, ...]  # in_quote[i]: token i is inside quoted words
    quoted: frozenset[int]
    paragraph_starts: tuple[int, ...]
    book: NameBook  # read by the rules; only the runner adds what resolution learned (see run.py)
    datelines: dict[int, int]  # a dateline's first token -> the token the text goes on with after its dash
    line_labels: dict[int, tuple[str, int]]  # a line's first character -> (the name labelling it, where it ends)
    signatures: tuple[str | None, ...]  # per quotation: the name signing it after a dash, else None
    transcript_labels: tuple[str | None, ...]  # per quotation: the label opening its words, else None
    titled: frozenset[int] = frozenset()  # tokens of quotations that are titles: `"Face the Nation"`
    # the stop that ends a quotation's words (`… is appropriate.”`): kept in a context, where it ends the sentence
    quote_stops: frozenset[int] = frozenset()

    def tok(self, char: int) -> int:
        """Index of the token that holds character `char` (or the nearest before it)."""
        return max(0, bisect.bisect_right(self.token_starts, char) - 1)

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1

    def sentences(self, start: int, end: int) -> list[Span]:
        """The sentences touching text[start:end]."""
        first, last = self.doc[self.tok(start)].sent, self.doc[self.tok(max(start, end - 1))].sent
        sents, sent = [first], first
        while sent.end < last.end and sent.end < len(self.doc):
            sent = self.doc[sent.end].sent
            sents.append(sent)
        return sents

    def index(self, q: QuoteSpan) -> int:
        return self.quotes.index(q)

    def prev_close(self, q: QuoteSpan) -> int:
        i = self.index(q)
        return self.quotes[i - 1].close_at if i > 0 else 0

    def next_open(self, q: QuoteSpan) -> int:
        i = self.index(q)
        return self.quotes[i + 1].open_at if i + 1 < len(self.quotes) else len(self.text)

    def context(self, start: int, end: int, exclude: list[Token] | None = None) -> str:
        """The words of tokens start..end outside quotations (and outside `exclude`): where a date may be."""
        skip = {t.i for t in exclude} if exclude else set()
        return "".join(t.text_with_ws for t in self.doc[start:end]
                       if (not self.in_quote[t.i] or t.i in self.titled or t.i in self.quote_stops)
                       and t.i not in skip)


def build_frame(doc: Doc, table: Cues) -> Frame:
    """Read the document's quotations, names and layout once."""
    text = doc_text(doc)  # (spaCy rebuilds doc.text on every access)
    quotes = tuple(find_quotes(text))
    token_starts = tuple(t.idx for t in doc)
    in_quote = [False] * len(doc)
    titled: set[int] = set()
    stops: set[int] = set()
    for q in quotes:
        first = max(0, bisect.bisect_right(token_starts, q.start) - 1)
        last = max(0, bisect.bisect_right(token_starts, q.end - 1) - 1)
        for i in range(first, last + 1):
            in_quote[i] = True
        if _TITLE.fullmatch(text[q.start : q.end]):
            titled.update(range(first, last + 1))
        if doc[last].text in (".", "!", "?") and doc[last].idx < q.end:
            stops.add(last)
    quoted = frozenset(i for i, inside in enumerate(in_quote) if inside)
    book = build_namebook(doc, table, quoted)
    _tag_known_names(doc, book)
    _tag_verbs_with_subjects(doc, table)
    _tag_cue_nouns_with_clauses(doc, table)
    return Frame(
        doc=doc,
        text=text,
        cues=table,
        quotes=quotes,
        token_starts=token_starts,
        in_quote=tuple(in_quote),
        quoted=quoted,
        paragraph_starts=(0, *(m.end() for m in re.finditer(_paragraph_break(text), text))),
        book=book,
        datelines=_datelines(doc),
        line_labels={m.start(): (m.group(1), m.end()) for m in _line_label_matches(text)},
        signatures=tuple(_signature(text, q) for q in quotes),
        transcript_labels=tuple(_transcript_label(text, q) for q in quotes),
        titled=frozenset(titled),
        quote_stops=frozenset(stops),
    )


# Parts of speech as the parse stores them, to read a document's tags as one array rather than token by token.
_NOUN = frozenset({symbols.NOUN})
_TAGGED_AMISS = frozenset({symbols.NOUN, symbols.ADV, symbols.ADJ, symbols.X, symbols.INTJ, symbols.VERB})


def _tokens_tagged(doc: Doc, tags: frozenset[int]) -> Iterator[Token]:
    """The tokens of `doc` whose part of speech is one of `tags`, in order (the rest are never made objects)."""
    for i, pos in enumerate(doc.to_array("POS").tolist()):
        if pos in tags:
            yield doc[i]


def _tag_known_names(doc: Doc, book: NameBook) -> None:
    """A word the article uses as a person's name is a proper noun wherever it is capitalised: the tagger,
    seeing `said Skelly` or `Hannity interjected:` alone, takes `Skelly` for an adverb (-ly) and `Hannity`
    for a common noun, or `Manning reminded senators` for a gerund subject, and the attribution rules then pass the
    speaker by."""
    for tok in _tokens_tagged(doc, _TAGGED_AMISS):
        if tok.pos_ == "VERB" and not (tok.tag_ == "VBG" and dep_of(tok) == "nsubj"):
            continue  # (a verb only as a subject in -ing: `Manning reminded senators …`, `Manning` a person)
        if (
            tok.text[:1].isupper()
            and not tok.is_stop
            and book.types.get(book.fullest.get(tok.lower_, tok.text), "") == "person"
        ):
            tok.pos_ = "PROPN"


def _tag_verbs_with_subjects(doc: Doc, table: Cues) -> None:
    """French: the tagger takes a cue verb in the present for its noun (`Le secrétaire général, encore en fonction
    jusqu'en mars 2013, demande au gouvernement des mesures`: `demande` NOUN, the root, with a subject), or leaves
    a verb unlemmatised (`demande`, lemma `demande`); a root noun, or such a verb, with a subject before it whose
    form is the present of a cue verb (`demande` -> demander, `dénoncent` -> dénoncer) is that verb."""
    if doc.lang_ != "fr":
        return
    for tok in doc:
        unlemmatised = tok.pos_ == "VERB" and tok.lemma_.lower() == tok.lower_  # (`demande` VERB, lemma `demande`)
        if not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT" or unlemmatised) or tok.text[:1].isupper():
            continue
        if not any(dep_of(c) == "nsubj" and c.i < tok.i for c in tok.children):
            continue
        form = tok.lower_
        lemma = f"{form}r" if form.endswith("e") else f"{form[:-3]}er" if form.endswith("ent") else None
        if lemma is not None and table.verb_forms.get(lemma) == lemma:
            tok.pos_, tok.lemma_ = "VERB", lemma


def _tag_cue_nouns_with_clauses(doc: Doc, table: Cues) -> None:
    """English: the tagger takes a cue verb in the present for its plural noun (`But Trump claims that he should be
    the exception`: `claims` NOUN, yet with a subject before it and a clause of content after it, or, the root, the
    name before it parsed as its modifier); such a word is the verb."""
    if doc.lang_ != "en":
        return
    for tok in _tokens_tagged(doc, _NOUN):
        if tok.text[:1].isupper() or table.verb_forms.get(tok.lower_) is None:
            continue
        subject = any(
            c.i < tok.i and (dep_of(c) == "nsubj" or tok.dep_ == "ROOT" and c.dep_ == "compound" and c.pos_ == "PROPN")
            for c in tok.children
        )
        clause = any(dep_of(c) == "ccomp" and c.i > tok.i for c in tok.children)
        if subject and clause:
            tok.pos_ = "VERB"


def _paragraph_break(text: str) -> str:
    """What separates paragraphs in this text: a blank line, or one line break where the text puts each paragraph
    on a line of its own (most of its single breaks follow a sentence's end; hard-wrapped text breaks mid-sentence)."""
    singles = re.findall(r"(?<!\n)(.)\n(?!\n)", text)
    if len(singles) <= text.count("\n\n"):
        return "\n\n"
    ends = sum(c in ".!?:\"”’»)]" for c in singles)
    return "\n+" if ends > len(singles) / 2 else "\n\n"


def _datelines(doc: Doc) -> dict[int, int]:
    """Datelines the parse may take for a subject: `HALBRIDGE — Marguerite Valcourt, the leader of …, has urged`
    -> the name after the dash; `PHILADELPHIA, July 29 (UPI) — Fans of the actor complain …` -> the words after
    the date, the agency's brackets and the dash; `SUNDVIK - The opposition leader Marguerite Valcourt` -> the
    name after the role."""
    out = {}
    for i in doc.to_array("IS_UPPER").nonzero()[0].tolist():  # (the words all in capitals, read as one array)
        tok = doc[i]
        if not (tok.text.isupper() and len(tok.text) > 2):
            continue
        dash = next((t.i for t in doc[tok.i + 1 : tok.i + 9] if t.text in _DASHES), None)
        if dash is None or dash + 1 >= len(doc) or not all(
            t.text in (",", "(", ")") or t.text.isupper() or t.ent_type_ == "DATE" or t.like_num or t.nbor(-1).text == "("
            for t in doc[tok.i + 1 : dash]
        ):
            continue
        after = doc[dash + 1]
        while dep_of(after) in ("compound", "flat", "amod", "det") and after.head.pos_ in ("PROPN", "NOUN") and after.head.i > after.i:
            after = after.head  # `Marguerite` -> `Valcourt`, the head of the name
        names = after.i
        while after.pos_ == "NOUN" and names + 1 < len(doc) and doc[names + 1].pos_ == "PROPN":
            names += 1
        if after.pos_ in ("PROPN", "NOUN"):
            out[tok.i] = names
    return out


def _line_label_matches(text: str) -> list[re.Match[str]]:
    """Every line that opens on a name and a colon: `Rubio: I still believe …`."""
    out = []
    for m in re.finditer(r"(?:^|\n)", text):
        label = _LINE_LABEL.match(text, m.end())
        if label:
            out.append(label)
    return out


def _signature(text: str, q: QuoteSpan) -> str | None:
    """The name signing a quotation after a dash: `“…” ― Karen Bobadilla`, on its line or the next one."""
    line_end = text.find("\n", q.close_at)
    rest = text[q.close_at : line_end if line_end >= 0 else len(text)].strip()
    if not rest.strip(".") and line_end >= 0:
        rest = text[line_end : line_end + 120].strip().split("\n", 1)[0]
    m = _DASH_NAME.match(rest)
    return m.group(1).strip().rstrip(".") if m else None


def _transcript_label(text: str, q: QuoteSpan) -> str | None:
    """A transcript's label opening the quoted words: `"PENCE: Well, …"` -> Pence."""
    m = _LABEL.match(text[q.start : q.end])
    return m.group(1).title() if m else None
