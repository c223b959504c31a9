-- volte's store, migration 0001: articles, the entities that speak or are spoken about, and their statements.
-- Offsets (start, end) are character offsets into articles.text.

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,          -- a_…, from the normalised text
    source      TEXT NOT NULL,             -- path or URL as ingested
    title       TEXT,
    author      TEXT,
    published   TEXT,                      -- YYYY-MM-DD
    url         TEXT,
    language    TEXT NOT NULL,
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL              -- ISO 8601, UTC
);

-- Which article each source last gave: a source re-ingested with changed text points at the new article.
CREATE TABLE sources (
    source     TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX sources_article ON sources(article_id);

CREATE TABLE entities (
    id   TEXT PRIMARY KEY,                 -- e_…, from the folded canonical name
    name TEXT NOT NULL,
    type TEXT NOT NULL                     -- person | organization | group | media
);

CREATE TABLE statements (
    id         TEXT PRIMARY KEY,           -- s_…, from article id and span
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id TEXT REFERENCES entities(id),
    kind       TEXT NOT NULL,              -- direct | partial | indirect
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    cue        TEXT,
    said       TEXT,                       -- YYYY | YYYY-MM | YYYY-MM-DD
    said_basis TEXT,                       -- explicit | relative | published | before (said NULL)
    cluster    TEXT
);
CREATE INDEX statements_order ON statements(said, article_id, start);
CREATE INDEX statements_article ON statements(article_id, start);
CREATE INDEX statements_speaker ON statements(speaker_id, said);

CREATE TABLE statement_targets (
    statement_id TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    entity_id    TEXT NOT NULL REFERENCES entities(id),
    position     INTEGER NOT NULL,         -- order of the target in the statement
    stance       TEXT NOT NULL,            -- favor | against | neutral
    confidence   REAL NOT NULL,
    evidence     TEXT NOT NULL,
    PRIMARY KEY (statement_id, position)
);
CREATE INDEX statement_targets_entity ON statement_targets(entity_id);
