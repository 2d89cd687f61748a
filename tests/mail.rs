//! `import mail`: a message logged as an email activity on the contact it is from or to
//! (by any of their addresses) and their open lead, never twice; a message from nobody known
//! refused in one sentence.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Scratch, bytes, fixture};
use serde_json::Value;

/// A rep (hanako.sato@midori…, whose mail the fixtures are) with a customer, 田中 一郎 of
/// ひかりソリューションズ, known by two addresses and on one open lead.
struct Desk {
    s: Scratch,
    config: std::path::PathBuf,
    lead: String,
    contact: String,
}

impl Desk {
    fn new() -> Desk {
        let s = Scratch::new();
        let config = s.path("config.toml");
        std::fs::write(
            &config,
            "[user]\nname = \"佐藤\"\nemail = \"Hanako.Sato@midori.example.co.jp\"\n",
        )
        .unwrap();
        let desk = Desk {
            lead: String::new(),
            contact: String::new(),
            s,
            config,
        };
        let contact = desk.ok(&[
            "contact",
            "add",
            "--name",
            "田中 一郎",
            "--company",
            "ひかりソリューションズ",
            "--email",
            "ichiro.tanaka@hikari-sol.example.jp",
            "--add-email",
            "tanaka@hikari-sol.example.jp",
        ]);
        let lead = desk.ok(&["lead", "add", "--title", "ひかり 設備更新"]);
        let (contact, lead) = (contact.trim().to_string(), lead.trim().to_string());
        desk.ok(&["lead", "link", &lead, &contact]);
        Desk {
            contact,
            lead,
            ..desk
        }
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.s.cmd();
        cmd.arg("--config").arg(&self.config);
        cmd
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// `import mail -` with a fixture on standard input, as mutt's pipe-message sends it.
    fn pipe(&self, message: &str, extra: &[&str]) -> std::process::Output {
        let bytes = std::fs::read(fixture(&format!("mail/{message}"))).unwrap();
        self.cmd()
            .args(["import", "mail", "-"])
            .args(extra)
            .write_stdin(bytes)
            .output()
            .unwrap()
    }

    fn activities(&self) -> Vec<Value> {
        let shown: Value =
            serde_json::from_str(&self.ok(&["lead", "show", &self.lead, "--format", "json"]))
                .unwrap();
        shown["activities"].as_array().unwrap().clone()
    }
}

#[test]
fn a_message_from_a_contacts_second_address_is_logged_on_their_lead_once() {
    let desk = Desk::new();
    let out = desk.pipe("iphone-qp.eml", &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("1 activity logged"), "{said}");
    let logged = desk.activities();
    assert_eq!(logged.len(), 1, "{logged:?}");
    let a = &logged[0];
    assert_eq!(a["kind"], "email");
    assert_eq!(a["summary"], "Re: 来週の打ち合わせ");
    assert_eq!(a["direction"], "inbound");
    assert_eq!(a["contact_id"], desk.contact.as_str());
    assert!(
        a["body"]
            .as_str()
            .unwrap()
            .starts_with("了解です。来週火曜日の15時"),
        "{a}"
    );

    // The same message again: recognised by its Message-ID, nothing logged.
    let before = bytes(&desk.s.db());
    let again = desk.pipe("iphone-qp.eml", &[]);
    assert!(again.status.success());
    let said = String::from_utf8(again.stdout).unwrap();
    assert!(
        said.contains("0 activities logged, 1 already logged"),
        "{said}"
    );
    assert_eq!(desk.activities().len(), 1);
    assert_eq!(before, bytes(&desk.s.db()), "nothing written");

    // What the rep sent is outbound.
    let sent = desk.pipe("thunderbird-flowed.eml", &[]);
    assert!(
        sent.status.success(),
        "{}",
        String::from_utf8_lossy(&sent.stderr)
    );
    let logged = desk.activities();
    assert_eq!(logged.len(), 2);
    assert!(
        logged
            .iter()
            .any(|a| a["direction"] == "outbound" && a["summary"] == "Re: お見積りの件"),
        "{logged:?}"
    );
    // And the lead says which was which.
    let shown = desk.ok(&["lead", "show", &desk.lead]);
    assert!(
        shown.contains("Email, sent       Re: お見積りの件"),
        "{shown}"
    );
    assert!(
        shown.contains("Email, received   Re: 来週の打ち合わせ"),
        "{shown}"
    );
}

#[test]
fn a_message_from_nobody_known_logs_nothing_and_says_so() {
    let desk = Desk::new();
    let before = bytes(&desk.s.db());
    let mail = std::fs::read(fixture("mail/newsletter-html.eml")).unwrap();
    let err = common::refused_both(
        || {
            let mut cmd = desk.cmd();
            cmd.args(["import", "mail", "-"]).write_stdin(mail.clone());
            cmd
        },
        &String::from_utf8_lossy(&mail),
    );
    assert!(
        err.contains("standard input") && err.contains("nothing was logged"),
        "{err}"
    );
    assert_eq!(before, bytes(&desk.s.db()));
    // --dry-run writes nothing; --lead logs it on that lead anyway.
    let dry = desk.pipe("newsletter-html.eml", &["--lead", &desk.lead, "--dry-run"]);
    assert!(dry.status.success());
    assert!(String::from_utf8(dry.stdout).unwrap().contains("dry run"));
    assert_eq!(before, bytes(&desk.s.db()));
    let forced = desk.pipe("newsletter-html.eml", &["--lead", &desk.lead]);
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    let logged = desk.activities();
    assert_eq!(logged.len(), 1);
    // An HTML-only message arrives as text.
    let body = logged[0]["body"].as_str().unwrap();
    assert!(!body.contains('<') && !body.is_empty(), "{body}");
}

#[test]
fn a_maildir_and_an_mbox_log_what_concerns_known_people_and_skip_the_rest() {
    let desk = Desk::new();
    let suzuki = desk.ok(&[
        "contact",
        "add",
        "--name",
        "Ken Suzuki",
        "--email",
        "ken.suzuki@example.com",
    ]);
    let suzuki = suzuki.trim();
    let json = |args: &[&str]| -> Value { serde_json::from_str(&desk.ok(args)).unwrap() };
    // The Maildir: Ken Suzuki's message is logged on him (he is on no lead); Mika Ito and a
    // colleague of 田中's nobody entered are not known.
    let maildir = fixture("mail/maildir");
    let report = json(&[
        "import",
        "mail",
        maildir.to_str().unwrap(),
        "--report",
        "json",
    ]);
    assert_eq!(report["logged"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report["logged"][0]["contact_id"], suzuki);
    assert_eq!(report["logged"][0]["lead_id"], Value::Null);
    assert_eq!(report["unknown"].as_array().unwrap().len(), 2, "{report}");
    // The mbox: the rep's own message to him (sent), his reply (received), and a message
    // to him from someone unknown.
    let mbox = fixture("mail/three.mbox");
    let report = json(&["import", "mail", mbox.to_str().unwrap(), "--report", "json"]);
    let logged = report["logged"].as_array().unwrap();
    assert_eq!(logged.len(), 3, "{report}");
    let directions: Vec<&str> = logged
        .iter()
        .map(|l| l["direction"].as_str().unwrap())
        .collect();
    assert_eq!(directions, ["outbound", "inbound", "inbound"]);
    let shown = json(&["contact", "show", suzuki, "--format", "json"]);
    assert_eq!(shown["activities"].as_array().unwrap().len(), 4);
    // Both again: nothing new.
    let again = json(&["import", "mail", mbox.to_str().unwrap(), "--report", "json"]);
    assert!(again["logged"].as_array().unwrap().is_empty(), "{again}");
    assert_eq!(again["already_logged"].as_array().unwrap().len(), 3);

    // A file that is not mail is refused, naming it.
    let junk = desk.s.path("junk.eml");
    std::fs::write(&junk, b"\x00\x01\x02 not mail").unwrap();
    let err = common::refused_both(
        || {
            let mut cmd = desk.cmd();
            cmd.args(["import", "mail", junk.to_str().unwrap()]);
            cmd
        },
        "",
    );
    assert!(err.contains("junk.eml"), "{err}");
}

/// A message with no subject is logged with a summary in the rep's language.
#[test]
fn a_message_without_a_subject_is_named_so_in_the_reps_language() {
    let desk = Desk::new();
    let mail = "From: 田中 一郎 <ichiro.tanaka@hikari-sol.example.jp>\r\n\
                To: Hanako.Sato@midori.example.co.jp\r\n\
                Date: Mon, 30 Nov 2026 10:00:00 +0900\r\n\
                Message-ID: <no-subject-1@hikari-sol.example.jp>\r\n\r\n\
                見積もりを添付します。\r\n";
    let file = desk.s.path("no-subject.eml");
    std::fs::write(&file, mail).unwrap();
    desk.ok(&["--lang", "ja", "import", "mail", file.to_str().unwrap()]);
    let shown = desk.ok(&["--lang", "ja", "activity", "list", "--lead", &desk.lead]);
    assert!(shown.contains("（件名なし）"), "{shown}");
    assert!(!shown.contains("no subject"), "{shown}");
}
