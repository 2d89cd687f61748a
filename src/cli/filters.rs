//! The filter flags `lead list` and `export followups` share, read into the same
//! `LeadFilters` the app's filter form makes.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::features::lead_filter::LeadFilters;
use crate::followups::Bucket;
use crate::i18n::Arg;
use crate::model::Rank;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct FilterArgs {
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
    /// Only leads whose next action is overdue, today, this week (the next seven days),
    /// later, or not set (none).
    #[arg(long, value_enum)]
    due: Option<DueArg>,
    /// Only stale leads (nothing done for longer than their stage allows).
    #[arg(long)]
    stale: bool,
    /// Only leads whose title, company, notes or other text hold these words.
    #[arg(long, value_name = "WORDS")]
    text: Option<String>,
    /// Only leads that came from this campaign: its name or id.
    #[arg(long)]
    campaign: Option<String>,
}

/// `--due`, as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum DueArg {
    Overdue,
    Today,
    Week,
    Later,
    None,
}

impl From<DueArg> for Bucket {
    fn from(due: DueArg) -> Bucket {
        match due {
            DueArg::Overdue => Bucket::Overdue,
            DueArg::Today => Bucket::Today,
            DueArg::Week => Bucket::ThisWeek,
            DueArg::Later => Bucket::Later,
            DueArg::None => Bucket::NoNextAction,
        }
    }
}

impl FilterArgs {
    /// The filters, each flag checked against what the config knows (`me`, the sources).
    /// The campaign is looked up in the database on `conn`.
    pub fn filters(&self, config: &Config, conn: &rusqlite::Connection) -> Result<LeadFilters> {
        let source = self
            .source
            .as_deref()
            .map(|typed| source(typed, config))
            .transpose()?;
        Ok(LeadFilters {
            owner: self.owner.as_ref().map(|o| {
                if o == "me" {
                    config.user_name()
                } else {
                    o.clone()
                }
            }),
            tag: self.tag.clone(),
            source,
            rank: self
                .rank
                .as_deref()
                .map(|r| rank(r, config.language))
                .transpose()?,
            stage: self
                .stage
                .as_deref()
                .map(|s| super::parse::stage("--stage", s))
                .transpose()?,
            due: self.due.map(Bucket::from),
            stale: self.stale,
            text: self.text.clone(),
            campaign: self
                .campaign
                .as_deref()
                .map(|c| crate::store::campaigns::resolve(conn, c))
                .transpose()?,
        })
    }
}

/// The source id a rep typed (its id or label), one the config knows.
pub(super) fn source(typed: &str, config: &Config) -> Result<String> {
    let names = &config.sources.names;
    crate::model::source::resolve(typed, names)
        .map(str::to_string)
        .ok_or_else(|| {
            Error::said(
                "cli-not-a-source",
                [
                    ("typed", Arg::from(typed)),
                    (
                        "names",
                        Arg::Each {
                            en: crate::model::source::accepted_names(names),
                            ja: crate::model::source::accepted_names_ja(names),
                        },
                    ),
                ],
            )
        })
}

pub(super) fn rank(typed: &str, lang: crate::config::Language) -> Result<Rank> {
    match typed.trim().to_ascii_uppercase().as_str() {
        "A" => Ok(Rank::A),
        "B" => Ok(Rank::B),
        "C" => Ok(Rank::C),
        _ => Err(Error::invalid(tr!(lang, "cli-not-a-rank", typed = typed))),
    }
}
