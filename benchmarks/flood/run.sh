#!/usr/bin/env bash
# Slow-headers flood against samples/EchoBot (emulator mode, no token) on 127.0.0.1, with the sample's limits or
# without them (--no-limits: Kestrel's own defaults and no rate limiting). Bounded: at most 18,000 connections held
# for at most 120 s. Reports RSS before/during/after, whether /health answered, and whether the process survived.
# Usage: benchmarks/flood/run.sh [--no-limits] [--health-port] [--slow-body BYTES] [--heap-limit-mb MB] [connections=15000] [hold-seconds=30]
# --health-port serves /health on a second listener (127.0.0.1:5099, Health:Port) and probes it there.
# --slow-body BYTES floods the webhook instead: unsigned POSTs whose headers declare BYTES of body that never comes
# (a byte every few seconds). --heap-limit-mb caps the GC heap (DOTNET_GCHeapHardLimit) as a container's memory limit
# does: committed memory, not RSS, is what runs out there.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=limits
health_port=""
slow_body=""
while [[ "${1:-}" == --* ]]; do
  case "$1" in
    --no-limits) mode=none; shift ;;
    --health-port) health_port=5099; shift ;;
    --slow-body) slow_body="$2"; shift 2 ;;
    --heap-limit-mb) export DOTNET_GCHeapHardLimit="$(printf '0x%x' $(( $2 * 1024 * 1024 )))"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
connections="${1:-15000}"
hold="${2:-30}"
port=5098
work="$(mktemp -d)"
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
ulimit -n "$(ulimit -Hn)"

dotnet build samples/EchoBot -c Release -v q -nologo >/dev/null
if [[ "$mode" == none ]]; then
  # What an app without the sample's limits gets: no connection cap, Kestrel's 30 s header timeout, no rate limits.
  export Kestrel__Limits__MaxConcurrentConnections=1000000 Kestrel__Limits__RequestHeadersTimeout=00:00:30 RateLimiting__Enabled=false
fi
# Started from the project folder, as dotnet run does: the content root is the current folder, and appsettings.json
# (where the limits are) is read from there. The server's log goes to a file, not the console.
urls="http://127.0.0.1:$port"
if [[ -n "$health_port" ]]; then urls="$urls;http://127.0.0.1:$health_port"; export Health__Port="$health_port"; fi
(cd samples/EchoBot && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$urls" \
  exec dotnet bin/Release/net10.0/EchoBot.dll >"$work/server.log" 2>&1) &
server=$!
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.2; done
kind="slow-header"
if [[ -n "$slow_body" ]]; then kind="slow-body ($slow_body bytes declared)"; fi
echo "== flood ($mode${DOTNET_GCHeapHardLimit:+, GC heap limit $DOTNET_GCHeapHardLimit}): $connections $kind connections for ${hold}s against pid $server" >&2
status=0
python3 benchmarks/flood/flood.py --port "$port" --pid "$server" --connections "$connections" --hold "$hold" \
  ${health_port:+--health-port "$health_port"} ${slow_body:+--slow-body "$slow_body"} || status=$?
if grep -q "Out of memory" "$work/server.log"; then echo "server: Out of memory." >&2; fi
echo "server: $(grep -c "OutOfMemoryException" "$work/server.log" || true) OutOfMemoryException lines in its log" >&2
exit "$status"
