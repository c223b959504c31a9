-- volte's store, migration 0010 (issue #13): what each article itself says about its entities, so that the links
-- across articles, and each entity's name and type, are recomputed from all of it whatever the order of arrival.
-- `speaker_as` / `entity_as`: the entity id the article gave (a person's id is their name key, names.py) before
-- linking across articles; `speaker_id` / `entity_id` stay the linked ids every reader uses.
ALTER TABLE statements ADD COLUMN speaker_as TEXT;
ALTER TABLE statement_targets ADD COLUMN entity_as TEXT;
UPDATE statements SET speaker_as = speaker_id;
UPDATE statement_targets SET entity_as = entity_id;
CREATE INDEX statements_speaker_as ON statements(speaker_as);
CREATE INDEX statement_targets_as ON statement_targets(entity_as);

-- One row per entity and article that names it: the name and type the article gives it, and a person's surname
-- (folded) when the name is a full name (a bare surname elsewhere may stand for them: store/entities.py).
CREATE TABLE entity_forms (
    entity_as  TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    surname    TEXT,
    PRIMARY KEY (entity_as, article_id)
);
CREATE INDEX entity_forms_article ON entity_forms(article_id);
CREATE INDEX entity_forms_surname ON entity_forms(surname);
-- What is stored already: each entity as the store last named it, in every article that speaks of it.
INSERT OR IGNORE INTO entity_forms (entity_as, article_id, name, type)
    SELECT s.speaker_id, s.article_id, e.name, e.type FROM statements s JOIN entities e ON e.id = s.speaker_id;
INSERT OR IGNORE INTO entity_forms (entity_as, article_id, name, type)
    SELECT t.entity_id, s.article_id, e.name, e.type
    FROM statement_targets t JOIN statements s ON s.id = t.statement_id JOIN entities e ON e.id = t.entity_id;

-- Links undone by hand (`volte split NAME`): the store's own rule never links this article id again; a later
-- `volte merge` of it removes the row.
CREATE TABLE entity_splits (
    alias_id   TEXT PRIMARY KEY,
    alias_name TEXT NOT NULL,
    split_at   TEXT NOT NULL
);
