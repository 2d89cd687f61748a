use super::Session;
use crate::error::Result;
use crate::features::demo::{self, DemoSize};
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// How many leads (customers included).
    #[arg(long, default_value_t = 60)]
    leads: usize,
    /// How many contacts (default: one and a half per lead).
    #[arg(long)]
    contacts: Option<usize>,
    /// How many activities (default: five per lead).
    #[arg(long)]
    activities: Option<usize>,
    /// The same seed gives the same data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Add a demo set to a database that already holds records (refused without it).
    #[arg(long)]
    force: bool,
}

pub fn run(session: &mut Session, args: &DemoArgs) -> Result<bool> {
    let size = DemoSize {
        leads: args.leads,
        contacts: args.contacts.unwrap_or(args.leads * 3 / 2),
        activities: args.activities.unwrap_or(args.leads * 5),
        seed: args.seed,
    };
    let report = demo::generate(&mut session.store, &session.config, size, args.force)?;
    outln!(
        "{}",
        tr!(
            session.config.language,
            "cli-demo-added",
            leads = report.leads,
            customers = report.customers,
            contacts = report.contacts,
            links = report.links,
            activities = report.activities,
            path = session.store.path()
        )
    )?;
    Ok(true)
}
