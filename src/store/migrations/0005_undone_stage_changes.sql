-- leadtrack schema 5: a stage move taken back by undo stays in the stage history, marked
-- undone together with the move that took it back; the funnel stats leave both out.
--
-- The mark only ever goes from 0 to 1, so merging copies keeps it wherever either copy has
-- it (the log is still a union; a row present in both takes the larger mark).
ALTER TABLE stage_changes ADD COLUMN undone INTEGER NOT NULL DEFAULT 0;
