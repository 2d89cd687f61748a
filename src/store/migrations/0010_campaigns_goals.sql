-- leadtrack schema 10: nurturing and goals.
--
-- Campaigns (an exhibition, a seminar, a newsletter...) with their dates and cost; the
-- campaign a lead came from and the one an activity belongs to; goals per period for the
-- team or a rep; segments, saved filters of the people to mail; a contact's no-mail mark
-- (配信停止, the day it was asked); and a lead's upsell mark (a new deal with a company that
-- is already a customer). Campaigns, goals and segments are records like the others: synced
-- field by field with their clocks, history and tombstone (see 0001).

CREATE TABLE campaigns (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    -- exhibition | seminar | webinar | newsletter | advertising | direct_mail | other
    kind        TEXT NOT NULL,
    starts_on   TEXT,
    ends_on     TEXT,
    -- yen, whole
    cost        INTEGER,
    owner       TEXT,
    notes       TEXT,
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    clocks      TEXT NOT NULL DEFAULT '{}',
    gone        INTEGER NOT NULL DEFAULT 0,
    touched     INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX campaigns_hlc ON campaigns (hlc);
CREATE INDEX campaigns_touched ON campaigns (touched);
CREATE TRIGGER campaigns_touched_new AFTER INSERT ON campaigns BEGIN
    UPDATE campaigns SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER campaigns_touched_changed AFTER UPDATE OF clocks, hlc, created_hlc ON campaigns BEGIN
    UPDATE campaigns SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;

CREATE TABLE goals (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    -- a month (2026-12) or a quarter (2026-Q4)
    period      TEXT NOT NULL,
    -- new_leads | to_considering | meetings | wins | won_value
    metric      TEXT NOT NULL,
    target      INTEGER NOT NULL,
    -- the rep the goal is for; NULL: the whole team
    owner       TEXT,
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    clocks      TEXT NOT NULL DEFAULT '{}',
    gone        INTEGER NOT NULL DEFAULT 0,
    touched     INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX goals_hlc ON goals (hlc);
CREATE INDEX goals_touched ON goals (touched);
CREATE TRIGGER goals_touched_new AFTER INSERT ON goals BEGIN
    UPDATE goals SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER goals_touched_changed AFTER UPDATE OF clocks, hlc, created_hlc ON goals BEGIN
    UPDATE goals SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;

CREATE TABLE segments (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    -- the board's filters, as JSON (owner, tag, source, rank, stage, campaign, quiet_days)
    filter      TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    clocks      TEXT NOT NULL DEFAULT '{}',
    gone        INTEGER NOT NULL DEFAULT 0,
    touched     INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX segments_hlc ON segments (hlc);
CREATE INDEX segments_touched ON segments (touched);
CREATE TRIGGER segments_touched_new AFTER INSERT ON segments BEGIN
    UPDATE segments SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER segments_touched_changed AFTER UPDATE OF clocks, hlc, created_hlc ON segments BEGIN
    UPDATE segments SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;

CREATE INDEX goals_by_period ON goals (period) WHERE gone = 0;

-- The campaign a lead came from; whether it is an upsell (1), or not (0, or NULL: decided
-- when it was made, before this schema, so not).
ALTER TABLE leads ADD COLUMN campaign_id TEXT;
ALTER TABLE leads ADD COLUMN upsell INTEGER;
CREATE INDEX leads_by_campaign ON leads (campaign_id) WHERE gone = 0 AND campaign_id IS NOT NULL;
-- An upsell is known by its company: the customers of a company, found by name.
CREATE INDEX leads_by_company ON leads (company, stage) WHERE gone = 0 AND company IS NOT NULL;

-- The campaign an activity belongs to (a seminar attended, a newsletter answered).
ALTER TABLE activities ADD COLUMN campaign_id TEXT;
CREATE INDEX activities_by_campaign ON activities (campaign_id) WHERE gone = 0 AND campaign_id IS NOT NULL;

-- The day the person asked to be sent no more mail (配信停止); NULL: mail may be sent.
ALTER TABLE contacts ADD COLUMN no_mail_on TEXT;
