-- volte's store, migration 0003: what is built across articles, and the fixes people make.

-- Copies of one article (syndication): the first stored article this one copies, else NULL.
ALTER TABLE articles ADD COLUMN copy_of TEXT;

-- Sampled five-word shingles of each article's text, to find copies (see store/clustering.py).
CREATE TABLE article_shingles (
    hash       INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (hash, article_id)
) WITHOUT ROWID;
CREATE INDEX article_shingles_article ON article_shingles(article_id);

-- Statement text folded for comparison, to find candidates of the same utterance.
CREATE VIRTUAL TABLE statement_words USING fts5(statement_id UNINDEXED, words, tokenize = 'unicode61');

CREATE INDEX statements_cluster ON statements(cluster);

-- Fixes made by people. Kept apart from what the model wrote and with no foreign key, so they outlive
-- re-ingest and re-analysis; applied when the record is read. The latest row for a (statement, field, target)
-- is the one in force.
CREATE TABLE corrections (
    id           INTEGER PRIMARY KEY,
    statement_id TEXT NOT NULL,
    field        TEXT NOT NULL,            -- speaker | stance | not_statement
    entity_id    TEXT,                     -- speaker: the right speaker; stance: the target
    entity_name  TEXT,
    entity_type  TEXT,
    value        TEXT,                     -- stance: favor | against | neutral | none; not_statement: yes | no
    note         TEXT,
    created_at   TEXT NOT NULL             -- ISO 8601, UTC
);
CREATE INDEX corrections_statement ON corrections(statement_id, field);

CREATE VIEW current_corrections AS
    SELECT c.* FROM corrections c
    WHERE c.id = (SELECT max(d.id) FROM corrections d WHERE d.statement_id = c.statement_id
                  AND d.field = c.field AND (c.field != 'stance' OR d.entity_id = c.entity_id));
