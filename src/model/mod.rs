//! Plain types and rules of the domain (SPEC §2). No I/O, no SQL.

pub mod activity;
pub mod amount;
pub mod campaign;
pub mod clock;
pub mod contact;
pub mod contact_value;
pub mod dates;
pub mod fields;
pub mod format;
pub mod goal;
pub mod ids;
pub mod lead;
pub mod segment;
pub mod source;
pub mod stage;
pub mod text;
mod variants;

pub use activity::{Activity, ActivityKind, Direction, KindMap};
pub use clock::Hlc;
pub use contact::Contact;
pub use dates::Due;
pub use fields::{Field, Record};
pub use lead::{Lead, LinkRole, Qualification, Rank};
pub use stage::{Stage, StageMap};
