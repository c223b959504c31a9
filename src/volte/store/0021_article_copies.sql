-- volte's store, migration 0021: the articles that copy another (syndication, `copy_of`), in an index of their own,
-- so that reading which they are (Store.article_copies, every timeline and reversal) does not scan every article's
-- text: a full scan of the articles of a store of a million statements took half a second.
CREATE INDEX IF NOT EXISTS articles_copies ON articles(copy_of, id) WHERE copy_of IS NOT NULL;
