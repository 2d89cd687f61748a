//! Merging another copy of the database into this one (SPEC §5.5).
//!
//! Records match by id. Each field takes the value with the newer clock stamp (wall clock,
//! counter, then node: one answer everywhere); the value that loses goes to the record's
//! history. History, stage changes and authors are unions (a stage change's undone mark, set
//! once, stays set). A tombstone is a field like any other, and a record is gone only while
//! its tombstone is newer than every other change.
//! Every step is a join of per-field registers or a set union, so merging is commutative,
//! associative and idempotent.

use super::records::{self, RowState, Table, state_from_parts};
use super::{Writer, activities, contact_values, contacts, generation, leads, search};
use crate::error::Result;
use crate::model::Hlc;
use crate::model::clock::{FarAhead, is_far_ahead};
use crate::model::dates::parse_timestamp;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};
use std::collections::{BTreeMap, BTreeSet};

/// What a merge brought in.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct MergeCounts {
    /// Records this copy did not have.
    pub added: usize,
    /// Records where at least one field took the other copy's value.
    pub updated: usize,
    /// History entries and stage changes this copy did not have.
    pub history: usize,
    pub stage_changes: usize,
    /// Leads whose activities or fields changed (their scores need recounting).
    #[serde(skip)]
    pub leads_touched: BTreeSet<String>,
    /// Contacts whose emails or numbers changed: their derived columns, search terms and
    /// match keys are rebuilt once, after every value has arrived.
    #[serde(skip)]
    contacts_touched: BTreeSet<String>,
    /// Of those, the contacts this merge made (nothing of them is in the search index yet).
    #[serde(skip)]
    contacts_new: BTreeSet<String>,
    /// The reps whose changes taken in were made by a clock far ahead of this machine's, by
    /// node, with the furthest date seen.
    #[serde(skip)]
    pub far_ahead: BTreeMap<String, FarAhead>,
    /// Leads whose activities changed: their last activity is recounted once, after every
    /// activity has arrived (one statement for them all, not two per activity).
    #[serde(skip)]
    activity_leads: BTreeSet<String>,
    /// Leads and contacts whose tags a merge took from the other copy, by entity: they
    /// settle by their marks once those have arrived.
    #[serde(skip)]
    tagged_touched: BTreeSet<(String, String)>,
}

impl MergeCounts {
    pub fn is_empty(&self) -> bool {
        self.added == 0 && self.updated == 0 && self.history == 0 && self.stage_changes == 0
    }

    pub fn add(&mut self, other: MergeCounts) {
        self.added += other.added;
        self.updated += other.updated;
        self.history += other.history;
        self.stage_changes += other.stage_changes;
        self.leads_touched.extend(other.leads_touched);
        self.contacts_touched.extend(other.contacts_touched);
        self.contacts_new.extend(other.contacts_new);
        for far in other.far_ahead.into_values() {
            self.note_far_ahead(far);
        }
        self.tagged_touched.extend(other.tagged_touched);
        self.activity_leads.extend(other.activity_leads);
    }

    fn note_far_ahead(&mut self, far: FarAhead) {
        match self.far_ahead.get(&far.node) {
            Some(known) if known.at >= far.at => {}
            _ => {
                self.far_ahead.insert(far.node.clone(), far);
            }
        }
    }
}

/// A row of the other copy: its state and its audit columns.
struct Theirs {
    state: RowState,
    created_at: String,
    created_by: String,
    updated_at: String,
    updated_by: String,
}

/// Merges the database attached as schema `other` into main, inside `w`'s transaction:
/// the rows it changed after its generation `since` (see `generation`), or all of them.
pub fn merge_attached_since(w: &mut Writer<'_>, since: Option<i64>) -> Result<MergeCounts> {
    merge_attached(w, since, false)
}

/// `merge_attached_since` everything into a database that holds no records yet (a new rep
/// joining a team server): the same merge, with the secondary indexes built once at the
/// end rather than kept in order row by row (those the merge looks things up by stay).
pub fn merge_attached_into_new(w: &mut Writer<'_>) -> Result<MergeCounts> {
    merge_attached(w, None, true)
}

/// The indexes a merge looks rows up by, kept through a bulk merge.
const LOOKUPS: [&str; 2] = ["contact_values_by_contact", "activities_by_lead"];

fn merge_attached(w: &mut Writer<'_>, since: Option<i64>, bulk: bool) -> Result<MergeCounts> {
    // Rows untouched since: the copy this database took in at `since` had them as they are.
    let after = since.map_or(String::new(), |g| format!(" AND o.touched > {g}"));
    let mut counts = MergeCounts::default();
    let contacts_before: i64 =
        w.conn()
            .query_row("SELECT ifnull(max(seq), 0) FROM main.contacts", [], |r| {
                r.get(0)
            })?;
    w.conn().execute(
        "INSERT INTO main.authors (node, name, hlc) SELECT node, name, hlc FROM other.authors WHERE true
         ON CONFLICT (node) DO UPDATE SET name = excluded.name, hlc = excluded.hlc WHERE excluded.hlc > authors.hlc",
        [],
    )?;
    w.conn().execute(
        "INSERT OR IGNORE INTO main.author_names (node, hlc, name)
         SELECT node, hlc, name FROM other.author_names",
        [],
    )?;
    // Contacts erased for privacy in either copy stay erased in both.
    w.conn().execute(
        "INSERT OR IGNORE INTO main.purged (id, hlc) SELECT id, hlc FROM other.purged",
        [],
    )?;
    let aside = if bulk {
        let tables: Vec<&str> = Table::ALL.iter().map(|t| t.name).collect();
        Some(w.set_aside_indexes_but(&tables, &LOOKUPS)?)
    } else {
        None
    };
    for table in Table::ALL {
        if bulk {
            insert_held_once(w, table, &mut counts)?;
        }
        merge_table(w, table, &after, &mut counts)?;
    }
    let stale: Vec<String> = std::mem::take(&mut counts.activity_leads)
        .into_iter()
        .collect();
    activities::refresh_last_activity_of(w.conn(), &stale)?;
    settle_tags(w.conn(), &after, &mut counts)?;
    // The contacts this merge made have seqs past every earlier one: derived in the order
    // they were written. Those it changed, one by one.
    let made = std::mem::take(&mut counts.contacts_new);
    for id in std::mem::take(&mut counts.contacts_touched) {
        if !made.contains(&id) {
            contacts::refresh_derived_id(w.conn(), &id, false)?;
        }
    }
    if !made.is_empty() {
        contacts::derive_made_after(w.conn(), contacts_before)?;
    }
    // A union, but for the undone mark: it only ever goes from 0 to 1, so a move either copy
    // has marked undone is undone in both.
    counts.stage_changes = w.conn().execute(
        &format!(
            "INSERT INTO main.stage_changes (id, lead_id, from_stage, to_stage, at, by, hlc, undone)
             SELECT id, lead_id, from_stage, to_stage, at, by, hlc, undone FROM other.stage_changes o
             WHERE true{after}
             ON CONFLICT (id) DO UPDATE SET undone = 1
             WHERE excluded.undone != 0 AND stage_changes.undone = 0"
        ),
        [],
    )?;
    counts.history += w.conn().execute(
        &format!(
            "INSERT OR IGNORE INTO main.history (record_id, field, value_hlc, entity, value)
             SELECT record_id, field, value_hlc, entity, value FROM other.history o
             WHERE substr(record_id, instr(record_id, '/') + 1) NOT IN (SELECT id FROM main.purged)
               AND substr(record_id, 1, instr(record_id, '/') - 1) NOT IN (SELECT id FROM main.purged){after}"
        ),
        [],
    )?;
    super::purge::erase_purged(w.conn())?;
    // Built once everything derived has been written too: the leads' and contacts' keys
    // change after their rows came, and kept in order they cost several times a build.
    if let Some(aside) = aside {
        w.restore_indexes(aside)?;
    }
    Ok(counts)
}

fn merge_table(
    w: &mut Writer<'_>,
    table: &Table,
    after: &str,
    counts: &mut MergeCounts,
) -> Result<()> {
    // A whole copy is read a page at a time (memory stays small whatever its size); the
    // rows changed since a generation are few, and read by their `touched` index at once.
    let paged = after.is_empty();
    let mut from = i64::MIN;
    loop {
        let (rows, last) = differing_rows(w.conn(), table, after, paged.then_some(from))?;
        let Some(last) = last else {
            return Ok(());
        };
        from = last;
        merge_rows(w, table, rows, counts)?;
        if !paged {
            return Ok(());
        }
    }
}

/// The records the other copy holds once and this one not at all, written in one statement
/// (what joining each with nothing gives) and taken out of the other copy, then what is
/// derived from them worked out as for any record a merge makes. Records the other copy
/// holds several times (pushed by several reps) are left to the row-by-row join, as are
/// rows whose stamps do not read (which it leaves out).
fn insert_held_once(w: &mut Writer<'_>, table: &Table, counts: &mut MergeCounts) -> Result<()> {
    let name = table.name;
    let columns = whole_columns(table);
    let mut list = columns.join(", ");
    let mut from = columns
        .iter()
        .map(|c| format!("o.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    // A value's match key is written with the row, not by a second write of every row.
    if table.entity == "contact_value" {
        list.push_str(", match_key");
        from.push_str(&format!(
            ", {}(o.channel, o.kind, o.value)",
            contact_values::MATCH_KEY_SQL
        ));
    }
    let conn = w.conn();
    let before: i64 = conn.query_row(
        &format!("SELECT ifnull(max(seq), 0) FROM main.{name}"),
        [],
        |r| r.get(0),
    )?;
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS held_once (r INTEGER PRIMARY KEY);
         DELETE FROM temp.held_once;
         INSERT INTO temp.held_once SELECT min(o.rowid) FROM other.{name} o
           WHERE o.id NOT IN (SELECT id FROM main.{name})
           GROUP BY o.id HAVING count(*) = 1;
         DELETE FROM temp.held_once WHERE r IN (SELECT o.rowid FROM other.{name} o
           WHERE o.rowid IN (SELECT r FROM temp.held_once)
             AND NOT (length(o.created_hlc) > 21 AND length(o.hlc) > 21 AND json_valid(o.clocks)))"
    ))?;
    // Each new row's `touched` is the generation being written, as its trigger would set
    // it; set in the insert, without the trigger's second write of every row.
    let touched = generation::current(conn)?;
    let trigger = format!("{name}_touched_new");
    let aside = w.set_aside_triggers(&[&trigger])?;
    let conn = w.conn();
    // Usually no one was ever purged: the two lookups every row would cost are left out.
    let not_purged = if super::purge::any_purged(conn)? {
        "AND substr(o.id, instr(o.id, '/') + 1) NOT IN (SELECT id FROM main.purged)
         AND substr(o.id, 1, instr(o.id, '/') - 1) NOT IN (SELECT id FROM main.purged)"
    } else {
        ""
    };
    let added = conn.execute(
        &format!(
            "INSERT INTO main.{name} ({list}, touched) SELECT {from}, {touched} FROM other.{name} o
             WHERE o.rowid IN (SELECT r FROM temp.held_once) {not_purged}
             ORDER BY {}",
            bulk_order(table)
        ),
        [],
    )?;
    w.restore_indexes(aside)?;
    let conn = w.conn();
    // Usually every row was (a new rep's first pull): emptied at once, not row by row.
    let (held, all): (i64, i64) = conn.query_row(
        &format!(
            "SELECT (SELECT count(*) FROM temp.held_once), (SELECT count(*) FROM other.{name})"
        ),
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let rest = if held == all {
        ""
    } else {
        " WHERE rowid IN (SELECT r FROM temp.held_once)"
    };
    conn.execute(&format!("DELETE FROM other.{name}{rest}"), [])?;
    counts.added += added;
    let newest: Option<String> = conn.query_row(
        &format!("SELECT max(hlc) FROM main.{name} WHERE seq > ?1"),
        [before],
        |r| r.get(0),
    )?;
    if let Some(newest) = newest.and_then(|h| h.parse::<Hlc>().ok()) {
        w.observe(&newest);
    }
    // Leads and activities are many and their derived work is mostly text: worked out
    // beside the writing. The other tables' one by one.
    match table.entity {
        "lead" => {
            return leads::reindex_made_after(w.conn(), before, |id| {
                counts.leads_touched.insert(id);
            });
        }
        "activity" => {
            return activities::index_made_after(w.conn(), before, |lead_id| {
                counts.activity_leads.insert(lead_id.clone());
                counts.leads_touched.insert(lead_id);
            });
        }
        // Their match keys came with them. Into a database that held no records, a
        // value's contact is one this merge made (derived once all have come) or one it
        // joins row by row (derived as it is).
        "contact_value" => return Ok(()),
        _ => {}
    }
    let mut from_seq = before;
    loop {
        let made: Vec<(i64, String)> = w
            .conn()
            .prepare_cached(&format!(
                "SELECT seq, id FROM main.{name} WHERE seq > ?1 ORDER BY seq LIMIT {PAGE}"
            ))?
            .query_map([from_seq], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let Some((last, _)) = made.last() else {
            return Ok(());
        };
        from_seq = *last;
        for (seq, id) in made {
            refresh_derived(w.conn(), table, seq, &id, true, counts)?;
        }
    }
}

/// The order a bulk insert writes `table`'s rows in. Ids grow with time, so in id order a
/// record's seq says what is newer, as where it was made (search shows newest first by
/// it). A contact's emails and numbers, whose seq nothing shows, go side by side instead:
/// the contact's derived columns, worked out from them next, then read neighbouring pages
/// rather than pages all over a large file.
fn bulk_order(table: &Table) -> &'static str {
    match table.entity {
        "contact_value" => "o.contact_id, o.id",
        _ => "o.id",
    }
}

/// How many rows of a whole copy are read at a time.
const PAGE: usize = 4096;

/// The other copy's rows that differ from this one's (equal clocks mean equal values), and
/// the last rowid read (None when none was).
fn differing_rows(
    conn: &Connection,
    table: &Table,
    after: &str,
    from: Option<i64>,
) -> Result<(Vec<Theirs>, Option<i64>)> {
    let fields: Vec<String> = table.fields.iter().map(|f| format!("o.{f}")).collect();
    let page = match from {
        Some(from) => format!(" AND o.rowid > {from} ORDER BY o.rowid LIMIT {PAGE}"),
        None => String::new(),
    };
    let sql = format!(
        "SELECT o.id, o.created_hlc, o.clocks, o.created_at, o.created_by, o.updated_at, o.updated_by, o.rowid, {}
         FROM other.{name} o LEFT JOIN main.{name} m ON m.id = o.id
         WHERE (m.id IS NULL OR m.clocks != o.clocks OR m.created_hlc != o.created_hlc OR m.hlc != o.hlc)
           AND substr(o.id, instr(o.id, '/') + 1) NOT IN (SELECT id FROM main.purged)
           AND substr(o.id, 1, instr(o.id, '/') - 1) NOT IN (SELECT id FROM main.purged){after}{page}",
        fields.join(", "),
        name = table.name
    );
    let mut stmt = conn.prepare(&sql)?;
    let mapped = stmt.query_map([], |r| {
        let values = (0..table.fields.len())
            .map(|i| r.get::<_, Value>(8 + i))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let texts = (0..7)
            .map(|i| r.get::<_, String>(i))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok((texts, r.get::<_, i64>(7)?, values))
    })?;
    let mut rows = Vec::new();
    let mut last = None;
    for row in mapped {
        let (texts, rowid, values) = row?;
        last = Some(rowid);
        // A row whose stamps cannot be read is left out rather than guessed at.
        let Ok(state) = state_from_parts(table, 0, texts[0].clone(), &texts[1], &texts[2], values)
        else {
            continue;
        };
        rows.push(Theirs {
            state,
            created_at: texts[3].clone(),
            created_by: texts[4].clone(),
            updated_at: texts[5].clone(),
            updated_by: texts[6].clone(),
        });
    }
    Ok((rows, last))
}

/// Joins each of `rows` into this copy's record of the same id (or makes it).
fn merge_rows(
    w: &mut Writer<'_>,
    table: &Table,
    rows: Vec<Theirs>,
    counts: &mut MergeCounts,
) -> Result<()> {
    for theirs in rows {
        if let Some(seen) = theirs.state.clocks.iter().max() {
            w.observe(seen);
        }
        match records::read_state(w.conn(), table, &theirs.state.id)? {
            None => {
                note_clock(w, &theirs, counts);
                let seq = insert_whole(w.conn(), table, &theirs)?;
                counts.added += 1;
                refresh_derived(w.conn(), table, seq, &theirs.state.id, true, counts)?;
            }
            Some(ours) => {
                let (mut merged, losers) = join(table, &ours, &theirs.state);
                // Two copies that made the same record on their own (a value's id comes from
                // what it is) keep the earlier making, whichever merges into which.
                if theirs.state.created_hlc < ours.created_hlc {
                    merged.created_hlc = theirs.state.created_hlc.clone();
                    records::write_creation(
                        w.conn(),
                        table,
                        ours.seq,
                        &merged.created_hlc,
                        &theirs.created_at,
                        &theirs.created_by,
                    )?;
                }
                for (i, value, clock) in &losers {
                    // Tags merge as a set (their marks): no list of them loses, and a tag
                    // taken off is told by its mark.
                    if table.fields[*i] == "tags" {
                        continue;
                    }
                    records::record_history(
                        w.conn(),
                        table,
                        &ours.id,
                        table.fields[*i],
                        value,
                        clock,
                    )?;
                    counts.history += 1;
                }
                // The list the row took from the other copy may lack tags this copy's
                // marks have (a record taken whole brings its marks, and settles by them).
                if let Some(t) = table.fields.iter().position(|f| *f == "tags")
                    && merged.values[t] != ours.values[t]
                {
                    counts
                        .tagged_touched
                        .insert((table.entity.to_string(), ours.id.clone()));
                }
                if merged != ours {
                    let (updated_at, updated_by) = if theirs.state.newest() > ours.newest() {
                        note_clock(w, &theirs, counts);
                        (theirs.updated_at.clone(), theirs.updated_by.clone())
                    } else {
                        audit_of(w.conn(), table, ours.seq)?
                    };
                    records::write_state(w.conn(), table, &merged, &updated_at, &updated_by)?;
                    counts.updated += 1;
                    refresh_derived(w.conn(), table, ours.seq, &ours.id, false, counts)?;
                }
            }
        }
    }
    Ok(())
}

/// Notes the author of a change taken in when the clock they made it by was far ahead of
/// this machine's: their stamps win over every change made here until that date.
fn note_clock(w: &Writer<'_>, theirs: &Theirs, counts: &mut MergeCounts) {
    let Some(at) = parse_timestamp(&theirs.updated_at) else {
        return;
    };
    if is_far_ahead(at, w.now) {
        counts.note_far_ahead(FarAhead {
            node: theirs.state.newest().node.clone(),
            name: theirs.updated_by.clone(),
            at,
        });
    }
}

/// Field by field, the value with the newer stamp; and the values that lost, with their
/// stamps, for the history (a loser equal to the winner is no loss).
fn join(table: &Table, ours: &RowState, theirs: &RowState) -> (RowState, Vec<(usize, Value, Hlc)>) {
    let mut merged = ours.clone();
    let mut losers = Vec::new();
    for i in 0..table.fields.len() {
        let (mine, other) = (&ours.clocks[i], &theirs.clocks[i]);
        if other > mine {
            if ours.values[i] != theirs.values[i] {
                losers.push((i, ours.values[i].clone(), mine.clone()));
            }
            merged.values[i] = theirs.values[i].clone();
            merged.clocks[i] = other.clone();
        } else if other < mine && ours.values[i] != theirs.values[i] {
            losers.push((i, theirs.values[i].clone(), other.clone()));
        }
    }
    (merged, losers)
}

/// Takes in the other copy's tag marks, then sets the tags of every lead and contact whose
/// marks or list changed to what the marks say. Lead search terms hold the tags and follow.
fn settle_tags(conn: &Connection, after: &str, counts: &mut MergeCounts) -> Result<()> {
    let touched = std::mem::take(&mut counts.tagged_touched);
    let marked = super::tags::merge_attached(conn, after)?;
    for (entity, id) in marked.iter().chain(&touched) {
        let Some(table) = Table::of_entity(entity) else {
            continue;
        };
        if !super::tags::settle(conn, table, id)? {
            continue;
        }
        if !touched.contains(&(entity.clone(), id.clone())) {
            counts.updated += 1;
        }
        if table.entity == "lead" {
            leads::reindex_id(conn, id)?;
            counts.leads_touched.insert(id.clone());
        }
    }
    Ok(())
}

fn audit_of(conn: &Connection, table: &Table, seq: i64) -> Result<(String, String)> {
    let sql = format!(
        "SELECT updated_at, updated_by FROM {} WHERE seq = ?1",
        table.name
    );
    Ok(conn.query_row(&sql, [seq], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// The columns a record is written whole with: its id, fields, audit columns and stamps.
fn whole_columns(table: &Table) -> Vec<&'static str> {
    let mut columns: Vec<&str> = vec!["id"];
    columns.extend(table.fields.iter().copied());
    columns.extend([
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "created_hlc",
        "hlc",
        "clocks",
        "gone",
    ]);
    columns
}

/// Inserts a record this copy never had, stamps and audit columns as they are.
fn insert_whole(conn: &Connection, table: &Table, theirs: &Theirs) -> Result<i64> {
    let state = &theirs.state;
    let columns = whole_columns(table);
    let mut params: Vec<Value> = vec![Value::Text(state.id.clone())];
    params.extend(state.values.iter().cloned());
    params.extend([
        Value::Text(theirs.created_at.clone()),
        Value::Text(theirs.created_by.clone()),
        Value::Text(theirs.updated_at.clone()),
        Value::Text(theirs.updated_by.clone()),
        Value::Text(state.created_hlc.to_string()),
        Value::Text(state.newest().to_string()),
        Value::Text(state.clocks_json(table)),
        Value::Integer(i64::from(state.is_gone(table))),
    ]);
    let sql = records::insert_sql(&format!("main.{}", table.name), &columns);
    records::insert_row(conn, &sql, params)
}

/// What is derived from a record's fields here (search terms, sort and match keys, a
/// lead's last activity) follows the merged values.
fn refresh_derived(
    conn: &Connection,
    table: &Table,
    seq: i64,
    id: &str,
    fresh: bool,
    counts: &mut MergeCounts,
) -> Result<()> {
    match table.entity {
        "lead" => {
            leads::reindex_seq(conn, seq, fresh)?;
            counts.leads_touched.insert(id.to_string());
        }
        // Once, after its emails and numbers have arrived too.
        "contact" => {
            counts.contacts_touched.insert(id.to_string());
            if fresh {
                counts.contacts_new.insert(id.to_string());
            }
        }
        "contact_value" => {
            if let Some(contact_id) = contact_values::refresh_derived_seq(conn, seq)? {
                counts.contacts_touched.insert(contact_id);
            }
        }
        "activity" => {
            let row: Option<(i64, String, Option<String>)> = conn
                .prepare_cached("SELECT gone, summary, lead_id FROM activities WHERE seq = ?1")?
                .query_row([seq], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            if let Some((gone, summary, lead_id)) = row {
                search::set_document(
                    conn,
                    search::Index::Activities,
                    seq,
                    (gone == 0).then_some(summary.as_str()),
                    fresh,
                )?;
                if let Some(lead_id) = lead_id {
                    counts.activity_leads.insert(lead_id.clone());
                    counts.leads_touched.insert(lead_id);
                }
            }
        }
        _ => {}
    }
    Ok(())
}
