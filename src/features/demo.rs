//! `leadtrack demo`: believable data to try the product on — Japanese and English people and
//! companies, cards with readings, leads over the three stages (about 10/65/25) with some
//! customers, months of activities of every kind, next actions overdue, today and later.
//! The same seed on the same day gives the same data.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::features::scores;
use crate::model::activity::ActivityFields;
use crate::model::campaign::{CampaignKind, CampaignPatch};
use crate::model::contact::{ContactFields, ValueKind};
use crate::model::ids::id_at;
use crate::model::lead::{Answer, Criterion, LeadFields, Qualification};
use crate::model::{ActivityKind, Direction, Due, LinkRole, Stage};
use crate::store::leads::Origin;
use crate::store::{Store, Writer, activities, contacts, leads, links};
use chrono::{DateTime, Duration, Local, NaiveDate, Utc};
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::mpsc;

const WORDS: &str = include_str!("../../assets/demo.toml");

#[derive(Debug, Deserialize)]
struct Words {
    japanese_family: Vec<[String; 3]>,
    japanese_given: Vec<[String; 3]>,
    english_family: Vec<String>,
    english_given: Vec<String>,
    company_cores: Vec<[String; 3]>,
    company_kinds: Vec<[String; 3]>,
    english_company_cores: Vec<String>,
    english_company_kinds: Vec<String>,
    english_legal_forms: Vec<String>,
    departments: Vec<String>,
    english_departments: Vec<String>,
    titles: Vec<String>,
    english_titles: Vec<String>,
    projects: Vec<String>,
    english_projects: Vec<String>,
    exhibitions: Vec<String>,
    owners: Vec<String>,
    next_actions: Vec<String>,
    places: Vec<String>,
    summaries: BTreeMap<String, Vec<String>>,
}

/// How much to make.
#[derive(Debug, Clone, Copy)]
pub struct DemoSize {
    pub leads: usize,
    pub contacts: usize,
    pub activities: usize,
    pub seed: u64,
}

impl Default for DemoSize {
    fn default() -> Self {
        DemoSize {
            leads: 60,
            contacts: 90,
            activities: 300,
            seed: 1,
        }
    }
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DemoReport {
    pub campaigns: usize,
    pub leads: usize,
    pub customers: usize,
    pub contacts: usize,
    pub activities: usize,
    pub links: usize,
}

struct Company {
    name: String,
    reading: Option<String>,
    domain: String,
    japanese: bool,
}

struct MadeLead {
    id: String,
    created: DateTime<Utc>,
    owner: String,
    contacts: Vec<String>,
    customer: bool,
}

/// Fills the database with demo data in one transaction. A database that already holds
/// records is refused unless `force`; then a second demo set goes in beside them (see
/// `beside_what_is_there`).
pub fn generate(
    store: &mut Store,
    config: &Config,
    size: DemoSize,
    force: bool,
) -> Result<DemoReport> {
    let size = beside_what_is_there(store, size, force)?;
    generate_on(store, config, size, Local::now().date_naive())
}

/// Demo data is for trying the product: it never mixes into a rep's real records unless
/// asked (`force`). A database that has held any row gets a seed drawn from the seed and
/// the database's contents, so the new set's ids never clash with a demo set made before
/// (the same seed on the same day would make the same ids); an empty database keeps the
/// seed as given, so the same seed still gives the same data.
fn beside_what_is_there(store: &Store, size: DemoSize, force: bool) -> Result<DemoSize> {
    let c = crate::store::counts(store.conn())?;
    let records = c.leads + c.customers + c.contacts + c.activities;
    if records > 0 && !force {
        return Err(Error::said(
            "error-demo-beside-records",
            [
                ("path", store.path().to_string()),
                ("leads", (c.leads + c.customers).to_string()),
                ("contacts", c.contacts.to_string()),
                ("activities", c.activities.to_string()),
            ],
        ));
    }
    let digest = crate::store::digest(store.conn())?;
    // `table:rows:…` for each table: all zero rows is a database that never held a record.
    let never_used = digest
        .split(' ')
        .all(|part| part.split(':').nth(1) == Some("0"));
    if never_used {
        return Ok(size);
    }
    Ok(DemoSize {
        seed: seed_beside(size.seed, &digest),
        ..size
    })
}

/// A seed from `seed` and a database's digest (FNV-1a, then SplitMix64's finaliser): a
/// database's digest changes with every row added, so no two demo sets share a seed.
fn seed_beside(seed: u64, digest: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in digest.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut z = (hash ^ seed).wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The same, as seen on `today`: everything happens before that day began.
///
/// A second thread makes the records and works out their search terms and keys while this
/// one writes them: about a fifth of the work, done beside the writing.
pub fn generate_on(
    store: &mut Store,
    config: &Config,
    size: DemoSize,
    today: NaiveDate,
) -> Result<DemoReport> {
    let words: Words = toml::from_str(WORDS)
        .map_err(|e| Error::said("error-demo-not-made", [("reason", e.to_string())]))?;
    // Everything happens before today began, so the same seed gives the same data all day.
    let now = crate::model::dates::local_to_utc(today.and_time(chrono::NaiveTime::MIN));
    let mut owners = words.owners.clone();
    owners.push(config.user_name());
    // A second demo set's leads come from the campaigns the first one made.
    let known: BTreeMap<String, String> = crate::store::campaigns::list(store.conn())?
        .into_iter()
        .map(|c| (c.name, c.id))
        .collect();
    let (to_writer, made) = mpsc::sync_channel::<Batch>(16);
    let (spent, back) = mpsc::channel::<Vec<Made>>();
    std::thread::scope(|scope| {
        let (words, owners, known) = (&words, &owners, &known);
        let maker = std::thread::Builder::new()
            .name("demo maker".into())
            .spawn_scoped(scope, move || {
                let mut sink = Sink {
                    to: to_writer,
                    back,
                    batch: Vec::with_capacity(BATCH),
                };
                let end = match make_all(&mut sink, words, owners, known, size, (now, today))
                    .and_then(|()| sink.flush())
                {
                    Ok(()) => Batch::Done,
                    Err(Halt::Failed(e)) => Batch::Failed(e),
                    Err(Halt::Stopped) => return,
                };
                // The writer may have stopped meanwhile; then it has its own error to tell.
                let _ = sink.to.send(end);
            });
        if let Err(e) = maker {
            return Err(Error::said(
                "error-demo-not-made",
                [("reason", e.to_string())],
            ));
        }
        store.write_bulk(|w| write_all(w, (made, spent), now, config, today))
    })
}

/// Records go from the maker to the writer in batches of this many.
const BATCH: usize = 1024;

enum Batch {
    Made(Vec<Made>),
    /// Everything was made: the writer may commit.
    Done,
    Failed(Error),
}

/// One record to write, in the order it was made.
enum Made {
    Campaign {
        fields: Box<CampaignPatch>,
        origin: Origin,
    },
    Contact(Box<contacts::NewContact>),
    Lead {
        fields: Box<LeadFields>,
        origin: Origin,
        /// Where the lead went later, and when.
        moved: Option<(Stage, DateTime<Utc>)>,
        customer: bool,
    },
    Link {
        lead_id: String,
        contact_id: String,
        role: LinkRole,
    },
    Activity(Box<activities::NewActivity>),
}

/// Writes what the maker sends, then what is derived from it all. Commits only when the
/// maker says everything was made.
fn write_all(
    w: &mut Writer<'_>,
    (made, spent): (mpsc::Receiver<Batch>, mpsc::Sender<Vec<Made>>),
    now: DateTime<Utc>,
    config: &Config,
    today: NaiveDate,
) -> Result<DemoReport> {
    w.set_now(now);
    w.remember_contact_keys_at_commit();
    let leads_aside = w.set_aside_indexes(&["leads"])?;
    let others_aside =
        w.set_aside_indexes(&["contacts", "contact_values", "activities", "lead_contacts"])?;
    let mut report = DemoReport::default();
    let mut done = false;
    for batch in made.iter() {
        let rows = match batch {
            Batch::Made(rows) => rows,
            Batch::Done => {
                done = true;
                break;
            }
            Batch::Failed(e) => return Err(e),
        };
        for row in &rows {
            write_one(w, row, &mut report)?;
        }
        // Freed by the thread that made them: the system allocator is slow to take memory
        // back from another thread (a lock and a heap trim per free).
        let _ = spent.send(rows);
    }
    if !done {
        return Err(Error::said(
            "error-demo-not-made",
            [("reason", "the maker stopped")],
        ));
    }
    // Last activities need the activities' indexes; they and the scores then rewrite every
    // lead, cheaper before the leads' own indexes are built.
    w.restore_indexes(others_aside)?;
    w.refresh_stale_leads()?;
    scores::refresh_all(w, &config.scoring, today)?;
    w.restore_indexes(leads_aside)?;
    Ok(report)
}

fn write_one(w: &mut Writer<'_>, row: &Made, report: &mut DemoReport) -> Result<()> {
    match row {
        Made::Campaign { fields, origin } => {
            crate::store::campaigns::insert_at(w, fields, origin)?;
            report.campaigns += 1;
        }
        Made::Contact(contact) => {
            contacts::insert_prepared(w, contact)?;
            report.contacts += 1;
        }
        Made::Lead {
            fields,
            origin,
            moved,
            customer,
        } => {
            // Written in the stage it ended in, its history holding the move with its date
            // (a move made now would date the lead's stage to today).
            leads::insert_moved(w, fields, origin, *moved)?;
            if *customer {
                report.customers += 1;
            } else {
                report.leads += 1;
            }
        }
        Made::Link {
            lead_id,
            contact_id,
            role,
        } => {
            links::link(w, lead_id, contact_id, *role)?;
            report.links += 1;
        }
        Made::Activity(activity) => {
            activities::insert_prepared(w, activity)?;
            report.activities += 1;
        }
    }
    Ok(())
}

/// Where the maker puts what it made: batches on their way to the writer.
struct Sink {
    to: mpsc::SyncSender<Batch>,
    /// Batches the writer is done with, to be freed here.
    back: mpsc::Receiver<Vec<Made>>,
    batch: Vec<Made>,
}

/// Why the maker stopped early.
enum Halt {
    /// The writer stopped (it failed, and says why): nothing more to make.
    Stopped,
    Failed(Error),
}

impl From<Error> for Halt {
    fn from(e: Error) -> Self {
        Halt::Failed(e)
    }
}

impl Sink {
    fn push(&mut self, row: Made) -> std::result::Result<(), Halt> {
        self.batch.push(row);
        if self.batch.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> std::result::Result<(), Halt> {
        if self.batch.is_empty() {
            return Ok(());
        }
        self.back.try_iter().for_each(drop);
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        self.to.send(Batch::Made(batch)).map_err(|_| Halt::Stopped)
    }
}

/// Makes every demo record, the same for the same seed, in the order they are written.
fn make_all(
    sink: &mut Sink,
    words: &Words,
    owners: &[String],
    known: &BTreeMap<String, String>,
    size: DemoSize,
    (now, today): (DateTime<Utc>, NaiveDate),
) -> std::result::Result<(), Halt> {
    let mut rng = ChaCha8Rng::seed_from_u64(size.seed);
    // Campaigns draw from a generator of their own: the same seed makes the same people,
    // leads and activities as before there were campaigns.
    let mut side = ChaCha8Rng::seed_from_u64(size.seed ^ 0x6361_6d70_6169_676e);
    let campaigns = make_campaigns(sink, known, owners, &mut side, now)?;
    // Companies with a lead won so far: a later lead on one is an upsell.
    let mut customers: std::collections::HashSet<usize> = std::collections::HashSet::new();
    let companies = make_companies(words, &mut rng, (size.leads / 3).max(12));
    let contact_ids = make_contacts(sink, words, &companies, &mut rng, size.contacts, now)?;
    let mut made = Vec::with_capacity(size.leads);
    let ages = oldest_first(&mut rng, size.leads, |rng| {
        Duration::days(rng.random_range(3..270)) + Duration::minutes(rng.random_range(0..600))
    });
    for (n, age) in ages.into_iter().enumerate() {
        let company_index = rng.random_range(0..companies.len());
        let mut lead = make_lead(
            sink,
            words,
            (
                &companies[company_index],
                customers.contains(&company_index),
            ),
            owners,
            (&mut rng, &mut side, &campaigns),
            now - age,
            (now, today),
        )?;
        if lead.customer {
            customers.insert(company_index);
        }
        // The contacts of this company: every contact whose index maps to it.
        let at_company = contact_ids
            .iter()
            .skip(company_index)
            .step_by(companies.len());
        for (k, contact_id) in at_company.take(1 + n % 3).enumerate() {
            let role = if k == 0 {
                LinkRole::DecisionMaker
            } else {
                *pick(&mut rng, &LinkRole::ALL)
            };
            sink.push(Made::Link {
                lead_id: lead.id.clone(),
                contact_id: contact_id.clone(),
                role,
            })?;
            lead.contacts.push(contact_id.clone());
        }
        made.push(lead);
    }
    make_activities(
        sink,
        words,
        &made,
        &mut rng,
        &campaigns,
        size.activities,
        now,
    )
}

/// A demo campaign: its name, kind, days before today it started and ran, and its cost.
const CAMPAIGNS: [(&str, CampaignKind, i64, i64, i64); 6] = [
    ("月刊メルマガ", CampaignKind::Newsletter, 270, 270, 20_000),
    (
        "DX EXPO 2026 春",
        CampaignKind::Exhibition,
        200,
        3,
        1_800_000,
    ),
    (
        "リスティング広告 Q3",
        CampaignKind::Advertising,
        150,
        90,
        600_000,
    ),
    (
        "業務改善セミナー（東京）",
        CampaignKind::Seminar,
        120,
        1,
        300_000,
    ),
    (
        "クラウド活用ウェビナー",
        CampaignKind::Webinar,
        60,
        1,
        80_000,
    ),
    ("年末ご挨拶DM", CampaignKind::DirectMail, 25, 1, 150_000),
];

/// A campaign leads and activities can name: its id, kind and first day.
struct MadeCampaign {
    id: String,
    kind: CampaignKind,
    start: DateTime<Utc>,
}

/// The demo's campaigns, with their costs; one already in the database is taken as it is.
fn make_campaigns(
    sink: &mut Sink,
    known: &BTreeMap<String, String>,
    owners: &[String],
    side: &mut ChaCha8Rng,
    now: DateTime<Utc>,
) -> std::result::Result<Vec<MadeCampaign>, Halt> {
    let mut made = Vec::new();
    for (name, kind, ago, days, cost) in CAMPAIGNS {
        let start = now - Duration::days(ago);
        let id = match known.get(name) {
            Some(id) => id.clone(),
            None => {
                let origin = Origin {
                    id: Some(random_id(side, start - Duration::days(14))),
                    created_at: Some(start - Duration::days(14)),
                };
                let day = |at: DateTime<Utc>| Some(at.with_timezone(&Local).date_naive());
                let fields = CampaignPatch {
                    name: Some(name.to_string()),
                    kind: Some(kind),
                    starts_on: Some(day(start)),
                    ends_on: Some(day(start + Duration::days(days - 1))),
                    cost: Some(Some(cost)),
                    owner: Some(Some(pick(side, owners).clone())),
                    notes: None,
                };
                let id = origin.id.clone().unwrap_or_default();
                sink.push(Made::Campaign {
                    fields: Box::new(fields),
                    origin,
                })?;
                id
            }
        };
        made.push(MadeCampaign { id, kind, start });
    }
    Ok(made)
}

/// The campaign of `kind` a lead made or an activity logged at `at` came from: the latest
/// one started by then.
fn campaign_at(
    campaigns: &[MadeCampaign],
    kind: CampaignKind,
    at: DateTime<Utc>,
) -> Option<String> {
    campaigns
        .iter()
        .filter(|c| c.kind == kind && c.start <= at)
        .max_by_key(|c| c.start)
        .map(|c| c.id.clone())
}

/// `count` random ages, oldest first.
fn oldest_first(
    rng: &mut ChaCha8Rng,
    count: usize,
    mut age: impl FnMut(&mut ChaCha8Rng) -> Duration,
) -> Vec<Duration> {
    let mut ages: Vec<Duration> = (0..count).map(|_| age(rng)).collect();
    ages.sort_unstable_by(|a, b| b.cmp(a));
    ages
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    // Word lists are never empty (they are part of the binary); index 0 is a safe fallback.
    items.choose(rng).unwrap_or(&items[0])
}

fn random_id(rng: &mut ChaCha8Rng, at: DateTime<Utc>) -> String {
    id_at(at, rng.random())
}

fn make_companies(words: &Words, rng: &mut ChaCha8Rng, count: usize) -> Vec<Company> {
    let regions = [
        "",
        "東京",
        "大阪",
        "名古屋",
        "福岡",
        "札幌",
        "仙台",
        "広島",
        "横浜",
        "京都",
    ];
    let region_readings = [
        "",
        "とうきょう",
        "おおさか",
        "なごや",
        "ふくおか",
        "さっぽろ",
        "せんだい",
        "ひろしま",
        "よこはま",
        "きょうと",
    ];
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(count);
    let mut attempts = 0;
    while out.len() < count && attempts < count * 20 {
        attempts += 1;
        let company = if rng.random_bool(0.8) {
            let core = pick(rng, &words.company_cores);
            let kind = pick(rng, &words.company_kinds);
            let r = rng.random_range(0..regions.len());
            let base = format!("{}{}{}", regions[r], core[0], kind[0]);
            let reading = format!("{}{}{}", region_readings[r], core[1], kind[1]);
            let name = match rng.random_range(0..10) {
                0..=5 => format!("{base}株式会社"),
                6..=8 => format!("株式会社{base}"),
                _ => format!("有限会社{base}"),
            };
            let domain = format!("{}{}{r}.example.co.jp", core[2], kind[2]);
            Company {
                name,
                reading: Some(reading),
                domain,
                japanese: true,
            }
        } else {
            let core = pick(rng, &words.english_company_cores);
            let kind = pick(rng, &words.english_company_kinds);
            let form = pick(rng, &words.english_legal_forms);
            let domain = format!(
                "{}-{}.example.com",
                core.to_lowercase(),
                kind.to_lowercase()
            );
            Company {
                name: format!("{core} {kind} {form}"),
                reading: None,
                domain,
                japanese: false,
            }
        };
        if seen.insert(company.name.clone()) {
            out.push(company);
        }
    }
    out
}

fn make_contacts(
    sink: &mut Sink,
    words: &Words,
    companies: &[Company],
    rng: &mut ChaCha8Rng,
    count: usize,
    now: DateTime<Utc>,
) -> std::result::Result<Vec<String>, Halt> {
    let mut ids = Vec::with_capacity(count);
    // Made oldest first, so time-ordered ids and stamps append to their indexes.
    let ages = oldest_first(rng, count, |rng| Duration::days(rng.random_range(1..400)));
    for (i, age) in ages.into_iter().enumerate() {
        let company = &companies[i % companies.len()];
        let japanese_name = if company.japanese {
            rng.random_bool(0.95)
        } else {
            rng.random_bool(0.2)
        };
        let created = now - age;
        let exchanged = (created + Duration::days(rng.random_range(0..10))).min(now);
        let exchanged_on = exchanged.with_timezone(&Local).date_naive();
        // Drawn in this order so a seed makes the same people as ever.
        let postal_code = format!(
            "{:03}-{:04}",
            rng.random_range(100..999),
            rng.random_range(0..9999)
        );
        let phone = format!("03-5555-{:04}", rng.random_range(0..9999));
        let mobile = rng.random_bool(0.7).then(|| {
            format!(
                "090-{:04}-{:04}",
                rng.random_range(0..9999),
                rng.random_range(0..9999)
            )
        });
        let mut card = ContactFields {
            company: Some(company.name.clone()),
            company_reading: company.reading.clone(),
            postal_code: Some(postal_code),
            url: Some(format!("https://www.{}/", company.domain)),
            exchanged_on: Some(exchanged_on),
            exchanged_at: Some(pick(rng, &words.places).clone()),
            ..ContactFields::default()
        };
        card = card.with_phone(&phone, ValueKind::Work);
        if let Some(mobile) = mobile {
            card = card.with_phone(&mobile, ValueKind::Mobile);
        }
        let romaji = if japanese_name {
            let family = pick(rng, &words.japanese_family);
            let given = pick(rng, &words.japanese_given);
            card.family_name = Some(family[0].clone());
            card.given_name = Some(given[0].clone());
            card.family_reading = Some(family[1].clone());
            card.given_reading = Some(given[1].clone());
            card.department = Some(pick(rng, &words.departments).clone());
            card.title = Some(pick(rng, &words.titles).clone());
            format!("{}.{}", given[2], family[2])
        } else {
            let family = pick(rng, &words.english_family);
            let given = pick(rng, &words.english_given);
            card.family_name = Some(family.clone());
            card.given_name = Some(given.clone());
            card.department = Some(pick(rng, &words.english_departments).clone());
            card.title = Some(pick(rng, &words.english_titles).clone());
            format!("{}.{}", given.to_lowercase(), family.to_lowercase())
        };
        card = card.with_email(&format!("{romaji}{i}@{}", company.domain));
        // Some asked for no more mail (配信停止) a month after the card was exchanged.
        if i % 23 == 7 {
            card.no_mail_on = Some(Some(
                (exchanged_on + Duration::days(30)).min(now.with_timezone(&Local).date_naive()),
            ));
        }
        let origin = Origin {
            id: Some(random_id(rng, created)),
            created_at: Some(created),
        };
        let contact = contacts::prepare(&card, &origin)?;
        ids.push(origin.id.unwrap_or_default());
        sink.push(Made::Contact(Box::new(contact)))?;
    }
    Ok(ids)
}

/// The stage a demo lead ends in: about 8% customers, and the open ones 10/65/25.
fn final_stage(rng: &mut ChaCha8Rng) -> Stage {
    match rng.random_range(0..100) {
        0..=7 => Stage::Customer,
        8..=16 => Stage::Considering,
        17..=76 => Stage::Future,
        _ => Stage::NoProspect,
    }
}

fn make_lead(
    sink: &mut Sink,
    words: &Words,
    (company, upsell): (&Company, bool),
    owners: &[String],
    (rng, side, campaigns): (&mut ChaCha8Rng, &mut ChaCha8Rng, &[MadeCampaign]),
    created: DateTime<Utc>,
    (now, today): (DateTime<Utc>, NaiveDate),
) -> std::result::Result<MadeLead, Halt> {
    let stage = final_stage(rng);
    let first_stage = match stage {
        Stage::Customer => Stage::Considering,
        Stage::Considering if rng.random_bool(0.5) => Stage::Future,
        Stage::NoProspect => *pick(rng, &[Stage::Considering, Stage::Future]),
        s => s,
    };
    let project = if company.japanese {
        pick(rng, &words.projects)
    } else {
        pick(rng, &words.english_projects)
    };
    let short = company
        .name
        .replace("株式会社", "")
        .replace("有限会社", "")
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string();
    let source = pick(
        rng,
        &[
            "exhibition",
            "website",
            "seminar",
            "referral",
            "inbound_call",
            "advertising",
            "sns",
            "business_card",
        ],
    );
    let scheduled = match (stage, rng.random_range(0..100)) {
        (Stage::NoProspect, 0..=49) => None,
        (_, 0..=14) => Some(today - Duration::days(rng.random_range(1..15))),
        (_, 15..=24) => Some(today),
        (_, 25..=49) => Some(today + Duration::days(rng.random_range(1..8))),
        (_, 50..=84) => Some(today + Duration::days(rng.random_range(8..60))),
        _ => None,
    };
    let fields = LeadFields {
        title: format!("{short} {project}"),
        company: Some(company.name.clone()),
        stage: first_stage,
        source: Some(source.to_string()),
        source_detail: (*source == "exhibition").then(|| pick(rng, &words.exhibitions).clone()),
        owner: Some(pick(rng, owners).clone()),
        value: rng
            .random_bool(0.9)
            .then(|| rng.random_range(3..300) * 100_000),
        next_action: scheduled.map(|_| pick(rng, &words.next_actions).clone()),
        next_action_on: scheduled.map(Due::on),
        qualification: if stage == Stage::Considering {
            qualification(rng)
        } else {
            Qualification::default()
        },
        tags: if rng.random_bool(0.2) {
            vec![pick(rng, &["展示会", "重点", "紹介", "upsell"]).to_string()]
        } else {
            Vec::new()
        },
        notes: None,
        // Most leads from exhibitions, seminars, ads and the website came from a campaign.
        campaign_id: match *source {
            "exhibition" => Some(CampaignKind::Exhibition),
            "seminar" => Some(CampaignKind::Seminar),
            "advertising" => Some(CampaignKind::Advertising),
            "website" => Some(CampaignKind::Webinar),
            _ => None,
        }
        .filter(|_| side.random_bool(0.7))
        .and_then(|kind| campaign_at(campaigns, kind, created)),
        upsell: Some(upsell),
    };
    let id = random_id(rng, created);
    let owner = fields.owner.clone().unwrap_or_default();
    let moved = (stage != first_stage).then(|| {
        let span = (now - created).num_minutes().max(2);
        (
            stage,
            created + Duration::minutes(rng.random_range(1..span)),
        )
    });
    sink.push(Made::Lead {
        fields: Box::new(fields),
        origin: Origin {
            id: Some(id.clone()),
            created_at: Some(created),
        },
        moved,
        customer: stage == Stage::Customer,
    })?;
    Ok(MadeLead {
        id,
        created,
        owner,
        contacts: Vec::new(),
        customer: stage == Stage::Customer,
    })
}

fn qualification(rng: &mut ChaCha8Rng) -> Qualification {
    let mut answer = |note: &str| Criterion {
        value: *pick(
            rng,
            &[Answer::Yes, Answer::Yes, Answer::No, Answer::Unknown],
        ),
        note: note.to_string(),
    };
    Qualification {
        budget: answer(""),
        authority: answer(""),
        need: answer("現場の課題が明確"),
        timing: answer(""),
    }
}

fn make_activities(
    sink: &mut Sink,
    words: &Words,
    leads: &[MadeLead],
    rng: &mut ChaCha8Rng,
    campaigns: &[MadeCampaign],
    count: usize,
    now: DateTime<Utc>,
) -> std::result::Result<(), Halt> {
    if leads.is_empty() {
        return Ok(());
    }
    // Weights per kind: calls and emails are common, inquiries rarer.
    let kinds = [
        (ActivityKind::Call, 25),
        (ActivityKind::Email, 20),
        (ActivityKind::WebVisit, 15),
        (ActivityKind::Meeting, 10),
        (ActivityKind::DocumentRequest, 8),
        (ActivityKind::Note, 8),
        (ActivityKind::Inquiry, 5),
        (ActivityKind::Seminar, 5),
        (ActivityKind::NewsletterSignup, 4),
    ];
    let total: u32 = kinds.iter().map(|(_, w)| w).sum();
    // Which lead and when first, then the rest oldest first: time-ordered ids and stamps
    // append to their indexes.
    let mut when: Vec<(DateTime<Utc>, usize)> = (0..count)
        .map(|_| {
            let lead = rng.random_range(0..leads.len());
            let span = (now - leads[lead].created).num_minutes().max(2);
            let occurred = leads[lead].created + Duration::minutes(rng.random_range(1..span));
            (occurred, lead)
        })
        .collect();
    when.sort_unstable();
    for (occurred, lead) in when {
        let lead = &leads[lead];
        let mut roll = rng.random_range(0..total);
        let kind = kinds
            .iter()
            .find(|(_, weight)| {
                let hit = roll < *weight;
                roll = roll.saturating_sub(*weight);
                hit
            })
            .map_or(ActivityKind::Note, |(k, _)| *k);
        let summaries = words
            .summaries
            .get(kind.id())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let summary = summaries
            .choose(rng)
            .cloned()
            .unwrap_or_else(|| kind.label_ja().to_string());
        let fields = ActivityFields {
            kind,
            lead_id: Some(lead.id.clone()),
            contact_id: lead.contacts.choose(rng).cloned(),
            occurred_at: occurred,
            duration_minutes: match kind {
                ActivityKind::Call => Some(rng.random_range(3..30)),
                ActivityKind::Meeting => Some(rng.random_range(3..12) * 10),
                _ => None,
            },
            direction: match kind {
                ActivityKind::Call | ActivityKind::Email => Some(if rng.random_bool(0.7) {
                    Direction::Outbound
                } else {
                    Direction::Inbound
                }),
                ActivityKind::Inquiry | ActivityKind::DocumentRequest => Some(Direction::Inbound),
                _ => None,
            },
            summary,
            body: None,
            by: Some(lead.owner.clone()),
            // Seminars attended and newsletter sign-ups belong to their campaign.
            campaign_id: match kind {
                ActivityKind::Seminar => campaign_at(campaigns, CampaignKind::Seminar, occurred),
                ActivityKind::NewsletterSignup => {
                    campaign_at(campaigns, CampaignKind::Newsletter, occurred)
                }
                _ => None,
            },
        };
        let origin = Origin {
            id: Some(random_id(rng, occurred)),
            created_at: Some(occurred),
        };
        sink.push(Made::Activity(Box::new(activities::prepare(
            &fields, &origin,
        )?)))?;
    }
    Ok(())
}
