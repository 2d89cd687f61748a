-- leadtrack schema 6: the names each writer went by over time, so a history line says who
-- made a change by the name used then, not by the name the writer goes by today.
--
-- A row says the change stamped `hlc` by database `node` was made as `name`. The authors
-- table keeps each node's newest name only; when that name changes, the trigger keeps the
-- old one with the last stamp made under it. A stamp's name is then the name of the first row
-- of its node at or after it, else the node's present name. Rows are facts, so merging copies
-- is a plain union.
CREATE TABLE author_names (
    node TEXT NOT NULL,
    hlc  TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (node, hlc)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER author_names_keep AFTER UPDATE OF name ON authors
WHEN old.name IS NOT new.name BEGIN
    INSERT OR IGNORE INTO author_names (node, hlc, name) VALUES (old.node, old.hlc, old.name);
END;

-- What the file already tells: the name on each stage change and on each record's creation,
-- beside its stamp ('<13-digit wall>-<6-digit counter>-<node>').
INSERT OR IGNORE INTO author_names (node, hlc, name)
SELECT substr(hlc, 22), hlc, by FROM stage_changes WHERE length(hlc) > 21
UNION ALL
SELECT substr(created_hlc, 22), created_hlc, created_by FROM leads WHERE length(created_hlc) > 21
UNION ALL
SELECT substr(created_hlc, 22), created_hlc, created_by FROM contacts WHERE length(created_hlc) > 21
UNION ALL
SELECT substr(created_hlc, 22), created_hlc, created_by FROM activities WHERE length(created_hlc) > 21
UNION ALL
SELECT substr(created_hlc, 22), created_hlc, created_by FROM lead_contacts WHERE length(created_hlc) > 21
UNION ALL
SELECT substr(created_hlc, 22), created_hlc, created_by FROM contact_values WHERE length(created_hlc) > 21;
