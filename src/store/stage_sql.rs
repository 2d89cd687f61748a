//! Stages in SQL: every stage a query names, and every per-stage `CASE`, is written here from
//! `Stage`, so no query spells a stage id and a new stage reaches them all.
//!
//! Ids are snake_case ASCII (a test holds them to it), so they are inlined as SQL literals:
//! a statement stays one text that `prepare_cached` keeps, and the planner sees constants.

use crate::model::Stage;

/// `'customer'`.
pub(crate) fn literal(stage: Stage) -> String {
    format!("'{}'", stage.id())
}

/// `'considering', 'customer'`: the inside of `IN (...)`.
pub(crate) fn list(stages: impl IntoIterator<Item = Stage>) -> String {
    stages
        .into_iter()
        .map(literal)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The stages off the board (customers), for `stage NOT IN (...)` (open leads) and
/// `stage IN (...)`.
pub(crate) fn closed() -> String {
    list(Stage::ALL.into_iter().filter(|stage| !stage.is_open()))
}

/// `CASE column WHEN 'considering' THEN .. WHEN 'future' THEN .. ELSE .. END`: a value per
/// stage, in `Stage::ALL` order; the last stage's value is the `ELSE`, so a stage this build
/// does not know sorts and compares as the last one.
pub(crate) fn case(column: &str, value: impl Fn(Stage) -> String) -> String {
    let mut sql = format!("CASE {column}");
    let Some((last, rest)) = Stage::ALL.split_last() else {
        return "NULL".to_string();
    };
    for stage in rest {
        sql.push_str(&format!(" WHEN {} THEN {}", literal(*stage), value(*stage)));
    }
    sql.push_str(&format!(" ELSE {} END", value(*last)));
    sql
}

/// The board's order of stages (`ORDER BY`): considering, future, no prospect, customer.
pub(crate) fn board_order(column: &str) -> String {
    case(column, |stage| (stage as usize).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_to_inline() {
        for stage in Stage::ALL {
            assert!(
                !stage.id().is_empty()
                    && stage
                        .id()
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_'),
                "{stage}"
            );
        }
    }

    #[test]
    fn fragments_read_as_the_queries_wrote_them() {
        let (considering, future, no_prospect, customer) = (
            Stage::Considering.id(),
            Stage::Future.id(),
            Stage::NoProspect.id(),
            Stage::Customer.id(),
        );
        assert_eq!(literal(Stage::Customer), format!("'{customer}'"));
        assert_eq!(
            list([Stage::Considering, Stage::Customer]),
            format!("'{considering}', '{customer}'")
        );
        assert_eq!(closed(), format!("'{customer}'"));
        assert_eq!(
            board_order("stage"),
            format!(
                "CASE stage WHEN '{considering}' THEN 0 WHEN '{future}' THEN 1 \
                 WHEN '{no_prospect}' THEN 2 ELSE 3 END"
            )
        );
    }

    #[test]
    fn board_order_sorts_in_sqlite_as_stage_all() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let values = Stage::ALL
            .iter()
            .rev()
            .map(|s| s.id())
            .chain(["unknown"])
            .map(|id| format!("('{id}')"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "WITH t(stage) AS (VALUES {values}) SELECT stage FROM t ORDER BY {}, stage",
            board_order("stage")
        );
        let mut stmt = conn.prepare(&sql).unwrap();
        let sorted: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        // A stage this build does not know sorts with the last one.
        let expected: Vec<&str> = Stage::ALL
            .iter()
            .map(|s| s.id())
            .chain(["unknown"])
            .collect();
        assert_eq!(sorted, expected);
    }
}
