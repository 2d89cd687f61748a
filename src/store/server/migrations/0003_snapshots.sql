-- leadtrack team server, schema 3: snapshots for new reps. A new rep's first round used to
-- pull every change the team ever pushed and work out the whole database from them. The
-- database's owner now publishes a copy of a database that holds every change up to `upto`
-- (`leadtrack team snapshot`); a new rep starts from the newest one and pulls only what
-- came after it. Only the owner writes them: a copy is taken as it is, so a rep could
-- otherwise put words in another's name.
CREATE TABLE leadtrack.snapshots (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The last change the copy holds: a rep starting from it pulls what lies past it.
    upto     bigint NOT NULL,
    -- The local database schema of the copy: a leadtrack of another schema pulls instead.
    schema   integer NOT NULL,
    -- The copy's size as a database file, and in how many parts it is stored.
    size     bigint NOT NULL,
    parts    integer NOT NULL,
    made_at  timestamptz NOT NULL DEFAULT now(),
    made_by  name NOT NULL DEFAULT current_user
);

-- The copy, compressed (zstd, with its checksum) and cut into parts of a few megabytes.
CREATE TABLE leadtrack.snapshot_parts (
    snapshot bigint NOT NULL REFERENCES leadtrack.snapshots ON DELETE CASCADE,
    part     integer NOT NULL,
    bytes    bytea NOT NULL,
    PRIMARY KEY (snapshot, part)
);
-- Compressed already: stored as they are.
ALTER TABLE leadtrack.snapshot_parts ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- A purge pushed erases the person's rows from the changes, and with them every snapshot
-- made before it (they hold the person's records).
CREATE OR REPLACE FUNCTION leadtrack.erase(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    linked text[];
BEGIN
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    linked := ARRAY(SELECT key FROM leadtrack.changes
        WHERE kind IN ('lead_contacts', 'contact_values') AND row->>'contact_id' = ANY (ids));
    DELETE FROM leadtrack.changes
    WHERE kind <> 'purged' AND kind <> 'activities'
      AND (record = ANY (ids) OR record = ANY (linked));
    UPDATE leadtrack.changes SET row = jsonb_set(row, '{contact_id}', 'null')
    WHERE kind = 'activities' AND row->>'contact_id' = ANY (ids);
    DELETE FROM leadtrack.snapshots
    WHERE upto < (SELECT max(seq) FROM leadtrack.changes WHERE kind = 'purged' AND key = ANY (ids));
END $$;
