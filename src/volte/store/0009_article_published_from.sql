-- volte's store, migration 0009: where an article's publication date came from (issue #12): "metadata", "header",
-- "filename"; NULL when the article is undated or was stored before this migration.
ALTER TABLE articles ADD COLUMN published_from TEXT;
