//! Driving an import from files on disk (native only: the CLI and the tests).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::{ExportError, ImportOptions, Imported, UsageImport};

/// Imports the files at `paths` (a zip, CSV files, Graph JSON pages, a `parameters.json`).
pub fn import_paths(paths: &[&Path], options: &ImportOptions) -> Result<Imported, ExportError> {
    let mut files = Vec::with_capacity(paths.len());
    let mut named = Vec::with_capacity(paths.len());
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let read_error = |e: std::io::Error| ExportError::Read {
            file: name.clone(),
            why: e.to_string(),
        };
        let file = File::open(path).map_err(read_error)?;
        let len = file.metadata().map_err(read_error)?.len();
        named.push((name.clone(), len));
        files.push((name, file));
    }
    let mut import = UsageImport::new(named).with_steps(options.steps);
    let mut buf = Vec::new();
    while let Some(need) = import.need() {
        let (name, file) = &mut files[need.file];
        let read_error = |e: std::io::Error| ExportError::Read {
            file: name.clone(),
            why: e.to_string(),
        };
        buf.resize(usize::try_from(need.end - need.start).unwrap_or(0), 0);
        file.seek(SeekFrom::Start(need.start)).map_err(read_error)?;
        file.read_exact(&mut buf).map_err(read_error)?;
        import.give(&buf)?;
    }
    import.finish(options)
}

/// Imports files held in memory, as `(name, bytes)`.
pub fn import_bytes(
    files: &[(&str, &[u8])],
    options: &ImportOptions,
) -> Result<Imported, ExportError> {
    let mut import = UsageImport::new(
        files
            .iter()
            .map(|(n, b)| (n.to_string(), b.len() as u64))
            .collect(),
    )
    .with_steps(options.steps);
    while let Some(need) = import.need() {
        let bytes = files[need.file].1;
        let range = usize::try_from(need.start).unwrap_or(usize::MAX)
            ..usize::try_from(need.end).unwrap_or(usize::MAX);
        import.give(bytes.get(range).unwrap_or(&[]))?;
    }
    import.finish(options)
}
