-- Records erased for privacy (`contact delete --purge`): only their ids and when, so that
-- merging a copy that still holds them erases them there too instead of bringing them back.
CREATE TABLE purged (
    id  TEXT PRIMARY KEY,
    hlc TEXT NOT NULL
) STRICT, WITHOUT ROWID;
