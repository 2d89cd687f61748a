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
