-- volte's store, migration 0008: corrections anchored to content, not to statement ids alone.
-- A statement id follows the article's text: edit one word and every id of the article changes. Each correction
-- keeps the words and place of the statement it was made on, and is moved to the statement that has them after
-- an edit (store/anchors.py); `statement_id` is the statement it applies to now.
ALTER TABLE corrections ADD COLUMN made_on TEXT;            -- the statement id it was made on
ALTER TABLE corrections ADD COLUMN anchor_source TEXT;      -- that statement's source (path or URL) then
ALTER TABLE corrections ADD COLUMN anchor_text TEXT;        -- its words then
ALTER TABLE corrections ADD COLUMN anchor_start INTEGER;    -- its offsets then
ALTER TABLE corrections ADD COLUMN anchor_end INTEGER;
ALTER TABLE corrections ADD COLUMN anchor_length INTEGER;   -- the length of its article's text then
ALTER TABLE corrections ADD COLUMN anchor_state TEXT;       -- made | found (again, after an edit) | lost
CREATE INDEX corrections_anchor_source ON corrections(anchor_source);

UPDATE corrections SET made_on = statement_id;
UPDATE corrections SET
    anchor_source = (SELECT a.source FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id = corrections.statement_id),
    anchor_text = (SELECT s.text FROM statements s WHERE s.id = corrections.statement_id),
    anchor_start = (SELECT s.start FROM statements s WHERE s.id = corrections.statement_id),
    anchor_end = (SELECT s."end" FROM statements s WHERE s.id = corrections.statement_id),
    anchor_length = (SELECT length(a.text) FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id = corrections.statement_id);
UPDATE corrections SET anchor_state = CASE WHEN anchor_text IS NULL THEN 'lost' ELSE 'made' END;
