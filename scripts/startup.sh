#!/usr/bin/env bash
# Start-up to the first painted frame, and peak memory: painlog on a 20-year journal against an
# empty eframe window built with the same eframe version and features (examples/empty_window.rs),
# on each of eframe's renderers (glow and wgpu), measured side by side under a virtual X display
# with Mesa's software renderer. The ratios are against the faster empty window.
#
#   scripts/startup.sh [RUNS] [EARLIER_PAINLOG]     (default 20 runs each)
#
# EARLIER_PAINLOG, a painlog binary built from an earlier commit, takes its turn with the others
# (glow): a change's cost to start-up is then read beside the same machine's noise.
# RENDERERS=glow leaves wgpu out (default "glow wgpu"); VIEWS=day leaves the trend chart out
# (default "day trends").
#
# Both programs close as soon as their first frame is on screen (PAINLOG_EXIT_AFTER_FIRST_FRAME)
# and say on stdout when it was presented (the second frame starts once the first is on screen):
# start-up is exec → that moment; the whole run (exec → first frame → closing → exit, which for
# painlog includes saving its window preferences and releasing the journal's lock) is shown too.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
earlier=${2:-}
renderers=${RENDERERS:-glow wgpu}

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
ldconfig -p | grep -q libEGL_mesa.so.0 || need+=(libegl-mesa0 libegl1 libgl1-mesa-dri)
ldconfig -p | grep -q libxkbcommon-x11.so.0 || need+=(libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release --quiet --bin painlog --example empty_window
app=target/release/painlog
empty=target/release/examples/empty_window

work=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
# Wait for the display's socket (a fixed pause was sometimes too short).
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
sleep 0.3
export DISPLAY=$display PAINLOG_EXIT_AFTER_FIRST_FRAME=1 HOME=$work
unset WAYLAND_DISPLAY

journal=$work/journal-20-years.ron
"$app" demo --years 20 --sessions 1000 --seed 1 --out "$journal" >/dev/null

# A second profile that opens on the trend chart over all twenty years.
mkdir -p "$work/trends/.config/painlog"
printf '{"painlog_prefs":"(view:Trends,trends:(range:All))"}\n' > "$work/trends/.config/painlog/window.ron"

# The programs take turns, run after run, so that whatever else the machine is doing falls on all
# of them alike; each run's wall time (exec → first painted frame → exit) and peak RSS are kept.
VIEWS=${VIEWS:-day trends} python3 - "$runs" "$empty" "$app" "$journal" "$work" "$earlier" "$renderers" <<'PY'
import os, statistics, subprocess, sys, time

runs, empty, app, journal, work, earlier, renderers = int(sys.argv[1]), *sys.argv[2:]
renderers = renderers.split()
base_env = dict(os.environ, PAINLOG_STARTUP_TRACE="1")
def env_with(env, **extra):
    return {**env, **extra}
programs = [(f"empty eframe window, {r}", [empty], env_with(base_env, PAINLOG_RENDERER=r))
            for r in renderers]
views = os.environ.get("VIEWS", "day trends").split()
def painlog_runs(label, binary, renderer):
    runs = []
    if "day" in views:
        runs.append((f"{label} (Day view), {renderer}", [binary, "--data", journal],
                     env_with(base_env, PAINLOG_RENDERER=renderer)))
    if "trends" in views:
        runs.append((f"{label} (Trends, all), {renderer}", [binary, "--data", journal],
                     env_with(base_env, HOME=f"{work}/trends", PAINLOG_RENDERER=renderer)))
    return runs
for r in renderers:
    programs += painlog_runs("painlog, 20-year journal", app, r)
if earlier:
    programs += painlog_runs("earlier painlog", earlier, "glow")
times = {name: [] for name, _, _ in programs}
# Each start-up stage painlog reports (PAINLOG_STARTUP_TRACE), in ms after exec.
stages = {name: {} for name, _, _ in programs}
wholes = {name: [] for name, _, _ in programs}
peaks = {name: [] for name, _, _ in programs}
warm_up = 3
for round in range(warm_up + runs):
    for name, argv, env in programs:
        # A run that fails (the X server busy with the one before) is tried again, twice at most.
        for attempt in range(3):
            start, start_wall = time.perf_counter(), time.time()
            child = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            out = child.stdout.read().decode()
            _, status, usage = os.wait4(child.pid, 0)
            whole = time.perf_counter() - start
            presented = [float(line.split()[1]) for line in out.splitlines()
                         if line.startswith("first-frame-presented ")]
            if status == 0 and presented:
                break
        else:
            sys.exit(f"{name} failed three times (status {status})")
        if round >= warm_up:
            times[name].append(presented[0] - start_wall)
            wholes[name].append(whole)
            peaks[name].append(usage.ru_maxrss)  # KiB on Linux
            seen = {}
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 3 and parts[0] == "startup":
                    seen[parts[1]] = (float(parts[2]) - start_wall) * 1000  # the last of a kind
            for stage, at in seen.items():
                stages[name].setdefault(stage, []).append(at)

# The yardstick: the faster of the empty windows.
base = min(programs[:len(renderers)], key=lambda p: statistics.median(times[p[0]]))[0]
base_time = statistics.median(times[base])
base_peak = statistics.median(peaks[base])
print(f"== Start-up to the first painted frame, and peak memory ({runs} interleaved runs each;"
      f" ratios against the {base})\n")
# The same round's empty window is the yardstick of each run too: the median of those paired
# ratios follows the machine's changes of speed during the runs less than the ratio of medians.
def paired(name):
    return statistics.median(t / b for t, b in zip(times[name], times[base]))
print("| program | to the first painted frame, median | quartiles | ratio | paired ratio | whole run (to exit), median | ratio | peak RSS, median | ratio |")
print("|---|---|---|---|---|---|---|---|---|")
base_whole = statistics.median(wholes[base])
for name, _, _ in programs:
    t = times[name]
    q1, _, q3 = statistics.quantiles(t, n=4)
    median = statistics.median(t)
    peak = statistics.median(peaks[name])
    whole = statistics.median(wholes[name])
    print(f"| {name} | {median*1000:.0f} ms | {q1*1000:.0f}–{q3*1000:.0f} ms | {median/base_time:.2f}× "
          f"| {paired(name):.2f}× | {whole*1000:.0f} ms | {whole/base_whole:.2f}× "
          f"| {peak/1024:.0f} MB | {peak/base_peak:.2f}× |")

order = ["launch", "journal-opened", "window-ready", "app-ready", "first-frame-begun", "first-frame-built",
         "first-frame-presented"]
traced = [name for name, _, _ in programs if stages[name]]
if traced:
    print("\n== Where painlog's start-up goes: each stage's median, ms after exec"
          " (journal-opened is on a thread of its own)\n")
    print("| program | " + " | ".join(order) + " |")
    print("|---|" + "---|" * len(order))
    for name in traced:
        cells = [f"{statistics.median(stages[name][s]):.0f}" if s in stages[name] else "–"
                 for s in order]
        print(f"| {name} | " + " | ".join(cells) + " |")
PY
