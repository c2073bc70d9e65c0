#!/usr/bin/env bash
# Where a load target spends its CPU beside its floor: a perf profile of each under the same wrk load, compared frame
# by frame (see profile.py). Needs perf, wrk, taskset and python3 (apt-get install -y linux-perf wrk util-linux
# python3), and the rights to profile another process (root, or kernel.perf_event_paranoid at 1 or lower).
# Usage: benchmarks/load/profile.sh [--target minimal-echo] [--seconds 10] [--warmup 40] [--frequency 1999] [--top 40] [--call-graph]
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in perf wrk taskset python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is required (apt-get install -y linux-perf wrk util-linux python3)" >&2; exit 1; }
done
dotnet build benchmarks/Viber.LoadBot -c Release -v q -nologo >/dev/null
dotnet build samples/EchoBot -c Release -v q -nologo >/dev/null
exec python3 benchmarks/load/profile.py "$@"
