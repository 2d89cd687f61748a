//! The filter form (`f`): narrow the board or the lead lists by words, tag, owner, source,
//! rank, stage, when the next action is due, and stale. Enter applies from any field.

use super::lead::{source_choices, stage_choices};
use super::{Field, FieldKind, Form, FormKind};
use crate::config::Config;
use crate::features::lead_filter::LeadFilters;
use crate::followups::Bucket;
use crate::model::{Rank, Stage};

/// What the first choice of every choice field reads: no filter on it.
const ANY: &str = "any";

/// The form filled with the filters on now; `owners`: the reps who own leads.
pub fn form(config: &Config, filters: &LeadFilters, owners: &[String], board: bool) -> Form {
    let me = config.user_name();
    let mut owner_choices = vec![(String::new(), ANY.to_string())];
    owner_choices.push((me.clone(), format!("me ({me})")));
    owner_choices.extend(
        owners
            .iter()
            .filter(|o| **o != me)
            .map(|o| (o.clone(), o.clone())),
    );
    // A filter on a rep who owns nothing (any more) is still offered, so it can be seen.
    if let Some(o) = &filters.owner
        && !owner_choices.iter().any(|(v, _)| v == o)
    {
        owner_choices.push((o.clone(), o.clone()));
    }
    let mut stages = vec![(String::new(), ANY.to_string())];
    stages.extend(stage_choices());
    let mut ranks = vec![(String::new(), ANY.to_string())];
    ranks.extend([Rank::A, Rank::B, Rank::C].map(|r| (r.letter().to_string(), r.to_string())));
    let mut dues = vec![(String::new(), ANY.to_string())];
    dues.extend(Bucket::ALL.map(|b| {
        (
            due_id(b).to_string(),
            format!("{} {}", b.label_en(), b.label_ja()),
        )
    }));
    let stale = vec![
        (String::new(), "no".to_string()),
        ("yes".to_string(), "yes: only stale leads".to_string()),
    ];
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let fields = vec![
        Field::new("text", "Words", FieldKind::Text)
            .hint("in title, company, notes")
            .with_text(&text(&filters.text)),
        Field::new("tag", "Tag", FieldKind::Text).with_text(&text(&filters.tag)),
        Field::new("owner", "Owner", FieldKind::Choice(owner_choices))
            .with_choice(filters.owner.as_deref().unwrap_or("")),
        Field::new(
            "source",
            "Source",
            FieldKind::Choice(source_choices(config, ANY)),
        )
        .with_choice(filters.source.as_deref().unwrap_or("")),
        Field::new("rank", "Rank", FieldKind::Choice(ranks))
            .with_choice(filters.rank.map_or("", Rank::letter)),
        Field::new("stage", "Stage", FieldKind::Choice(stages))
            .with_choice(filters.stage.map_or("", Stage::id)),
        Field::new("due", "Next action", FieldKind::Choice(dues))
            .with_choice(filters.due.map_or("", due_id)),
        Field::new("stale", "Stale", FieldKind::Choice(stale)).with_choice(if filters.stale {
            "yes"
        } else {
            ""
        }),
    ];
    let title = if board {
        "Filter the board"
    } else {
        "Filter the lists"
    };
    Form::new(title, FormKind::Filter { board }, fields, 0)
}

/// The filters the form holds.
pub fn read(form: &Form) -> LeadFilters {
    let text = |name: &str| {
        let t = form.text(name).trim().to_string();
        (!t.is_empty()).then_some(t)
    };
    let chosen = |name: &str| {
        form.field(name)
            .and_then(|f| f.chosen())
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    LeadFilters {
        text: text("text"),
        tag: text("tag"),
        owner: chosen("owner"),
        source: chosen("source"),
        rank: chosen("rank").map(|r| Rank::from_letter(&r)),
        stage: chosen("stage").and_then(|s| s.parse().ok()),
        due: chosen("due").and_then(|d| Bucket::ALL.into_iter().find(|b| due_id(*b) == d)),
        stale: chosen("stale").is_some(),
    }
}

fn due_id(bucket: Bucket) -> &'static str {
    match bucket {
        Bucket::Overdue => "overdue",
        Bucket::Today => "today",
        Bucket::ThisWeek => "week",
        Bucket::Later => "later",
        Bucket::NoNextAction => "none",
    }
}
