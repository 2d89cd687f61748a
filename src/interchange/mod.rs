//! File formats in and out: CSV and vCard cards, mail in (a message, an mbox, a Maildir),
//! encodings (Shift_JIS), and the spreadsheet safety rule.

pub mod address;
pub mod card_columns;
pub mod cards_csv;
pub mod cards_in;
pub mod columns;
pub mod csv_in;
pub mod csv_out;
pub mod encoding;
pub mod excel;
pub mod ics;
pub mod leads_csv;
pub mod mail;
pub mod markdown;
pub mod skipped;
pub mod vcard;
