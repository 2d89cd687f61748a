//! Add and edit a lead.

use super::{
    Field, FieldKind, Form, FormKind, answer_choices, bad_amount, bad_date, campaign_field,
    chosen_campaign, date_hint,
};
use crate::config::{Config, Language};
use crate::model::amount::parse_amount;
use crate::model::dates::parse_due;
use crate::model::lead::{Criterion, LeadFields, LeadPatch, Qualification};
use crate::model::text::split_tags;
use crate::model::{Lead, Stage};
use crate::tr;
use crate::tui::words;
use chrono::NaiveDate;

pub(super) fn stage_choices(language: Language) -> Vec<(String, String)> {
    Stage::ALL
        .iter()
        .map(|s| (s.id().to_string(), words::stage(*s, language).to_string()))
        .collect()
}

/// The configured sources by label, after a first choice of none (`empty`: how it reads).
pub(super) fn source_choices(config: &Config, empty: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), empty.to_string())];
    out.extend(
        config
            .sources
            .names
            .iter()
            .map(|s| (s.clone(), words::source(s, config.language).to_string())),
    );
    out
}

fn answer_of(c: &Criterion) -> &'static str {
    match c.value {
        crate::model::lead::Answer::Yes => "yes",
        crate::model::lead::Answer::No => "no",
        crate::model::lead::Answer::Unknown => "unknown",
    }
}

/// The lead form, empty (new lead in `stage`) or filled from `lead`, with the `campaigns`
/// (id, name) it may have come from.
pub fn form(
    config: &Config,
    lead: Option<&Lead>,
    stage: Stage,
    campaigns: &[(String, String)],
) -> Form {
    let lang = config.language;
    let text = |value: Option<&str>| value.unwrap_or("").to_string();
    let l = lead;
    let mut fields = vec![
        Field::new("title", &tr!(lang, "form-lead-title"), FieldKind::Text)
            .required()
            .with_text(&text(l.map(|l| l.title.as_str()))),
        Field::new("company", &tr!(lang, "form-lead-company"), FieldKind::Text)
            .with_text(&text(l.and_then(|l| l.company.as_deref()))),
        Field::new(
            "next_action",
            &tr!(lang, "form-lead-next-action"),
            FieldKind::Text,
        )
        .with_text(&text(l.and_then(|l| l.next_action.as_deref()))),
        Field::new("due", &tr!(lang, "form-lead-due"), FieldKind::Date)
            .hint(date_hint(lang))
            .with_text(
                &l.and_then(|l| l.next_action_on)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
    ];
    if lead.is_none() {
        fields.push(
            Field::new(
                "stage",
                &tr!(lang, "form-lead-stage"),
                FieldKind::Choice(stage_choices(lang)),
            )
            .with_choice(stage.id()),
        );
    }
    let owner = l
        .and_then(|l| l.owner.clone())
        .unwrap_or_else(|| config.user_name());
    let q = l.map(|l| l.qualification.clone()).unwrap_or_default();
    fields.extend([
        Field::new("value", &tr!(lang, "form-lead-value"), FieldKind::Amount)
            .hint(tr!(lang, "form-hint-amount"))
            .with_text(
                &l.and_then(|l| l.value)
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
            ),
        Field::new("owner", &tr!(lang, "form-lead-owner"), FieldKind::Text).with_text(&owner),
        Field::new(
            "source",
            &tr!(lang, "form-lead-source"),
            FieldKind::Choice(source_choices(config, "—")),
        )
        .with_choice(l.and_then(|l| l.source.as_deref()).unwrap_or("")),
        Field::new(
            "source_detail",
            &tr!(lang, "form-lead-source-detail"),
            FieldKind::Text,
        )
        .with_text(&text(l.and_then(|l| l.source_detail.as_deref()))),
    ]);
    fields.extend(campaign_field(
        campaigns,
        l.and_then(|l| l.campaign_id.as_deref()),
        lang,
    ));
    fields.push(
        Field::new("tags", &tr!(lang, "form-lead-tags"), FieldKind::Text)
            .hint(tr!(lang, "form-hint-tags"))
            .with_text(&l.map(|l| l.tags.join(", ")).unwrap_or_default()),
    );
    for (name, id, answer) in [
        ("budget", "form-lead-budget", &q.budget),
        ("authority", "form-lead-authority", &q.authority),
        ("need", "form-lead-need", &q.need),
        ("timing", "form-lead-timing", &q.timing),
    ] {
        let label = crate::i18n::message(lang, id, None);
        fields.push(
            Field::new(name, &label, FieldKind::Choice(answer_choices(lang)))
                .with_choice(answer_of(answer)),
        );
    }
    fields.push(
        Field::new("notes", &tr!(lang, "form-lead-notes"), FieldKind::LongText)
            .with_text(&text(l.and_then(|l| l.notes.as_deref()))),
    );
    let (title, kind) = match lead {
        Some(l) => (
            tr!(lang, "form-lead-edit-title"),
            FormKind::EditLead { id: l.id.clone() },
        ),
        None => (tr!(lang, "form-lead-new-title"), FormKind::AddLead),
    };
    Form::new(lang, &title, kind, fields, 3)
}

fn optional(text: String) -> Option<String> {
    let t = text.trim().to_string();
    (!t.is_empty()).then_some(t)
}

/// Reads the typed values; marks every invalid field. `None` when something is invalid.
struct Typed {
    title: String,
    due: Option<crate::model::Due>,
    value: Option<i64>,
    qualification: Qualification,
    tags: Vec<String>,
}

fn read(form: &mut Form, today: NaiveDate) -> Option<Typed> {
    form.clear_errors();
    let lang = form.language;
    let title = form.text("title").trim().to_string();
    if title.is_empty() {
        form.reject("title", tr!(lang, "form-lead-needs-title"));
    }
    let due_text = form.text("due");
    let due = if due_text.trim().is_empty() {
        None
    } else {
        match parse_due(&due_text, today) {
            Ok(d) => Some(d),
            Err(_) => {
                form.reject("due", bad_date(lang, &due_text));
                None
            }
        }
    };
    let value_text = form.text("value");
    let value = if value_text.trim().is_empty() {
        None
    } else {
        match parse_amount(&value_text) {
            Ok(v) => Some(v),
            Err(_) => {
                form.reject("value", bad_amount(lang, &value_text));
                None
            }
        }
    };
    let answer = |name: &str| -> Criterion {
        let chosen = form
            .field(name)
            .and_then(|f| f.chosen())
            .unwrap_or("unknown");
        chosen.parse().unwrap_or_default()
    };
    let qualification = Qualification {
        budget: answer("budget"),
        authority: answer("authority"),
        need: answer("need"),
        timing: answer("timing"),
    };
    let tags = split_tags(&[form.text("tags")]);
    form.settle().then_some(Typed {
        title,
        due,
        value,
        qualification,
        tags,
    })
}

/// A new lead from the form.
pub fn read_new(form: &mut Form, today: NaiveDate) -> Option<LeadFields> {
    let typed = read(form, today)?;
    let stage = form
        .field("stage")
        .and_then(|f| f.chosen())
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    Some(LeadFields {
        title: typed.title,
        company: optional(form.text("company")),
        stage,
        source: form
            .field("source")
            .and_then(|f| f.chosen())
            .map(String::from)
            .and_then(optional),
        source_detail: optional(form.text("source_detail")),
        owner: optional(form.text("owner")),
        value: typed.value,
        next_action: optional(form.text("next_action")),
        next_action_on: typed.due,
        qualification: typed.qualification,
        tags: typed.tags,
        notes: optional(form.text("notes")),
        campaign_id: chosen_campaign(form),
        upsell: None,
    })
}

/// The changes the form makes to `lead`: only fields the user changed.
pub fn read_patch(form: &mut Form, today: NaiveDate) -> Option<LeadPatch> {
    let typed = read(form, today)?;
    let changed = |name: &str| form.field(name).is_some_and(|f| f.is_dirty());
    let text = |name: &str| changed(name).then(|| optional(form.text(name)));
    let q_changed = ["budget", "authority", "need", "timing"]
        .iter()
        .any(|n| changed(n));
    Some(LeadPatch {
        title: changed("title").then_some(typed.title),
        company: text("company"),
        source: changed("source").then(|| {
            form.field("source")
                .and_then(|f| f.chosen())
                .map(String::from)
                .and_then(optional)
        }),
        source_detail: text("source_detail"),
        owner: text("owner"),
        value: changed("value").then_some(typed.value),
        next_action: text("next_action"),
        next_action_on: changed("due").then_some(typed.due),
        qualification: q_changed.then_some(typed.qualification),
        tags: changed("tags").then_some(typed.tags),
        notes: text("notes"),
        campaign_id: changed("campaign").then(|| chosen_campaign(form)),
        upsell: None,
    })
}

/// One date field: when the lead's next action is now due.
pub fn reschedule(lead: &Lead, lang: Language) -> Form {
    let current = lead
        .next_action_on
        .map(|d| d.to_string())
        .unwrap_or_default();
    let fields = vec![
        Field::new("due", &tr!(lang, "form-next-action-on"), FieldKind::Date)
            .hint(date_hint(lang))
            .with_text(&current)
            .selected(),
    ];
    let title = match &lead.next_action {
        Some(what) => tr!(
            lang,
            "form-reschedule-title",
            what = crate::model::text::display_safe(what)
        ),
        None => tr!(lang, "form-reschedule-title-bare"),
    };
    Form::new(
        lang,
        &title,
        FormKind::Reschedule {
            id: lead.id.clone(),
        },
        fields,
        0,
    )
}

/// The new date; marks the field when it is not one. `Some(None)` clears the date.
pub fn read_reschedule(form: &mut Form, today: NaiveDate) -> Option<Option<crate::model::Due>> {
    form.clear_errors();
    let text = form.text("due");
    if text.trim().is_empty() {
        return Some(None);
    }
    match parse_due(&text, today) {
        Ok(d) => Some(Some(d)),
        Err(_) => {
            form.reject("due", bad_date(form.language, &text));
            form.settle();
            None
        }
    }
}
