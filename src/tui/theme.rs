//! Colours and emphasis. With `NO_COLOR` set (or `theme = "mono"`), only bold, reverse and
//! underline are used.

use crate::config::Theme as ThemeName;
use crate::followups::Bucket;
use crate::model::Rank;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    colour: bool,
    light: bool,
}

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        Theme {
            colour: !no_color && name != ThemeName::Mono,
            light: name == ThemeName::Light,
        }
    }

    /// `NO_COLOR` set to anything non-empty turns colour off (no-color.org).
    pub fn from_env(name: ThemeName) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(name, no_color)
    }

    fn fg(&self, colour: Color) -> Style {
        if self.colour {
            Style::default().fg(colour)
        } else {
            Style::default()
        }
    }

    pub fn plain(&self) -> Style {
        Style::default()
    }

    pub fn dim(&self) -> Style {
        if self.colour {
            self.fg(Color::DarkGray)
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }

    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn accent(&self) -> Style {
        self.fg(if self.light { Color::Blue } else { Color::Cyan })
            .add_modifier(Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn tab_active(&self) -> Style {
        self.accent().add_modifier(Modifier::UNDERLINED)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    /// Next-action dates: red overdue, green today, plain later, yellow none (SPEC §3).
    pub fn bucket(&self, bucket: Bucket) -> Style {
        match bucket {
            Bucket::Overdue => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Bucket::Today => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Bucket::ThisWeek | Bucket::Later => Style::default(),
            Bucket::NoNextAction => self.fg(if self.light {
                Color::Magenta
            } else {
                Color::Yellow
            }),
        }
    }

    pub fn rank(&self, rank: Rank) -> Style {
        match rank {
            Rank::A => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Rank::B => self.fg(if self.light { Color::Blue } else { Color::Cyan }),
            Rank::C => self.dim(),
        }
    }

    pub fn stale(&self) -> Style {
        self.fg(Color::Magenta)
    }

    pub fn field_label(&self) -> Style {
        self.dim()
    }

    pub fn bar(&self) -> Style {
        self.fg(if self.light { Color::Blue } else { Color::Cyan })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_no_colour_at_all() {
        let mono = Theme::new(ThemeName::Dark, true);
        for style in [
            mono.bucket(Bucket::Overdue),
            mono.bucket(Bucket::Today),
            mono.bucket(Bucket::NoNextAction),
            mono.rank(Rank::A),
            mono.accent(),
            mono.error(),
            mono.stale(),
            mono.dim(),
        ] {
            assert_eq!(style.fg, None, "{style:?}");
            assert_eq!(style.bg, None, "{style:?}");
        }
        let colour = Theme::new(ThemeName::Dark, false);
        assert_eq!(colour.bucket(Bucket::Overdue).fg, Some(Color::Red));
        assert_eq!(colour.bucket(Bucket::Today).fg, Some(Color::Green));
        assert_eq!(
            colour.bucket(Bucket::Later).fg,
            None,
            "later dates are plain"
        );
        assert_eq!(colour.bucket(Bucket::NoNextAction).fg, Some(Color::Yellow));
        assert_eq!(Theme::new(ThemeName::Mono, false).accent().fg, None);
    }
}
