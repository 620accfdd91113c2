#!/usr/bin/env bash
# Read throughput of the Plan API (issue 13): wrk against GET of a 50-task page and of a single task, in memory, on
# SQLite and on PostgreSQL, each run directly followed by the same run against a minimal ASP.NET Core endpoint returning
# the same bytes (the framework's ceiling), so that every ratio compares two runs a few seconds apart on a shared machine.
# Run as root from anywhere:   tests/DeltaSdk.Benchmarks/Server/throughput.sh
# Knobs (environment): DURATION=15s WARMUP=15s THREADS=2 CONNECTIONS=32 SKIP_BUILD=1
# Installs wrk if missing (apt-get); PostgreSQL runs as a throwaway cluster (initdb/pg_ctl as the postgres user, in a
# temporary folder, removed at exit), like tests/DeltaSdk.Server.Tests/Support/PostgreSqlCluster.cs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-15s}  # tiered JIT (and dynamic PGO) of the 34 KB page path settles only after several seconds of load
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
PGBIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found: apt-get install postgresql (or set PG_BIN)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/deltasdk-throughput.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PGDATA=""
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ -n "$PGDATA" ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build "$ROOT/samples/DeltaSdk.Samples.PlanServer" -c Release -v q -nologo >/dev/null
  dotnet build "$ROOT/tests/DeltaSdk.Benchmarks.Ceiling" -c Release -v q -nologo >/dev/null
fi
SERVER_DIR="$ROOT/samples/DeltaSdk.Samples.PlanServer/bin/Release/net10.0"
CEILING_DLL="$ROOT/tests/DeltaSdk.Benchmarks.Ceiling/bin/Release/net10.0/DeltaSdk.Benchmarks.Ceiling.dll"

wait_ready() { # url
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "not ready: $1" >&2; exit 1
}

start_plan_server() { # name port extra-env...
  local name=$1 port=$2; shift 2
  (cd "$SERVER_DIR" && exec env Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production "$@" \
     dotnet DeltaSdk.Samples.PlanServer.dll --urls "http://127.0.0.1:$port" >"$WORK/$name.log" 2>&1) &
  PIDS+=($!)
  wait_ready "http://127.0.0.1:$port/healthz/ready"
}

declare -A RPS P99
run_wrk() { # label url
  local out
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$2" >/dev/null  # warm-up (JIT, pools, caches), not recorded
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2")
  RPS[$1]=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  P99[$1]=$(awk '$1 == "99%" {print $2}' <<<"$out")
  if grep -q "Non-2xx" <<<"$out"; then echo "$1: non-2xx answers" >&2; echo "$out" >&2; exit 1; fi
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# The ceiling serves what the API answered, so first get those answers from a short-lived SQLite server.
SQLITE_PORT=$(free_port)
start_plan_server probe "$SQLITE_PORT" DeltaServer__Storage__Provider=Sqlite DeltaServer__Storage__SqlitePath="$WORK/probe.db"
BASE="http://127.0.0.1:$SQLITE_PORT/v1"
PLAN=$(curl -fsS "$BASE/plans" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
PAGE_PATH="/v1/plans/$PLAN/tasks?pageSize=50"
curl -fsS "http://127.0.0.1:$SQLITE_PORT$PAGE_PATH" -o "$WORK/page.json"
CODE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][0]["code"])' "$WORK/page.json")
TASK_PATH="/v1/plans/$PLAN/tasks/$CODE"
curl -fsS "http://127.0.0.1:$SQLITE_PORT$TASK_PATH" -o "$WORK/task.json"
ITEMS=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$WORK/page.json")
stop_last() { kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true; unset 'PIDS[-1]'; }
stop_last

# The ceiling: the same bytes from a minimal endpoint, up for the whole run (idle while a store is measured).
CEILING_PORT=$(free_port)
(cd "$WORK" && exec dotnet "$CEILING_DLL" --urls "http://127.0.0.1:$CEILING_PORT" "$WORK/page.json" "$WORK/task.json" >"$WORK/ceiling.log" 2>&1) &
PIDS+=($!)
wait_ready "http://127.0.0.1:$CEILING_PORT/task"

measure() { # store port: each store run is followed at once by the ceiling's
  local what path
  for what in page task; do
    path=$PAGE_PATH
    [ "$what" = task ] && path=$TASK_PATH
    run_wrk "$1-$what" "http://127.0.0.1:$2$path"
    run_wrk "ceiling-$1-$what" "http://127.0.0.1:$CEILING_PORT/$what"
  done
}

# In memory: the store costs nothing here, so this row is the Plan API's own pipeline over the same kept bytes.
MEMORY_PORT=$(free_port)
start_plan_server memory "$MEMORY_PORT" DeltaServer__Storage__Provider=InMemory
measure memory "$MEMORY_PORT"
stop_last

# SQLite (the sample's default provider), on a fresh file.
SQLITE_PORT=$(free_port)
start_plan_server sqlite "$SQLITE_PORT" DeltaServer__Storage__Provider=Sqlite DeltaServer__Storage__SqlitePath="$WORK/plan.db"
measure sqlite "$SQLITE_PORT"
stop_last

# PostgreSQL: a throwaway cluster owned by the postgres user.
PG_PORT=$(free_port)
PGDATA="$WORK/pg/data"
mkdir -p "$WORK/pg" && chown postgres:postgres "$WORK/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/pg/server.log" -w -t 60 start \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null
PG_HTTP_PORT=$(free_port)
start_plan_server postgres "$PG_HTTP_PORT" DeltaServer__Storage__Provider=PostgreSql \
  ConnectionStrings__DeltaPlan="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=postgres"
measure postgres "$PG_HTTP_PORT"
stop_last
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $LOAD_BEFORE before and $LOAD_AFTER after, wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a $WARMUP warm-up; page = $ITEMS tasks ($(stat -c %s "$WORK/page.json") bytes), task = $(stat -c %s "$WORK/task.json") bytes"
echo
echo "| Endpoint | Store | req/s | p99 | ceiling req/s (run right after) | ceiling p99 | vs ceiling |"
echo "|---|---|---:|---:|---:|---:|---:|"
for what in page task; do
  for store in memory sqlite postgres; do
    ratio=$(python3 -c 'import sys; print(f"{100*float(sys.argv[1])/float(sys.argv[2]):.0f}%")' "${RPS[$store-$what]}" "${RPS[ceiling-$store-$what]}")
    echo "| $what | $store | ${RPS[$store-$what]} | ${P99[$store-$what]} | ${RPS[ceiling-$store-$what]} | ${P99[ceiling-$store-$what]} | $ratio |"
  done
done
