-- volte's store, migration 0011: whose words each statement gives (issue #14): "quoted" (the speaker's own, in
-- quotation marks), "reported" (a speech act with its content), "characterized" (the author's description of a
-- position or an act). NULL for a statement stored before this migration (ingest the article again to set it).
ALTER TABLE statements ADD COLUMN voice TEXT;
CREATE INDEX statements_voice ON statements(voice);
