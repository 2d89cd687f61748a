//! What the enums that are data (stages, activity kinds) share: their every-variant arrays
//! and the wording of "use a, b or c" in parse errors.

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

/// `a, b, c or d`: the ids a parse error offers.
pub(crate) fn one_of(ids: &[&str]) -> String {
    match ids.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_reads_as_a_sentence() {
        assert_eq!(one_of(&["a"]), "a");
        assert_eq!(one_of(&["a", "b"]), "a or b");
        assert_eq!(one_of(&["a", "b", "c"]), "a, b or c");
    }
}
