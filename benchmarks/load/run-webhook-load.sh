#!/usr/bin/env bash
# Load benchmark of the webhook endpoint against a bare endpoint on the same server (the baseline).
# Needs wrk (apt-get install -y wrk). Everything runs on 127.0.0.1; each wrk run is bounded in time.
# Usage: benchmarks/load/run-webhook-load.sh [duration=15s] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-15s}"
connections="${2:-32}"
port=5099
work="$(mktemp -d)"
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build benchmarks/Viber.LoadBot -c Release -v q -nologo >/dev/null
dll=benchmarks/Viber.LoadBot/bin/Release/net10.0/Viber.LoadBot.dll
# 100,000 distinct callbacks: a 15 s run at the rates seen here stays mostly on the first-delivery path.
dotnet "$dll" --generate-lua "$work/webhook.lua" 100000
ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$dll" &
server=$!
for _ in $(seq 1 50); do curl -fs -o /dev/null -X POST "http://127.0.0.1:$port/bare" && break; sleep 0.2; done

run() {
  wrk -t2 -c"$connections" -d"$duration" --latency -s "$1" "http://127.0.0.1:$port$2" | tee "$work/out.txt" >&2
  # A benchmark of error answers measures nothing: every response must be a 200.
  if grep -q "Non-2xx" "$work/out.txt"; then echo "error: $2 answered non-2xx responses" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' "$work/out.txt"
}
echo "== baseline: POST /bare (read body, 200)" >&2
bare=$(run "$work/webhook.lua" /bare)
echo "== Viber webhook: POST /viber/webhook (verify, deserialize, dedupe, dispatch)" >&2
viber=$(run "$work/webhook.lua" /viber/webhook)
python3 -c "print(f'bare {float(\"$bare\"):.0f} req/s, webhook {float(\"$viber\"):.0f} req/s, ratio webhook/bare = {float(\"$viber\")/float(\"$bare\"):.2f}')"
