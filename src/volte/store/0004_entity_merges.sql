-- volte's store, migration 0004: entities merged into others (issue #4), by `volte merge A B`, by a registry alias,
-- or by the store's conservative rule (a bare surname to the one full person name it fits).
CREATE TABLE entity_merges (
    alias_id   TEXT PRIMARY KEY,           -- the id that no longer stands alone
    entity_id  TEXT NOT NULL,              -- the entity it is now part of
    alias_name TEXT NOT NULL,
    how        TEXT NOT NULL,              -- user | surname
    merged_at  TEXT NOT NULL
);
CREATE INDEX entity_merges_entity ON entity_merges(entity_id);
