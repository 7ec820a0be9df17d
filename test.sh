#!/usr/bin/env bash
# Samordna's whole test suite, the way CI runs it (.ci/run calls this script).
#
#   1. installs what the tests need when it is missing (PostgreSQL 15, Debian's Chromium, fonts; as root only)
#   2. builds the solution once (warnings are errors)
#   3. starts a throw-away PostgreSQL 15 cluster in a temp folder on a free port (never the one you develop on)
#   4. runs tests/Samordna.Tests on SQLite, then on that PostgreSQL, then tests/Samordna.BrowserTests
#   5. removes the cluster on every exit path, and ends with one line: "N passed, N failed, N skipped"
#
# Exit status is non-zero when anything failed, including a test run that crashed or ran no test.
# Environment: CONFIGURATION (Release by default), TEST_FILTER (passed to every run's --filter, for local use).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
CONFIGURATION=${CONFIGURATION:-Release}
RESULTS="$ROOT/test-results"
PG_BIN=/usr/lib/postgresql/15/bin

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive
unset SAMORDNA_TEST_POSTGRES # each run below says for itself which database it uses

passed=0 failed=0 skipped=0
summary_printed=0
pg_dir="" pg_port=""
started=$SECONDS

say() { printf '\n==> %s\n' "$*"; }
warn() { printf 'test.sh: %s\n' "$*" >&2; }

# ------------------------------------------------------------------ cleanup, on every exit path

stop_postgres() {
    if [[ -n $pg_dir && -d $pg_dir ]]; then
        if [[ -f $pg_dir/data/postmaster.pid ]]; then
            as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        rm -rf "$pg_dir"
    fi
    pg_dir=""
}

finish() {
    local status=$?
    trap - EXIT
    stop_postgres
    # The compiler and MSBuild servers would outlive the run; CI wants nothing left behind.
    dotnet build-server shutdown >/dev/null 2>&1 || true
    if [[ $summary_printed -eq 0 ]]; then
        # Stopped before the test runs finished (build error, database that would not start, interrupt):
        # that is a failure, and the summary line still comes last.
        warn "stopped early (exit status $status); counted as a failure"
        failed=$((failed + 1))
        printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
        [[ $status -eq 0 ]] && status=1
    fi
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------ 1. what the tests need

as_pg() {
    # PostgreSQL refuses to run as root; as root, run its tools as the postgres user.
    # From a folder every user can enter, since the postgres user may not be allowed into the checkout.
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

install_missing() {
    local missing=()
    [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl ]] || missing+=(postgresql)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    # Chromium draws text with whatever fonts exist; without any, axe cannot judge contrast and layouts shift.
    dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
    dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
    if [[ ${#missing[@]} -eq 0 ]]; then
        return
    fi
    if [[ $(id -u) -ne 0 ]]; then
        warn "missing: ${missing[*]}. Install them (sudo apt-get install -y ${missing[*]}) or run this script as root."
        exit 1
    fi
    say "Installing ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

say "Checking tools"
install_missing
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    warn "the postgres user is missing; reinstall Debian's postgresql package"
    exit 1
fi
echo "dotnet $(dotnet --version), $(chromium --version 2>/dev/null | head -n1), $("$PG_BIN/postgres" --version)"

# ------------------------------------------------------------------ 2. build once

say "Building ($CONFIGURATION)"
build_started=$SECONDS
dotnet build Samordna.slnx -c "$CONFIGURATION" -nodeReuse:false -v:minimal -clp:NoSummary
echo "built in $((SECONDS - build_started)) s"

# ------------------------------------------------------------------ 3. a throw-away PostgreSQL

port_is_free() {
    # Nothing listening on TCP, and no socket file of another server for that port in /tmp.
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && [[ ! -e /tmp/.s.PGSQL.$1 ]]
}

start_postgres() {
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/samordna-pg.XXXXXX")
    chmod 755 "$pg_dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$pg_dir"
    as_pg "$PG_BIN/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1 || {
        cat "$pg_dir/initdb.log" >&2
        warn "initdb failed"
        exit 1
    }
    local attempt
    for attempt in 1 2 3 4 5; do
        pg_port=$((20000 + RANDOM % 30000))
        port_is_free "$pg_port" || continue
        # fsync and friends off: the cluster lives for one test run, speed matters, durability does not.
        if as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 \
            -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
            start >/dev/null; then
            return
        fi
        warn "PostgreSQL did not start on port $pg_port (attempt $attempt); log follows"
        tail -n 20 "$pg_dir/postgres.log" >&2 || true
    done
    warn "could not start PostgreSQL"
    exit 1
}

say "Starting a throw-away PostgreSQL 15"
start_postgres
echo "PostgreSQL on 127.0.0.1:$pg_port, data in $pg_dir"

# ------------------------------------------------------------------ 4. test runs

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# Reads one attribute of the <Counters> element of a TRX file (0 when absent).
trx_counter() {
    local value
    value=$(grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || true)
    echo "${value:-0}"
}

# run_tests NAME PROJECT [VAR=value ...]: one dotnet test run, counted from its TRX file.
run_tests() {
    local name=$1 project=$2
    shift 2
    local trx="$RESULTS/$name.trx" run_started=$SECONDS status=0
    local filter=()
    [[ -n ${TEST_FILTER:-} ]] && filter=(--filter "$TEST_FILTER")
    say "Tests: $name"
    env "$@" timeout --kill-after=30s 40m \
        dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
        --blame-hang-timeout 10m --blame-hang-dump-type none \
        "${filter[@]}" </dev/null || status=$?

    if [[ ! -s $trx ]]; then
        warn "$name: no test results (the run crashed before reporting, exit status $status); counted as a failure"
        failed=$((failed + 1))
        return
    fi
    local total executed ok bad notrun
    total=$(trx_counter "$trx" total)
    executed=$(trx_counter "$trx" executed)
    ok=$(trx_counter "$trx" passed)
    bad=$(($(trx_counter "$trx" failed) + $(trx_counter "$trx" error) + $(trx_counter "$trx" timeout) + $(trx_counter "$trx" aborted)))
    notrun=$((total - executed))
    if [[ $total -eq 0 || $executed -eq 0 ]]; then
        warn "$name: ran no test; counted as a failure"
        bad=$((bad + 1))
    elif [[ $status -ne 0 && $bad -eq 0 ]]; then
        warn "$name: the test run failed (exit status $status) though no test reported a failure; counted as a failure"
        bad=$((bad + 1))
    fi
    passed=$((passed + ok))
    failed=$((failed + bad))
    skipped=$((skipped + notrun))
    echo "$name: $ok passed, $bad failed, $notrun skipped ($((SECONDS - run_started)) s)"
}

run_tests sqlite tests/Samordna.Tests/Samordna.Tests.csproj
run_tests postgres tests/Samordna.Tests/Samordna.Tests.csproj "SAMORDNA_TEST_POSTGRES=Host=127.0.0.1;Port=$pg_port;Username=postgres"
run_tests browser tests/Samordna.BrowserTests/Samordna.BrowserTests.csproj

# ------------------------------------------------------------------ 5. summary, last

stop_postgres
dotnet build-server shutdown >/dev/null 2>&1 || true
echo
echo "Test results (TRX) in $RESULTS; total time $((SECONDS - started)) s"
summary_printed=1
printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
[[ $failed -eq 0 ]]
