//! The filter form (`f`): narrow the board or the lead lists by words, tag, owner, source,
//! rank, stage, when the next action is due, and stale. Enter applies from any field.

use super::lead::{source_choices, stage_choices};
use super::{Field, FieldKind, Form, FormKind};
use crate::config::Config;
use crate::features::lead_filter::LeadFilters;
use crate::followups::Bucket;
use crate::model::{Rank, Stage};
use crate::tr;
use crate::tui::words;

/// The form filled with the filters on now; `owners`: the reps who own leads.
pub fn form(config: &Config, filters: &LeadFilters, owners: &[String], board: bool) -> Form {
    let lang = config.language;
    // What the first choice of every choice field reads: no filter on it.
    let any = tr!(lang, "form-filter-any");
    let me = config.user_name();
    let mut owner_choices = vec![(String::new(), any.clone())];
    owner_choices.push((me.clone(), tr!(lang, "form-filter-me", name = me.as_str())));
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
    let mut stages = vec![(String::new(), any.clone())];
    stages.extend(stage_choices(lang));
    let mut ranks = vec![(String::new(), any.clone())];
    ranks.extend([Rank::A, Rank::B, Rank::C].map(|r| (r.letter().to_string(), r.to_string())));
    let mut dues = vec![(String::new(), any.clone())];
    dues.extend(Bucket::ALL.map(|b| (due_id(b).to_string(), words::bucket(b, lang).to_string())));
    let stale = vec![
        (String::new(), tr!(lang, "form-filter-stale-no")),
        ("yes".to_string(), tr!(lang, "form-filter-stale-yes")),
    ];
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let label = |id: &str| crate::i18n::message(lang, id, None);
    let fields = vec![
        Field::new("text", &label("form-filter-words"), FieldKind::Text)
            .hint(tr!(lang, "form-hint-filter-words"))
            .with_text(&text(&filters.text)),
        Field::new("tag", &label("form-filter-tag"), FieldKind::Text)
            .with_text(&text(&filters.tag)),
        Field::new(
            "owner",
            &label("form-lead-owner"),
            FieldKind::Choice(owner_choices),
        )
        .with_choice(filters.owner.as_deref().unwrap_or("")),
        Field::new(
            "source",
            &label("form-lead-source"),
            FieldKind::Choice(source_choices(config, &any)),
        )
        .with_choice(filters.source.as_deref().unwrap_or("")),
        Field::new("rank", &label("form-filter-rank"), FieldKind::Choice(ranks))
            .with_choice(filters.rank.map_or("", Rank::letter)),
        Field::new(
            "stage",
            &label("form-lead-stage"),
            FieldKind::Choice(stages),
        )
        .with_choice(filters.stage.map_or("", Stage::id)),
        Field::new(
            "due",
            &label("form-lead-next-action"),
            FieldKind::Choice(dues),
        )
        .with_choice(filters.due.map_or("", due_id)),
        Field::new(
            "stale",
            &label("form-filter-stale"),
            FieldKind::Choice(stale),
        )
        .with_choice(if filters.stale { "yes" } else { "" }),
    ];
    let title = if board {
        tr!(lang, "form-filter-board-title")
    } else {
        tr!(lang, "form-filter-lists-title")
    };
    Form::new(lang, &title, FormKind::Filter { board }, fields, 0)
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
        campaign: None,
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
