#!/usr/bin/env bash
# SIGTERM under load against samples/EchoBot in both dispatch modes (issue 8, rows 1 and 2), then a Bot API that
# hangs while 480 callbacks are abandoned after 2 s (row 3: the bot's open connections over 30 s); see shutdown.py.
# Usage: benchmarks/shutdown/run.sh [callbacks=200] [reply-delay-seconds=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build samples/EchoBot -c Release -v q -nologo >/dev/null
status=0
for mode in Inline Background; do
  python3 benchmarks/shutdown/shutdown.py --dll "$PWD/samples/EchoBot/bin/Release/net10.0/EchoBot.dll" \
    --mode "$mode" --callbacks "${1:-200}" --reply-delay "${2:-2}" || status=1
done
python3 benchmarks/shutdown/shutdown.py --dll "$PWD/samples/EchoBot/bin/Release/net10.0/EchoBot.dll" \
  --mode Inline --callbacks 480 --reply-delay 120 --hang || status=1
exit "$status"
