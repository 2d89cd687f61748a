-- leadtrack schema 4: several email addresses and numbers per contact, each with its kind
-- and one preferred; and the addresses, URLs and companies beyond a card's main ones.
--
-- A value is a record like any other (per-field clocks, history, tombstone), so two reps who
-- add addresses to one contact at once both keep theirs: the list is a set of records. Its
-- id is '<contact id>/<name-based UUID of contact, channel and value key>', so the same value
-- added to the same contact on two copies is one record. The contact's email, phone, mobile
-- and fax columns become derived: the preferred value of each.
CREATE TABLE contact_values (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    contact_id  TEXT NOT NULL REFERENCES contacts (id) DEFERRABLE INITIALLY DEFERRED,
    -- email | phone | address | url | company
    channel     TEXT NOT NULL,
    -- work | home | mobile | fax | other
    kind        TEXT NOT NULL,
    value       TEXT NOT NULL,
    preferred   INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    created_hlc TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    clocks      TEXT NOT NULL DEFAULT '{}',
    gone        INTEGER NOT NULL DEFAULT 0,
    -- derived locally: the key duplicate matching looks up (a personal email address, a
    -- mobile number's digits)
    match_key   TEXT
) STRICT;

CREATE INDEX contact_values_by_contact ON contact_values (contact_id, channel);
CREATE INDEX contact_values_match ON contact_values (match_key) WHERE gone = 0 AND match_key IS NOT NULL;
CREATE INDEX contact_values_hlc ON contact_values (hlc);
-- Mail in: the contacts a message's addresses belong to, role addresses (info@) included.
CREATE INDEX contact_values_email ON contact_values (lower(value)) WHERE channel = 'email' AND gone = 0;

-- The values of the contacts already here are made by the migration's second step (their
-- ids need the value keys), which then drops the single-value match columns below.
