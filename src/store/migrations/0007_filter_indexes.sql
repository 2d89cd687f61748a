-- leadtrack schema 7 (1 of 2): the lead lists' indexes hold every column the filters test (owner,
-- source, rank, next-action date, last activity and creation for stale, tags) and the value
-- a column head sums. A filtered board column, follow-up list or count then reads its index
-- alone, and the table only for the rows on screen: at 100,000 leads a filter that matches
-- nothing reads some 60,000 small index entries, not 60,000 whole leads.
DROP INDEX leads_board;
CREATE INDEX leads_board ON leads (stage, board_key, owner, source, rank, next_action_on,
    last_activity_at, created_at, tags, value) WHERE gone = 0;
DROP INDEX leads_due;
CREATE INDEX leads_due ON leads (due_key, stage, owner, source, rank, next_action_on,
    last_activity_at, created_at, tags, value) WHERE gone = 0;
DROP INDEX leads_by_value;
CREATE INDEX leads_by_value ON leads (stage, value_key, owner, source, rank, next_action_on,
    last_activity_at, created_at, tags, value) WHERE gone = 0;
DROP INDEX leads_by_quiet;
CREATE INDEX leads_by_quiet ON leads (stage, quiet_key, owner, source, rank, next_action_on,
    last_activity_at, created_at, tags, value) WHERE gone = 0;
-- The stage's value sums read leads_board now, which holds the value.
DROP INDEX leads_stage_value;

-- The status line's follow-up counts (overdue and due today, mine and the team's), kept by
-- triggers per owner and next-action day like the stage totals: counting them after every
-- change costs the same at 100 leads and at 100,000. Local, derived data.
CREATE TABLE due_days (
    owner TEXT NOT NULL,        -- '' for a lead without an owner
    day   TEXT NOT NULL,        -- the next action's date, YYYY-MM-DD
    leads INTEGER NOT NULL,
    PRIMARY KEY (owner, day)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER due_days_insert AFTER INSERT ON leads
WHEN new.gone = 0 AND new.next_action_on IS NOT NULL BEGIN
    INSERT INTO due_days (owner, day, leads)
    VALUES (ifnull(new.owner, ''), substr(new.next_action_on, 1, 10), 1)
    ON CONFLICT (owner, day) DO UPDATE SET leads = leads + 1;
END;

CREATE TRIGGER due_days_delete AFTER DELETE ON leads
WHEN old.gone = 0 AND old.next_action_on IS NOT NULL BEGIN
    UPDATE due_days SET leads = leads - 1
    WHERE owner = ifnull(old.owner, '') AND day = substr(old.next_action_on, 1, 10);
    DELETE FROM due_days
    WHERE owner = ifnull(old.owner, '') AND day = substr(old.next_action_on, 1, 10) AND leads <= 0;
END;

CREATE TRIGGER due_days_update AFTER UPDATE OF owner, next_action_on, gone ON leads
WHEN old.owner IS NOT new.owner OR old.next_action_on IS NOT new.next_action_on
    OR old.gone IS NOT new.gone BEGIN
    UPDATE due_days SET leads = leads - 1
    WHERE old.gone = 0 AND old.next_action_on IS NOT NULL
      AND owner = ifnull(old.owner, '') AND day = substr(old.next_action_on, 1, 10);
    DELETE FROM due_days
    WHERE owner = ifnull(old.owner, '') AND day = substr(old.next_action_on, 1, 10) AND leads <= 0;
    INSERT INTO due_days (owner, day, leads)
    SELECT ifnull(new.owner, ''), substr(new.next_action_on, 1, 10), 1
    WHERE new.gone = 0 AND new.next_action_on IS NOT NULL
    ON CONFLICT (owner, day) DO UPDATE SET leads = leads + 1;
END;

-- What the leads already hold when this migration runs.
INSERT INTO due_days (owner, day, leads)
SELECT ifnull(owner, ''), substr(next_action_on, 1, 10), count(*) FROM leads
WHERE gone = 0 AND next_action_on IS NOT NULL GROUP BY 1, 2;
