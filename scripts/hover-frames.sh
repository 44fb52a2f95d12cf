#!/usr/bin/env bash
# Frames on the real renderer while the pointer moves over the trend chart of a 20-year journal
# (all twenty years in view): painlog under a virtual X display with Mesa's software renderer,
# drawing frame after frame (PAINLOG_FRAME_LOG) while xdotool sweeps the pointer across the chart;
# each frame's time is from its start to the next frame's, so the renderer's part is included.
#
#   scripts/hover-frames.sh [VIEW_RANGE]   (All by default; also Year, Days90, Days30)
#
# Prints the median, the 90th and 99th percentiles and the worst of 400 frames (the first 30,
# the window settling, left out).
set -euo pipefail
cd "$(dirname "$0")/.."
range=${1:-All}

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
ldconfig -p | grep -q libEGL_mesa.so.0 || need+=(libegl-mesa0 libegl1 libgl1-mesa-dri)
ldconfig -p | grep -q libxkbcommon-x11.so.0 || need+=(libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release --quiet --bin painlog
app=target/release/painlog

work=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$display HOME=$work
unset WAYLAND_DISPLAY

journal=$work/journal-20-years.ron
"$app" demo --years 20 --sessions 1000 --seed 1 --out "$journal" >/dev/null
mkdir -p "$work/.config/painlog"
printf '{"painlog_prefs":"(view:Trends,trends:(range:%s))"}\n' "$range" > "$work/.config/painlog/window.ron"

log=$work/frames.txt
PAINLOG_FRAME_LOG=$log "$app" --data "$journal" &
app_pid=$!
# Sweep the pointer across the chart, back and forth, until the window closes itself.
sleep 2
x=150
step=7
while kill -0 "$app_pid" 2>/dev/null; do
  xdotool mousemove "$x" 420 2>/dev/null || true
  x=$((x + step))
  if [ "$x" -gt 1050 ] || [ "$x" -lt 150 ]; then step=$((-step)); fi
  sleep 0.01
done
wait "$app_pid" || true

python3 - "$log" "$range" <<'PY'
import statistics, sys
times = [float(line) for line in open(sys.argv[1]) if line.strip()][30:]
times.sort()
def pct(p):
    return times[min(len(times) - 1, int(p / 100 * len(times)))]
print(f"trend chart ({sys.argv[2]}), 20-year journal, pointer moving: {len(times)} frames")
print(f"median {statistics.median(times):.1f} ms, 90th {pct(90):.1f} ms, 99th {pct(99):.1f} ms, worst {times[-1]:.1f} ms")
PY
