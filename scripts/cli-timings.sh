#!/usr/bin/env bash
# painlog's commands as whole processes on a 20-year journal (about 7,300 days, 1,000 sessions):
# check, effects --json, and a PDF of all twenty years.
#
#   scripts/cli-timings.sh [RUNS]     (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
command -v hyperfine >/dev/null || {
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq hyperfine >/dev/null
}
cargo build --release --quiet --bin painlog
app=$PWD/target/release/painlog
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$app" demo --years 20 --sessions 1000 --seed 1 --out "$work/journal.ron" >/dev/null
hyperfine --warmup 3 --runs "$runs" --style basic --export-markdown "$work/cli.md" \
  -n "painlog check" "$app --data $work/journal.ron check" \
  -n "painlog effects --json" "$app --data $work/journal.ron effects --json" \
  -n "painlog export --format pdf (20 years)" "$app --data $work/journal.ron export --format pdf --out $work/report.pdf" \
  >/dev/null
cat "$work/cli.md"
