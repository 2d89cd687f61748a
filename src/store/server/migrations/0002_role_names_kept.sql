-- leadtrack team server, schema 2: a name that is a role of the team is kept where schema 1
-- replaced it. A row's last editor need not be who stamped it last (an activity logged on a
-- lead keeps the lead alive without editing it), and a database and the server must hold
-- the same row for the same stamps (else a push sent again is taken for a new one).

-- Whether `name` is the role of a database that has pushed here (a rep's name on the team).
CREATE FUNCTION leadtrack.is_role(name text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM leadtrack.nodes WHERE role::text = name)
$$;

-- The server records who pushed each change, and the role is the author of every change its
-- node stamped since joining. A leadtrack on the team writes its role as its name; a name
-- that is no role of the team (a database writing under another name) is replaced by the
-- pushing role. A role's name is kept: a row's last editor need not be who stamped it last
-- (an activity logged on a lead keeps the lead alive without editing it).
CREATE OR REPLACE FUNCTION leadtrack.stamp_author() RETURNS trigger LANGUAGE plpgsql AS $$
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
        IF leadtrack.stamped_since(NEW.row->>'hlc', NEW.node, bound.joined_ms)
           AND NOT leadtrack.is_role(NEW.row->>'name') THEN
            NEW.row := jsonb_set(NEW.row, '{name}', me);
        END IF;
    ELSIF NEW.kind = 'stage_changes' THEN
        IF leadtrack.stamped_since(NEW.row->>'hlc', NEW.node, bound.joined_ms)
           AND NOT leadtrack.is_role(NEW.row->>'by') THEN
            NEW.row := jsonb_set(NEW.row, '{by}', me);
        END IF;
    ELSIF NEW.row ? 'created_hlc' THEN
        IF leadtrack.stamped_since(NEW.row->>'created_hlc', NEW.node, bound.joined_ms)
           AND NOT leadtrack.is_role(NEW.row->>'created_by') THEN
            NEW.row := jsonb_set(NEW.row, '{created_by}', me);
        END IF;
        IF leadtrack.stamped_since(NEW.row->>'hlc', NEW.node, bound.joined_ms)
           AND NOT leadtrack.is_role(NEW.row->>'updated_by') THEN
            NEW.row := jsonb_set(NEW.row, '{updated_by}', me);
        END IF;
    END IF;
    RETURN NEW;
END $$;
