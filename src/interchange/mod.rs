//! File formats in and out: CSV, and the spreadsheet safety rule.

pub mod excel;
