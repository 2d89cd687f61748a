//! `--help` in the rep's language. English help is clap's own, from the doc comments; for a
//! Japanese rep the same command tree is given the words of `assets/locales/help-ja.ftl`
//! before clap writes it.
//!
//! The catalog names each place of the tree by its path: `help` is leadtrack itself,
//! `help-lead-add` the command `lead add` (each level's name after a `-`), and
//! `help-lead-add--title` its argument `title` (clap's id: the field's name, `_` kept); a
//! global argument is named where it is declared (`help--db`). A message's value is the
//! command's about or the argument's help; its attributes hold the rest: `.long` where the
//! English has a long form (`--help` against `-h`), `.after` the text after the options, and
//! for an argument one attribute per possible value that has a description, named as the
//! value (`.utf-8-bom`). `clap-…` ids are clap's own words (`i18n::help::clap_words`).
//!
//! The line is parsed with the English tree; only when clap has help to show and the rep
//! reads Japanese is it parsed again with the Japanese one, so a command that runs never
//! depends on the translation, and the config is not read an extra time for it.

use super::Cli;
use crate::config::Language;
use crate::i18n::help::{clap_word, clap_words, text};
use clap::builder::PossibleValue;
use clap::error::ErrorKind;
use clap::{Arg, ArgAction, Command, CommandFactory, Parser};
use std::ffi::OsString;

/// The command line `args` (the program first), understood; help, and clap's refusals of a
/// mistyped line, in the rep's language. What clap refuses, and help and version, exit as
/// clap makes them exit.
pub fn parse(args: Vec<OsString>) -> Cli {
    let english = match Cli::try_parse_from(&args) {
        Ok(cli) => return cli,
        Err(e) => e,
    };
    let shows_help = matches!(
        english.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    // Version is the same in every language; help and refusals are said.
    let said = shows_help || english.use_stderr();
    if said && language_before_parsing(&args, |name| std::env::var(name).ok()) == Language::Ja {
        if shows_help {
            let mut japanese = in_japanese(Cli::command(), program_name(&args));
            // The same grammar refuses the same line: this is the help again, in Japanese.
            if let Err(help) = japanese.try_get_matches_from_mut(&args) {
                help.exit()
            }
        } else if super::refusals::can_say(&english) {
            english.apply::<super::refusals::Japanese>().exit()
        }
    }
    english.exit()
}

/// The language of help shown before the line is understood: `--lang` as typed, else
/// `LEADTRACK_LANG` (a value that names no language is passed over), else the config's
/// `[ui] language` (`--config`, `LEADTRACK_CONFIG` or the default file; one that does not
/// load is passed over, help must still show), else the locale.
pub fn language_before_parsing(
    args: &[OsString],
    env: impl Fn(&str) -> Option<String>,
) -> Language {
    let set = |value: Option<String>| value.filter(|v| !v.is_empty());
    let language = |value: Option<String>| value.and_then(|v| v.parse::<Language>().ok());
    let asked = language(typed(args, "--lang")).or_else(|| language(env("LEADTRACK_LANG")));
    let config = set(typed(args, "--config"))
        .or_else(|| set(env("LEADTRACK_CONFIG")))
        .map(std::path::PathBuf::from);
    super::language_of(asked, config.as_deref(), &env)
}

/// The value typed for `flag` (`--lang ja` or `--lang=ja`), up to a `--` that ends options.
fn typed(args: &[OsString], flag: &str) -> Option<String> {
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == flag {
            return words.next().map(|value| value.into_owned());
        }
        if let Some(value) = word
            .strip_prefix(flag)
            .and_then(|rest| rest.strip_prefix('='))
        {
            return Some(value.to_string());
        }
    }
    None
}

/// The name the program was run by, as clap shows it in usage lines.
fn program_name(args: &[OsString]) -> Option<String> {
    let path = std::path::Path::new(args.first()?);
    Some(path.file_name()?.to_str()?.to_string())
}

/// `command` (leadtrack's tree, as `Cli::command()` makes it) in Japanese.
pub fn in_japanese(command: Command, program: Option<String>) -> Command {
    let mut command = translate(command, &[]);
    if let Some(program) = program {
        command = command.bin_name(program);
    }
    // clap adds `-h`, `-V` and the `help` command when it builds the tree; built now, they
    // are there to be given their words. A built tree parses as it would have.
    command.build();
    dress(command)
}

/// The catalog id of the command at `path` (`[]` for leadtrack itself).
pub fn command_id(path: &[String]) -> String {
    std::iter::once("help")
        .chain(path.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("-")
}

/// The catalog id of the argument `arg` of the command `command_id`.
pub fn arg_id(command_id: &str, arg: &Arg) -> String {
    format!("{command_id}--{}", arg.get_id())
}

/// The command's words and its arguments', then its subcommands' (before clap builds the
/// tree: a global argument is still only where it is declared).
fn translate(command: Command, path: &[String]) -> Command {
    let id = command_id(path);
    let mut command = command;
    if let Some(about) = text(&id, None) {
        command = command.about(about);
    }
    if command.get_long_about().is_some()
        && let Some(long) = text(&id, Some("long"))
    {
        command = command.long_about(long);
    }
    if command.get_after_help().is_some()
        && let Some(after) = text(&id, Some("after"))
    {
        command = command.after_help(after);
    }
    command
        .mut_args(|arg| translate_arg(arg, &id))
        .mut_subcommands(|sub| {
            let mut path = path.to_vec();
            path.push(sub.get_name().to_string());
            translate(sub, &path)
        })
}

/// An argument's help in Japanese, with what clap would append to it (`[env: …]`,
/// `[default: …]`, `[possible values: …]`) said in Japanese too: clap's own notes are hidden,
/// as clap writes them in English alone.
fn translate_arg(arg: Arg, command_id: &str) -> Arg {
    let id = arg_id(command_id, &arg);
    let english = |help: Option<&clap::builder::StyledStr>| help.map(ToString::to_string);
    let help = text(&id, None).or_else(|| english(arg.get_help()));
    // Before the tree is built a flag still looks as if it took a value: its action says.
    let takes_values = arg.get_action().takes_values();
    let values: Vec<PossibleValue> = if takes_values && !arg.is_hide_possible_values_set() {
        let all = arg.get_possible_values().into_iter();
        all.filter(|value| !value.is_hide_set()).collect()
    } else {
        Vec::new()
    };
    let notes = notes(&arg);

    // In clap's order: the environment variable, the default, the values.
    let mut short = help.clone().unwrap_or_default();
    for note in &notes {
        push_note(&mut short, note, " ");
    }
    if !values.is_empty() {
        let names: Vec<String> = values.iter().map(quoted_name).collect();
        push_note(&mut short, &values_note(&names), " ");
    }

    // A long form only where the English has one, so `-h` and `--help` differ where they did.
    let described = values.iter().any(|value| value.get_help().is_some());
    let long = (arg.get_long_help().is_some() || described).then(|| {
        let mut long = text(&id, Some("long"))
            .or_else(|| english(arg.get_long_help()))
            .or(help)
            .unwrap_or_default();
        if described {
            push_note(&mut long, &values_list(&id, &values), "\n\n");
        }
        push_note(&mut long, &notes.join("\n"), "\n\n");
        long
    });

    let mut arg = arg.help(short).hide_env(true);
    if takes_values {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    if let Some(long) = long {
        arg = arg.long_help(long);
    }
    arg
}

/// What clap appends after the values: the environment variable (with its value now, as
/// clap shows it) and the default.
fn notes(arg: &Arg) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let value = if arg.is_hide_env_values_set() {
            String::new()
        } else {
            format!(
                "={}",
                std::env::var_os(env)
                    .map(|v| v.to_string_lossy().into_owned())
                    .unwrap_or_default()
            )
        };
        notes.push(format!(
            "[{}: {}{value}]",
            clap_word(clap_words::ENV),
            env.to_string_lossy()
        ));
    }
    let defaults = arg.get_default_values();
    if arg.get_action().takes_values() && !arg.is_hide_default_value_set() && !defaults.is_empty() {
        let defaults: Vec<String> = defaults
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        notes.push(format!(
            "[{}: {}]",
            clap_word(clap_words::DEFAULT),
            defaults.join(" ")
        ));
    }
    notes
}

/// `[指定できる値: a, b]`, as clap's `[possible values: a, b]`.
fn values_note(names: &[String]) -> String {
    format!(
        "[{}: {}]",
        clap_word(clap_words::POSSIBLE_VALUES),
        names.join(", ")
    )
}

/// The values with their descriptions, one a line, as clap lists them in long help.
fn values_list(id: &str, values: &[PossibleValue]) -> String {
    let longest = values
        .iter()
        .map(|v| unicode_width::UnicodeWidthStr::width(v.get_name()))
        .max()
        .unwrap_or(0);
    let mut list = format!("{}:", clap_word(clap_words::POSSIBLE_VALUES));
    for value in values {
        let name = value.get_name();
        list.push_str("\n- ");
        list.push_str(name);
        let described = value
            .get_help()
            .map(|english| text(id, Some(name)).unwrap_or_else(|| english.to_string()));
        if let Some(description) = described {
            let padding = longest - unicode_width::UnicodeWidthStr::width(name);
            list.push_str(&format!(": {:padding$}{description}", ""));
        }
    }
    list
}

/// A value's name as clap shows it: quoted when it holds a space.
fn quoted_name(value: &PossibleValue) -> String {
    let name = value.get_name();
    if name.contains(char::is_whitespace) {
        format!("{name:?}")
    } else {
        name.to_string()
    }
}

fn push_note(text: &mut String, note: &str, separator: &str) {
    if note.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push_str(separator);
    }
    text.push_str(note);
}

/// clap's own words in a built tree: the usage line and headings (a template per command,
/// with the sections clap would show), `-h`, `-V` and the `help` command.
fn dress(command: Command) -> Command {
    let template = template(&command);
    let helps = !command.is_disable_help_subcommand_set();
    command
        .help_template(template)
        .mut_args(|arg| match arg.get_action() {
            ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong => {
                if arg.get_long_help().is_some() {
                    arg.help(clap_word(clap_words::HELP_SUMMARY))
                        .long_help(clap_word(clap_words::HELP_LONG))
                } else {
                    arg.help(clap_word(clap_words::HELP))
                }
            }
            ArgAction::Version => arg.help(clap_word(clap_words::VERSION)),
            _ => arg,
        })
        .mut_subcommands(|sub| {
            if helps && sub.get_name() == "help" {
                help_tree(sub)
            } else {
                dress(sub)
            }
        })
}

/// clap's `help` command and the copy of the tree below it, which clap keeps to complete
/// names and shows for `help help lead`: the copies' about came from the translated tree, and
/// the `help` among them is this command again.
fn help_tree(command: Command) -> Command {
    let template = template(&command);
    let command = if command.get_name() == "help" {
        command.about(clap_word(clap_words::HELP_COMMAND))
    } else {
        command
    };
    command.help_template(template).mut_subcommands(help_tree)
}

/// clap's default help layout with its words in Japanese: about, usage, then the commands,
/// arguments and options that are shown, then the text after.
fn template(command: &Command) -> String {
    let styles = command.get_styles();
    let (usage, header) = (styles.get_usage(), styles.get_header());
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{}:{} {{usage}}",
        usage.render(),
        clap_word(clap_words::USAGE),
        usage.render_reset()
    );
    let sections = [
        (
            command.get_subcommands().any(|sub| !sub.is_hide_set()),
            clap_words::COMMANDS,
            "{subcommands}",
        ),
        (
            command.get_positionals().any(|arg| !arg.is_hide_set()),
            clap_words::ARGUMENTS,
            "{positionals}",
        ),
        (
            command
                .get_arguments()
                .any(|arg| !arg.is_positional() && !arg.is_hide_set()),
            clap_words::OPTIONS,
            "{options}",
        ),
    ];
    for (present, heading, tag) in sections {
        if present {
            template.push_str(&format!(
                "\n\n{}{}:{}\n{tag}",
                header.render(),
                clap_word(heading),
                header.render_reset()
            ));
        }
    }
    template.push_str("{after-help}");
    template
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(words: &[&str]) -> Vec<OsString> {
        std::iter::once("leadtrack")
            .chain(words.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn the_language_flag_is_read_as_typed_anywhere_before_a_double_dash() {
        let lang = |words: &[&str]| typed(&line(words), "--lang");
        assert_eq!(
            lang(&["lead", "add", "--lang", "ja", "-h"]),
            Some("ja".into())
        );
        assert_eq!(lang(&["--lang=ja", "--help"]), Some("ja".into()));
        assert_eq!(lang(&["--language=ja"]), None, "another flag");
        assert_eq!(
            lang(&["log", "--", "--lang", "ja"]),
            None,
            "a value after --"
        );
        assert_eq!(lang(&["--lang"]), None);
    }

    #[test]
    fn the_flag_comes_before_the_environment_and_a_value_that_is_no_language_is_passed_over() {
        let env = |value: &'static str| {
            move |name: &str| (name == "LEADTRACK_LANG").then(|| value.to_string())
        };
        let language = |words: &[&str], value| language_before_parsing(&line(words), env(value));
        assert_eq!(language(&["--lang", "ja", "--help"], "en"), Language::Ja);
        assert_eq!(language(&["--lang", "en", "--help"], "ja"), Language::En);
        assert_eq!(language(&["--help"], "ja_JP.UTF-8"), Language::Ja);
        assert_eq!(language(&["--lang", "fr", "--help"], "ja"), Language::Ja);
    }

    #[test]
    fn ids_name_the_place_in_the_tree() {
        let path = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert_eq!(command_id(&[]), "help");
        assert_eq!(command_id(&path(&["lead", "add"])), "help-lead-add");
        let title = Arg::new("source_detail").long("source-detail");
        assert_eq!(
            arg_id("help-lead-add", &title),
            "help-lead-add--source_detail"
        );
    }
}
