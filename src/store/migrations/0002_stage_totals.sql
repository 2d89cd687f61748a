-- The board's column heads (count and value per stage), kept by triggers so the first
-- frame costs the same at 100 leads and at 100,000. Local, derived data.
CREATE TABLE stage_totals (
    stage TEXT PRIMARY KEY,
    leads INTEGER NOT NULL,
    value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TRIGGER stage_totals_insert AFTER INSERT ON leads WHEN new.gone = 0 BEGIN
    INSERT INTO stage_totals (stage, leads, value) VALUES (new.stage, 1, ifnull(new.value, 0))
    ON CONFLICT (stage) DO UPDATE SET leads = leads + 1, value = value + excluded.value;
END;

CREATE TRIGGER stage_totals_delete AFTER DELETE ON leads WHEN old.gone = 0 BEGIN
    UPDATE stage_totals SET leads = leads - 1, value = value - ifnull(old.value, 0)
    WHERE stage = old.stage;
END;

CREATE TRIGGER stage_totals_update AFTER UPDATE OF stage, value, gone ON leads
WHEN old.stage IS NOT new.stage OR old.value IS NOT new.value OR old.gone IS NOT new.gone BEGIN
    UPDATE stage_totals SET leads = leads - 1, value = value - ifnull(old.value, 0)
    WHERE stage = old.stage AND old.gone = 0;
    INSERT INTO stage_totals (stage, leads, value)
    SELECT new.stage, 1, ifnull(new.value, 0) WHERE new.gone = 0
    ON CONFLICT (stage) DO UPDATE SET leads = leads + 1, value = value + excluded.value;
END;

-- What the leads already hold when this migration runs.
INSERT INTO stage_totals (stage, leads, value)
SELECT stage, count(*), ifnull(sum(value), 0) FROM leads WHERE gone = 0 GROUP BY stage;
