-- volte's store, migration 0013 (issue #13).
-- The role, title or label the article gives a statement's speaker beside their name (`FBI Director`), as
-- written; NULL for a statement stored before (ingest the article again to set it).
ALTER TABLE statements ADD COLUMN speaker_role TEXT;

-- Each statement's key words for clustering (store/clustering.py), so
-- that two reports of one utterance are compared whichever of them came first. A stored statement is a candidate
-- for a new one when it holds two of the new one's key words, or the new one holds two of its key words (`need`:
-- 2, or 1 for a statement of one word). The migration fills the table from what is stored (clustering.fill_keys).
CREATE TABLE statement_keys (
    word         TEXT NOT NULL,
    statement_id TEXT NOT NULL,
    need         INTEGER NOT NULL,
    PRIMARY KEY (word, statement_id)
) WITHOUT ROWID;
CREATE INDEX statement_keys_statement ON statement_keys(statement_id);
