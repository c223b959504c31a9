-- volte's store, migration 0013 (issue #13).
-- The role, title or label the article gives a statement's speaker beside their name (`FBI Director`), as
-- written; NULL for a statement stored before (ingest the article again to set it).
ALTER TABLE statements ADD COLUMN speaker_role TEXT;

-- Each statement's key words for clustering (store/clustering.py), so
-- that two reports of one utterance are compared whichever of them came first. A stored statement is a candidate
-- for a new one when it holds `need` of the new one's key words, or the new one holds `need` of its key words
-- (clustering._need); `reach`: for a statement of one word, the longest text that can be the same words.
-- The migration fills the table from what is stored (clustering.fill_keys).
CREATE TABLE statement_keys (
    word         TEXT NOT NULL,
    statement_id TEXT NOT NULL,
    need         INTEGER NOT NULL,
    reach        INTEGER,
    PRIMARY KEY (word, statement_id)
) WITHOUT ROWID;
CREATE INDEX statement_keys_statement ON statement_keys(statement_id);

-- A statement's targets as readers see them: one per linked entity, the article's first (a statement about both
-- `West` and `Cornel West` holds two rows; they are one target while `West` links to Cornel West, two again when
-- the link is undone). Rows are never deleted on a link, so the record does not depend on arrival order.
CREATE VIEW linked_targets AS
    SELECT * FROM statement_targets t WHERE NOT EXISTS (
        SELECT 1 FROM statement_targets o
        WHERE o.statement_id = t.statement_id AND o.entity_id = t.entity_id AND o.position < t.position
    );
