//! Log an activity: a call, a meeting, a note or any kind, with the lead's next action.

use super::{
    Field, FieldKind, Form, FormKind, bad_date, bad_minutes, campaign_field, chosen_campaign,
    date_hint, moment_hint,
};
use crate::config::Language;
use crate::features::activity::{ActivityPatch, LogEntry};
use crate::model::dates::{local_to_utc, parse_due, parse_moment};
use crate::model::lead::LinkedContact;
use crate::model::text::display_safe;
use crate::model::{Activity, ActivityKind, Direction, Lead};
use crate::tr;
use crate::tui::words;
use chrono::{Local, NaiveDate};

fn kind_choices(lang: Language) -> Vec<(String, String)> {
    ActivityKind::ALL
        .iter()
        .map(|k| (k.id().to_string(), words::kind(*k, lang).to_string()))
        .collect()
}

/// Who called whom: none said, we did, they did.
fn direction_choices(lang: Language) -> Vec<(String, String)> {
    vec![
        (String::new(), "—".to_string()),
        ("outbound".to_string(), tr!(lang, "form-log-outbound")),
        ("inbound".to_string(), tr!(lang, "form-log-inbound")),
    ]
}

/// What the When field holds until the rep says otherwise: now, as the form's language
/// writes it (`parse_moment` reads both).
fn now_word(lang: Language) -> &'static str {
    match lang {
        Language::En => "now",
        Language::Ja => "今",
    }
}

/// The form for logging on `lead` (with its contacts to choose from) or on a contact alone,
/// with the live `campaigns` (id, name) it may belong to. `kind` None lets the user choose
/// the kind first.
pub fn form(
    kind: Option<ActivityKind>,
    lead: Option<&Lead>,
    contact_id: Option<&str>,
    contacts: &[LinkedContact],
    campaigns: &[(String, String)],
    lang: Language,
) -> Form {
    let kind_label = tr!(lang, "form-log-kind");
    let mut fields = Vec::new();
    if kind.is_none() {
        fields.push(
            Field::new("kind", &kind_label, FieldKind::Choice(kind_choices(lang)))
                .with_choice(crate::model::ActivityKind::Call.id()),
        );
    }
    fields.push(Field::new("summary", &tr!(lang, "form-log-summary"), FieldKind::Text).required());
    let quick_end = if lead.is_some() {
        fields.push(
            Field::new("due", &tr!(lang, "form-next-action-on"), FieldKind::Date)
                .hint(date_hint(lang)),
        );
        let end = fields.len() - 1;
        let current = lead.and_then(|l| l.next_action.as_deref()).unwrap_or("");
        fields.push(
            Field::new(
                "next_action",
                &tr!(lang, "form-lead-next-action"),
                FieldKind::Text,
            )
            .with_text(current),
        );
        end
    } else {
        fields.len() - 1
    };
    fields.push(
        Field::new("at", &tr!(lang, "form-log-when"), FieldKind::Moment)
            .hint(moment_hint(lang))
            .with_text(now_word(lang)),
    );
    fields.push(Field::new(
        "duration",
        &tr!(lang, "form-log-minutes"),
        FieldKind::Minutes,
    ));
    fields.push(Field::new(
        "direction",
        &tr!(lang, "form-log-direction"),
        FieldKind::Choice(direction_choices(lang)),
    ));
    if lead.is_some() && !contacts.is_empty() {
        let mut people = vec![(String::new(), "—".to_string())];
        people.extend(contacts.iter().map(|c| {
            (
                c.id.clone(),
                tr!(
                    lang,
                    "form-log-person",
                    name = c.name.as_str(),
                    role = words::role(c.role, lang)
                ),
            )
        }));
        fields.push(Field::new(
            "contact",
            &tr!(lang, "form-log-with"),
            FieldKind::Choice(people),
        ));
    }
    fields.extend(campaign_field(campaigns, None, lang));
    fields.push(Field::new(
        "body",
        &tr!(lang, "form-log-details"),
        FieldKind::LongText,
    ));
    let title = match (kind, lead) {
        (Some(k), Some(l)) => tr!(
            lang,
            "form-log-title-on-lead",
            kind = words::kind(k, lang),
            lead = display_safe(&l.title)
        ),
        (Some(k), None) => words::kind(k, lang).to_string(),
        (None, Some(l)) => tr!(
            lang,
            "form-log-activity-on-lead",
            lead = display_safe(&l.title)
        ),
        (None, None) => tr!(lang, "form-log-activity"),
    };
    let mut form = Form::new(
        lang,
        &title,
        FormKind::Log {
            lead_id: lead.map(|l| l.id.clone()),
            contact_id: contact_id.map(String::from),
        },
        fields,
        quick_end,
    );
    // The kind chosen by the key (c, m, n) rides along as the form's first choice.
    if let Some(kind) = kind {
        form.fields.insert(
            0,
            Field::new(
                "kind",
                &kind_label,
                FieldKind::Choice(vec![(kind.id().into(), words::kind(kind, lang).into())]),
            ),
        );
        form.focus = 1;
        form.quick_end += 1;
        form.fields[0].required = false;
    }
    form
}

/// The activity the form describes; marks every invalid field. `None` when something is
/// invalid.
pub fn read(form: &mut Form, today: NaiveDate, language: Language) -> Option<LogEntry> {
    form.clear_errors();
    let kind: ActivityKind = form
        .field("kind")
        .and_then(|f| f.chosen())
        .and_then(|k| k.parse().ok())
        .unwrap_or(ActivityKind::Note);
    let summary = form.text("summary").trim().to_string();
    if summary.is_empty() {
        form.reject("summary", tr!(language, "form-log-needs-summary"));
    }
    let due_text = form.text("due");
    let next_action_on = if due_text.trim().is_empty() {
        None
    } else {
        match parse_due(&due_text, today) {
            Ok(d) => Some(d),
            Err(_) => {
                form.reject("due", bad_date(language, &due_text));
                None
            }
        }
    };
    let now = Local::now().naive_local();
    let now = if now.date() == today {
        now
    } else {
        today.and_time(now.time())
    };
    let at_text = form.text("at");
    let occurred_at = if at_text.trim().is_empty() {
        local_to_utc(now)
    } else {
        match parse_moment(&at_text, now) {
            Ok(t) => local_to_utc(t),
            Err(_) => {
                form.reject("at", bad_date(language, &at_text));
                local_to_utc(now)
            }
        }
    };
    let minutes = form.text("duration");
    let duration_minutes = if minutes.trim().is_empty() {
        None
    } else {
        match crate::model::text::fold(&minutes).trim().parse::<i64>() {
            Ok(m) if m >= 0 => Some(m),
            _ => {
                form.reject("duration", bad_minutes(language, &minutes));
                None
            }
        }
    };
    if !form.settle() {
        return None;
    }
    let direction: Option<Direction> = form
        .field("direction")
        .and_then(|f| f.chosen())
        .and_then(|d| d.parse().ok());
    let FormKind::Log {
        lead_id,
        contact_id,
    } = &form.kind
    else {
        return None;
    };
    let chosen_contact = form
        .field("contact")
        .and_then(|f| f.chosen())
        .filter(|c| !c.is_empty())
        .map(String::from);
    let typed_action = form.text("next_action").trim().to_string();
    // A date without words still tells the rep what to do.
    let next_action = match (next_action_on.is_some(), typed_action.is_empty()) {
        (_, false) => Some(typed_action),
        (true, true) => Some(tr!(language, "form-log-follow-up")),
        (false, true) => None,
    };
    let changed_action = form.field("next_action").is_some_and(|f| f.text_changed());
    Some(LogEntry {
        kind,
        lead_id: lead_id.clone(),
        contact_id: chosen_contact.or_else(|| contact_id.clone()),
        occurred_at,
        duration_minutes,
        direction,
        summary,
        body: Some(form.text("body")).filter(|b| !b.trim().is_empty()),
        next_action: if next_action_on.is_some() || changed_action {
            next_action
        } else {
            None
        },
        next_action_on,
        campaign_id: chosen_campaign(form),
    })
}

/// How the form shows a moment: local time to the minute, which `parse_moment` reads back.
fn local_minute(at: &chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The form for changing a logged activity, filled from it. `people` are the contacts it
/// may be with (the lead's), as (id, label); its own contact is offered even when it is not
/// among them. `campaigns` (id, name) are those it may belong to, its own among them.
pub fn edit_form(
    activity: &Activity,
    lead_title: Option<&str>,
    people: &[(String, String)],
    own_contact: Option<(String, String)>,
    campaigns: &[(String, String)],
    lang: Language,
) -> Form {
    let mut choices = vec![(String::new(), "—".to_string())];
    choices.extend(people.iter().cloned());
    if let Some(own) = own_contact
        && !choices.iter().any(|(id, _)| *id == own.0)
    {
        choices.push(own);
    }
    let mut fields = vec![
        Field::new(
            "kind",
            &tr!(lang, "form-log-kind"),
            FieldKind::Choice(kind_choices(lang)),
        )
        .with_choice(activity.kind.id()),
        Field::new("summary", &tr!(lang, "form-log-summary"), FieldKind::Text)
            .required()
            .with_text(&activity.summary),
        Field::new("at", &tr!(lang, "form-log-when"), FieldKind::Moment)
            .hint(moment_hint(lang))
            .with_text(&local_minute(&activity.occurred_at)),
        Field::new(
            "duration",
            &tr!(lang, "form-log-minutes"),
            FieldKind::Minutes,
        )
        .with_text(
            &activity
                .duration_minutes
                .map(|m| m.to_string())
                .unwrap_or_default(),
        ),
        Field::new(
            "direction",
            &tr!(lang, "form-log-direction"),
            FieldKind::Choice(direction_choices(lang)),
        )
        .with_choice(activity.direction.map(|d| d.id()).unwrap_or("")),
        Field::new(
            "contact",
            &tr!(lang, "form-log-with"),
            FieldKind::Choice(choices),
        )
        .with_choice(activity.contact_id.as_deref().unwrap_or("")),
    ];
    fields.extend(campaign_field(
        campaigns,
        activity.campaign_id.as_deref(),
        lang,
    ));
    fields.push(
        Field::new("body", &tr!(lang, "form-log-details"), FieldKind::LongText)
            .with_text(activity.body.as_deref().unwrap_or("")),
    );
    let kind = words::kind_in_sentence(activity.kind, lang);
    let title = match lead_title {
        Some(t) => tr!(
            lang,
            "form-log-edit-title-on-lead",
            kind = kind,
            lead = display_safe(t)
        ),
        None => tr!(lang, "form-log-edit-title", kind = kind),
    };
    Form::new(
        lang,
        &title,
        FormKind::EditActivity {
            id: activity.id.clone(),
        },
        fields,
        1,
    )
}

/// What the rep changed in the edit form (only the fields touched); marks every invalid
/// field. `None` when something is invalid.
pub fn read_edit(form: &mut Form, today: NaiveDate) -> Option<ActivityPatch> {
    form.clear_errors();
    let lang = form.language;
    let mut patch = ActivityPatch::default();
    if let Some(f) = form.field("kind")
        && f.is_dirty()
    {
        patch.kind = f.chosen().and_then(|k| k.parse().ok());
    }
    if let Some(f) = form.field("summary")
        && f.text_changed()
    {
        let summary = f.text().trim().to_string();
        if summary.is_empty() {
            form.reject("summary", tr!(lang, "form-log-needs-summary"));
        } else {
            patch.summary = Some(summary);
        }
    }
    if let Some(f) = form.field("at")
        && f.text_changed()
    {
        let now = Local::now().naive_local();
        let now = if now.date() == today {
            now
        } else {
            today.and_time(now.time())
        };
        let typed = f.text();
        match parse_moment(&typed, now) {
            Ok(t) => patch.occurred_at = Some(local_to_utc(t)),
            Err(_) => form.reject("at", bad_date(lang, &typed)),
        }
    }
    if let Some(f) = form.field("duration")
        && f.text_changed()
    {
        let minutes = f.text();
        if minutes.trim().is_empty() {
            patch.duration_minutes = Some(None);
        } else {
            match crate::model::text::fold(&minutes).trim().parse::<i64>() {
                Ok(m) if m >= 0 => patch.duration_minutes = Some(Some(m)),
                _ => form.reject("duration", bad_minutes(lang, &minutes)),
            }
        }
    }
    if let Some(f) = form.field("direction")
        && f.is_dirty()
    {
        patch.direction = Some(f.chosen().and_then(|d| d.parse::<Direction>().ok()));
    }
    if let Some(f) = form.field("contact")
        && f.is_dirty()
    {
        patch.contact_id = Some(f.chosen().filter(|c| !c.is_empty()).map(String::from));
    }
    if form.field("campaign").is_some_and(Field::is_dirty) {
        patch.campaign_id = Some(chosen_campaign(form));
    }
    if let Some(f) = form.field("body")
        && f.text_changed()
    {
        let body = f.text();
        patch.body = Some((!body.trim().is_empty()).then_some(body));
    }
    form.settle().then_some(patch)
}
