#!/usr/bin/env python3
"""Where a target spends its CPU beside the floor: a perf profile of each under the same wrk load, compared by frame.

Called by profile.sh (which builds Viber.LoadBot and EchoBot in Release first). The floor of the target's group and
the target run one after the other, each alone on core 0 (taskset -c 0) with wrk and the fake Viber API on core 1, as
in run.py. Each server warms up under wrk (the floor and the minimal bot until the JIT is quiet, as in run.py), then,
once wrk's load is on, `perf record -F FREQUENCY` samples it for --seconds while wrk goes on (`--call-graph` adds
-g). The JIT writes /tmp/perf-PID.map (DOTNET_PerfMapEnabled=1, with W^X off), so perf names managed frames.

Printed: each frame's self time in µs per callback for the floor and the target (samples / frequency / callbacks in
the sampled window), the frames whose time differs most, and the totals. Figures from one profiled run each: compare
the two columns with each other, not with run.py's passes (perf's own sampling slows both servers). Each server's
line also gives the share of its core it used while sampled: only two servers near 100% compare cleanly, since a
server that waits for the load pays for its idle time (the thread pool spinning and waking up) in every callback.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as load  # noqa: E402  (the load benchmark's targets, environment and wrk runner)

# perf report --stdio -n --sort dso,sym: "  12.34%  567  dso  [.] symbol"
REPORT_LINE = re.compile(r"\s+[\d.]+%\s+(\d+)\s+(\S.*?)\s{2,}\[(.)\]\s+(.*)")
# Seconds that wrk runs beyond the sampled window: its start-up (loading the bodies) and a margin after the window.
LOAD_MARGIN = 6
# Parts of a frame's name that differ between two processes of the same code: the JIT's thread id in the dso, and the tier.
TIER = re.compile(r"\[(OptimizedTier1|Optimized|Tier1|Tier0|QuickJitted|PreJIT|OSR|InstrumentedTier\w*)\]")


def frames(data, frequency, callbacks):
    """Self time per callback (µs) of each frame in a perf data file."""
    out = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso,sym", "--stdio", "-g", "none", "-n"],
                         capture_output=True, text=True, check=True).stdout
    times = collections.Counter()
    for line in out.splitlines():
        if m := REPORT_LINE.match(line):
            samples, dso, symbol = int(m.group(1)), re.sub(r" tid \d+", "", m.group(2).strip()), TIER.sub("", m.group(4)).strip()
            times[(dso, symbol)] += samples / frequency / callbacks * 1e6
    return times


def wait_for_load(pid, timeout=30):
    """Returns once the server uses half its core or more over a fifth of a second, the sign that wrk's load is on."""
    deadline = time.monotonic() + timeout
    before = sum(load.cpu_ticks(pid)[:2])
    while time.monotonic() < deadline:
        time.sleep(0.2)
        now = sum(load.cpu_ticks(pid)[:2])
        if now - before >= 0.1 * load.CLK_TCK:
            return
        before = now
    raise RuntimeError(f"the load did not start within {timeout} s")


def profile(name, script, args, work):
    """Starts one server, warms it up, and profiles it under wrk; returns its frames' self time per callback."""
    _, cmd, api_port, _ = load.TARGETS[name]
    port = load.FIRST_BOT_PORT
    load.ensure_free(port)
    # W^X maps JIT-compiled code twice, and perf then attributes it to an anonymous double mapping instead of the map's names.
    env = {**load.env_for(name, api_port, port), "DOTNET_PerfMapEnabled": "1", "DOTNET_EnableWriteXorExecute": "0"}
    log = open(os.path.join(work, f"{name}.log"), "w")
    # Started in its own bin folder, where perf writes nothing: the configuration's file watcher would wake on perf's writes.
    proc = subprocess.Popen(["taskset", "-c", "0", *cmd], env=env, cwd=os.path.dirname(cmd[1]), stdout=log, stderr=subprocess.STDOUT)
    try:
        load.wait_port(port, proc)
        print(f"== warming up {name} for {args.warmup} s", file=sys.stderr)
        # Until the JIT is quiet, as run.py warms: code still at its first tiers runs slower than it will, and the
        # JIT's own thread would count against the server's frames.
        sent, _ = load.warm_up(name, script, port, args.warmup, args.connections)
        jit_before = load.jit(port)
        result = {}
        # wrk loads its bodies for a second or two before it sends a request, so the sampled window starts once the
        # server is busy, and wrk runs on past its end.
        runner = threading.Thread(target=lambda: result.update(load.wrk(script, args.seconds + LOAD_MARGIN, args.connections, sent, port)))
        runner.start()
        wait_for_load(proc.pid)
        data = os.path.join(work, f"{name}.data")
        before, started = load.cpu_ticks(proc.pid), time.monotonic()
        # Self time needs no call graph, and walking each sample's stack costs the sampled core more.
        call_graph = ["-g"] if args.call_graph else []
        recorded = subprocess.run(["taskset", "-c", "1", "perf", "record", "-F", str(args.frequency), *call_graph, "-p", str(proc.pid),
                                   "-o", data, "--", "sleep", str(args.seconds)], capture_output=True, text=True)
        after, elapsed = load.cpu_ticks(proc.pid), time.monotonic() - started
        runner.join()
        if recorded.returncode != 0:
            # Most often the rights to profile another process (kernel.perf_event_paranoid): perf says which.
            raise RuntimeError(f"perf record failed with {recorded.returncode}: {recorded.stderr.strip()}")
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode} (see {log.name})")
        if "rps" not in result:
            raise RuntimeError(f"wrk did not finish its run against {name} (its error is printed above)")
        callbacks = result["rps"] * args.seconds
        # Over perf's whole run (its start and exit take a moment too, with wrk's load still on). Below 100%, the
        # server waited for the load (perf's own work slows wrk too), and its idle time (the thread pool's spinning,
        # waking up) counts in its frames.
        core = (after[0] - before[0] + after[1] - before[1]) / load.CLK_TCK / elapsed
        compiled = None
        if jit_before is not None:
            jit_after = load.jit(port)
            compiled = (jit_after[0] - jit_before[0], jit_after[1] - jit_before[1])
        print(f"  {name}: {result['rps']:.0f} req/s under perf, non-2xx {result['non2xx']}, {load.fmt_jit(compiled)} and "
              f"{core:.0%} of its core used while sampled", file=sys.stderr)
        return frames(data, args.frequency, callbacks)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", default="minimal-echo", help="a target of run.py; it is compared with its floor")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=40)
    parser.add_argument("--frequency", type=int, default=1999)
    parser.add_argument("--call-graph", action="store_true", help="record call graphs too (perf record -g), for perf report -G on the data")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--bodies", type=int, default=600_000)
    parser.add_argument("--top", type=int, default=40, help="how many frames to list, by the largest difference")
    args = parser.parse_args()
    if args.target not in load.TARGETS:
        sys.exit(f"unknown target {args.target}; known: {', '.join(load.TARGETS)}")
    kind, _, api_port, group = load.TARGETS[args.target]
    floor = load.FLOORS[group]
    if floor == args.target:
        sys.exit(f"{args.target} is a floor; name a target to compare with it")

    work = tempfile.mkdtemp(prefix="viber-profile-")
    script = os.path.join(work, f"{kind}.lua")
    load.generate_script(kind, args.bodies, script)
    api = load.start_fake_api(api_port)
    try:
        floor_frames = profile(floor, script, args, work)
        target_frames = profile(args.target, script, args, work)
    finally:
        api.terminate()
        api.wait(timeout=30)

    keys = sorted(set(floor_frames) | set(target_frames), key=lambda k: -(target_frames[k] - floor_frames[k]))
    print(f"\nSelf time in µs per callback, {args.seconds} s of perf at {args.frequency} Hz after {args.warmup} s of warm-up; "
          f"perf data and logs in {work}\n")
    print(f"| frame | {floor} | {args.target} | difference |")
    print("|---|---|---|---|")
    for dso, symbol in keys[:args.top]:
        f, t = floor_frames[(dso, symbol)], target_frames[(dso, symbol)]
        # A compiler-generated name can hold '|' (a local function's), which would split the table's row.
        name = symbol[:160].replace("|", "\\|")
        print(f"| `{dso}` {name} | {f:.2f} | {t:.2f} | {t - f:+.2f} |")
    f, t = sum(floor_frames.values()), sum(target_frames.values())
    print(f"| total | {f:.1f} | {t:.1f} | {t - f:+.1f} |")


if __name__ == "__main__":
    main()
