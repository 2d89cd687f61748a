//! `segment add|list|delete`: the board's filters saved by name, for the people a nurturing
//! mail goes to (`export contacts --segment NAME` writes them out).

use super::Session;
use super::output::{TableOrJson, column, print_json};
use crate::error::Result;
use crate::features::segments;
use crate::i18n::labels;
use crate::model::segment::SegmentFilter;
use crate::model::text::display_safe;
use crate::tr;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum SegmentCommand {
    /// Save filters by name (at least one); a segment of that name gets the new filters.
    Add(AddArgs),
    /// Every segment with its filters in words.
    List(ListArgs),
    /// Delete a segment (the leads and contacts in it stay as they are).
    Delete {
        /// The segment's name.
        name: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The segment's name.
    name: String,
    /// Only this rep's leads (`me` for you).
    #[arg(long)]
    owner: Option<String>,
    /// Only leads with this tag.
    #[arg(long)]
    tag: Option<String>,
    /// Only leads from this source: its id or label (exhibition, Website, 展示会...).
    #[arg(long)]
    source: Option<String>,
    /// Only leads of this rank: A, B or C.
    #[arg(long)]
    rank: Option<String>,
    /// Only leads in this stage: considering, future, no_prospect or customer, or a label
    /// (Future potential, 将来見込み...).
    #[arg(long)]
    stage: Option<String>,
    /// Only leads that came from this campaign: its name or id.
    #[arg(long)]
    campaign: Option<String>,
    /// Only leads with nothing done (no activity since, or since they were made) for more
    /// than this many days.
    #[arg(long, value_name = "DAYS")]
    quiet_days: Option<u32>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value_t)]
    format: TableOrJson,
}

pub fn run(session: &mut Session, command: &SegmentCommand) -> Result<bool> {
    let lang = session.config.language;
    match command {
        SegmentCommand::Add(args) => {
            let (filter, campaign_name) = filter(session, args)?;
            let new = segments::save(&mut session.store, &args.name, &filter)?;
            let words = segments::words(&filter, campaign_name.as_deref(), lang);
            let name = display_safe(args.name.trim());
            let filters = display_safe(&labels::list(&words, lang));
            let said = if new {
                tr!(lang, "cli-segment-added", name = name, filters = filters)
            } else {
                tr!(lang, "cli-segment-changed", name = name, filters = filters)
            };
            outln!("{said}")?;
        }
        SegmentCommand::List(args) => {
            let all = segments::list(&session.store)?;
            if args.format == TableOrJson::Json {
                return print_json(&all).map(|()| true);
            }
            if all.is_empty() {
                outln!("{}", tr!(lang, "cli-segment-none"))?;
                return Ok(true);
            }
            // A table whose filters are never cut: they are what the segment is.
            let names = column(
                std::iter::once(tr!(lang, "cli-header-segment"))
                    .chain(all.iter().map(|l| display_safe(&l.segment.name))),
            );
            let filters = std::iter::once(tr!(lang, "cli-header-filters"))
                .chain(all.iter().map(|l| labels::list(&l.words(lang), lang)));
            for (name, filters) in names.iter().zip(filters) {
                outln!("{name}  {filters}")?;
            }
        }
        SegmentCommand::Delete { name } => {
            segments::delete(&mut session.store, name)?;
            outln!(
                "{}",
                tr!(
                    lang,
                    "cli-segment-deleted",
                    name = display_safe(name.trim())
                )
            )?;
        }
    }
    Ok(true)
}

/// The filter the flags ask for, each checked as the board's filter flags are (`me`, the
/// sources, the ranks, the stages, the campaigns); and the campaign's name as typed.
fn filter(session: &Session, args: &AddArgs) -> Result<(SegmentFilter, Option<String>)> {
    let config = &session.config;
    let conn = session.store.conn();
    let campaign = args
        .campaign
        .as_deref()
        .map(|c| crate::store::campaigns::resolve(conn, c))
        .transpose()?;
    let campaign_name = match &campaign {
        Some(id) => crate::store::campaigns::get_any(conn, id)?.map(|c| c.name),
        None => None,
    };
    let filter = SegmentFilter {
        owner: args.owner.as_deref().map(|o| {
            if o == "me" {
                config.user_name()
            } else {
                o.trim().to_string()
            }
        }),
        tag: args.tag.as_deref().map(|t| t.trim().to_string()),
        source: args
            .source
            .as_deref()
            .map(|s| super::filters::source(s, config))
            .transpose()?,
        rank: args
            .rank
            .as_deref()
            .map(|r| super::filters::rank(r, config.language))
            .transpose()?,
        stage: args
            .stage
            .as_deref()
            .map(|s| super::parse::stage("--stage", s))
            .transpose()?,
        campaign,
        quiet_days: args.quiet_days,
    };
    Ok((filter, campaign_name))
}
