#!/usr/bin/env bash
# painlog opens no network connection. This fails when a crate that speaks a network protocol
# (HTTP, TLS, DNS, WebSocket, telemetry, self-update) enters the dependency tree of any target.
# Run by .ci/run; tests/privacy.rs checks Cargo.lock and the source the same way.
set -euo pipefail
cd "$(dirname "$0")/.."
deny='^(reqwest|hyper|hyper-util|hyper-rustls|hyper-tls|ureq|curl|curl-sys|isahc|surf|attohttpc|minreq|http-req|ehttp|rustls|native-tls|openssl|openssl-sys|tokio-native-tls|tokio-rustls|h2|h3|quinn|tungstenite|tokio-tungstenite|websocket|trust-dns-resolver|hickory-resolver|sentry|opentelemetry|self_update|update-informer|axoupdater)$'
crates=$(cargo tree --locked --target all -e normal,build --prefix none | awk '{print $1}' | sort -u)
found=$(grep -E "$deny" <<<"$crates" || true)
if [ -n "$found" ]; then
  echo "painlog must not be able to reach the network; these crates can:" >&2
  echo "$found" >&2
  exit 1
fi
echo "No network crate among $(wc -l <<<"$crates") crates (all targets)."
