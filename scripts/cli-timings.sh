#!/usr/bin/env bash
# painlog's commands as whole processes on a 20-year journal (about 7,300 days, 1,000 sessions):
# check, effects --json, a PDF of all twenty years, and an import of 100,000 sessions.csv rows
# into a new journal.
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
# 100,000 sessions five hours apart from 1950 on.
python3 - "$work/sessions.csv" <<'PY'
import datetime, sys
start = datetime.datetime(1950, 1, 1)
with open(sys.argv[1], "w", newline="") as out:
    out.write("id,start,kind,kind_name,minutes,therapist,pressure,focus,cost,currency,"
              "pain_before,pain_after,soreness,note\r\n")
    for i in range(100_000):
        when = (start + datetime.timedelta(hours=5 * i)).strftime("%Y-%m-%dT%H:%M")
        out.write(f",{when},deep-tissue,,60,Therapist {i % 13},firm,lower-back;neck,60,USD,7,4,3,note {i}\r\n")
PY
hyperfine --warmup 3 --runs "$runs" --style basic --export-markdown "$work/cli.md" \
  -n "painlog check" "$app --data $work/journal.ron check" \
  -n "painlog effects --json" "$app --data $work/journal.ron effects --json" \
  -n "painlog export --format pdf (20 years)" "$app --data $work/journal.ron export --format pdf --all --out $work/report.pdf" \
  -n "painlog import (100,000 sessions into a new journal)" --prepare "rm -f $work/imported.ron $work/imported.backup-* $work/.imported.ron.lock" \
    "$app --data $work/imported.ron import $work/sessions.csv" \
  >/dev/null
cat "$work/cli.md"
