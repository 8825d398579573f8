#!/bin/bash
# A sampled thread-time profile of the silos' work during mass teardown: a fresh cluster of SILOS silos, two
# uncounted warm-up teardowns, then `dotnet-trace` on the first silo for SECONDS while RUNS teardowns of 64 hosts x 4
# jails run, and the methods longest on the stack, inclusive. The trace stays in the work directory it prints.
# PROFILE=gc-verbose takes the allocation ticks instead, for bench/tools/AllocShare to share out.
# Usage, from the repository root after `dotnet build -c Release bench/JailCluster.Bench`:
#   [PROFILE=gc-verbose] bash bench/tools/profile-teardown.sh [SILOS] [RUNS] [SECONDS]   (default 1, 6, 20; python3)
set -euo pipefail
silos=${1:-1} runs=${2:-6} seconds=${3:-20} profile=${PROFILE:-dotnet-sampled-thread-time}
source "$(dirname "$0")/cluster.sh"
trace=$(dotnet_tool dotnet-trace)
cluster_up profile "$silos"
pid=${pids%% *}
teardown() { jailctl teardown --hosts 64 --jails 4 --kernel D56374 --seed "$1" --host-prefix "$2$1" 2>/dev/null; }
for i in 1 2; do teardown "$i" w >/dev/null; done
"$trace" collect -p "$pid" --profile "$profile" -o "$work/teardown.nettrace" \
  --duration "00:00:00:$seconds" >"$work/collect.log" 2>&1 &
collector=$!
# The session has begun once the collector names its output file.
until grep -q "teardown.nettrace" "$work/collect.log" 2>/dev/null; do
  kill -0 "$collector" 2>/dev/null || { cat "$work/collect.log" >&2; exit 1; }
  sleep 0.2
done
for i in $(seq 1 "$runs"); do
  teardown "$((i + 2))" p | grep "teardowns per second" | sed "s/^ */run $i: /"
done
wait "$collector"
if [ "$profile" = dotnet-sampled-thread-time ]; then
  "$trace" report "$work/teardown.nettrace" topN -n 60 --inclusive | cut -c1-150 | grep -v '^$'
else
  dotnet run -c Release --project "$root/bench/tools/AllocShare" -- "$work/teardown.nettrace" --top 40
fi
echo "trace: $work/teardown.nettrace"
