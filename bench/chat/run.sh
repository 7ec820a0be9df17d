#!/usr/bin/env bash
# bench/chat — the drop-in chat under load, against a bare broadcast hub of the same app (issue 6, "Benchmark").
#
#   1. publishes src/Samordna.Web in Release to a temp folder; starts it pinned to CPU 1 on a free loopback port, in
#      Development (so the demo seeder creates HoppetOnline and its members) with a fresh temp data directory and
#      Bench__BareHub=true (maps BareBroadcastHub at /hubs/bench-bare); raises the sign-in and chat rate limits by
#      environment variables for this run only; opens HoppetOnline ad hoc (as staff would) so that members can write
#      outside its opening hours
#   2. throughput, ROUNDS rounds, each: the bare hub, then the chat hub (/hubs/motesplats, #allmant), with CLIENTS
#      connections of which SENDERS send RATE messages/s in total (WARMUP s not counted, DURATION s measured, DRAIN s
#      for stragglers). The load generator (bench/chat/load.js, Node with @microsoft/signalr, WORKERS processes) runs
#      pinned to CPU 0. Chat connections sign in as nova, sol, kiwi, ruben and leo through the real sign-in form.
#   3. memory: a fresh server per hub, IDLE_CLIENTS idle connections (chat: each joined to the space), the server's
#      RSS after connecting and after HOLD seconds, then one message that every connection must receive
#   4. writes bench/results/chat-<date>.md and .json; stops the server and removes the temp folder on every exit path
#
# Targets (issue 6): chat hub with 500 clients and 100 messages/s (50,000 deliveries/s): zero loss, p99 < 100 ms,
# delivered/s >= 0.7 x the bare hub's in the same round; 5,000 connected clients within 600 MB.
#
# Environment (defaults in brackets):
#   CLIENTS [500]  RATE [100] messages/s in total  SENDERS [5]  WORKERS [4] load processes  ROUNDS [2]
#   WARMUP [3]  DURATION [10]  DRAIN [3] seconds    IDLE_CLIENTS [5000]  HOLD [60] seconds   MEMORY [1] (0 skips it)
#   HUBS ["bare chat"]  PIN [1]  QUIET_WAIT [120] s for the load average to drop below QUIET_LOAD [1.5]
#   RESULTS [bench/results]  NO_RESULTS=1 prints the results only
#   BENCH_POSTGRES  e.g. "Host=127.0.0.1;Port=55432;Username=postgres": run the app on PostgreSQL instead of SQLite
#                   (a throw-away database per server start, dropped at the end)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
HERE=$ROOT/bench/chat
COMMAND_LINE="bench/chat/run.sh${*:+ $*}"

CLIENTS=${CLIENTS:-500}
RATE=${RATE:-100}
SENDERS=${SENDERS:-5}
WORKERS=${WORKERS:-4}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-3}
DURATION=${DURATION:-10}
DRAIN=${DRAIN:-3}
IDLE_CLIENTS=${IDLE_CLIENTS:-5000}
HOLD=${HOLD:-60}
MEMORY=${MEMORY:-1}
HUBS=${HUBS:-bare chat}
PIN=${PIN:-1}
QUIET_WAIT=${QUIET_WAIT:-120}
QUIET_LOAD=${QUIET_LOAD:-1.5}
RESULTS=${RESULTS:-$ROOT/bench/results}
NO_RESULTS=${NO_RESULTS:-0}
BENCH_POSTGRES=${BENCH_POSTGRES:-}
MEMBERS=nova,sol,kiwi,ruben,leo
PASSWORD=Samordna-demo-2026   # the demo seeder's password (Features/Account/DemoAccounts.cs); Development only
SPACE=hoppetonline
CHANNEL=allmant

TARGET_RATIO=0.7
TARGET_P99_MS=100
TARGET_MEMORY_MB=600

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive

say() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'bench/chat: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------ cleanup, on every exit path

work="" server_pid="" pg_databases=()
stop_server() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_server
    for database in "${pg_databases[@]}"; do
        "${psql_cmd[@]}" -d postgres -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true
    done
    if [[ -n $work && -d $work ]]; then rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------ tools

need_packages=()
command -v jq >/dev/null || need_packages+=(jq)
command -v curl >/dev/null || need_packages+=(curl)
command -v python3 >/dev/null || need_packages+=(python3)
command -v node >/dev/null || need_packages+=(nodejs npm)
if ((${#need_packages[@]})); then
    say "installing ${need_packages[*]}"
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get install -y --no-install-recommends "${need_packages[@]}" >/dev/null \
        || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends "${need_packages[@]}" >/dev/null; } \
        || die "could not install ${need_packages[*]}"
fi
command -v dotnet >/dev/null || die "dotnet is not on PATH"
if [[ ! -d $HERE/node_modules/@microsoft/signalr ]]; then
    say "npm ci in bench/chat"
    (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null) || die "npm ci failed"
fi
# 5,000 connections need 5,000 file descriptors in the server and in the load generator.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

cpus=$(nproc)
server_cpu=() client_cpu=()
pinning="none: server and load generator share all $cpus CPUs"
if [[ $PIN == 1 ]] && ((cpus >= 2)) && command -v taskset >/dev/null; then
    server_cpu=(taskset -c 1)
    client_cpu=(taskset -c 0)
    pinning="server on CPU 1, load generator (all its processes) on CPU 0 (taskset)"
fi
clk_tck=$(getconf CLK_TCK)

database_label="SQLite (a fresh file per server start)"
psql_cmd=()
if [[ -n $BENCH_POSTGRES ]]; then
    command -v psql >/dev/null || die "BENCH_POSTGRES needs psql"
    pg_part() { sed -nE "s/.*(^|;) *$1 *= *([^;]+).*/\2/Ip" <<<"$BENCH_POSTGRES"; }
    psql_cmd=(psql -X -h "$(pg_part Host)" -p "$(pg_part Port || true)" -U "$(pg_part Username)")
    [[ -n $(pg_part Port) ]] || psql_cmd=(psql -X -h "$(pg_part Host)" -U "$(pg_part Username)")
    database_label="PostgreSQL ($(${psql_cmd[@]} -d postgres -Atc 'show server_version'), a throw-away database per server start)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/samordna-bench-chat.XXXXXX")

# ------------------------------------------------------------------ build

say "publishing src/Samordna.Web (Release)"
dotnet publish "$ROOT/src/Samordna.Web" -c Release -o "$work/app" --nologo -v quiet >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; die "publish failed"; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Rate limits raised for this run only, by configuration; the defaults in code stay as they are.
#   RateLimits:SignInPerMinute   sign-in form POSTs per IP and minute (default 10): 5 sign-ins per load run
#   DropIn:Chat:MessagesPerSecond, DropIn:Chat:MessagesBurst   the chat's per-member token bucket (default 1/s,
#                                bursts of 10): each sender here sends RATE/SENDERS (20) messages/s
server_env=(
    ASPNETCORE_ENVIRONMENT=Development
    Bench__BareHub=true
    RateLimits__SignInPerMinute=1000
    DropIn__Chat__MessagesPerSecond=100000
    DropIn__Chat__MessagesBurst=100000
    Logging__LogLevel__Default=Warning
    Logging__LogLevel__Microsoft.AspNetCore=Warning
)

start_server() { # name
    stop_server
    port=$(free_port)
    base="http://127.0.0.1:$port"
    local data="$work/data-$1"
    rm -rf "$data"
    local db_env=()
    if [[ -n $BENCH_POSTGRES ]]; then
        database="samordna_bench_chat_$$_${1//-/_}"
        pg_databases+=("$database")
        db_env=(Database__Provider=Postgres "ConnectionStrings__Samordna=$BENCH_POSTGRES;Database=$database")
    fi
    say "starting the app on $base ($1; Development, fresh data directory; $database_label; $pinning)"
    (
        cd "$work/app"
        exec env "${server_env[@]}" "${db_env[@]}" Samordna__DataDirectory="$data" "${server_cpu[@]}" dotnet Samordna.Web.dll --urls "$base"
    ) >"$work/server-$1.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 480); do
        curl -sf -o /dev/null "$base/health" && break
        kill -0 "$server_pid" 2>/dev/null || { tail -50 "$work/server-$1.log" >&2; die "the app exited during start-up"; }
        sleep 0.25
    done
    curl -sf -o /dev/null "$base/health" || { tail -50 "$work/server-$1.log" >&2; die "/health did not answer within 120 s"; }
    # HoppetOnline opens by its weekly schedule; a benchmark outside those hours opens it ad hoc, as staff can.
    if [[ -n $BENCH_POSTGRES ]]; then
        "${psql_cmd[@]}" -d "$database" -qc "UPDATE \"DropInSpaces\" SET \"Override\" = 'Open', \"OverrideUntil\" = NULL WHERE \"Slug\" = '$SPACE'" >/dev/null \
            || die "could not open $SPACE in $database"
    else
    python3 - "$data/samordna.db" "$SPACE" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30)
db.execute("UPDATE DropInSpaces SET Override = 'Open', OverrideUntil = NULL WHERE Slug = ?", (sys.argv[2],))
db.commit()
PY
    fi
    # The bare hub must be there; the chat hub answers its negotiate with something other than 404 once it exists.
    [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/hubs/bench-bare/negotiate?negotiateVersion=1") == 200 ]] \
        || die "/hubs/bench-bare is not mapped (is Bench:BareHub wired into ChatSetup.cs?)"
}

chat_hub_present() {
    [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/hubs/motesplats/negotiate?negotiateVersion=1") != 404 ]]
}

run_load() { # mode test clients out
    "${client_cpu[@]}" node "$HERE/load.js" --url "$base" --mode "$1" --test "$2" --clients "$3" --out "$4" \
        --rate "$RATE" --senders "$SENDERS" --workers "$WORKERS" --warmup "$WARMUP" --duration "$DURATION" --drain "$DRAIN" \
        --hold "$HOLD" --server-pid "$server_pid" --clk-tck "$clk_tck" \
        --members "$MEMBERS" --password "$PASSWORD" --space "$SPACE" --channel "$CHANNEL" >/dev/null
}

load1() { cut -d' ' -f1 /proc/loadavg; }
wait_quiet() {
    local waited=0
    while awk -v l="$(load1)" -v q="$QUIET_LOAD" 'BEGIN { exit !(l >= q) }' && ((waited < QUIET_WAIT)); do
        ((waited == 0)) && printf '  load average %s >= %s: waiting up to %s s for other jobs to calm down\n' "$(load1)" "$QUIET_LOAD" "$QUIET_WAIT" >&2
        sleep 10
        waited=$((waited + 10))
    done
}

rows="$work/rows.jsonl"
: >"$rows"
add_row() { # file round kind
    jq -c --argjson round "$2" --arg kind "$3" --arg load "$(load1)" '. + {round: $round, kind: $kind, load1_after: ($load | tonumber)}' "$1" >>"$rows"
}

# ------------------------------------------------------------------ throughput

start_server throughput
hubs=()
for hub in $HUBS; do
    if [[ $hub == chat ]] && ! chat_hub_present; then
        printf '  /hubs/motesplats is not mapped in this build: the chat hub is left out\n' >&2
        continue
    fi
    hubs+=("$hub")
done
((${#hubs[@]})) || die "no hub to measure"

say "warming up (${hubs[*]}: 50 clients, 3 s each)"
for hub in "${hubs[@]}"; do
    "${client_cpu[@]}" node "$HERE/load.js" --url "$base" --mode "$hub" --clients 50 --rate "$RATE" --senders "$SENDERS" \
        --workers 2 --warmup 1 --duration 2 --drain 1 --members "$MEMBERS" --password "$PASSWORD" --space "$SPACE" \
        --channel "$CHANNEL" --out "$work/warmup-$hub.json" >/dev/null || die "warm-up against the $hub hub failed"
    jq -e '.sends_failed == 0 and .deliveries_received > 0' "$work/warmup-$hub.json" >/dev/null \
        || { jq -c . "$work/warmup-$hub.json" >&2; die "warm-up against the $hub hub: sends failed or nothing arrived"; }
done

wait_quiet
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq "$ROUNDS"); do
    for hub in "${hubs[@]}"; do
        say "round $round of $ROUNDS: $hub hub, $CLIENTS clients, $RATE messages/s from $SENDERS senders, ${DURATION} s"
        out="$work/throughput-$round-$hub.json"
        run_load "$hub" throughput "$CLIENTS" "$out" || die "the load generator failed against the $hub hub"
        add_row "$out" "$round" throughput
        jq -r '"  connected \(.connected)/\(.clients)  delivered \(.delivered_per_s)/s  lost \(.lost)  failed sends \(.sends_failed)  p50 \(.p50_ms) ms  p99 \(.p99_ms) ms  server CPU \(.server_cpu_percent) %  RSS \(.server_rss_mb) MB  load CPU \(.load_cpu_percent) %"' "$out" >&2
    done
done

# ------------------------------------------------------------------ memory

if [[ $MEMORY == 1 ]]; then
    for hub in "${hubs[@]}"; do
        start_server "memory-$hub"
        say "memory: $IDLE_CLIENTS idle clients on the $hub hub, held ${HOLD} s"
        out="$work/memory-$hub.json"
        run_load "$hub" idle "$IDLE_CLIENTS" "$out" || die "the load generator failed against the $hub hub"
        add_row "$out" 1 memory
        jq -r '"  connected \(.connected)/\(.clients) in \(.connect_seconds) s  RSS before \(.server_rss_before_mb) MB, after connect \(.server_rss_after_connect_mb) MB, after \(.hold_s) s \(.server_rss_after_hold_mb) MB (HWM \(.server_hwm_mb) MB)  still connected \(.still_connected)  check received by \(.check_message_received_by)"' "$out" >&2
    done
fi
stop_server
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------ report

commit=$(git -C "$ROOT" rev-parse HEAD)
[[ -z $(git -C "$ROOT" status --porcelain --untracked-files=no) ]] || commit="$commit (with uncommitted changes)"
cpu_model=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') || cpu_model=unknown
memory=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)
env_used="CLIENTS=$CLIENTS RATE=$RATE SENDERS=$SENDERS WORKERS=$WORKERS ROUNDS=$ROUNDS WARMUP=$WARMUP DURATION=$DURATION DRAIN=$DRAIN IDLE_CLIENTS=$IDLE_CLIENTS HOLD=$HOLD MEMORY=$MEMORY PIN=$PIN"

report=$(jq -s \
    --arg date "$date_utc" --arg commit "$commit" --arg command "$env_used $COMMAND_LINE" \
    --arg nproc "$cpus" --arg cpu "$cpu_model" --arg memory "$memory" --arg kernel "$(uname -r)" \
    --arg dotnet "$(dotnet --version)" --arg node "$(node --version)" \
    --arg signalr "$(jq -r .version "$HERE/node_modules/@microsoft/signalr/package.json")" \
    --arg pinning "$pinning" --arg load_before "$load_before" --arg load_after "$load_after" \
    --arg server_env "${server_env[*]}" --arg database "$database_label" \
    --argjson clients "$CLIENTS" --argjson rate "$RATE" \
    --argjson target_ratio "$TARGET_RATIO" --argjson target_p99 "$TARGET_P99_MS" --argjson target_memory "$TARGET_MEMORY_MB" '
    . as $rows
    | [ $rows[] | select(.kind == "throughput") | . as $r
        | ([$rows[] | select(.kind == "throughput" and .round == $r.round and .mode == "bare") | .delivered_per_s][0]) as $bare
        | $r + { ratio_to_bare: (if $bare then $r.delivered_per_s / $bare else null end) }
        | . + { meets_target: (.connected == $clients and .lost == 0 and .sends_failed == 0 and .p99_ms < $target_p99
                               and (.ratio_to_bare == null or .ratio_to_bare >= $target_ratio)) } ] as $throughput
    | [ $rows[] | select(.kind == "memory")
        | . + { meets_target: (.connected == .clients and .still_connected == .clients
                               and .server_rss_after_hold_mb <= $target_memory and .server_hwm_mb <= $target_memory) } ] as $memory_rows
    | { date: $date, commit: $commit, command: $command,
        machine: { nproc: ($nproc | tonumber), cpu: $cpu, memory: $memory, kernel: $kernel, dotnet_sdk: $dotnet, node: $node, signalr_client: $signalr },
        pinning: $pinning, database: $database, load_average_before: $load_before, load_average_after: $load_after, server_env: $server_env,
        target: { clients: $clients, messages_per_s: $rate, lost: 0, p99_ms_below: $target_p99, ratio_to_bare_at_least: $target_ratio,
                  idle_memory_mb_at_most: $target_memory },
        met: (([ $throughput[] | select(.mode == "chat") | .meets_target ] + [ $memory_rows[] | select(.mode == "chat") | .meets_target ]) as $m
              | ($m | length) > 0 and ($m | all)),
        chat_measured: ([ $throughput[] | select(.mode == "chat") ] | length > 0),
        throughput: $throughput, memory: $memory_rows }' "$rows")

markdown=$(jq -r '
    def n: if . == null then "–" else tostring end;
    def ms: if . == null then "–" else (. * 10 | round / 10 | tostring) + " ms" end;
    def r2: if . == null then "–" else (. * 100 | round) as $n | "\($n / 100 | floor).\($n % 100 | tostring | if length < 2 then "0" + . else . end)" end;
    def yes: if . == null then "–" elif . then "yes" else "**no**" end;
    "# Drop-in chat benchmark, \(.date[0:10])",
    "",
    "Target (issue 6), for the chat hub: \(.target.clients) clients in one channel and \(.target.messages_per_s) messages/s",
    "(\(.target.clients * .target.messages_per_s) deliveries/s) with zero loss, p99 below \(.target.p99_ms_below) ms and at least",
    "\(.target.ratio_to_bare_at_least) × the bare hub'"'"'s delivered messages/s in the same round; \(.target.idle_memory_mb_at_most) MB at most with 5,000 connected clients.",
    "**" + (if .met then "Met in every round." elif .chat_measured then "Not met in every round (see the column \"meets target\")." else "The chat hub was not measured in this run (only the bare hub)." end) + "**",
    "",
    "## Throughput",
    "",
    "| round | hub | connected | messages/s sent | delivered/s | ratio to bare | expected | lost | dup. | failed sends | p50 | p90 | p99 | max | send ack p99 | server CPU | server RSS | load gen. CPU | meets target | load after |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    (.throughput[] | "| \(.round) | \(.mode) `\(.hub)` | \(.connected) | \(.messages_per_s) | \(.delivered_per_s) | \(.ratio_to_bare | r2) | \(.deliveries_expected) | \(.lost) | \(.duplicates) | \(.sends_failed) | \(.p50_ms | ms) | \(.p90_ms | ms) | \(.p99_ms | ms) | \(.max_ms | ms) | \(.send_ack_p99_ms | ms) | \(.server_cpu_percent | n) % | \(.server_rss_mb | n) MB | \(.load_cpu_percent | n) % | \(if .mode == "chat" then (.meets_target | yes) else "–" end) | \(.load1_after) |"),
    "",
    "\"lost\": measured (message, receiver) pairs not received by the end of the drain (\(.throughput[0].drain_s // "–") s after the window),",
    "each pair counted once; a message whose `Send` failed counts as lost for every receiver. \"send ack\": the sender'"'"'s `invoke` round trip.",
    "",
    ([.throughput[] | .send_errors[]?] | unique | if length > 0 then "Send errors seen: " + (map("`" + . + "`") | join(", ")) + "\n" else empty end),
    ([.throughput[] | .connect_errors[]?] | unique | if length > 0 then "Connect errors seen: " + (map("`" + . + "`") | join(", ")) + "\n" else empty end),
    "## Memory: idle connected clients",
    "",
    (if (.memory | length) == 0 then "Not measured in this run (`MEMORY=0`).", "" else empty end),
    (if (.memory | length) == 0 then empty else
    "| hub | clients | connected | connect time | RSS before | RSS after connect | RSS after hold | VmHWM | still connected | check message received by | meets target |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    (.memory[] | "| \(.mode) `\(.hub)` | \(.clients) | \(.connected) | \(.connect_seconds) s | \(.server_rss_before_mb | n) MB | \(.server_rss_after_connect_mb | n) MB | \(.server_rss_after_hold_mb | n) MB (after \(.hold_s) s) | \(.server_hwm_mb | n) MB | \(.still_connected) | \(.check_message_received_by) | \(if .mode == "chat" then (.meets_target | yes) else "–" end) |"),
    "" end),
    "## Set-up",
    "",
    "- Date: \(.date)",
    "- Commit: \(.commit)",
    "- Command: `\(.command)`",
    "- Machine: \(.machine.nproc) CPUs (\(.machine.cpu)), \(.machine.memory) memory, Linux \(.machine.kernel), .NET SDK \(.machine.dotnet_sdk), Node \(.machine.node), @microsoft/signalr \(.machine.signalr_client)",
    "- Pinning: \(.pinning)",
    "- App: `dotnet publish -c Release`, run as `dotnet Samordna.Web.dll` in Development (demo content) on a loopback",
    "  port, with a fresh data directory; database: \(.database); HoppetOnline opened ad hoc so members can write;",
    "  environment: `\(.server_env)`",
    "- Load average (1, 5, 15 min) before: \(.load_average_before); after: \(.load_average_after). The machine is shared with",
    "  other jobs; \"load after\" is the 1-minute load average at the end of each measurement."
    ' <<<"$report")

say "results"
printf '%s\n' "$markdown"

if [[ $NO_RESULTS != 1 ]]; then
    mkdir -p "$RESULTS"
    stem="$RESULTS/chat-$(date -u +%F)"
    n=2
    while [[ -e $stem.md ]]; do stem="$RESULTS/chat-$(date -u +%F)-$n"; n=$((n + 1)); done
    printf '%s\n' "$markdown" >"$stem.md"
    printf '%s\n' "$report" >"$stem.json"
    say "written to ${stem#"$ROOT"/}.md and .json"
fi

jq -e '.met or (.chat_measured | not)' <<<"$report" >/dev/null || { echo "bench/chat: target not met" >&2; exit 2; }
