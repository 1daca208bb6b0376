//! The functions of a finished WebAssembly part put in an order that gzip compresses better:
//! each next to the one most like it. gzip finds repeats only within its last 32 KB, and the
//! linker's order puts a function beside the ones it was compiled with, not beside the ones its
//! bytes resemble (the same generic code for another type, the same `html!` shape in another
//! component). A greedy walk takes, after each function, the remaining one that shares the most
//! four-byte sequences with it, rare ones weighing more (ties: the earlier one); seven walks,
//! each weighing rarity otherwise, are renumbered and gzipped, and the smallest is kept. Binaryen does
//! the renumbering: every function gets a name that sorts by its place
//! (`wasm-opt --reorder-functions-by-name`), and the names are stripped again. Imports keep
//! their order (the placeholders' names count on it) and nothing but the functions' order
//! changes; `cargo xtask dist` checks the imports and the data after the run. Measured on the
//! page's first part: −2.4 KB gzip (DESIGN.md, "Size notes").

use std::path::Path;

use crate::wasm_bytes::{
    function_bodies, function_names, imported_functions, sections, write_leb, write_name, Reader,
};

/// The import and data sections' ids, and the custom sections'.
const IMPORTS: u8 = 2;
const DATA: u8 = 11;
const CUSTOM: u8 = 0;

/// The order in which to place `bodies` (each function's bytes): from the first, each next is
/// the remaining body most like the one before it, the earliest on a tie. Alike means sharing
/// distinct four-byte sequences, each weighted by 1/√(how many bodies have it): a sequence most
/// functions have (a common load or call) says less than a rare one. Returns the indices into
/// `bodies`.
#[cfg(test)]
pub(crate) fn similarity_order(bodies: &[&[u8]]) -> Vec<usize> {
    Walks::new(bodies).walk(0.5)
}

/// The weights to try, each walk weighing a four-byte sequence 1/(bodies that have it)^e (see
/// [`similarity_order`], whose e is 0.5). Which walk gzip likes best shifts with every change
/// of the code: on the page's first part the seven read 86,051-86,774 B at one commit, and the
/// one that had been best by 159 B (e = 0) was 132 B worse than another after a change of 0.6 KB
/// raw. So the build tries them all and keeps the smallest. (Starting the walk at the largest or the
/// last function instead of the first moved the sizes by less than 30 B.)
const EXPONENTS: [f64; 7] = [0.5, 0.0, 0.125, 0.25, 0.375, 0.75, 1.0];

/// The gzip -9 size of the file at `path`, as Node's zlib makes it: the one the size budget
/// (`tests/js/budget.test.mjs`) counts with. Another deflate (`flate2`'s) ranks orders that
/// differ by a few dozen bytes otherwise.
fn gzipped(path: &Path) -> Result<usize, String> {
    const SIZE: &str = "const z = require('zlib'), fs = require('fs'); \
        process.stdout.write(String(z.gzipSync(fs.readFileSync(process.argv[1]), { level: 9 }).length))";
    let out = std::process::Command::new("node")
        .args(["-e", SIZE])
        .arg(path)
        .output()
        .map_err(|e| format!("node: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .parse()
        .map_err(|_| format!("{}: no gzip size from node", path.display()))
}

/// Each body's distinct four-byte sequences and how many bodies have each.
struct Walks {
    grams: Vec<Vec<u32>>,
    seen_in: std::collections::HashMap<u32, u32>,
}

impl Walks {
    fn new(bodies: &[&[u8]]) -> Self {
        let grams: Vec<Vec<u32>> = bodies.iter().map(|b| four_grams(b)).collect();
        let mut seen_in: std::collections::HashMap<u32, u32> = std::collections::HashMap::new();
        for g in grams.iter().flatten() {
            *seen_in.entry(*g).or_default() += 1;
        }
        Walks { grams, seen_in }
    }

    /// The greedy walk from the first body, a sequence weighing 1/(bodies that have it)^`exponent`.
    fn walk(&self, exponent: f64) -> Vec<usize> {
        let grams = &self.grams;
        let weights: Vec<Vec<f64>> = grams
            .iter()
            .map(|gs| {
                gs.iter()
                    .map(|g| 1.0 / f64::from(self.seen_in[g]).powf(exponent))
                    .collect()
            })
            .collect();
        let mut left: Vec<usize> = (1..grams.len()).collect();
        let mut order = Vec::with_capacity(grams.len());
        if grams.is_empty() {
            return order;
        }
        let mut current = 0;
        order.push(current);
        while !left.is_empty() {
            let mut best = 0;
            let mut best_shared = 0.0;
            for (at, &k) in left.iter().enumerate() {
                let shared = shared_weight(&grams[current], &weights[current], &grams[k]);
                if shared > best_shared {
                    (best, best_shared) = (at, shared);
                }
            }
            current = left.remove(best);
            order.push(current);
        }
        order
    }
}

/// The distinct four-byte sequences of `bytes`, sorted.
fn four_grams(bytes: &[u8]) -> Vec<u32> {
    let mut grams: Vec<u32> = bytes
        .windows(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// The summed weights (`weights[i]` for `a[i]`) of the values two sorted, distinct lists share.
fn shared_weight(a: &[u32], weights: &[f64], b: &[u32]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += weights[i];
                (i, j) = (i + 1, j + 1);
            }
        }
    }
    sum
}

/// What a module holds that the reordering needs: how many functions it imports, each defined
/// function's body and the function names of its `name` section (by index).
struct Functions<'a> {
    imported: u64,
    bodies: Vec<&'a [u8]>,
    names: Vec<(u64, Vec<u8>)>,
}

fn read_functions(wasm: &[u8]) -> Result<Functions<'_>, String> {
    Ok(Functions {
        imported: imported_functions(wasm)?,
        bodies: function_bodies(wasm)?,
        names: function_names(wasm)?,
    })
}

/// A `name` custom section (header included) naming functions: `names` as (index, name), in
/// ascending index order.
fn name_section(names: &[(u64, Vec<u8>)]) -> Vec<u8> {
    let mut functions = Vec::new();
    write_leb(&mut functions, names.len() as u64);
    for (index, name) in names {
        write_leb(&mut functions, *index);
        write_name(&mut functions, name);
    }
    let mut body = Vec::new();
    write_name(&mut body, b"name");
    body.push(1);
    write_leb(&mut body, functions.len() as u64);
    body.extend_from_slice(&functions);
    let mut out = vec![CUSTOM];
    write_leb(&mut out, body.len() as u64);
    out.extend_from_slice(&body);
    out
}

/// `wasm` without its `name` section.
fn without_names(wasm: &[u8]) -> Result<Vec<u8>, String> {
    crate::wasm_bytes::keep_sections(wasm, |id, body| {
        Ok(id != CUSTOM || Reader::new(body, 0).name()? != b"name")
    })
}

/// The place of each function in `order` (the inverse of `order`).
fn places(order: &[usize]) -> Vec<usize> {
    let mut place = vec![0; order.len()];
    for (p, &k) in order.iter().enumerate() {
        place[k] = p;
    }
    place
}

/// The names that make Binaryen's sort by name the wanted order: imports `a<index>` (their
/// order as it is), defined functions `b<place>`, zero-padded so that text order is number
/// order.
fn place_names(imported: u64, order: &[usize]) -> Vec<(u64, Vec<u8>)> {
    let imports = (0..imported).map(|i| (i, format!("a{i:07}").into_bytes()));
    let defined = places(order)
        .into_iter()
        .enumerate()
        .map(|(k, p)| (imported + k as u64, format!("b{p:07}").into_bytes()));
    imports.chain(defined).collect()
}

/// The original names (`names`, by old index) at the functions' new indices, after they were
/// placed in `order`.
fn names_after(imported: u64, order: &[usize], names: &[(u64, Vec<u8>)]) -> Vec<(u64, Vec<u8>)> {
    let place = places(order);
    let mut out: Vec<(u64, Vec<u8>)> = names
        .iter()
        .filter_map(|(old, name)| {
            let new = match old.checked_sub(imported) {
                None => Some(*old),
                Some(k) => place.get(k as usize).map(|p| imported + *p as u64),
            };
            new.map(|new| (new, name.clone()))
        })
        .collect();
    out.sort_by_key(|(i, _)| *i);
    out
}

/// The body of section `id`, if the module has one.
fn section_body(wasm: &[u8], id: u8) -> Result<Option<Vec<u8>>, String> {
    Ok(sections(wasm)?
        .into_iter()
        .find(|s| s.id == id)
        .map(|s| wasm[s.body].to_vec()))
}

/// One order tried: the gzip -9 size of the module in it, the order, and the module's bytes.
type Trial = (usize, Vec<usize>, Vec<u8>);

/// The trial with the smallest gzip, the earliest on a tie; the first failure, if any failed.
fn smallest(tried: Vec<Result<Trial, String>>) -> Result<Option<Trial>, String> {
    let mut best: Option<Trial> = None;
    for t in tried {
        let t = t?;
        if best.as_ref().is_none_or(|b| t.0 < b.0) {
            best = Some(t);
        }
    }
    Ok(best)
}

/// `bare` (a module without names) with its functions placed in `order` by Binaryen, written
/// to `trial`: its gzip -9 size and its bytes.
fn renumbered(
    trial: &Path,
    bare: &[u8],
    imported: u64,
    order: &[usize],
) -> Result<(usize, Vec<u8>), String> {
    let shown = trial.display();
    let mut named = bare.to_vec();
    named.extend_from_slice(&name_section(&place_names(imported, order)));
    std::fs::write(trial, &named).map_err(|e| format!("{shown}: {e}"))?;
    crate::wasm_opt::run_passes(
        trial,
        &["--reorder-functions-by-name", "--strip-debug"],
        false,
    )?;
    let out = std::fs::read(trial).map_err(|e| format!("{shown}: {e}"))?;
    Ok((gzipped(trial)?, out))
}

/// Reorders the functions of `wasm` in place (see the module's doc); with `keep_names` the
/// function names stay (for `cargo xtask weigh`), otherwise the module has none afterwards.
pub fn reorder(wasm: &Path, keep_names: bool) -> Result<(), String> {
    let shown = wasm.display().to_string();
    let before = std::fs::read(wasm).map_err(|e| format!("{shown}: {e}"))?;
    let f = read_functions(&before).map_err(|e| format!("{shown}: {e}"))?;
    let bare = without_names(&before)?;
    let walks = Walks::new(&f.bodies);
    // Each walk renumbered for real and its gzip measured, two at a time (the machine's two
    // cores); the smallest is kept, the earlier on a tie.
    let mut tried: Vec<Result<Trial, String>> = Vec::new();
    std::thread::scope(|scope| {
        for pair in EXPONENTS.iter().enumerate().collect::<Vec<_>>().chunks(2) {
            let runs: Vec<_> = pair
                .iter()
                .map(|&(k, &exponent)| {
                    let (walks, bare) = (&walks, &bare);
                    scope.spawn(move || {
                        let order = walks.walk(exponent);
                        let trial = wasm.with_extension(format!("order{k}.wasm"));
                        let result = renumbered(&trial, bare, f.imported, &order);
                        let _ = std::fs::remove_file(&trial);
                        result.map(|(size, out)| (size, order, out))
                    })
                })
                .collect();
            for run in runs {
                tried.push(run.join().unwrap_or_else(|_| Err("a walk panicked".into())));
            }
        }
    });
    let first = tried.first().and_then(|t| t.as_ref().ok()).map(|t| t.0);
    let Some((size, order, mut after)) = smallest(tried)? else {
        return Ok(());
    };
    let name = wasm.file_name().unwrap_or_default().to_string_lossy();
    println!(
        "  {name}: the best of {} function orders, {size} B gzip (the first walk's: {} B)",
        EXPONENTS.len(),
        first.unwrap_or(size)
    );
    // Only the order may have changed: the imports (whose order the placeholders count on)
    // and the data are what they were, and so is the number of functions.
    for (id, what) in [(IMPORTS, "imports"), (DATA, "data")] {
        if section_body(&before, id)? != section_body(&after, id)? {
            return Err(format!(
                "{shown}: reordering the functions changed the {what}"
            ));
        }
    }
    if read_functions(&after)?.bodies.len() != f.bodies.len() {
        return Err(format!(
            "{shown}: reordering the functions changed their number"
        ));
    }
    if keep_names {
        after.extend_from_slice(&name_section(&names_after(f.imported, &order, &f.names)));
    }
    std::fs::write(wasm, after).map_err(|e| format!("{shown}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm_bytes::tests::module;

    #[test]
    fn each_function_is_followed_by_the_one_most_like_it() {
        // 0 shares nothing with 1 and three sequences with 2 ("abcd", "bcde", "cdef"); 2 then
        // shares one with 1 ("wxyz") and 1 is all that is left.
        let bodies: [&[u8]; 3] = [b"abcdef", b"wxyz1234", b"abcdefwxyz"];
        assert_eq!(similarity_order(&bodies), [0, 2, 1]);
        // On a tie the earlier one comes first; nothing shared keeps the given order.
        let bodies: [&[u8]; 3] = [b"1111", b"2222", b"3333"];
        assert_eq!(similarity_order(&bodies), [0, 1, 2]);
        assert!(similarity_order(&[]).is_empty());
    }

    #[test]
    fn the_smallest_trial_is_kept_the_earlier_on_a_tie_and_a_failure_stops_the_build() {
        let trial = |size: usize, tag: usize| Ok((size, vec![tag], vec![]));
        let kept = smallest(vec![trial(9, 0), trial(7, 1), trial(8, 2), trial(7, 3)]);
        assert_eq!(kept, Ok(Some((7, vec![1], vec![]))));
        assert_eq!(smallest(vec![]), Ok(None));
        let failed = smallest(vec![trial(5, 0), Err("wasm-opt: no".into())]);
        assert_eq!(failed, Err("wasm-opt: no".to_string()));
    }

    #[test]
    fn shared_sequences_are_counted_once_and_rare_ones_weigh_more() {
        assert_eq!(four_grams(b"aaaaaa"), [u32::from_le_bytes(*b"aaaa")]);
        // 3 and 7 are shared: 0.5 + 0.25.
        let shared = shared_weight(&[1, 3, 5, 7], &[1.0, 0.5, 1.0, 0.25], &[2, 3, 4, 7, 9]);
        assert_eq!(shared, 0.75);
        // After 0 ("abcdwxyz"), 1 and 3 share "abcd" with it, 2 shares "wxyz"; "abcd" is in
        // three bodies (weight 1/√3), "wxyz" in two (1/√2), so 2 comes next (counted alike, 1
        // would, then 3 for its "abcd"); 2 shares nothing with 1 or 3, so the earlier follows.
        let bodies: [&[u8]; 4] = [b"abcdwxyz", b"abcd", b"wxyz", b"abcd!"];
        assert_eq!(similarity_order(&bodies), [0, 2, 1, 3]);
        // Weighed alike (e = 0), the tie after 0 goes to the earlier, 1, then 3 for its "abcd".
        assert_eq!(Walks::new(&bodies).walk(0.0), [0, 1, 3, 2]);
    }

    #[test]
    fn names_sort_in_the_wanted_order_and_the_real_ones_follow_their_functions() {
        // Two imports, three functions placed 2, 0, 1: function 2 first.
        let order = [2, 0, 1];
        let names = place_names(2, &order);
        assert_eq!(
            names,
            [
                (0, b"a0000000".to_vec()),
                (1, b"a0000001".to_vec()),
                (2, b"b0000001".to_vec()),
                (3, b"b0000002".to_vec()),
                (4, b"b0000000".to_vec()),
            ]
        );
        let mut sorted = names.clone();
        sorted.sort_by(|a, b| a.1.cmp(&b.1));
        let indices: Vec<u64> = sorted.iter().map(|(i, _)| *i).collect();
        assert_eq!(indices, [0, 1, 4, 2, 3]);
        // Old index 4 (the third function) is now the first defined one, index 2.
        let real = [
            (1, b"import".to_vec()),
            (2, b"f".to_vec()),
            (3, b"g".to_vec()),
            (4, b"h".to_vec()),
        ];
        assert_eq!(
            names_after(2, &order, &real),
            [
                (1, b"import".to_vec()),
                (2, b"h".to_vec()),
                (3, b"f".to_vec()),
                (4, b"g".to_vec()),
            ]
        );
    }

    #[test]
    fn a_modules_functions_and_names_are_read_back() {
        // One imported function ("m"."f", type 0), two bodies (section 10, the code), and a
        // name section.
        let imports = vec![1, 1, b'm', 1, b'f', 0, 0];
        let code = vec![2, 2, 0, 0x0b, 3, 0, 0x01, 0x0b];
        let mut wasm = module(&[(IMPORTS, imports), (10, code)]);
        wasm.extend_from_slice(&name_section(&[(1, b"one".to_vec()), (2, b"two".to_vec())]));
        let f = read_functions(&wasm).unwrap();
        assert_eq!(f.imported, 1);
        assert_eq!(f.bodies, [&[0, 0x0b][..], &[0, 0x01, 0x0b][..]]);
        assert_eq!(f.names, [(1, b"one".to_vec()), (2, b"two".to_vec())]);
        // Without its names it is the module as it was built.
        let bare = without_names(&wasm).unwrap();
        assert!(read_functions(&bare).unwrap().names.is_empty());
        assert_eq!(bare.len(), wasm.len() - name_section(&f.names).len());
    }
}
