-- leadtrack schema 8: a lead's or contact's tags merge as a set (SPEC §5.5). Two reps who tag
-- one lead at once both keep their tags; of an add and a removal of the same tag, the later
-- wins.
--
-- A mark says a tag is on a record (present = 1) or was taken off it (0), with the stamp of
-- the change that said so; the newer stamp wins, so merging copies is a union per (record,
-- tag). The record's `tags` column is derived from its marks: the tags present, in the order
-- they were added (stamp, then place in the list the rep wrote). A removed tag's mark keeps
-- the stamp it was added with, for the record's history.
CREATE TABLE tag_marks (
    record_id TEXT NOT NULL,
    -- lead | contact
    entity    TEXT NOT NULL,
    tag       TEXT NOT NULL,
    present   INTEGER NOT NULL,
    hlc       TEXT NOT NULL,
    pos       INTEGER NOT NULL,
    added_hlc TEXT,
    PRIMARY KEY (record_id, tag)
) STRICT, WITHOUT ROWID;

-- The marks of the tags records already have are made by the migration's second step: each
-- present, stamped with its record's `tags` field.
