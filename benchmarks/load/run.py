#!/usr/bin/env python3
"""Webhook load benchmark: each target against the floor, measured in the same run on one pinned core.

Called by run.sh (which builds everything in Release first). The server under test runs alone on core 0
(taskset -c 0); wrk and the fake Viber API share core 1. Every target is its own process on its own port, so its
CPU time and peak RSS are its own. All the targets start together and each gets its warm-up; then the measured runs
take turns (floor, target, floor, target, ...), so that a machine whose speed drifts during a pass (a shared VM moved
between 38,000 and 52,000 requests/s for the same floor within minutes) slows the floor and the targets alike instead
of whichever ran last. The median of RUNS runs is reported, and beside it the median of the per-turn ratios (each
run against the floor's run of the same turn).

Figures per target: requests/s, p50, p99, CPU microseconds per callback (process CPU time / requests: the steadiest
figure on a noisy machine; split into user and system time, with minor page faults per callback), the share of its
core the server used (near 100%, its CPU is what bounds its requests/s), bytes allocated per callback (the GC's own
count, read from the floor and the minimal bot before and after each run; EchoBot, a sample, has no such endpoint),
the garbage collections per 1,000 callbacks and the GC's pause per callback (from the same two servers: on one core,
the pause is CPU the collector takes from the requests), the methods JIT-compiled during each run (from the same two
servers, which also warm up until the JIT is quiet),
peak RSS (VmHWM), and for echo targets the replies the fake API received, which must match the message callbacks
answered 200 (up to the requests wrk cut off in flight at the end of a run).
"""
import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LOADBOT = os.path.join(ROOT, "benchmarks/Viber.LoadBot/bin/Release/net10.0/Viber.LoadBot.dll")
ECHOBOT = os.path.join(ROOT, "samples/EchoBot/bin/Release/net10.0/EchoBot.dll")
TOKEN = "load-test-token-0123456789"
API_PORT, SLOW_API_PORT = 5098, 5097
API_DELAY_MS = {API_PORT: 0, SLOW_API_PORT: 50}  # how long each fake API waits before it answers
FIRST_BOT_PORT = 5099  # each target listens on its own port, from this one up
CLK_TCK = os.sysconf("SC_CLK_TCK")
# Past --warmup, a server with the JIT counter warms on in slices until one compiles at most this many methods.
WARMUP_SLICE, WARMUP_MAX_EXTRA, WARMUP_QUIET_METHODS = 5, 60, 25
DEDUP_CAPACITY = 100_000  # Viber:DeduplicationCapacity's default

# name, callback kind, command, fake API port, group (the floor each target is compared with)
TARGETS = {
    "floor-ingest": ("delivered", ["dotnet", LOADBOT, "floor", "ingest"], API_PORT, "ingest"),
    "minimal-ingest": ("delivered", ["dotnet", LOADBOT, "minimal"], API_PORT, "ingest"),
    "minimal-ingest-nolog": ("delivered", ["dotnet", LOADBOT, "minimal"], API_PORT, "ingest"),
    "minimal-ingest-nohostdiag": ("delivered", ["dotnet", LOADBOT, "minimal"], API_PORT, "ingest"),
    "echobot-ingest": ("delivered", ["dotnet", ECHOBOT], API_PORT, "ingest"),
    "floor-ingest-keyedhmac": ("delivered", ["dotnet", LOADBOT, "floor", "ingest"], API_PORT, "ingest"),
    "floor-echo": ("text", ["dotnet", LOADBOT, "floor", "echo"], API_PORT, "echo"),
    "floor-echo-keyedhmac": ("text", ["dotnet", LOADBOT, "floor", "echo"], API_PORT, "echo"),
    "minimal-echo": ("text", ["dotnet", LOADBOT, "minimal", "echo"], API_PORT, "echo"),
    "minimal-echo-nolog": ("text", ["dotnet", LOADBOT, "minimal", "echo"], API_PORT, "echo"),
    "minimal-echo-nohostdiag": ("text", ["dotnet", LOADBOT, "minimal", "echo"], API_PORT, "echo"),
    "minimal-echo-httptrace": ("text", ["dotnet", LOADBOT, "minimal", "echo"], API_PORT, "echo"),
    "echobot-echo": ("text", ["dotnet", ECHOBOT], API_PORT, "echo"),
    "echobot-echo-verbose": ("text", ["dotnet", ECHOBOT], API_PORT, "echo"),
    "floor-answer-first": ("text", ["dotnet", LOADBOT, "floor", "answer-first"], SLOW_API_PORT, "background"),
    "minimal-background": ("text", ["dotnet", LOADBOT, "minimal", "echo", "background"], SLOW_API_PORT, "background"),
}
FLOORS = {"ingest": "floor-ingest", "echo": "floor-echo", "background": "floor-answer-first"}
# Variants that only tell one cost apart from the rest; they run when named.
VARIANTS = ("-nolog", "-nohostdiag", "-verbose", "-httptrace", "-keyedhmac")
# Every target process started, stopped again at the end even when a pass fails or is stopped (stopping twice is harmless).
LIVE = []
# A minimal-bot or EchoBot target of another build (run.sh --baseline REV) runs as NAME + this suffix, beside NAME.
BASELINE = "@baseline"


def add_baselines(names, dll, echobot_dll):
    """Adds, for each named target that runs the minimal bot (or EchoBot, given its build), the same target on the baseline's build."""
    for n in list(names):
        kind, cmd, port, group = TARGETS[n]
        if cmd[1] == LOADBOT and cmd[2] == "minimal":
            baseline_cmd = [cmd[0], dll, *cmd[2:]]
        elif cmd[1] == ECHOBOT and echobot_dll:
            baseline_cmd = [cmd[0], echobot_dll, *cmd[2:]]
        else:
            continue
        TARGETS[n + BASELINE] = (kind, baseline_cmd, port, group)
        names.insert(names.index(n) + 1, n + BASELINE)


def env_for(name, api_port, bot_port):
    name = name.removesuffix(BASELINE)
    env = dict(os.environ)
    api = f"http://127.0.0.1:{api_port}/pa/"
    env.update({
        "ASPNETCORE_URLS": f"http://127.0.0.1:{bot_port}",
        "ASPNETCORE_ENVIRONMENT": "Production",
        "DOTNET_gcServer": env.get("DOTNET_gcServer", "0"),
        "LOADBOT_TOKEN": TOKEN,
        "LOADBOT_API": api,
    })
    if name.endswith("-nolog"):
        # The minimal bot with no logger, as the floor runs: with none, ASP.NET Core's hosting layer starts no
        # activity and pushes no log scope per request, which tells that cost apart from the library's.
        env["LOADBOT_LOGGING"] = "none"
    if name.endswith("-nohostdiag"):
        # The minimal bot with its logger, but with the category that ASP.NET Core's hosting layer decides by turned
        # off: the hosting layer then starts no activity and pushes no log scope per request (and logs no request
        # lines), while the library's own logging runs as in minimal-*. What is left against the floor is the library's.
        env["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "None"
    if name.endswith("-httptrace"):
        # The minimal bot with HttpClient's own activity and trace headers turned back on for Bot API calls (the
        # library turns them off): what they cost per send while ASP.NET Core starts an activity per request.
        env["LOADBOT_HTTP_TRACING"] = "on"
    if name.endswith("-keyedhmac"):
        # The floor with its HMAC context keyed once per thread, as the library's verifier keeps it, instead of the
        # one-shot HMACSHA256.HashData: how much of the library's lead on the signature check is only that.
        env["LOADBOT_FLOOR_HMAC"] = "keyed"
    if name.endswith("-verbose"):
        # EchoBot with its line per message turned on, as in development (the handler's Debug line; Production's
        # default leaves it out): what one console line per message costs through Serilog.
        env["Serilog__MinimumLevel__Override__EchoBot.Handlers.EchoHandler"] = "Debug"
    if name.startswith("echobot"):
        env.update({
            "Viber__AuthToken": TOKEN,
            "Viber__WebhookUrl": f"http://127.0.0.1:{bot_port}/viber/webhook",
            "Viber__ApiBaseUrl": api,
            # The sample limits each client address to 100 webhook requests a second (Viber calls from a few
            # addresses); wrk is one address, so the limit is raised. The limiter still runs on every request.
            "RateLimiting__Webhook__PermitLimit": "100000000",
        })
    return env


def ensure_free(port):
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", port)) == 0:
            sys.exit(f"error: something already listens on 127.0.0.1:{port}; stop it first")


def wait_port(port, proc, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process on port {port} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {timeout}s")


def cpu_ticks(pid):
    """The process's user and system CPU time so far, in clock ticks, and its minor page faults so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]), int(fields[12]), int(fields[7])  # utime, stime, minflt (fields 14, 15 and 10 of stat)


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def threads_and_switches(pid):
    """The process's thread count and the context switches of all its threads so far (voluntary + involuntary)."""
    threads, switches = 0, 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as f:
                threads += 1
                switches += sum(int(line.split()[1]) for line in f if "ctxt_switches:" in line)
        except FileNotFoundError:
            continue  # the thread ended while being read
    return threads, switches


def fake_count(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/count", timeout=5) as r:
        return int(r.read())


def settle(port, quiet=1.0, timeout=60):
    """Waits until the fake API's send count stops changing (replies of background work still arriving)."""
    last, since, deadline = fake_count(port), time.time(), time.time() + timeout
    while time.time() < deadline:
        time.sleep(0.2)
        now = fake_count(port)
        if now != last:
            last, since = now, time.time()
        elif time.time() - since >= quiet:
            return now
    return last


def counter(port, name):
    """The text of one of Viber.LoadBot's counters (/_loadbot/NAME), or None for a server without it (EchoBot)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_loadbot/{name}", timeout=5) as r:
            return r.read().decode()
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


def allocated(port):
    """The server's allocated bytes so far (Viber.LoadBot's AllocationCounter), or None for a server without one."""
    text = counter(port, "allocated")
    return None if text is None else int(text)


def jit(port):
    """The methods the server's JIT compiled so far and its milliseconds, or None for a server without the counter."""
    text = counter(port, "jit")
    if text is None:
        return None
    methods, ms = text.split()
    return int(methods), float(ms)


def gc(port):
    """The server's collections of generations 0, 1 and 2 and its GC pause in ms so far, or None without the counter."""
    text = counter(port, "gc")
    if text is None:
        return None
    gen0, gen1, gen2, pause_ms = text.split()
    return int(gen0), int(gen1), int(gen2), float(pause_ms)


def fmt_gc(value):
    return "GC —" if value is None else f"GC {value[0]:.2f}/{value[1]:.2f}/{value[2]:.2f} per 1,000 callbacks (gen 0/1/2), pauses {value[3]:.2f} us/callback"


def fmt_bytes(value):
    return "—" if value is None else f"{value:.0f}"


def fmt_jit(value):
    return "JIT —" if value is None else f"JIT {value[0]} methods in {value[1]:.0f} ms"


def to_ms(text):
    value, unit = float(re.match(r"([\d.]+)", text).group(1)), re.sub(r"[\d.]", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(script, seconds, connections, offset, port):
    cmd = ["taskset", "-c", "1", "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script,
           f"http://127.0.0.1:{port}/viber/webhook"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60, env={**os.environ, "WRK_THREADS": "1", "WRK_OFFSET": str(offset)}).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    errors = re.search(r"Socket errors: (.*)", out)
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    return {"rps": rps, "total": total, "non2xx": non2xx, "p50": p50, "p99": p99, "errors": errors.group(1) if errors else ""}


def warm_up(name, script, port, seconds, connections):
    """Warms a server up under wrk for SECONDS; one with the JIT counter goes on until the JIT is quiet.

    Returns the requests sent (the next run's body offset) and the extra seconds.
    """
    sent = wrk(script, seconds, connections, 0, port)["total"] + connections
    # Tiered compilation shares the pinned core with the load, so it can lag behind a fixed warm-up (a first
    # measured run once compiled 1,000 methods after 20 s of load, and a profiled server, slowed by perf, still spent
    # 14% of its CPU in the JIT after 40 s). A server with the JIT counter warms on in short slices until a slice
    # compiles few methods.
    extra = 0
    while extra < WARMUP_MAX_EXTRA and (before := jit(port)) is not None:
        sent += wrk(script, WARMUP_SLICE, connections, sent, port)["total"] + connections
        extra += WARMUP_SLICE
        compiled = jit(port)[0] - before[0]
        if compiled <= WARMUP_QUIET_METHODS:
            print(f"  {name}: warmed up {extra} s more, until a {WARMUP_SLICE} s slice compiled {compiled} methods", file=sys.stderr)
            break
    return sent, extra


def generate_script(kind, bodies, path):
    """Writes BODIES distinct signed callbacks of KIND (delivered or text) and the wrk script that sends them."""
    subprocess.run(["dotnet", LOADBOT, "generate", kind, str(bodies), path], check=True, env={**os.environ, "LOADBOT_TOKEN": TOKEN})


def start_fake_api(port):
    """Starts the fake Viber Bot API on core 1 and waits until it listens."""
    ensure_free(port)
    api = subprocess.Popen(["taskset", "-c", "1", "dotnet", LOADBOT, "fake-api", str(API_DELAY_MS[port])],
                           env={**os.environ, "ASPNETCORE_URLS": f"http://127.0.0.1:{port}"},
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, api)
    except BaseException:
        # Not yet the caller's to stop: stopped here, then the failure goes on.
        api.kill()
        api.wait()
        raise
    return api


class Target:
    """One target's server process: started, warmed up, then measured one run at a time, in turn with the others."""

    def __init__(self, name, port, scripts, args, work):
        self.name, self.port, self.args = name, port, args
        self.kind, cmd, self.api_port, _ = TARGETS[name]
        self.script = scripts[self.kind]
        self.log = open(os.path.join(work, f"{name}.log"), "a")  # appended to by each process of --processes
        self.runs, self.sent = [], 0
        ensure_free(port)
        self.proc = subprocess.Popen(["taskset", "-c", "0", *cmd], env=env_for(name, self.api_port, port),
                                     cwd=os.path.dirname(cmd[1]), stdout=self.log, stderr=subprocess.STDOUT)

    def warm_up(self):
        """Warms up for --warmup seconds; a server with the JIT counter goes on until the JIT is quiet. Returns the extra seconds."""
        self.sent, extra = warm_up(self.name, self.script, self.port, self.args.warmup, self.args.connections)
        return extra

    def warm_more(self, seconds):
        self.sent += wrk(self.script, seconds, self.args.connections, self.sent, self.port)["total"] + self.args.connections

    def run_once(self):
        args, proc, name = self.args, self.proc, self.name
        before_sent = settle(self.api_port)
        before_allocated = allocated(self.port)
        before_jit = jit(self.port)
        before_gc = gc(self.port)
        before_user, before_system, before_faults = cpu_ticks(proc.pid)
        _, before_switches = threads_and_switches(proc.pid)
        result = wrk(self.script, args.duration, args.connections, self.sent, self.port)
        self.sent += result["total"] + args.connections
        # Past the end the bodies come round again, each after --bodies others: the in-memory deduplication
        # store (100,000 keys by default) has forgotten it by then, so it still takes the first-delivery path.
        # Before settling: background replies after the run are not counted twice.
        after_user, after_system, after_faults = cpu_ticks(proc.pid)
        threads, after_switches = threads_and_switches(proc.pid)
        after_allocated = allocated(self.port)
        after_jit = jit(self.port)
        after_gc = gc(self.port)
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode} during the run (see {self.log.name})")
        replies = settle(self.api_port) - before_sent
        callbacks = max(result["total"], 1)
        result["user_us"] = (after_user - before_user) / CLK_TCK * 1e6 / callbacks
        result["system_us"] = (after_system - before_system) / CLK_TCK * 1e6 / callbacks
        result["cpu_us"] = result["user_us"] + result["system_us"]
        # The share of its core the server used in the run (its CPU over the run's duration; wrk spends its first
        # second or two loading the bodies, with no request sent, which this leaves out). Near 100%, the server's
        # CPU per callback is what bounds its requests/s, and the ratio of two targets follows their CPU.
        result["core"] = (after_user - before_user + after_system - before_system) / CLK_TCK / args.duration
        # Minor page faults per callback: a heap that the GC hands back to the kernel and touches again costs
        # kernel time that shows in system_us and nowhere in a managed profile.
        result["faults"] = (after_faults - before_faults) / callbacks
        result["ok"] = result["total"] - result["non2xx"]
        result["bytes"] = None if before_allocated is None else (after_allocated - before_allocated) / max(result["total"], 1)
        # A server still compiling during a measured run was not warm yet: the JIT's CPU counts against it.
        result["jit"] = None if before_jit is None else (after_jit[0] - before_jit[0], after_jit[1] - before_jit[1])
        # Collections per 1,000 callbacks and the GC's pause per callback: on the server's one core, the pause is CPU
        # the collector takes from the requests, so it prices the bytes a callback allocates.
        result["gc"] = None if before_gc is None else (
            *((after_gc[i] - before_gc[i]) * 1000 / callbacks for i in range(3)),
            (after_gc[3] - before_gc[3]) * 1000 / callbacks)
        # Compared on answers of 200 per second: a full background queue answers 503 at once, which wrk counts
        # as requests too (and 503s are what Viber retries, not what the bot handled).
        result["rps"] = result["ok"] / args.duration
        result["replies"] = replies
        # Thread count and context switches per callback tell a run where the thread pool grew (more threads
        # taking turns on the one core) from a run where the code itself got slower.
        result["threads"] = threads
        result["switches"] = (after_switches - before_switches) / max(result["total"], 1)
        self.runs.append(result)
        print(f"  {name}: {result['rps']:.0f} req/s, p50 {result['p50']:.2f} ms, p99 {result['p99']:.2f} ms, "
              f"{result['cpu_us']:.1f} us CPU/callback (user {result['user_us']:.1f}, system {result['system_us']:.1f}), {result['faults']:.2f} page faults/callback, {fmt_bytes(result['bytes'])} B/callback, {fmt_gc(result['gc'])}, {fmt_jit(result['jit'])}, 200s {result['ok']}, non-2xx {result['non2xx']}, "
              f"replies {replies}, {threads} threads, {result['switches']:.2f} context switches/callback, "
              f"{result['core']:.0%} of its core {result['errors']}", file=sys.stderr)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


def start_and_measure(names, scripts, args, work):
    """Starts every target in a process of its own, warms all of them up, then measures them in turns."""
    targets = {}
    # Idle, a warmed-up server costs the one being measured nothing noticeable (its pool threads park), so all
    # stay up and the runs take turns.
    for i, n in enumerate(names):
        targets[n] = Target(n, FIRST_BOT_PORT + i, scripts, args, work)
        LIVE.append(targets[n])
    for n in names:
        wait_port(targets[n].port, targets[n].proc)  # every start-up over before the first warm-up
    extras = {}
    for n in names:
        print(f"== warming up {n}", file=sys.stderr)
        extras[n] = targets[n].warm_up()
    # A server without the JIT counter (EchoBot, or a baseline built before the counter) gets as much extra
    # warm-up as the longest any counted server needed, so that no build is measured less warm than another.
    longest = max(extras.values())
    for n in names:
        if longest and jit(targets[n].port) is None:
            print(f"== warming up {n} {longest} s more, as long as the longest counted warm-up", file=sys.stderr)
            targets[n].warm_more(longest)
    for run in range(args.runs):
        print(f"== run {run + 1} of {args.runs}", file=sys.stderr)
        for n in names:
            targets[n].run_once()
    return targets


def summarize(runs, peaks, echo):
    """The median run of a target (by 200s/s) with the medians of its CPU, bytes and processes' peak RSS."""
    median = dict(sorted(runs, key=lambda r: r["rps"])[len(runs) // 2])
    median["rss"] = statistics.median(peaks)
    for figure in ("cpu_us", "user_us", "system_us", "core"):
        median[figure] = statistics.median(r[figure] for r in runs)
    counted = [r["bytes"] for r in runs if r["bytes"] is not None]
    median["bytes"] = statistics.median(counted) if counted else None
    paused = [r["gc"][3] for r in runs if r["gc"] is not None]
    median["gc_us"] = statistics.median(paused) if paused else None
    median["echo"] = echo
    return median


def main():
    # Stopped from outside (timeout, kill): unwind through the finally blocks, which stop the servers and fake APIs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser()
    parser.add_argument("--targets", default=",".join(n for n in TARGETS if not n.endswith(VARIANTS)))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=90)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--bodies", type=int, default=600_000)
    parser.add_argument("--processes", type=int, default=1,
                        help="start every target this many times, one set after another, and pool their runs: tiered PGO "
                             "compiles each process from its own profile, so one process of the same code can run a few "
                             "µs faster or slower than another for its whole life")
    parser.add_argument("--baseline-dll", help="Viber.LoadBot.dll of another build: its minimal bot runs beside ours")
    parser.add_argument("--baseline-echobot-dll", help="EchoBot.dll of the same other build: it runs beside ours")
    args = parser.parse_args()
    if os.cpu_count() < 2:
        print("warning: one core only: the server, wrk and the fake API share it, so figures mix them", file=sys.stderr)

    names = [n.strip() for n in args.targets.split(",") if n.strip()]
    for n in names:
        if n not in TARGETS:
            sys.exit(f"unknown target {n}; known: {', '.join(TARGETS)}")
    if args.baseline_dll:
        add_baselines(names, os.path.abspath(args.baseline_dll), args.baseline_echobot_dll and os.path.abspath(args.baseline_echobot_dll))
    # Each compared target runs with its floor in the same run.
    for n in list(names):
        floor = FLOORS[TARGETS[n][3]]
        if floor not in names:
            names.insert(0, floor)

    work = tempfile.mkdtemp(prefix="viber-load-")
    scripts = {}
    for kind in sorted({TARGETS[n][0] for n in names}):
        scripts[kind] = os.path.join(work, f"{kind}.lua")
        generate_script(kind, args.bodies, scripts[kind])

    apis = []
    try:
        for port in API_DELAY_MS:
            if any(TARGETS[n][2] == port for n in names):
                apis.append(start_fake_api(port))

        if args.bodies <= DEDUP_CAPACITY:
            print(f"warning: {args.bodies} bodies do not exceed the deduplication capacity; raise --bodies", file=sys.stderr)
        runs = {n: [] for n in names}
        peaks = {n: [] for n in names}
        for process in range(args.processes):
            if args.processes > 1:
                print(f"== processes {process + 1} of {args.processes}", file=sys.stderr)
            targets = start_and_measure(names, scripts, args, work)
            for n in names:
                runs[n] += targets[n].runs
                peaks[n].append(peak_rss_mb(targets[n].proc.pid))
                targets[n].stop()
        results = {n: summarize(runs[n], peaks[n], TARGETS[n][0] == "text") for n in names}
        for n in names:
            # Each run against the floor's run of the same turn, minutes apart at most: the median of these pairs
            # follows the code rather than the machine's drift between turns.
            floor_runs = runs[FLOORS[TARGETS[n][3]]]
            results[n]["paired"] = statistics.median(t["rps"] / f["rps"] for t, f in zip(runs[n], floor_runs))
    finally:
        for target in LIVE:
            target.stop()
        for api in apis:
            api.terminate()
            api.wait(timeout=30)

    print(f"\n{args.connections} connections, {args.processes} process(es) per target, {args.runs} x {args.duration} s each after {args.warmup} s warm-up, "
          f"{args.bodies} distinct bodies; runs taking turns across targets; median run; logs in {work}\n")
    print("| target | 200s/s | vs floor | vs floor, median of turns | p50 ms | p99 ms | p99 vs floor | CPU µs/callback (user + system) | core used | bytes/callback (vs floor) | GC pause µs/callback | peak RSS MB | RSS vs floor | replies / 200s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in names:
        r, f = results[n], results[FLOORS[TARGETS[n][3]]]
        replies = f"{r['replies']} / {r['ok']}" if r["echo"] else "—"
        if r["echo"] and not (0 <= r["replies"] - r["ok"] <= args.connections):
            replies += " MISMATCH"
        extra = "" if r["bytes"] is None or f["bytes"] is None or n == FLOORS[TARGETS[n][3]] else f" ({r['bytes'] - f['bytes']:+.0f})"
        paused = "—" if r["gc_us"] is None else f"{r['gc_us']:.2f}"
        print(f"| {n} | {r['rps']:.0f} | {r['rps'] / f['rps']:.2f}× | {r['paired']:.2f}× | {r['p50']:.2f} | {r['p99']:.2f} | "
              f"{r['p99'] / f['p99']:.2f}× | {r['cpu_us']:.1f} ({r['user_us']:.1f} + {r['system_us']:.1f}) | {r['core']:.0%} | {fmt_bytes(r['bytes'])}{extra} | {paused} | {r['rss']:.0f} | {r['rss'] / f['rss']:.2f}× | {replies} |")


if __name__ == "__main__":
    main()
