//! Health data stays on this computer: no crate that speaks a network protocol is in Cargo.lock
//! (every target), and painlog's own code uses no socket. (`scripts/check-no-network.sh` checks
//! the resolved dependency tree the same way in CI.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

/// Crates that make HTTP, TLS, DNS or WebSocket connections, or send telemetry or check for
/// updates.
const DENIED: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "hyper-rustls",
    "hyper-tls",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "minreq",
    "http-req",
    "ehttp",
    "rustls",
    "native-tls",
    "openssl",
    "openssl-sys",
    "tokio-native-tls",
    "tokio-rustls",
    "h2",
    "h3",
    "quinn",
    "tungstenite",
    "tokio-tungstenite",
    "websocket",
    "trust-dns-resolver",
    "hickory-resolver",
    "sentry",
    "opentelemetry",
    "self_update",
    "update-informer",
    "axoupdater",
];

#[test]
fn no_crate_that_can_reach_the_network_is_locked_in() {
    let lock = std::fs::read_to_string("Cargo.lock").unwrap();
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|line| line.strip_prefix("name = \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .collect();
    assert!(
        names.len() > 100,
        "Cargo.lock was read: {} crates",
        names.len()
    );
    let found: Vec<&&str> = names.iter().filter(|name| DENIED.contains(name)).collect();
    assert!(found.is_empty(), "network crates in Cargo.lock: {found:?}");
}

#[test]
fn painlog_s_own_code_opens_no_socket() {
    let mut offenders = Vec::new();
    scan(Path::new("src"), &mut offenders);
    assert!(
        offenders.is_empty(),
        "network code in painlog: {offenders:?}"
    );
}

fn scan(folder: &Path, offenders: &mut Vec<String>) {
    for entry in std::fs::read_dir(folder).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            scan(&path, offenders);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for needle in [
                "std::net",
                "TcpStream",
                "UdpSocket",
                "TcpListener",
                "ToSocketAddrs",
            ] {
                if text.contains(needle) {
                    offenders.push(format!("{}: {needle}", path.display()));
                }
            }
        }
    }
}

/// Every file painlog writes is readable by its owner only, and every folder it makes only its
/// owner can enter: the journal, its backups and lock, and each kind of export.
#[cfg(unix)]
#[test]
fn everything_painlog_writes_is_private() {
    use std::os::unix::fs::PermissionsExt as _;
    use std::process::Command;
    let folder = tempfile::tempdir().unwrap();
    let journal = folder.path().join("new-folder").join("journal.ron");
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_painlog"))
            .env_remove("PAINLOG_DATA")
            .arg("--data")
            .arg(&journal)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
    };
    run(&["log", "--date", "2026-01-05", "--pain", "4"]);
    run(&["log", "--date", "2026-01-06", "--pain", "5"]);
    let out = folder.path().join("exports").join("deeper");
    let at = |name: &str| out.join(name).to_str().unwrap().to_owned();
    for (format, name) in [
        ("pdf", "r.pdf"),
        ("md", "r.md"),
        ("json", "r.json"),
        ("csv", "csv"),
    ] {
        run(&["export", "--format", format, "--out", &at(name)]);
    }
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let mut files = vec![
        journal.clone(),
        painlog::store::lock_path(&journal),
        out.join("r.pdf"),
        out.join("r.md"),
        out.join("r.json"),
    ];
    let csv_files = painlog::report::csv_io::CSV_FILES;
    files.extend(csv_files.iter().map(|name| out.join("csv").join(name)));
    files.extend(
        painlog::store::backup::list(&journal)
            .unwrap()
            .into_iter()
            .map(|backup| backup.path),
    );
    assert!(files.len() > 5 + csv_files.len(), "a backup was made");
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    for made in [
        journal.parent().unwrap().to_path_buf(),
        folder.path().join("exports"),
        out.clone(),
        out.join("csv"),
    ] {
        assert_eq!(mode(&made), 0o700, "{}", made.display());
    }
}
