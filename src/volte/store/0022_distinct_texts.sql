-- volte's store, migration 0022 (issue #19): clustering looks up each distinct text once, not each statement.
-- A wire story's quotation reprinted by 600 outlets is 600 statements but one text: a new report of it was compared
-- with all 600 (full-text rows fetched, words split, fuzzy ratio taken), which made writing into a store of a
-- million statements 150 times slower than into an empty one. Now the candidates are texts (`texts`: each
-- normalised text once, `clustering.normalise`; its full-text index `text_words`; its key words `text_keys`, which
-- replace `statement_keys`), compared once each, and only the statements of the texts that are the same words are
-- read, by `statements.text_id`. `statement_words` stays: it is what `volte statements --q` searches.
-- The migration fills the tables from what is stored (clustering.fill_texts).
CREATE TABLE texts (
    id     INTEGER PRIMARY KEY,
    digest BLOB NOT NULL UNIQUE,  -- blake2b of `words`, 8 bytes (clustering._digest)
    words  TEXT NOT NULL
);
CREATE VIRTUAL TABLE text_words USING fts5(words, content = 'texts', content_rowid = 'id', tokenize = 'unicode61');
CREATE TABLE text_keys (
    word    TEXT NOT NULL,
    text_id INTEGER NOT NULL,
    need    INTEGER NOT NULL,
    reach   INTEGER,
    PRIMARY KEY (word, text_id)
) WITHOUT ROWID;
CREATE INDEX text_keys_text ON text_keys(text_id);
ALTER TABLE statements ADD COLUMN text_id INTEGER;
CREATE INDEX statements_text ON statements(text_id);
DROP TABLE statement_keys;
