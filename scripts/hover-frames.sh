#!/usr/bin/env bash
# Frames on the real renderer while the pointer moves over the trend chart of a 20-year journal
# (all twenty years in view): painlog under a virtual X display with Mesa's software renderer,
# drawing frame after frame (PAINLOG_FRAME_LOG) while xdotool sweeps the pointer across the chart;
# each frame's time is from its start to the next frame's, so the renderer's part is included.
#
#   scripts/hover-frames.sh [RANGE] [VIEW]   (All and Trends by default; the range may also be
#                                           Year, Days90 or Days30, the view Day, Aligned, …)
#
# PAINLOG_RENDERER=glow|wgpu chooses the renderer (painlog's preferred one without it).
# Prints the median, the 90th and 99th percentiles and the worst of 400 frames (the first 30,
# the window settling, left out), and how much of each frame building the UI took.
set -euo pipefail
cd "$(dirname "$0")/.."
range=${1:-All}
view=${2:-Trends}

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
# Wait for the display's socket (a fixed pause was sometimes too short).
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
sleep 0.3
export DISPLAY=$display HOME=$work
unset WAYLAND_DISPLAY

journal=$work/journal-20-years.ron
"$app" demo --years 20 --sessions 1000 --seed 1 --out "$journal" >/dev/null
mkdir -p "$work/.config/painlog"
printf '{"painlog_prefs":"(view:%s,trends:(range:%s%s))"}\n' "$view" "$range" "${TRENDS_EXTRA:+,$TRENDS_EXTRA}" > "$work/.config/painlog/window.ron"

log=$work/frames.txt
PAINLOG_FRAME_LOG=$log "$app" --data "$journal" &
app_pid=$!
# Sweep the pointer across the chart, back and forth, until the window closes itself: one
# xdotool process per sweep (a process per move would take the CPU the frames are timed on).
sweep=()
for x in $(seq 150 8 1050) $(seq 1050 -8 150); do sweep+=(mousemove "$x" 420 sleep 0.02); done
sleep 2
while kill -0 "$app_pid" 2>/dev/null; do
  xdotool "${sweep[@]}" 2>/dev/null || true
done
wait "$app_pid" || true

python3 - "$log" "$view, $range, ${PAINLOG_RENDERER:-the preferred renderer}" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()][30:]
times = sorted(float(row[0]) for row in rows)
ui = sorted(float(row[1]) for row in rows)
def pct(values, p):
    return values[min(len(values) - 1, int(p / 100 * len(values)))]
print(f"{sys.argv[2]}, 20-year journal, pointer moving: {len(times)} frames")
print(f"whole frame: median {statistics.median(times):.1f} ms, 90th {pct(times, 90):.1f} ms, "
      f"99th {pct(times, 99):.1f} ms, worst {times[-1]:.1f} ms")
print(f"of which building the UI: median {statistics.median(ui):.2f} ms, worst {ui[-1]:.2f} ms")
PY
