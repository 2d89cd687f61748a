//! A window onto a long list: it holds only the rows on screen and reads the next ones by
//! key as the selection moves, so a list of 100,000 costs what a list of 10 does.

use crate::error::Result;
use crate::store::paging::{Key, Page, Toward};
use rusqlite::Connection;

/// Where a paged list's rows come from.
pub trait Source {
    type Item: Clone;
    fn fetch(&self, conn: &Connection, page: &Page<'_>) -> Result<Vec<(Key, Self::Item)>>;
    /// The key of a record, to show the list from it (`None` when it is not in the list).
    fn key_of(&self, conn: &Connection, id: &str) -> Result<Option<Key>>;
    fn id(item: &Self::Item) -> &str;
}

pub struct Pager<S: Source> {
    pub source: S,
    rows: Vec<(Key, S::Item)>,
    selected: usize,
    height: usize,
    stale: bool,
    /// The record to select at the next `prepare` (after the source changed its order).
    wanted: Option<String>,
}

impl<S: Source> Pager<S> {
    pub fn new(source: S) -> Pager<S> {
        Pager {
            source,
            rows: Vec::new(),
            selected: 0,
            height: 0,
            stale: true,
            wanted: None,
        }
    }

    /// The source's order or scope changed: start again from the top, keeping the
    /// selection on the same record when it is still in the list.
    pub fn reset(&mut self) {
        self.wanted = self.selected_id();
        self.rows.clear();
        self.selected = 0;
        self.stale = true;
    }

    pub fn rows(&self) -> impl Iterator<Item = &S::Item> {
        self.rows.iter().map(|(_, item)| item)
    }

    pub fn selected_index(&self) -> usize {
        self.selected
    }

    pub fn selected(&self) -> Option<&S::Item> {
        self.rows.get(self.selected).map(|(_, item)| item)
    }

    pub fn selected_id(&self) -> Option<String> {
        self.selected().map(|item| S::id(item).to_string())
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The data changed: read the window again before it is next shown.
    pub fn invalidate(&mut self) {
        self.stale = true;
    }

    /// Makes sure the window holds `height` rows of fresh data, keeping the selection on the
    /// same record when it is still in the list.
    pub fn prepare(&mut self, conn: &Connection, height: usize) -> Result<()> {
        let height = height.max(1);
        if !self.stale && height == self.height {
            return Ok(());
        }
        self.height = height;
        self.stale = false;
        let keep = self.wanted.take().or_else(|| self.selected_id());
        let top = self.rows.first().map(|(k, _)| k.clone());
        self.fill_from(conn, top.as_ref())?;
        match keep {
            Some(id) => self.reselect(conn, &id),
            None => Ok(()),
        }
    }

    /// Fills the window from `top` (inclusive); when the list ends too soon, earlier rows
    /// fill the rest so the window stays full.
    fn fill_from(&mut self, conn: &Connection, top: Option<&Key>) -> Result<()> {
        let page = Page {
            from: top,
            toward: Toward::Later,
            inclusive: true,
            limit: self.height,
        };
        self.rows = self.source.fetch(conn, &page)?;
        if self.rows.len() < self.height {
            let missing = self.height - self.rows.len();
            let earlier = match self.rows.first() {
                Some((first, _)) => {
                    let first = first.clone();
                    self.source.fetch(
                        conn,
                        &Page {
                            from: Some(&first),
                            toward: Toward::Earlier,
                            inclusive: false,
                            limit: missing,
                        },
                    )?
                }
                None => self.source.fetch(conn, &Page::last(missing))?,
            };
            let mut rows: Vec<_> = earlier.into_iter().rev().collect();
            rows.append(&mut self.rows);
            self.rows = rows;
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        Ok(())
    }

    /// Puts the selection on record `id`, moving the window to it if needed. Returns false
    /// when the record is not in this list.
    pub fn select(&mut self, conn: &Connection, id: &str) -> Result<bool> {
        if self.height == 0 {
            self.height = 1;
        }
        if let Some(i) = self.rows.iter().position(|(_, item)| S::id(item) == id) {
            self.selected = i;
            return Ok(true);
        }
        let Some(key) = self.source.key_of(conn, id)? else {
            return Ok(false);
        };
        // Show the record in the middle of the window.
        let before = self.source.fetch(
            conn,
            &Page {
                from: Some(&key),
                toward: Toward::Earlier,
                inclusive: false,
                limit: self.height / 2,
            },
        )?;
        let top = before.last().map(|(k, _)| k.clone()).unwrap_or(key);
        self.fill_from(conn, Some(&top))?;
        self.stale = false;
        match self.rows.iter().position(|(_, item)| S::id(item) == id) {
            Some(i) => {
                self.selected = i;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    fn reselect(&mut self, conn: &Connection, id: &str) -> Result<()> {
        if !self.select(conn, id)? {
            self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        }
        Ok(())
    }

    /// Keeps the window within `lines` screen lines when rows take more than one line each
    /// (`lines_of` says how many the rows shown need, headings between them included): rows
    /// leave from the end away from the selection, so the selection stays in view. The window
    /// still reads `height` rows when it moves; this trims them again.
    pub fn fit_lines(&mut self, lines: usize, lines_of: impl Fn(&[&S::Item]) -> usize) {
        while self.rows.len() > 1 {
            let items: Vec<&S::Item> = self.rows.iter().map(|(_, item)| item).collect();
            if lines_of(&items) <= lines {
                break;
            }
            if self.selected + 1 < self.rows.len() {
                self.rows.pop();
            } else {
                self.rows.remove(0);
                self.selected = self.selected.saturating_sub(1);
            }
        }
    }

    pub fn down(&mut self, conn: &Connection) -> Result<()> {
        if self.selected + 1 < self.rows.len() {
            self.selected += 1;
            return Ok(());
        }
        let Some((last, _)) = self.rows.last() else {
            return Ok(());
        };
        let last = last.clone();
        let next = self.source.fetch(
            conn,
            &Page {
                from: Some(&last),
                toward: Toward::Later,
                inclusive: false,
                limit: 1,
            },
        )?;
        if let Some(row) = next.into_iter().next() {
            self.rows.push(row);
            if self.rows.len() > self.height {
                self.rows.remove(0);
            }
            self.selected = self.rows.len() - 1;
        }
        Ok(())
    }

    pub fn up(&mut self, conn: &Connection) -> Result<()> {
        if self.selected > 0 {
            self.selected -= 1;
            return Ok(());
        }
        let Some((first, _)) = self.rows.first() else {
            return Ok(());
        };
        let first = first.clone();
        let prev = self.source.fetch(
            conn,
            &Page {
                from: Some(&first),
                toward: Toward::Earlier,
                inclusive: false,
                limit: 1,
            },
        )?;
        if let Some(row) = prev.into_iter().next() {
            self.rows.insert(0, row);
            self.rows.truncate(self.height.max(1));
            self.selected = 0;
        }
        Ok(())
    }

    pub fn page_down(&mut self, conn: &Connection) -> Result<()> {
        let Some((last, _)) = self.rows.last() else {
            return Ok(());
        };
        let last = last.clone();
        let next = self.source.fetch(
            conn,
            &Page {
                from: Some(&last),
                toward: Toward::Later,
                inclusive: false,
                limit: self.height,
            },
        )?;
        if next.is_empty() {
            self.selected = self.rows.len().saturating_sub(1);
            return Ok(());
        }
        let top = next[0].0.clone();
        self.fill_from(conn, Some(&top))?;
        Ok(())
    }

    pub fn page_up(&mut self, conn: &Connection) -> Result<()> {
        let Some((first, _)) = self.rows.first() else {
            return Ok(());
        };
        let first = first.clone();
        let prev = self.source.fetch(
            conn,
            &Page {
                from: Some(&first),
                toward: Toward::Earlier,
                inclusive: false,
                limit: self.height,
            },
        )?;
        match prev.last() {
            Some((top, _)) => {
                let top = top.clone();
                self.fill_from(conn, Some(&top))?;
            }
            None => self.selected = 0,
        }
        Ok(())
    }

    pub fn top(&mut self, conn: &Connection) -> Result<()> {
        self.fill_from(conn, None)?;
        self.selected = 0;
        Ok(())
    }

    pub fn bottom(&mut self, conn: &Connection) -> Result<()> {
        let rows = self.source.fetch(conn, &Page::last(self.height))?;
        self.rows = rows.into_iter().rev().collect();
        self.selected = self.rows.len().saturating_sub(1);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::types::Value;

    /// The numbers 0..n as a list, keyed by themselves.
    struct Numbers(i64);

    impl Source for Numbers {
        type Item = String;
        fn fetch(&self, _: &Connection, page: &Page<'_>) -> Result<Vec<(Key, String)>> {
            let from = page.from.and_then(|k| match k.0.first() {
                Some(Value::Integer(n)) => Some(*n),
                _ => None,
            });
            let all: Vec<i64> = match page.toward {
                Toward::Later => (0..self.0)
                    .filter(|n| from.is_none_or(|f| if page.inclusive { *n >= f } else { *n > f }))
                    .collect(),
                Toward::Earlier => (0..self.0)
                    .rev()
                    .filter(|n| from.is_none_or(|f| if page.inclusive { *n <= f } else { *n < f }))
                    .collect(),
            };
            Ok(all
                .into_iter()
                .take(page.limit)
                .map(|n| (Key(vec![Value::Integer(n)]), n.to_string()))
                .collect())
        }
        fn key_of(&self, _: &Connection, id: &str) -> Result<Option<Key>> {
            Ok(id
                .parse::<i64>()
                .ok()
                .filter(|n| *n < self.0)
                .map(|n| Key(vec![Value::Integer(n)])))
        }
        fn id(item: &String) -> &str {
            item
        }
    }

    fn shown(p: &Pager<Numbers>) -> Vec<String> {
        p.rows().cloned().collect()
    }

    #[test]
    fn the_window_follows_the_selection() {
        let conn = Connection::open_in_memory().unwrap();
        let mut p = Pager::new(Numbers(100));
        p.prepare(&conn, 3).unwrap();
        assert_eq!(shown(&p), ["0", "1", "2"]);
        for _ in 0..4 {
            p.down(&conn).unwrap();
        }
        assert_eq!(shown(&p), ["2", "3", "4"]);
        assert_eq!(p.selected().unwrap(), "4");
        p.page_down(&conn).unwrap();
        assert_eq!(shown(&p), ["5", "6", "7"]);
        p.bottom(&conn).unwrap();
        assert_eq!(shown(&p), ["97", "98", "99"]);
        assert_eq!(p.selected().unwrap(), "99");
        p.down(&conn).unwrap();
        assert_eq!(p.selected().unwrap(), "99", "stops at the end");
        p.page_up(&conn).unwrap();
        assert_eq!(shown(&p), ["94", "95", "96"]);
        p.top(&conn).unwrap();
        p.up(&conn).unwrap();
        assert_eq!(p.selected().unwrap(), "0");
    }

    #[test]
    fn selection_survives_a_refresh_and_jumps_to_a_record() {
        let conn = Connection::open_in_memory().unwrap();
        let mut p = Pager::new(Numbers(100));
        p.prepare(&conn, 4).unwrap();
        assert!(p.select(&conn, "50").unwrap());
        assert!(shown(&p).contains(&"50".to_string()));
        assert_eq!(p.selected().unwrap(), "50");
        p.invalidate();
        p.prepare(&conn, 4).unwrap();
        assert_eq!(p.selected().unwrap(), "50");
        p.prepare(&conn, 10).unwrap();
        assert_eq!(p.selected().unwrap(), "50", "a resize keeps the selection");
        assert!(!p.select(&conn, "500").unwrap());
    }

    #[test]
    fn a_short_list_fills_from_the_end() {
        let conn = Connection::open_in_memory().unwrap();
        let mut p = Pager::new(Numbers(5));
        p.prepare(&conn, 3).unwrap();
        p.bottom(&conn).unwrap();
        p.prepare(&conn, 10).unwrap();
        assert_eq!(shown(&p), ["0", "1", "2", "3", "4"]);
        let mut empty = Pager::new(Numbers(0));
        empty.prepare(&conn, 3).unwrap();
        assert!(empty.is_empty() && empty.selected().is_none());
    }

    #[test]
    fn a_window_with_headings_keeps_the_selection_in_its_lines() {
        let conn = Connection::open_in_memory().unwrap();
        let mut p = Pager::new(Numbers(100));
        // A heading before every tenth number: 0, 10, 20…
        let lines_of = |rows: &[&String]| {
            let headings = rows
                .iter()
                .enumerate()
                .filter(|(n, r)| *n == 0 || r.ends_with('0'))
                .count();
            rows.len() + headings
        };
        p.prepare(&conn, 12).unwrap();
        p.fit_lines(12, lines_of);
        assert_eq!(
            shown(&p).len(),
            10,
            "0..9 and one heading before 10 would be 12 lines"
        );
        for _ in 0..15 {
            p.down(&conn).unwrap();
            p.prepare(&conn, 12).unwrap();
            p.fit_lines(12, lines_of);
            let rows: Vec<String> = shown(&p);
            let refs: Vec<&String> = rows.iter().collect();
            assert!(lines_of(&refs) <= 12, "{rows:?}");
            assert_eq!(p.selected().unwrap(), &rows[p.selected_index()]);
        }
        assert_eq!(p.selected().unwrap(), "15");
        assert_eq!(
            shown(&p).last().unwrap(),
            "15",
            "the window follows at its foot"
        );
        p.page_down(&conn).unwrap();
        p.fit_lines(12, lines_of);
        assert_eq!(
            shown(&p).first().unwrap(),
            "16",
            "a page goes on after the last row shown"
        );
    }
}
