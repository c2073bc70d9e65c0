#!/usr/bin/env bash
# Webhook load benchmark, every target against the floor in the same run (see run.py for what is measured).
# Needs wrk, taskset and python3 (apt-get install -y wrk util-linux python3). Everything runs on 127.0.0.1.
# Usage: benchmarks/load/run.sh [--targets a,b (the -nolog, -verbose and -httptrace variants run only when named)] [--runs 3] [--duration 10] [--warmup 90] [--connections 32] [--bodies 600000]
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in wrk taskset python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is required (apt-get install -y wrk util-linux python3)" >&2; exit 1; }
done
dotnet build benchmarks/Viber.LoadBot -c Release -v q -nologo >/dev/null
dotnet build samples/EchoBot -c Release -v q -nologo >/dev/null
exec python3 benchmarks/load/run.py "$@"
