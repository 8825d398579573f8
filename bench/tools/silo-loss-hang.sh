#!/bin/bash
# The teardown that used to hang when the silo holding the host directory died (a thread asleep on a lock that a
# thread of the dead silo owned never woke): 3 Redis silos, a mass teardown held at B0 on every host, then silo0
# (started first, so usually the oldest) killed. Prints "finished" or "HUNG" per run; a hung run leaves its silo logs
# in the printed directory, and with HANG_DUMP=path/to/dotnet-dump a dump of each silo left. The hang came in about
# 1 run of 10 on an idle machine and more under load (a busy loop beside it). Usage, from the repository root after
# `dotnet build` (needs redis-server):
#   bash bench/tools/silo-loss-hang.sh [RUNS]
set -uo pipefail
root=$(pwd)
jailctl() { dotnet "$root/src/Client/bin/Debug/net10.0/jailctl.dll" "$@"; }
for run in $(seq 1 "${1:-4}"); do
  work=$(mktemp -d /tmp/jailcluster-hang-XXXXXX)
  export JAILCLUSTER_HOME=$work/home JAILCLUSTER_TRACES_SAMPLING=off
  port=$((20000 + RANDOM % 20000))
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
  redis=$!
  until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.2; done
  jailctl cluster up --silos 3 --redis "127.0.0.1:$port" >/dev/null
  jailctl teardown --hosts 3 --jails 4 --kernel D56374 --host-prefix loss --fail-point b0=pause \
    --settle-timeout 90 >"$work/teardown.out" 2>"$work/teardown.err" &
  teardown=$!
  until grep -q "teardown: boot" "$work/teardown.err"; do sleep 0.2; done
  for h in loss0 loss1 loss2; do jailctl -H "$h" fpwait b0 120 >/dev/null; done
  jailctl cluster kill silo0 >/dev/null
  jailctl cluster wait 2 90 >/dev/null
  for _ in $(seq 1 150); do kill -0 $teardown 2>/dev/null || break; sleep 1; done
  if kill -0 $teardown 2>/dev/null; then
    echo "run $run: HUNG; logs in $work/home/logs"
    if [ -n "${HANG_DUMP:-}" ]; then
      for f in "$work"/home/silos/*.json; do
        pid=$(python3 -c "import json; d=json.load(open('$f')); print(d.get('pid', d.get('Pid')))")
        kill -0 "$pid" 2>/dev/null && "$HANG_DUMP" collect -p "$pid" -o "$work/silo-$pid.dmp" >/dev/null 2>&1
      done
    fi
    kill $teardown
  else
    echo "run $run: finished"
  fi
  jailctl cluster down >/dev/null 2>&1
  kill $redis; wait $redis 2>/dev/null
done
