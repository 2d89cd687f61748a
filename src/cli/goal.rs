//! `goal set|list|delete`: step goals for a month or a quarter, for the team or a rep.

use super::Session;
use super::output::{Table, TableOrJson, print_json};
use super::parse;
use crate::error::Result;
use crate::features::goals::{self, GoalProgress, Set};
use crate::i18n::labels;
use crate::model::dates::today;
use crate::store;
use crate::tr;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum GoalCommand {
    /// Set a goal's target for a month or a quarter (setting it again changes the target).
    Set(SetArgs),
    /// Goals beside what was done so far, with their pace.
    List(ListArgs),
    /// Delete a goal.
    Delete {
        /// The goal (any unique id prefix, as `goal list` shows).
        id: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// A month (2026-12) or a quarter (2026-Q4).
    #[arg(long)]
    period: String,
    /// new_leads, to_considering, meetings, wins or won_value, or its label (受注...).
    #[arg(long)]
    metric: String,
    /// The target: a count, or yen for won_value (1200000, 120万).
    #[arg(long)]
    target: String,
    /// The rep the goal is for (`me` for you); without it, the team's goal.
    #[arg(long)]
    owner: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only this month or quarter.
    #[arg(long)]
    period: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    format: TableOrJson,
}

pub fn run(session: &mut Session, command: &GoalCommand) -> Result<bool> {
    let lang = session.config.language;
    match command {
        GoalCommand::Set(args) => {
            let period = parse::period("--period", &args.period)?;
            let metric = parse::metric("--metric", &args.metric)?;
            let target = parse::amount("--target", &args.target)?;
            let owner = args.owner.as_ref().map(|o| {
                if o == "me" {
                    session.config.user_name()
                } else {
                    o.clone()
                }
            });
            let (_, set) =
                goals::set(&mut session.store, period, metric, target, owner.as_deref())?;
            let whose = owner.unwrap_or_else(|| tr!(lang, "goal-team"));
            let metric_name = labels::metric(metric, lang);
            let figure = |x: i64| labels::metric_figure(metric, x as f64, lang);
            let said = match set {
                Set::Added => tr!(
                    lang,
                    "cli-goal-added",
                    period = period.to_string(),
                    metric = metric_name,
                    target = figure(target),
                    owner = whose
                ),
                Set::Changed { before } => tr!(
                    lang,
                    "cli-goal-changed",
                    period = period.to_string(),
                    metric = metric_name,
                    before = figure(before),
                    target = figure(target),
                    owner = whose
                ),
                Set::Same => tr!(
                    lang,
                    "cli-goal-same",
                    period = period.to_string(),
                    metric = metric_name,
                    target = figure(target),
                    owner = whose
                ),
            };
            outln!("{said}")?;
        }
        GoalCommand::List(args) => {
            let period = args
                .period
                .as_deref()
                .map(|p| parse::period("--period", p))
                .transpose()?;
            let goals = goals::progress(&session.store, period, today())?;
            if args.format == TableOrJson::Json {
                return print_json(&goals).map(|()| true);
            }
            let ids: Vec<String> = goals.iter().map(|g| g.id.clone()).collect();
            let shorts = store::goals::short_ids(session.store.conn(), &ids)?;
            table(lang, &goals, Some(&shorts)).print(&mut std::io::stdout().lock())?;
        }
        GoalCommand::Delete { id } => {
            let id = store::goals::resolve(session.store.conn(), id)?;
            goals::delete(&mut session.store, &id)?;
            outln!("{}", tr!(lang, "cli-goal-deleted", id = id.as_str()))?;
        }
    }
    Ok(true)
}

/// Goals as a table: the id (when `shorts` gives them), period, whose, step, target, actual
/// and pace. `stats` prints the same table without the ids.
pub fn table(
    lang: crate::config::Language,
    goals: &[GoalProgress],
    shorts: Option<&[String]>,
) -> Table {
    let mut headers = Vec::new();
    if shorts.is_some() {
        headers.push(tr!(lang, "cli-header-id"));
    }
    headers.extend([
        tr!(lang, "cli-header-period"),
        tr!(lang, "cli-header-owner"),
        tr!(lang, "cli-header-metric"),
        tr!(lang, "cli-header-target"),
        tr!(lang, "cli-header-actual"),
        tr!(lang, "cli-header-pace"),
    ]);
    let mut table = Table::new(&headers);
    for (n, g) in goals.iter().enumerate() {
        let mut row: Vec<String> = shorts.and_then(|s| s.get(n)).cloned().into_iter().collect();
        row.extend([
            g.period.clone(),
            g.owner.clone().unwrap_or_else(|| tr!(lang, "goal-team")),
            labels::metric(g.metric, lang).to_string(),
            labels::metric_figure(g.metric, g.target as f64, lang),
            labels::metric_figure(g.metric, g.actual as f64, lang),
            labels::pace(g.metric, &g.pace, lang),
        ]);
        table.row(row);
    }
    table
}
