#!/usr/bin/env bash
# Webhook load benchmark, every target against the floor in the same run (see run.py for what is measured).
# Needs wrk, taskset and python3 (apt-get install -y wrk util-linux python3). Everything runs on 127.0.0.1.
# Usage: benchmarks/load/run.sh [--targets a,b (the -nolog, -nohostdiag, -verbose and -httptrace variants run only when named)] [--runs 3] [--duration 10] [--warmup 90] [--connections 32] [--bodies 600000] [--processes 1] [--baseline REV]
# --baseline REV builds Viber.LoadBot at git revision REV (a commit, tag or branch of this repository) in a temporary
# folder and runs its minimal bot and EchoBot beside ours, as TARGET@baseline, for before/after figures from one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in wrk taskset python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is required (apt-get install -y wrk util-linux python3)" >&2; exit 1; }
done
args=()
baseline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline="${2:?--baseline needs a git revision}"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
dotnet build benchmarks/Viber.LoadBot -c Release -v q -nologo >/dev/null
dotnet build samples/EchoBot -c Release -v q -nologo >/dev/null
if [ -n "$baseline" ]; then
  dir="$(mktemp -d /tmp/viber-load-baseline-XXXXXX)"
  trap 'rm -rf "$dir"' EXIT
  git archive "$baseline" | tar -x -C "$dir"
  dotnet build "$dir/benchmarks/Viber.LoadBot" -c Release -v q -nologo >/dev/null
  dotnet build "$dir/samples/EchoBot" -c Release -v q -nologo >/dev/null
  args+=(--baseline-dll "$dir/benchmarks/Viber.LoadBot/bin/Release/net10.0/Viber.LoadBot.dll")
  args+=(--baseline-echobot-dll "$dir/samples/EchoBot/bin/Release/net10.0/EchoBot.dll")
  python3 benchmarks/load/run.py "${args[@]}"
else
  exec python3 benchmarks/load/run.py "${args[@]}"
fi
