-- leadtrack schema 1: leads, contacts, activities, links, stage and record history, search.
--
-- Every record table carries what team sync needs (SPEC §5.5):
--   id           UUID v7, the identity across copies of the database
--   created_hlc  the clock stamp of every field not listed in `clocks`
--   clocks       JSON object: field -> clock stamp, for fields changed since creation
--   hlc          the newest stamp of the row
--   deleted      the tombstone, a field like any other
--   gone         derived: deleted, and the delete is newer than every other field change
-- `seq` is an explicit INTEGER PRIMARY KEY so rowids (and the search index that points at
-- them) survive VACUUM.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The people behind the clock stamps: one row per database (node) that has written.
CREATE TABLE authors (
    node TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    hlc  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE leads (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    company          TEXT,
    stage            TEXT NOT NULL,
    source           TEXT,
    source_detail    TEXT,
    owner            TEXT,
    value            INTEGER,
    next_action      TEXT,
    next_action_on   TEXT,
    qualification    TEXT,
    tags             TEXT,
    notes            TEXT,
    deleted          INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    created_hlc      TEXT NOT NULL,
    hlc              TEXT NOT NULL,
    clocks           TEXT NOT NULL DEFAULT '{}',
    gone             INTEGER NOT NULL DEFAULT 0,
    -- derived locally, never synced
    score            REAL NOT NULL DEFAULT 0,
    rank             TEXT NOT NULL DEFAULT 'C',
    last_activity_at TEXT,
    -- sort keys of the paged lists, unique per row so a page seeks straight to its start:
    -- board_key = rank|next-action date or ~|seq, due_key = next-action date or ~|seq,
    -- value_key = largest value first|seq, quiet_key = last activity (else creation)|seq
    board_key        TEXT NOT NULL DEFAULT '',
    due_key          TEXT NOT NULL DEFAULT '',
    value_key        TEXT NOT NULL DEFAULT '',
    quiet_key        TEXT NOT NULL DEFAULT ''
) STRICT;

-- Board columns and the customer list: rank, then next-action date (none last), then age.
CREATE INDEX leads_board ON leads (stage, board_key) WHERE gone = 0;
-- Follow-ups: by next-action date, none last.
CREATE INDEX leads_due ON leads (due_key) WHERE gone = 0;
-- The other orders of a board column (s cycles them): value, longest quiet first.
CREATE INDEX leads_by_value ON leads (stage, value_key) WHERE gone = 0;
CREATE INDEX leads_by_quiet ON leads (stage, quiet_key) WHERE gone = 0;
CREATE INDEX leads_owner ON leads (owner, stage) WHERE gone = 0;
CREATE INDEX leads_stage_value ON leads (stage, value) WHERE gone = 0;
CREATE INDEX leads_hlc ON leads (hlc);

CREATE TABLE contacts (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    family_name     TEXT,
    given_name      TEXT,
    family_reading  TEXT,
    given_reading   TEXT,
    company         TEXT,
    company_reading TEXT,
    department      TEXT,
    title           TEXT,
    email           TEXT,
    phone           TEXT,
    mobile          TEXT,
    fax             TEXT,
    postal_code     TEXT,
    address         TEXT,
    url             TEXT,
    exchanged_on    TEXT,
    exchanged_at    TEXT,
    exchanged_by    TEXT,
    notes           TEXT,
    tags            TEXT,
    deleted         INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    created_hlc     TEXT NOT NULL,
    hlc             TEXT NOT NULL,
    clocks          TEXT NOT NULL DEFAULT '{}',
    gone            INTEGER NOT NULL DEFAULT 0,
    -- derived locally: sort order (folded reading, then seq: unique) and the keys
    -- duplicate matching looks up
    sort_key        TEXT NOT NULL DEFAULT '',
    email_key       TEXT,
    mobile_key      TEXT,
    name_key        TEXT
) STRICT;

CREATE INDEX contacts_sorted ON contacts (sort_key) WHERE gone = 0;
CREATE INDEX contacts_email_key ON contacts (email_key) WHERE gone = 0 AND email_key IS NOT NULL;
CREATE INDEX contacts_mobile_key ON contacts (mobile_key) WHERE gone = 0 AND mobile_key IS NOT NULL;
CREATE INDEX contacts_name_key ON contacts (name_key) WHERE gone = 0 AND name_key IS NOT NULL;
CREATE INDEX contacts_hlc ON contacts (hlc);

-- Every match key a contact has had or has taken in (an older card's email or mobile merged
-- into it): a card that matched once keeps matching after the contact changes. Local,
-- derived data.
CREATE TABLE contact_keys (
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    contact_id TEXT NOT NULL,
    PRIMARY KEY (kind, key, contact_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE activities (
    seq              INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    lead_id          TEXT REFERENCES leads (id) DEFERRABLE INITIALLY DEFERRED,
    contact_id       TEXT REFERENCES contacts (id) DEFERRABLE INITIALLY DEFERRED,
    occurred_at      TEXT NOT NULL,
    duration_minutes INTEGER,
    direction        TEXT,
    summary          TEXT NOT NULL,
    body             TEXT,
    rep              TEXT,
    deleted          INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    created_hlc      TEXT NOT NULL,
    hlc              TEXT NOT NULL,
    clocks           TEXT NOT NULL DEFAULT '{}',
    gone             INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX activities_by_lead ON activities (lead_id, occurred_at) WHERE gone = 0;
CREATE INDEX activities_by_contact ON activities (contact_id, occurred_at) WHERE gone = 0;
CREATE INDEX activities_timeline ON activities (occurred_at) WHERE gone = 0;
CREATE INDEX activities_hlc ON activities (hlc);

-- Contacts on leads, with their role. id is '<lead id>/<contact id>'.
CREATE TABLE lead_contacts (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    lead_id     TEXT NOT NULL REFERENCES leads (id) DEFERRABLE INITIALLY DEFERRED,
    contact_id  TEXT NOT NULL REFERENCES contacts (id) DEFERRABLE INITIALLY DEFERRED,
    role        TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    clocks      TEXT NOT NULL DEFAULT '{}',
    gone        INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX lead_contacts_by_lead ON lead_contacts (lead_id) WHERE gone = 0;
CREATE INDEX lead_contacts_by_contact ON lead_contacts (contact_id) WHERE gone = 0;
CREATE INDEX lead_contacts_hlc ON lead_contacts (hlc);

-- Every stage change (SPEC §2.1): an append-only log, unioned on merge.
CREATE TABLE stage_changes (
    id         TEXT PRIMARY KEY,
    lead_id    TEXT NOT NULL REFERENCES leads (id) DEFERRABLE INITIALLY DEFERRED,
    from_stage TEXT,
    to_stage   TEXT NOT NULL,
    at         TEXT NOT NULL,
    by         TEXT NOT NULL,
    hlc        TEXT NOT NULL
) STRICT;

CREATE INDEX stage_changes_by_lead ON stage_changes (lead_id, hlc);
CREATE INDEX stage_changes_at ON stage_changes (at);

-- Record history (SPEC §2.7): every value a field has had and no longer has, known by the
-- clock stamp of the change that set it. Who set it and when come from that stamp; who
-- replaced it, from the next stamp of the field. Entries are facts, so merging copies is a
-- plain union.
CREATE TABLE history (
    record_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    value_hlc TEXT NOT NULL,
    entity    TEXT NOT NULL,
    value     TEXT,
    PRIMARY KEY (record_id, field, value_hlc)
) STRICT, WITHOUT ROWID;

-- The search index: one contentless table per record kind, rowid = the record's seq,
-- holding the pair chains of model::text::index_terms. Every character but white space is
-- part of a term; the prefix index makes one-character queries cheap.
CREATE VIRTUAL TABLE lead_search USING fts5 (
    terms, content = '', contentless_delete = 1, prefix = '1',
    tokenize = "ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\]^_`{|}~'"
);
CREATE VIRTUAL TABLE contact_search USING fts5 (
    terms, content = '', contentless_delete = 1, prefix = '1',
    tokenize = "ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\]^_`{|}~'"
);
CREATE VIRTUAL TABLE activity_search USING fts5 (
    terms, content = '', contentless_delete = 1, prefix = '1',
    tokenize = "ascii tokenchars '!""#$%&''()*+,-./:;<=>?@[\]^_`{|}~'"
);
