-- volte's store, migration 0007 (issue #17, `volte serve`): the indexes the HTTP API and the pages read through.
-- Listings run newest first on (coalesce(said, ''), rowid), undated last, so that a page of 50 is the first 50
-- rows of an index, whatever the size of the store (store/queries.py uses the same expressions).
CREATE INDEX IF NOT EXISTS statements_said_desc ON statements(coalesce(said, ''));
CREATE INDEX IF NOT EXISTS statements_speaker_said_desc ON statements(speaker_id, coalesce(said, ''));
-- A speaker's statements by month, and their targets with the stance, read from indexes alone (speaker pages:
-- 87,000 statements counted in 0.4 s instead of 1.5 s at 1M statements, docs/BENCHMARKS.md).
CREATE INDEX IF NOT EXISTS statements_speaker_cover ON statements(speaker_id, said, id);
CREATE INDEX IF NOT EXISTS statement_targets_cover ON statement_targets(statement_id, entity_id, stance);
-- A target's statements, with the stance, without visiting the table (target pages and filters).
CREATE INDEX IF NOT EXISTS statement_targets_entity_stance ON statement_targets(entity_id, stance, statement_id);
-- The articles of a source as ingested (the `source` filter, article pages by source).
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
-- Corrections naming an entity (a statement given to another speaker shows on that speaker's pages).
CREATE INDEX IF NOT EXISTS corrections_entity ON corrections(field, entity_id);
