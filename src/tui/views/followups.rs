//! Lead tables: the follow-ups (by bucket) and the customers.

use super::{Ctx, LeadSource, bucket_label, cell, due_label, pad_line};
use crate::config::Language;
use crate::error::Result;
use crate::followups::{Bucket, bucket, is_stale};
use crate::model::Lead;
use crate::model::contact::NameOrder;
use crate::model::lead::CustomerValue;
use crate::model::text::width;
use crate::store::leads::customer_value;
use crate::store::leads::{LeadOrder, LeadScope};
use crate::tr;
use crate::tui::pager::Pager;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::HashMap;

pub fn follow_ups(name_order: NameOrder) -> Pager<LeadSource> {
    Pager::new(LeadSource {
        scope: LeadScope {
            follow_ups: true,
            ..LeadScope::default()
        },
        order: LeadOrder::Due,
        name_order,
    })
}

pub fn customers(name_order: NameOrder) -> Pager<LeadSource> {
    Pager::new(LeadSource {
        scope: LeadScope {
            stage: Some(crate::model::Stage::Customer),
            ..LeadScope::default()
        },
        order: LeadOrder::Board,
        name_order,
    })
}

/// Column widths for a table `w` cells wide: (first column, title, company, owner, next
/// action). The title gets what the others leave.
fn widths(w: usize) -> (usize, usize, usize, usize, usize) {
    let (first, company, owner, next) = if w >= 110 {
        (18, 28, 10, 24)
    } else {
        (17, 14, 8, 14)
    };
    let title = w
        .saturating_sub(first + 3 + 1 + company + 1 + owner + 1 + next)
        .max(10);
    (first, title, company, owner, next)
}

/// Reads the follow-ups that fit under the header with a heading before each bucket.
pub fn prepare_follow_ups(
    pager: &mut Pager<LeadSource>,
    area: Rect,
    conn: &rusqlite::Connection,
    today: NaiveDate,
) -> Result<()> {
    let [_, body] = super::table_layout(area);
    let lines = body.height as usize;
    pager.prepare(conn, lines)?;
    pager.fit_lines(lines, |rows| rows.len() + headings(rows, today));
    Ok(())
}

/// How many bucket headings the rows shown need: one where each bucket starts.
fn headings(rows: &[&Lead], today: NaiveDate) -> usize {
    let mut previous = None;
    rows.iter()
        .filter(|lead| {
            let b = Some(bucket(lead.next_action_on.as_ref(), today));
            std::mem::replace(&mut previous, b) != b
        })
        .count()
}

/// A follow-up's date as its row shows it: the date, how late, the time — whatever of
/// that fits in `cells`, most important first.
fn row_due(lead: &Lead, today: NaiveDate, language: Language, cells: usize) -> String {
    let Some(due) = lead.next_action_on.as_ref() else {
        return "—".to_string();
    };
    let date = super::short_date(due.date, language);
    let late = (today - due.date).num_days();
    let late = if late > 0 {
        format!(" {}", tr!(language, "row-late", days = late))
    } else {
        String::new()
    };
    let time = due
        .time
        .map(|t| format!(" {}", t.format("%H:%M")))
        .unwrap_or_default();
    [
        format!("{date}{time}{late}"),
        format!("{date}{late}"),
        format!("{date}{time}"),
    ]
    .into_iter()
    .find(|s| width(s) <= cells)
    .unwrap_or(date)
}

/// Reads the rows of a lead table that fit under its header.
pub fn prepare(
    pager: &mut Pager<LeadSource>,
    area: Rect,
    conn: &rusqlite::Connection,
) -> Result<()> {
    let [_, body] = super::table_layout(area);
    pager.prepare(conn, body.height as usize)
}

/// The follow-up list: a heading line where each bucket starts, every row with its date.
pub fn render_follow_ups(
    frame: &mut Frame<'_>,
    area: Rect,
    pager: &Pager<LeadSource>,
    ctx: &Ctx<'_>,
) {
    let lang = ctx.language;
    let [head, body] = super::table_layout(area);
    let w = area.width as usize;
    let (first, title_w, company_w, owner_w, next_w) = widths(w);
    let header = Line::from(vec![
        cell(&tr!(lang, "col-bucket-due"), first, ctx.theme.dim()),
        cell(&format!(" {}", tr!(lang, "col-rank")), 3, ctx.theme.dim()),
        cell(&tr!(lang, "col-lead"), title_w, ctx.theme.dim()),
        cell(
            &format!(" {}", tr!(lang, "col-company")),
            company_w + 1,
            ctx.theme.dim(),
        ),
        cell(
            &format!(" {}", tr!(lang, "col-owner")),
            owner_w + 1,
            ctx.theme.dim(),
        ),
        cell(
            &format!(" {}", tr!(lang, "col-next-action")),
            next_w + 1,
            ctx.theme.dim(),
        ),
    ]);
    frame.render_widget(Paragraph::new(header), head);
    let selected = pager.selected_index();
    let mut previous: Option<Bucket> = None;
    let mut lines = Vec::new();
    for (n, lead) in pager.rows().enumerate() {
        let b = bucket(lead.next_action_on.as_ref(), ctx.today);
        if previous != Some(b) {
            lines.push(Line::from(Span::styled(
                bucket_label(b, ctx.language),
                ctx.theme.bucket(b).add_modifier(Modifier::BOLD),
            )));
        }
        previous = Some(b);
        let first_span = cell(
            &row_due(lead, ctx.today, ctx.language, first),
            first,
            ctx.theme.bucket(b),
        );
        let stale = is_stale(
            lead.stage,
            lead.last_activity_at.as_ref(),
            &lead.created_at,
            ctx.stale,
            ctx.today,
        );
        let title = if stale {
            format!("{} ({})", lead.title, tr!(lang, "mark-stale"))
        } else {
            lead.title.clone()
        };
        let line = Line::from(vec![
            first_span,
            Span::styled(format!(" {} ", lead.rank), ctx.theme.rank(lead.rank)),
            cell(&title, title_w, ctx.theme.plain()),
            Span::raw(" "),
            cell(
                lead.company.as_deref().unwrap_or(""),
                company_w,
                ctx.theme.dim(),
            ),
            Span::raw(" "),
            cell(
                lead.owner.as_deref().unwrap_or(""),
                owner_w,
                ctx.theme.plain(),
            ),
            Span::raw(" "),
            cell(
                lead.next_action.as_deref().unwrap_or(""),
                next_w,
                ctx.theme.plain(),
            ),
        ]);
        let style = if n == selected {
            ctx.theme.selected()
        } else {
            ctx.theme.plain()
        };
        lines.push(pad_line(line, w).style(style));
    }
    if pager.is_empty() {
        lines.push(Line::from(Span::styled(
            tr!(lang, "followups-empty"),
            ctx.theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// What each customer on the page is worth, by lead id: read only for rows not yet known
/// (the page moved), kept for the rows still on it, so a keystroke that moves the selection
/// reads nothing. `App::refresh` forgets them all when the data changes.
pub fn customer_values(
    pager: &Pager<LeadSource>,
    values: &mut HashMap<String, CustomerValue>,
    conn: &rusqlite::Connection,
) -> Result<()> {
    let on_page: std::collections::HashSet<&str> = pager.rows().map(|l| l.id.as_str()).collect();
    values.retain(|id, _| on_page.contains(id.as_str()));
    for lead in pager.rows() {
        if !values.contains_key(&lead.id) {
            values.insert(lead.id.clone(), customer_value(conn, lead)?);
        }
    }
    Ok(())
}

/// The customers: won leads, with what each is worth (lifetime value, last win, open upsell
/// leads) and their next action (upsell, renewal).
pub fn render_customers(
    frame: &mut Frame<'_>,
    area: Rect,
    (pager, values): (&Pager<LeadSource>, &HashMap<String, CustomerValue>),
    ctx: &Ctx<'_>,
) {
    let lang = ctx.language;
    let [head, body] = super::table_layout(area);
    let w = area.width as usize;
    let c = CustomerColumns::of(w);
    let dim = ctx.theme.dim();
    let mut header = vec![
        cell(&tr!(lang, "col-customer"), c.title + 3, dim),
        cell(
            &format!(" {}", tr!(lang, "col-company")),
            c.company + 1,
            dim,
        ),
    ];
    if c.wide {
        header.push(cell(
            &format!(" {}", tr!(lang, "col-owner")),
            c.owner + 1,
            dim,
        ));
        header.push(right(&tr!(lang, "col-value"), c.money + 1, dim));
    }
    header.extend([
        right(&tr!(lang, "col-lifetime-value"), c.money + 1, dim),
        cell(&format!(" {}", tr!(lang, "col-last-won")), c.won + 1, dim),
        right(&tr!(lang, "col-open-upsell"), c.upsell + 1, dim),
        cell(&format!(" {}", tr!(lang, "col-next")), c.next + 1, dim),
    ]);
    frame.render_widget(Paragraph::new(Line::from(header)), head);
    let selected = pager.selected_index();
    let mut lines = Vec::new();
    for (n, lead) in pager.rows().enumerate() {
        let due = due_label(
            lead.next_action_on.as_ref(),
            ctx.today,
            ctx.language,
            ctx.theme,
        );
        let value = values.get(&lead.id);
        let last_won = value
            .and_then(|v| v.last_won_at)
            .map(|at| {
                let day = at.with_timezone(&chrono::Local).date_naive();
                match lang {
                    Language::En => day.format("%Y-%m-%d").to_string(),
                    Language::Ja => crate::model::dates::day_ja(day, ctx.today),
                }
            })
            .unwrap_or_default();
        let upsell = value
            .map(|v| v.open_upsell_leads)
            .filter(|n| *n > 0)
            .map(|n| n.to_string())
            .unwrap_or_default();
        let mut spans = vec![
            Span::styled(format!("{} ", lead.rank), ctx.theme.rank(lead.rank)),
            cell(&lead.title, c.title + 1, ctx.theme.plain()),
            Span::raw(" "),
            cell(lead.company.as_deref().unwrap_or(""), c.company, dim),
        ];
        if c.wide {
            spans.push(Span::raw(" "));
            spans.push(cell(
                lead.owner.as_deref().unwrap_or(""),
                c.owner,
                ctx.theme.plain(),
            ));
            spans.push(right(
                &yen(lead.value, lang),
                c.money + 1,
                ctx.theme.plain(),
            ));
        }
        spans.extend([
            right(
                &yen(value.map(|v| v.lifetime_value), lang),
                c.money + 1,
                ctx.theme.plain(),
            ),
            Span::raw(" "),
            cell(&last_won, c.won, dim),
            right(&upsell, c.upsell + 1, ctx.theme.accent()),
            Span::raw(" "),
            Span::styled(crate::model::text::fit(&due.content, c.next), due.style),
        ]);
        let style = if n == selected {
            ctx.theme.selected()
        } else {
            ctx.theme.plain()
        };
        lines.push(pad_line(Line::from(spans), w).style(style));
    }
    if pager.is_empty() {
        lines.push(Line::from(Span::styled(
            tr!(lang, "customers-empty"),
            ctx.theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// An amount as the customer table shows it: every digit in English, by 万 in Japanese.
fn yen(value: Option<i64>, lang: Language) -> String {
    crate::model::format::yen(value, lang)
}

/// `text` right-aligned in `cells` (a space first at least).
fn right(text: &str, cells: usize, style: ratatui::style::Style) -> Span<'static> {
    let text = crate::model::text::truncate(&crate::model::text::display_safe(text), cells - 1);
    let pad = cells.saturating_sub(width(&text));
    Span::styled(format!("{}{text}", " ".repeat(pad)), style)
}

/// The customer table's column widths: at 110 columns and more the owner and the deal's own
/// value too; the title gets what the others leave.
struct CustomerColumns {
    wide: bool,
    title: usize,
    company: usize,
    owner: usize,
    money: usize,
    won: usize,
    upsell: usize,
    next: usize,
}

impl CustomerColumns {
    fn of(w: usize) -> CustomerColumns {
        let wide = w >= 110;
        let (company, owner, money, won, upsell, next) = if wide {
            (20, 8, 11, 10, 6, 16)
        } else {
            (10, 0, 10, 10, 6, 16)
        };
        let others = 3 + company + 1 + money + 1 + won + 1 + upsell + 1 + next + 1;
        let others = others + if wide { owner + 1 + money + 1 } else { 0 };
        CustomerColumns {
            wide,
            title: w.saturating_sub(others).max(10),
            company,
            owner,
            money,
            won,
            upsell,
            next,
        }
    }
}
