//! Microsoft Graph's PSTN call log (`getPstnCalls`) as JSON: a page
//! `{ "value": [pstnCallLogRow…], "@odata.nextLink": … }`, a list of such pages, a list of rows,
//! or JSON Lines of pages or rows (what people save when they page through the API). Rows are
//! numbered from 1 across all pages.

use serde_json::Value;

pub use super::problems::JsonProblem;

use super::columns::{column_of, Column};
use super::tally::{Row, Tally};

/// Graph rows read so far.
#[derive(Debug, Default)]
pub struct GraphPages {
    rows: u64,
}

/// One row object, its fields by column; numbers are read as their text.
struct Fields {
    values: [Option<String>; Column::ALL.len()],
}

impl Row for Fields {
    fn get(&self, column: Column) -> Option<&str> {
        self.values[column as usize].as_deref()
    }
}

impl GraphPages {
    /// Reads one JSON file's rows into `tally`.
    pub fn read(&mut self, text: &[u8], tally: &mut Tally) -> Result<(), JsonProblem> {
        match serde_json::from_slice::<Value>(text) {
            Ok(value) => self.value(value, tally, 0),
            Err(whole) => {
                // JSON Lines: one page or row per line.
                let text = std::str::from_utf8(text).map_err(|_| JsonProblem::NotUtf8)?;
                let mut any = false;
                for (n, line) in text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| !l.trim().is_empty())
                {
                    let value: Value =
                        serde_json::from_str(line).map_err(|e| JsonProblem::Syntax {
                            line: any.then_some(n + 1),
                            message: if any {
                                e.to_string()
                            } else {
                                whole.to_string()
                            },
                        })?;
                    any = true;
                    self.value(value, tally, 0)?;
                }
                Ok(())
            }
        }
    }

    fn value(&mut self, value: Value, tally: &mut Tally, depth: u8) -> Result<(), JsonProblem> {
        match value {
            Value::Array(items) if depth < 2 => {
                for item in items {
                    self.value(item, tally, depth + 1)?;
                }
                Ok(())
            }
            Value::Object(mut map) => {
                if let Some(rows) = map.remove("value") {
                    let Value::Array(rows) = rows else {
                        return Err(JsonProblem::ValueNotAList);
                    };
                    tally.graph_pages += 1;
                    if map
                        .get("@odata.nextLink")
                        .is_some_and(|l| l.as_str().is_some_and(|l| !l.trim().is_empty()))
                    {
                        tally.graph_next_links += 1;
                    }
                    for row in rows {
                        self.row(row, tally);
                    }
                    Ok(())
                } else {
                    self.row(Value::Object(map), tally);
                    Ok(())
                }
            }
            _ => Err(JsonProblem::NotACallLog),
        }
    }

    fn row(&mut self, row: Value, tally: &mut Tally) {
        self.rows += 1;
        let Value::Object(map) = row else {
            return tally.unreadable(self.rows);
        };
        let mut fields = Fields {
            values: Default::default(),
        };
        for (key, value) in map {
            let Some(column) = column_of(&key) else {
                continue;
            };
            let text = match value {
                Value::String(s) => s,
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => continue,
            };
            fields.values[column as usize].get_or_insert(text);
        }
        tally.add(self.rows, &fields);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rating::{Call, CountryCode};

    #[test]
    fn pages_lists_and_lines() {
        let row = r#"{"callType":"conf_in","inventoryType":"TollFree","destinationName":"Germany","duration":125,"userPrincipalName":"a@x","charge":0.12,"currency":"EUR","tenantCountryCode":"DE"}"#;
        let page = format!(r#"{{"@odata.nextLink":"x","value":[{row},{row}]}}"#);
        for text in [
            page.clone(),
            format!("[{page},{page}]"),
            format!("{page}\n{page}\n"),
            format!("[{row},{row},{row},{row}]"),
        ] {
            let mut t = Tally::default();
            let mut g = GraphPages::default();
            g.read(text.as_bytes(), &mut t).unwrap();
            let de = CountryCode::parse("DE").unwrap();
            let n = if text == page { 2 } else { 4 };
            assert_eq!(t.legs_of(de, Call::TollFreeDialIn, 125), n, "{text}");
            assert_eq!(t.tenant_countries[&de], n);
        }
    }

    #[test]
    fn not_a_call_log() {
        let mut g = GraphPages::default();
        assert_eq!(
            g.read(b"42", &mut Tally::default()),
            Err(JsonProblem::NotACallLog)
        );
        assert_eq!(
            g.read(b"{\"value\": 3}", &mut Tally::default()),
            Err(JsonProblem::ValueNotAList)
        );
        assert!(matches!(
            g.read(b"{\"value\": [", &mut Tally::default()),
            Err(JsonProblem::Syntax { line: None, .. })
        ));
        assert_eq!(
            g.read(b"\xff{", &mut Tally::default()),
            Err(JsonProblem::NotUtf8)
        );
    }
}
