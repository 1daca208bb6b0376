//! A language's texts as a file (the pricing page's `texts-de.txt`, `texts-fr.txt`): a first
//! line `ppm-texts <tag> <fingerprint>`, then every string of [`Texts`](super::Texts) in field
//! order, one per line (no string holds a line break). The fingerprint is a hash of the field
//! names and counts: a file written for another version of the widget is refused, never
//! misread. Any [`TextSet`] has this form, with its own first word (`MAGIC`).

use super::texts::TextSet;
use crate::lang::Lang;

/// Why a texts file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextsFileError {
    /// The first line is not `ppm-texts <tag> <fingerprint>` with one of our languages.
    NotTexts,
    /// The file was written for another version of the widget (its fields differ).
    OtherVersion,
    /// The file has another number of strings than the fields need.
    WrongCount {
        /// How many strings the fields need.
        expected: usize,
        /// How many the file has.
        found: usize,
    },
    /// A string holds a line break (only when writing a file).
    LineBreak {
        /// The field it belongs to.
        field: &'static str,
    },
}

impl std::fmt::Display for TextsFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextsFileError::NotTexts => f.write_str("not a texts file of this widget"),
            TextsFileError::OtherVersion => {
                f.write_str("the texts file is for another version of the widget")
            }
            TextsFileError::WrongCount { expected, found } => write!(
                f,
                "the texts file has {found} strings where {expected} are needed"
            ),
            TextsFileError::LineBreak { field } => {
                write!(f, "the text `{field}` holds a line break")
            }
        }
    }
}

impl std::error::Error for TextsFileError {}

/// The file form of a [`TextSet`] (see the module's documentation).
pub trait TextsFile: TextSet {
    /// The texts file of `lang` with these texts.
    fn to_file(&self, lang: Lang) -> Result<String, TextsFileError> {
        let mut out = format!("{} {} {:08x}\n", Self::MAGIC, lang.tag(), Self::PRINT);
        let mut strings = self.strings().into_iter();
        for &(field, count) in Self::FIELDS {
            for text in strings.by_ref().take(count) {
                if text.contains(['\n', '\r']) {
                    return Err(TextsFileError::LineBreak { field });
                }
                out.push_str(text);
                out.push('\n');
            }
        }
        Ok(out)
    }

    /// Checks a texts file without reading it: its language, or why it is refused.
    fn check(file: &str) -> Result<Lang, TextsFileError> {
        let mut lines = file.lines();
        let mut head = lines.next().unwrap_or_default().split(' ');
        let (Some(magic), Some(tag), Some(print), None) =
            (head.next(), head.next(), head.next(), head.next())
        else {
            return Err(TextsFileError::NotTexts);
        };
        let lang = Lang::parse(tag)
            .filter(|_| magic == Self::MAGIC)
            .ok_or(TextsFileError::NotTexts)?;
        if u32::from_str_radix(print, 16) != Ok(Self::PRINT) {
            return Err(TextsFileError::OtherVersion);
        }
        let found = lines.count();
        if found != Self::COUNT {
            return Err(TextsFileError::WrongCount {
                expected: Self::COUNT,
                found,
            });
        }
        Ok(lang)
    }

    /// The texts of a file that [`check`](TextsFile::check) accepted.
    fn from_checked(file: &'static str) -> Self {
        Self::from_strings(file.lines().skip(1))
    }

    /// Reads a texts file: its language and its texts. A file that is read is kept for the
    /// page's lifetime (its texts borrow it); one that is refused is dropped.
    fn from_file(file: String) -> Result<(Lang, Self), TextsFileError> {
        let lang = Self::check(&file)?;
        Ok((lang, Self::from_checked(file.leak())))
    }
}

impl<T: TextSet> TextsFile for T {}
