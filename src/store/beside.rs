//! Work shared with a second thread: this one reads and writes the database, the other
//! works out what is derived from what was read (folding, search terms, match keys), which
//! needs no database. A bulk merge's derived columns cost about a third less this way.

use crate::error::{Error, Result};
use rusqlite::{Connection, Row};
use std::sync::mpsc;

/// A page for `paged`: the rows `sql` reads after seq `from` (its `?1`; their first column
/// is their seq), each made by `row`, with the seq of the last one. `None` past the end.
pub(crate) fn page_after<R>(
    conn: &Connection,
    sql: &str,
    from: i64,
    mut row: impl FnMut(&Row<'_>) -> rusqlite::Result<R>,
) -> Result<Option<(i64, Vec<R>)>> {
    let mut last = None;
    let page: Vec<R> = conn
        .prepare_cached(sql)?
        .query_map([from], |r| {
            last = Some(r.get::<_, i64>(0)?);
            row(r)
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(last.map(|last| (last, page)))
}

/// Reads pages with `read` (given where the last page ended; `None` when there are no
/// more), maps their items with `work` on a second thread, and hands the results to `write`
/// in the order they were read. The next page is read while the last one is worked out.
pub(crate) fn paged<K, R, D>(
    mut from: K,
    mut read: impl FnMut(&K) -> Result<Option<(K, Vec<R>)>>,
    work: impl Fn(R) -> D + Send,
    mut write: impl FnMut(D) -> Result<()>,
) -> Result<()>
where
    R: Send,
    D: Send,
{
    std::thread::scope(|scope| {
        // Made inside the scope: however this thread leaves it, the channels close and the
        // worker stops.
        let (to_worker, pages) = mpsc::sync_channel::<Vec<R>>(2);
        // Unbounded: the worker never waits on this thread, which may be waiting on it.
        let (to_writer, worked) = mpsc::channel::<Vec<D>>();
        std::thread::Builder::new()
            .name("derived".into())
            .spawn_scoped(scope, move || {
                for page in pages {
                    let done = page.into_iter().map(&work).collect();
                    if to_writer.send(done).is_err() {
                        return;
                    }
                }
            })
            .map_err(|e| Error::invalid(e.to_string()))?;
        while let Some((next, page)) = read(&from)? {
            from = next;
            if to_worker.send(page).is_err() {
                break;
            }
            while let Ok(done) = worked.try_recv() {
                done.into_iter().try_for_each(&mut write)?;
            }
        }
        drop(to_worker);
        // A worker that panicked ends this loop early; the scope then panics with it, so
        // nothing is left out silently.
        for done in worked {
            done.into_iter().try_for_each(&mut write)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_written_in_the_order_it_was_read() {
        let items: Vec<u64> = (0..10_000).collect();
        let mut written = Vec::new();
        paged(
            0usize,
            |&from| {
                let end = (from + 97).min(items.len());
                Ok((from < end).then(|| (end, items[from..end].to_vec())))
            },
            |x| x * 2,
            |x| {
                written.push(x);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(written, items.iter().map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_failed_write_stops_reading_and_is_told() {
        let (mut read, mut written) = (0, 0);
        let result = paged(
            0u64,
            |&from| {
                read += 1;
                Ok(Some((from + 1, vec![from; 64])))
            },
            |x| x,
            |_| {
                written += 1;
                match written {
                    100 => Err(Error::invalid("the disk is full")),
                    _ => Ok(()),
                }
            },
        );
        assert!(result.is_err());
        assert_eq!(written, 100);
        assert!(read < 10, "{read} pages read after the write failed");
    }
}
