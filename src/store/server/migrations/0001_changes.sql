-- leadtrack team server, schema 1: the team's changes, in the order the server took them.
--
-- Each row is one record's state (or one fact: a history entry, a stage change, a tag's mark,
-- an author's name, a purge) as a rep's database pushed it, as JSON with the columns of the
-- local table it came from. `seq` is the server's change sequence: a rep pulls what lies past
-- the last seq it took in. Pushes take the table's lock first, so seqs are handed out in the
-- order pushes commit and a reader never sees a later seq before an earlier one.
CREATE SCHEMA leadtrack;

CREATE TABLE leadtrack.migrations (
    version    integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by name NOT NULL DEFAULT current_user
);

-- The team this server holds (the id every rep's database learns on its first round).
CREATE TABLE leadtrack.team (
    id      text PRIMARY KEY,
    made_at timestamptz NOT NULL DEFAULT now()
);

-- Which role each rep's database pushes as: bound on its first push, never moved.
CREATE TABLE leadtrack.nodes (
    node      text PRIMARY KEY,
    role      name NOT NULL,
    joined_ms bigint NOT NULL
);

CREATE SEQUENCE leadtrack.change_seq;

CREATE TABLE leadtrack.changes (
    seq       bigint PRIMARY KEY DEFAULT nextval('leadtrack.change_seq'),
    kind      text NOT NULL,
    key       text NOT NULL,
    -- The record the row belongs to (a history entry's, a stage change's lead): what a purge
    -- erases by.
    record    text NOT NULL,
    row       jsonb NOT NULL,
    node      text NOT NULL,
    pushed_by name NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_key ON leadtrack.changes (kind, key, seq);
CREATE INDEX changes_record ON leadtrack.changes (record);
CREATE INDEX changes_contact ON leadtrack.changes ((row->>'contact_id'))
    WHERE kind IN ('lead_contacts', 'contact_values', 'activities');

-- A node is bound to the role that first pushes from it, whatever the row sent says.
CREATE FUNCTION leadtrack.bind_node() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.role := current_user;
    NEW.joined_ms := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
    RETURN NEW;
END $$;
CREATE TRIGGER nodes_bind BEFORE INSERT ON leadtrack.nodes
    FOR EACH ROW EXECUTE FUNCTION leadtrack.bind_node();

-- Whether `hlc` ('<13-digit wall>-<6-digit counter>-<node>') was stamped by `node` since it
-- joined.
CREATE FUNCTION leadtrack.stamped_since(hlc text, node text, joined_ms bigint)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(length(hlc) > 21 AND substr(hlc, 22) = node
        AND substr(hlc, 1, 13) ~ '^[0-9]{13}$' AND substr(hlc, 1, 13)::bigint >= joined_ms, false)
$$;

-- The server records who pushed each change, and the role is the author of every change its
-- node stamped since joining, whatever name the pushing database put in the row.
CREATE FUNCTION leadtrack.stamp_author() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bound leadtrack.nodes;
    me    jsonb := to_jsonb(current_user::text);
BEGIN
    SELECT * INTO bound FROM leadtrack.nodes WHERE node = NEW.node;
    IF NOT FOUND OR bound.role <> current_user THEN
        RAISE EXCEPTION 'node % pushes as %, not %', NEW.node, bound.role, current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.pushed_by := current_user;
    IF NEW.kind = 'authors' AND NEW.key = NEW.node THEN
        NEW.row := jsonb_set(NEW.row, '{name}', me);
    ELSIF NEW.kind = 'author_names' THEN
        IF leadtrack.stamped_since(NEW.row->>'hlc', NEW.node, bound.joined_ms) THEN
            NEW.row := jsonb_set(NEW.row, '{name}', me);
        END IF;
    ELSIF NEW.kind = 'stage_changes' THEN
        IF leadtrack.stamped_since(NEW.row->>'hlc', NEW.node, bound.joined_ms) THEN
            NEW.row := jsonb_set(NEW.row, '{by}', me);
        END IF;
    ELSIF NEW.row ? 'created_hlc' THEN
        IF leadtrack.stamped_since(NEW.row->>'created_hlc', NEW.node, bound.joined_ms) THEN
            NEW.row := jsonb_set(NEW.row, '{created_by}', me);
        END IF;
        IF leadtrack.stamped_since(NEW.row->>'hlc', NEW.node, bound.joined_ms) THEN
            NEW.row := jsonb_set(NEW.row, '{updated_by}', me);
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER changes_author BEFORE INSERT ON leadtrack.changes
    FOR EACH ROW EXECUTE FUNCTION leadtrack.stamp_author();

-- A purge pushed: the person's records leave the server too, as they leave each database.
CREATE FUNCTION leadtrack.erase(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
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
END $$;
