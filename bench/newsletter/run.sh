#!/usr/bin/env bash
# Newsletter benchmark: a 10,000-recipient campaign sent by the application into postfix's smtp-sink on loopback,
# at 1, 4 and 16 connections, send-rate limit off; baselines (bare pipelined client, System.Net.Mail) in the same run.
# Writes bench/results/newsletter-<date>.md. Usage: bench/newsletter/run.sh [recipients] [connections]
# BENCH_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres" also runs the campaign on PostgreSQL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
HERE=$PWD
ROOT=$(cd ../.. && pwd)
RECIPIENTS=${1:-10000}
CONNECTIONS=${2:-1,4,16}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [[ ! -x /usr/sbin/smtp-sink ]]; then
    echo "Installing postfix for /usr/sbin/smtp-sink"
    DEBIAN_FRONTEND=noninteractive apt-get install -y postfix >/dev/null
fi

dotnet build "$ROOT/src/Samordna.Web" -c Release -v q -nologo >/dev/null
dotnet build "$HERE/NewsletterBench.csproj" -c Release -v q -nologo >/dev/null

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# -c: count; 1000 = backlog; the sink accepts every message and throws it away.
/usr/sbin/smtp-sink -u "$(id -un)" -c "127.0.0.1:$PORT" 1000 >/tmp/smtp-sink-$PORT.log 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true' EXIT
sleep 0.5

STAMP=$(date -u +%Y-%m-%d)
OUT="$ROOT/bench/results/newsletter-$STAMP.md"
COMMAND="bench/newsletter/run.sh $RECIPIENTS $CONNECTIONS"
{
    echo "# Newsletter benchmark, $STAMP"
    echo
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); shared with other jobs, so absolute numbers are noisy"
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- command: \`$COMMAND\`"
    echo "- sink: postfix smtp-sink on 127.0.0.1, announces PIPELINING; rate limit off (Newsletter:MessagesPerSecond=0)"
    echo
} >"$OUT"

run() {
    dotnet "$HERE/bin/Release/net10.0/NewsletterBench.dll" --smtp-port "$PORT" --recipients "$RECIPIENTS" --connections "$CONNECTIONS" \
        --web-dll "$ROOT/src/Samordna.Web/bin/Release/net10.0/Samordna.Web.dll" "$@"
}
run | tee -a "$OUT"
if [[ -n ${BENCH_POSTGRES:-} ]]; then
    run --postgres "$BENCH_POSTGRES" | grep PostgreSQL | tee -a "$OUT"
fi
cat >>"$OUT" <<'NOTES'

"start to last mail" runs from the moment the campaign starts (which writes one delivery row per recipient in one
transaction) to the last delivery marked Sent: claiming in batches, rendering each recipient's signed links,
MIME, SMTP and marking included. "vs bare client" divides it by the pipelined client alone at the same number of
connections (same run, same sink), which is the ceiling the database work leaves room for. System.Net.Mail is the
~40 ms-per-message stall on one connection that the pipelined client (TCP_NODELAY, PIPELINING) avoids.
NOTES
echo "Results in $OUT"
