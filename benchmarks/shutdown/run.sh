#!/usr/bin/env bash
# SIGTERM under load against samples/EchoBot in both dispatch modes (issue 8, rows 1 and 2); see shutdown.py.
# Usage: benchmarks/shutdown/run.sh [callbacks=200] [reply-delay-seconds=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build samples/EchoBot -c Release -v q -nologo >/dev/null
status=0
for mode in Inline Background; do
  python3 benchmarks/shutdown/shutdown.py --dll "$PWD/samples/EchoBot/bin/Release/net10.0/EchoBot.dll" \
    --mode "$mode" --callbacks "${1:-200}" --reply-delay "${2:-2}" || status=1
done
exit "$status"
