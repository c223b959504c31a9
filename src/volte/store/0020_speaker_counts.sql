-- volte's store, migration 0020: how many statements each speaker (the model's) has, and when first and last
-- said, kept by triggers as statements are written, re-pointed and deleted (not recounted by scanning).
-- `volte speakers` and every command that finds a speaker by name read it; corrections are applied on top
-- (store/sqlite.py, Store.speakers). first_said and last_said are min(said) and max(said), NULL when none is dated.

CREATE TABLE speaker_counts (
    speaker_id TEXT PRIMARY KEY,
    statements INTEGER NOT NULL,
    first_said TEXT,
    last_said  TEXT
) WITHOUT ROWID;

INSERT INTO speaker_counts (speaker_id, statements, first_said, last_said)
    SELECT speaker_id, count(*), min(said), max(said) FROM statements WHERE speaker_id IS NOT NULL GROUP BY speaker_id;

-- A new statement: one more, and the dates widened.
CREATE TRIGGER speaker_counts_insert AFTER INSERT ON statements WHEN new.speaker_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO speaker_counts (speaker_id, statements) VALUES (new.speaker_id, 0);
    UPDATE speaker_counts SET statements = statements + 1,
        first_said = CASE WHEN first_said IS NULL OR new.said < first_said THEN coalesce(new.said, first_said)
                     ELSE first_said END,
        last_said = CASE WHEN last_said IS NULL OR new.said > last_said THEN coalesce(new.said, last_said)
                    ELSE last_said END
        WHERE speaker_id = new.speaker_id;
END;

-- A statement gone (its article deleted or replaced): one fewer; the dates read again from the speaker's index.
CREATE TRIGGER speaker_counts_delete AFTER DELETE ON statements WHEN old.speaker_id IS NOT NULL BEGIN
    UPDATE speaker_counts SET statements = statements - 1,
        first_said = (SELECT min(said) FROM statements WHERE speaker_id = old.speaker_id),
        last_said = (SELECT max(said) FROM statements WHERE speaker_id = old.speaker_id)
        WHERE speaker_id = old.speaker_id;
    DELETE FROM speaker_counts WHERE speaker_id = old.speaker_id AND statements <= 0;
END;

-- A statement re-pointed to another speaker (entities merged, split or relinked) or dated anew: out of the old
-- speaker's counts, into the new one's.
CREATE TRIGGER speaker_counts_update AFTER UPDATE OF speaker_id, said ON statements
    WHEN old.speaker_id IS NOT new.speaker_id OR old.said IS NOT new.said BEGIN
    UPDATE speaker_counts SET statements = statements - 1,
        first_said = (SELECT min(said) FROM statements WHERE speaker_id = old.speaker_id),
        last_said = (SELECT max(said) FROM statements WHERE speaker_id = old.speaker_id)
        WHERE speaker_id = old.speaker_id;
    DELETE FROM speaker_counts WHERE speaker_id = old.speaker_id AND statements <= 0;
    INSERT OR IGNORE INTO speaker_counts (speaker_id, statements) SELECT new.speaker_id, 0
        WHERE new.speaker_id IS NOT NULL;
    UPDATE speaker_counts SET statements = statements + 1,
        first_said = (SELECT min(said) FROM statements WHERE speaker_id = new.speaker_id),
        last_said = (SELECT max(said) FROM statements WHERE speaker_id = new.speaker_id)
        WHERE speaker_id = new.speaker_id;
END;
