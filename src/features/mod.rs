//! What a rep does, once for both faces: the command line and the terminal app call these.

pub mod activity;
pub mod campaigns;
pub mod cards;
pub mod contacts;
pub mod demo;
pub mod export;
pub mod follow_up_list;
pub mod goals;
pub mod lead_filter;
pub mod lead_import;
pub mod leads;
pub mod mail;
pub mod maintenance;
pub mod scores;
pub mod search;
pub mod segments;
pub mod stats;
pub mod team;
