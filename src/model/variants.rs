//! What the enums that are data (stages, activity kinds, roles) share: their every-variant
//! arrays, how a typed name is compared with theirs, and the wording of "use a, b or c" in
//! parse errors.

use super::text::fold;

/// The variants strum lists (`VariantArray::VARIANTS`) as an array, so `ALL` can be a
/// constant whose length the compiler checks and `ALL.map(..)` builds a table by variant.
pub(crate) const fn array_of<T: Copy, const N: usize>(variants: &[T]) -> [T; N] {
    let mut out = [variants[0]; N];
    let mut i = 0;
    while i < N {
        out[i] = variants[i];
        i += 1;
    }
    out
}

/// Lets a table of one value per variant (`[T; Enum::COUNT]`) be read and written by the
/// variant: `limits[Stage::Future]`. A fieldless enum's discriminants count from 0 in
/// declaration order, which is the order of its `ALL` (each enum's tests hold them together).
macro_rules! indexed_by {
    ($enum:ty) => {
        impl<T> std::ops::Index<$enum> for [T; <$enum as strum::EnumCount>::COUNT] {
            type Output = T;

            fn index(&self, variant: $enum) -> &T {
                &self[variant as usize]
            }
        }

        impl<T> std::ops::IndexMut<$enum> for [T; <$enum as strum::EnumCount>::COUNT] {
            fn index_mut(&mut self, variant: $enum) -> &mut T {
                &mut self[variant as usize]
            }
        }
    };
}
pub(crate) use indexed_by;

/// `a, b, c or d`: the ids a parse error offers.
pub(crate) fn one_of(ids: &[&str]) -> String {
    match ids.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// What a typed name is compared by, so `Web-Visit`, `web visit`, `ＷＥＢ＿ＶＩＳＩＴ` and
/// `顧　客` find their variant: width, case and kana folded (`text::fold`), without
/// spaces, hyphens and underscores.
pub(crate) fn name_key(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_'))
        .collect()
}

/// The variant of `all` that `typed` names by its id, a label (`names`: id, English label,
/// Japanese label) or an alias, compared by `name_key`.
pub(crate) fn find_named<T: Copy>(
    all: impl IntoIterator<Item = T>,
    typed: &str,
    names: impl Fn(T) -> [&'static str; 3],
    aliases: impl Fn(T) -> &'static [&'static str],
) -> Option<T> {
    let key = name_key(typed);
    all.into_iter().find(|&variant| {
        names(variant)
            .iter()
            .chain(aliases(variant))
            .any(|word| name_key(word) == key)
    })
}

/// `call (電話), web_visit (Web visit, Web訪問) or note (メモ)`: every id a parse error
/// offers with the labels also accepted for it, from `(id, English label, Japanese label)`.
/// An English label that is its id capitalised is not said twice.
pub(crate) fn one_of_named(names: &[(&str, &str, &str)]) -> String {
    let named: Vec<String> = names
        .iter()
        .map(|(id, en, ja)| {
            if en.eq_ignore_ascii_case(id) {
                format!("{id} ({ja})")
            } else {
                format!("{id} ({en}, {ja})")
            }
        })
        .collect();
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    one_of(&named)
}

/// `call（電話）、web_visit（Web訪問）、note（メモ）`: the same list as `one_of_named` for a
/// Japanese message, each id with its Japanese label, joined as Japanese joins a list.
pub(crate) fn one_of_named_ja(names: &[(&str, &str, &str)]) -> String {
    names
        .iter()
        .map(|(id, _, ja)| format!("{id}（{ja}）"))
        .collect::<Vec<_>>()
        .join("、")
}

/// Fails when a name of one variant reads as a name of another (`groups`: each variant's
/// names), which would make the parse depend on the order of the variants.
#[cfg(test)]
pub(crate) fn assert_names_distinct(groups: &[Vec<&str>]) {
    for (i, names) in groups.iter().enumerate() {
        for (j, others) in groups.iter().enumerate().filter(|(j, _)| *j != i) {
            for name in names {
                assert!(
                    others.iter().all(|other| name_key(other) != name_key(name)),
                    "'{name}' names two variants ({i} and {j})"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_by_their_folded_key() {
        assert_eq!(name_key("Web-Visit"), name_key("web_visit"));
        assert_eq!(name_key("ＷＥＢ＿ＶＩＳＩＴ"), name_key("web visit"));
        assert_eq!(name_key("顧\u{3000}客"), name_key("顧客"));
        assert_eq!(name_key("ｳｪﾌﾞ訪問"), name_key("ウェブ訪問"));
        assert_ne!(name_key("call"), name_key("email"));
    }

    #[test]
    fn named_ids_list_their_labels() {
        assert_eq!(
            one_of_named(&[
                ("call", "Call", "電話"),
                ("web_visit", "Web visit", "Web訪問")
            ]),
            "call (電話) or web_visit (Web visit, Web訪問)"
        );
    }

    #[test]
    fn one_of_reads_as_a_sentence() {
        assert_eq!(one_of(&["a"]), "a");
        assert_eq!(one_of(&["a", "b"]), "a or b");
        assert_eq!(one_of(&["a", "b", "c"]), "a, b or c");
    }
}
