#!/usr/bin/env python3
"""SIGTERM under load against samples/EchoBot on 127.0.0.1 (issue 8, rows 1 and 2).

A fake Bot API answers send_message after --reply-delay seconds and records every reply. N signed text callbacks, each
from its own user, are posted at once; when --stop-after replies have reached the API (or after a second), the bot
gets SIGTERM. Then, per callback: the webhook's answer and whether its echo reached the API.

- lost: answered 200 but no reply reached the API (Viber will not retry it).
- duplicate risk: a reply reached the API but the answer was not 200 (Viber retries, the reply goes out twice).
Bounded: at most 1,000 callbacks, 120 s in all, everything on 127.0.0.1.
"""
import argparse, hashlib, hmac, http.client, http.server, json, os, signal, subprocess, sys, threading, time

TOKEN = "shutdown-bench-token-1234567890"


class FakeApi(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delay):
        super().__init__(("127.0.0.1", 0), Handler)
        self.delay, self.replies, self.lock = delay, {}, threading.Lock()
        self.in_flight = self.max_in_flight = 0
        self.released = threading.Event()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the bot gave up on a hanging request and closed its connection: expected in the --hang run

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        method = self.path.rsplit("/", 1)[-1]
        if method == "send_message":
            with self.server.lock:
                self.server.in_flight += 1
                self.server.max_in_flight = max(self.server.max_in_flight, self.server.in_flight)
            # A hanging API holds the request until the bot gives up (its connection closes) or the delay ends.
            self.server.released.wait(self.server.delay)
            with self.server.lock:
                self.server.in_flight -= 1
            receiver = json.loads(body).get("receiver")
            with self.server.lock:
                self.server.replies[receiver] = self.server.replies.get(receiver, 0) + 1
            answer = {"status": 0, "status_message": "ok", "message_token": 1}
        else:
            answer = {"status": 0, "status_message": "ok", "id": "pa:1", "name": "Bench"}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def post_callback(port, i, results, timeout=60):
    body = json.dumps({
        "event": "message", "timestamp": int(time.time() * 1000), "message_token": 7_000_000_000 + i,
        "sender": {"id": f"user-{i}", "name": "Bench", "api_version": 10},
        "message": {"type": "text", "text": f"hello {i}"},
    }).encode()
    signature = hmac.new(TOKEN.encode(), body, hashlib.sha256).hexdigest()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request("POST", "/viber/webhook", body, {"Content-Type": "application/json", "X-Viber-Content-Signature": signature})
        results[i] = conn.getresponse().status
        conn.close()
    except OSError as error:  # refused or reset while the server stops: Viber sees no 200 and retries
        results[i] = type(error).__name__


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dll", required=True)
    parser.add_argument("--mode", choices=["Inline", "Background"], required=True)
    parser.add_argument("--callbacks", type=int, default=200)
    parser.add_argument("--reply-delay", type=float, default=2.0)
    parser.add_argument("--stop-after", type=int, default=1)
    parser.add_argument("--port", type=int, default=5097)
    parser.add_argument("--hang", action="store_true", help="row 3: the API never answers; Viber gives up after 2 s")
    args = parser.parse_args()
    n = min(args.callbacks, 1000)
    api = FakeApi(args.reply_delay)
    threading.Thread(target=api.serve_forever, daemon=True).start()
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", ASPNETCORE_URLS=f"http://127.0.0.1:{args.port}",
               Viber__AuthToken=TOKEN, Viber__RegisterWebhook="false", Viber__Sender__Name="Bench",
               Viber__ApiBaseUrl=f"http://127.0.0.1:{api.server_address[1]}/pa/", Viber__DispatchMode=args.mode,
               Viber__WebhookUrl=f"https://bench.invalid/viber/webhook", RateLimiting__Enabled="false",
               Serilog__MinimumLevel__Default="Warning")
    server = subprocess.Popen(["dotnet", args.dll], cwd=os.path.dirname(args.dll), env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", args.port, timeout=1).request("GET", "/health")
                break
            except OSError:
                time.sleep(0.2)
        results = {}
        if args.hang:
            return hang(args, api, server, n, results)
        threads = [threading.Thread(target=post_callback, args=(args.port, i, results)) for i in range(n)]
        for t in threads:
            t.start()
        start = time.time()
        while time.time() - start < 1 and sum(api.replies.values()) < args.stop_after:
            time.sleep(0.01)
        stopped, at_stop = time.time(), sum(api.replies.values())
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=max(1, deadline - time.time()))
        exited = time.time() - stopped
        for t in threads:
            t.join(timeout=max(1, deadline - time.time()))
    finally:
        if server.poll() is None:
            server.kill()
        api.shutdown()
    ok = [i for i in range(n) if results.get(i) == 200]
    replied = [i for i in range(n) if api.replies.get(f"user-{i}")]
    lost = [i for i in ok if i not in replied]
    duplicate_risk = [i for i in replied if results.get(i) != 200]
    others = {}
    for i in range(n):
        if results.get(i) != 200:
            others[str(results.get(i))] = others.get(str(results.get(i)), 0) + 1
    print(f"{args.mode}: {n} callbacks, replies take {args.reply_delay} s, SIGTERM when {at_stop} had reached the API; "
          f"exit {server.returncode} {exited:.1f} s after SIGTERM")
    print(f"  answered 200: {len(ok)}; other answers: {others or 'none'}")
    print(f"  replies at the API: {len(replied)}; lost (200, no reply): {len(lost)}; duplicate risk (reply, not 200): {len(duplicate_risk)}")
    return 1 if lost or duplicate_risk else 0


def bot_connections(api_port):
    """Established TCP connections whose remote end is the fake API: the bot's side of its open API requests."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as rows:
                next(rows)
                for row in rows:
                    fields = row.split()
                    if fields[3] == "01" and int(fields[2].rsplit(":", 1)[1], 16) == api_port:
                        count += 1
        except FileNotFoundError:
            continue
    return count


def hang(args, api, server, n, results):
    """Row 3: the API hangs; like Viber, each callback is abandoned after 2 s. Counts the requests the bot keeps open."""
    threads = [threading.Thread(target=post_callback, args=(args.port, i, results, 2)) for i in range(n)]
    for t in threads:
        t.start()
    samples = []
    start = time.time()
    while time.time() - start < 30:
        time.sleep(1)
        samples.append((round(time.time() - start), bot_connections(api.server_address[1])))
    api.released.set()
    for t in threads:
        t.join(timeout=5)
    answers = {}
    for i in range(n):
        answers[str(results.get(i))] = answers.get(str(results.get(i)), 0) + 1
    print(f"{args.mode}, API hanging: {n} callbacks abandoned by the caller after 2 s; answers seen: {answers}")
    print(f"  the bot's open connections to the API, most {max(c for _, c in samples)}; by second: "
          + ", ".join(f"{t}s={c}" for t, c in samples if t in (1, 2, 5, 10, 12, 15, 20, 30)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
