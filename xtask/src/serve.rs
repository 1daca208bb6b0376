//! `cargo xtask serve`: a small static file server for `dist/` on 127.0.0.1 (std only). Like a
//! CDN, it sends the pre-compressed `NAME.br` or `NAME.gz` that `dist` wrote, by the request's
//! `Accept-Encoding`, with `Content-Encoding` and `Vary: Accept-Encoding`.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "ts" => "text/plain; charset=utf-8",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// Maps a request path to a file inside `dir`, refusing anything that climbs out of it.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let mut out = dir.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    out.is_file().then_some(out)
}

/// The encodings a client accepts, from its `Accept-Encoding` header value (`q=0` refuses).
fn accepts(header: &str, coding: &str) -> bool {
    header.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

/// The body to send for `file`: its `.br` or `.gz` sibling when the client takes that
/// encoding and `dist` wrote one, else the file itself. Returns (body, content encoding).
fn body_for(file: &Path, accept_encoding: &str) -> Option<(Vec<u8>, Option<&'static str>)> {
    for (coding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if accepts(accept_encoding, coding) {
            let mut packed = file.as_os_str().to_owned();
            packed.push(format!(".{suffix}"));
            if let Ok(bytes) = std::fs::read(&packed) {
                return Some((bytes, Some(coding)));
            }
        }
    }
    std::fs::read(file).ok().map(|b| (b, None))
}

fn respond(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accept_encoding = String::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_string();
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let found = if method == "GET" || method == "HEAD" {
        resolve(dir, path)
    } else {
        None
    };
    match found.and_then(|p| body_for(&p, &accept_encoding).map(|b| (p, b))) {
        Some((p, (body, encoding))) => {
            let encoding = encoding
                .map(|e| format!("Content-Encoding: {e}\r\n"))
                .unwrap_or_default();
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}Vary: Accept-Encoding\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
                content_type(&p),
                body.len()
            )?;
            if method == "GET" {
                stream.write_all(&body)?;
            }
        }
        None => {
            let body = b"not found";
            write!(
                stream,
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(body)?;
        }
    }
    stream.flush()
}

/// Serves `dir` on 127.0.0.1:`port` (0: any free port) until the process is stopped.
pub fn serve(dir: &Path, port: u16) -> Result<(), String> {
    let listener = bind(port)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    println!("serving {} on http://127.0.0.1:{port}/", dir.display());
    run(listener, dir);
    Ok(())
}

/// A listener on 127.0.0.1:`port` (0: any free port).
pub fn bind(port: u16) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))
}

/// Answers requests on `listener` from `dir`, one thread per connection, forever.
pub fn run(listener: TcpListener, dir: &Path) {
    for stream in listener.incoming().flatten() {
        let dir = dir.to_path_buf();
        std::thread::spawn(move || {
            let _ = respond(stream, &dir);
        });
    }
}
