use super::Session;
use super::output::{Format, Table, print_json};
use crate::error::Result;
use crate::features::cards;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct DedupeArgs {
    /// Merge each pair: the older contact stays, with the other's values, activities and
    /// leads; every replaced value is kept in its history.
    #[arg(long)]
    apply: bool,
    /// Look at most at this many pairs.
    #[arg(long, default_value_t = 1000)]
    limit: usize,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub fn run(session: &mut Session, args: &DedupeArgs) -> Result<bool> {
    let order = session.config.ui.name_order;
    let lang = session.config.language;
    let pairs = cards::duplicates(&session.store, args.limit)?;
    if args.format == Format::Json && !args.apply {
        print_json(&pairs)?;
        return Ok(true);
    }
    if pairs.is_empty() {
        outln!("{}", tr!(lang, "cli-dedupe-none"))?;
        return Ok(true);
    }
    let mut table = Table::new(&[
        tr!(lang, "cli-header-keep"),
        tr!(lang, "cli-header-merge"),
        tr!(lang, "cli-header-why"),
        tr!(lang, "cli-header-company"),
    ]);
    // Ids as short as they can be and still tell every contact apart.
    let ids: Vec<String> = pairs
        .iter()
        .flat_map(|p| [p.keep.id.clone(), p.merge.id.clone()])
        .collect();
    let short = crate::store::contacts::short_ids(session.store.conn(), &ids)?;
    for (p, short) in pairs.iter().zip(short.chunks(2)) {
        table.row(vec![
            format!("{} {}", short[0], p.keep.name(order)),
            format!("{} {}", short[1], p.merge.name(order)),
            match lang {
                crate::config::Language::En => p.reason.words(),
                crate::config::Language::Ja => p.reason.words_ja(),
            }
            .to_string(),
            p.keep
                .company
                .clone()
                .or(p.merge.company.clone())
                .unwrap_or_default(),
        ]);
    }
    table.print(&mut std::io::stdout().lock())?;
    if !args.apply {
        outln!("{}", tr!(lang, "cli-dedupe-found", count = pairs.len()))?;
        return Ok(true);
    }
    let mut merged = 0;
    for p in &pairs {
        if cards::merge_contacts(&mut session.store, &p.keep.id, &p.merge.id)? {
            merged += 1;
        }
    }
    outln!("{}", tr!(lang, "cli-dedupe-merged", count = merged))?;
    Ok(true)
}
