-- volte's store, migration 0005: the speaker's own words quoted inside a reported statement (issue #3), as a
-- JSON list of [start, end] article offsets; NULL when there are none.
ALTER TABLE statements ADD COLUMN quotes TEXT;
