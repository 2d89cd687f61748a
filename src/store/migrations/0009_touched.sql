-- leadtrack schema 9: when each row last changed in this database, so a sync round reads
-- only what changed since it last read a rep's file (SPEC §5.3).
--
-- `meta.generation` grows with every write transaction (never below the wall clock in
-- milliseconds, so it keeps growing after a restored backup). A row's `touched` is the
-- generation of the transaction that last inserted it or changed its synced state; a reader
-- that took in a file at generation G reads only rows touched after G next time. Rows from
-- before this schema are touched 0: read whole once.

ALTER TABLE leads ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE lead_contacts ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contact_values ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stage_changes ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE history ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tag_marks ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;

CREATE INDEX leads_touched ON leads (touched);
CREATE INDEX contacts_touched ON contacts (touched);
CREATE INDEX activities_touched ON activities (touched);
CREATE INDEX lead_contacts_touched ON lead_contacts (touched);
CREATE INDEX contact_values_touched ON contact_values (touched);
CREATE INDEX stage_changes_touched ON stage_changes (touched);
CREATE INDEX history_touched ON history (touched);
CREATE INDEX tag_marks_touched ON tag_marks (touched);

CREATE TRIGGER leads_touched_new AFTER INSERT ON leads BEGIN
    UPDATE leads SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER leads_touched_changed AFTER UPDATE OF clocks, hlc, created_hlc ON leads BEGIN
    UPDATE leads SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER contacts_touched_new AFTER INSERT ON contacts BEGIN
    UPDATE contacts SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER contacts_touched_changed AFTER UPDATE OF clocks, hlc, created_hlc ON contacts BEGIN
    UPDATE contacts SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER activities_touched_new AFTER INSERT ON activities BEGIN
    UPDATE activities SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER activities_touched_changed AFTER UPDATE OF clocks, hlc, created_hlc ON activities BEGIN
    UPDATE activities SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER lead_contacts_touched_new AFTER INSERT ON lead_contacts BEGIN
    UPDATE lead_contacts SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER lead_contacts_touched_changed AFTER UPDATE OF clocks, hlc, created_hlc ON lead_contacts BEGIN
    UPDATE lead_contacts SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER contact_values_touched_new AFTER INSERT ON contact_values BEGIN
    UPDATE contact_values SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER contact_values_touched_changed AFTER UPDATE OF clocks, hlc, created_hlc ON contact_values BEGIN
    UPDATE contact_values SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE seq = new.seq;
END;
CREATE TRIGGER stage_changes_touched_new AFTER INSERT ON stage_changes BEGIN
    UPDATE stage_changes SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE rowid = new.rowid;
END;
CREATE TRIGGER stage_changes_touched_changed AFTER UPDATE OF undone ON stage_changes BEGIN
    UPDATE stage_changes SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE rowid = new.rowid;
END;
CREATE TRIGGER history_touched_new AFTER INSERT ON history BEGIN
    UPDATE history SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE record_id = new.record_id AND field = new.field AND value_hlc = new.value_hlc;
END;
CREATE TRIGGER tag_marks_touched_new AFTER INSERT ON tag_marks BEGIN
    UPDATE tag_marks SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE record_id = new.record_id AND tag = new.tag;
END;
CREATE TRIGGER tag_marks_touched_changed AFTER UPDATE OF present, hlc, pos, added_hlc ON tag_marks BEGIN
    UPDATE tag_marks SET touched = ifnull((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'), 0)
    WHERE record_id = new.record_id AND tag = new.tag;
END;
