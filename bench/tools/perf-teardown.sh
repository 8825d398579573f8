#!/bin/bash
# Where a silo's processor time goes during mass teardown, by Linux perf: a fresh cluster of SILOS silos with the
# runtime's perf map on, WARM uncounted teardowns of 64 hosts x 4 jails (the JIT compiles the hot path at its final
# tier over the first eight or so), then `perf record` of the first silo while RUNS teardowns run. Prints the time by
# binary (JIT-compiled code, the runtime with its garbage collector, the JIT itself, the kernel) and the symbols with
# the most time of their own. Needs perf (Debian: apt-get install linux-perf) and, as perf does, root.
# Usage, from the repository root after `dotnet build -c Release bench/JailCluster.Bench`:
#   bash bench/tools/perf-teardown.sh [SILOS] [RUNS] [WARM]        (default 1, 6, 9)
set -euo pipefail
silos=${1:-1} runs=${2:-6} warm=${3:-9}
command -v perf >/dev/null || { echo "perf-teardown: perf is missing (apt-get install linux-perf)" >&2; exit 64; }
# The perf map names JIT-compiled methods; without W^X the code runs at the addresses the map gives.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
source "$(dirname "$0")/cluster.sh"
cluster_up perf "$silos"
pid=${pids%% *}
teardown() { jailctl teardown --hosts 64 --jails 4 --kernel D56374 --seed "$1" --host-prefix "$2$1" 2>/dev/null; }
for i in $(seq 1 "$warm"); do teardown "$i" w >/dev/null; done
perf record -e cpu-clock -F 499 -g -p "$pid" -o "$work/perf.data" >"$work/record.log" 2>&1 &
recorder=$!
# perf writes its file header once it has attached.
for _ in $(seq 50); do [ -s "$work/perf.data" ] && break; sleep 0.1; done
for i in $(seq 1 "$runs"); do
  teardown "$((i + warm))" p | grep "teardowns per second" | sed "s/^ */run $i: /"
done
kill -INT "$recorder"
wait "$recorder" || true
echo "== silo time by binary"
perf report -i "$work/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep '%' | grep -v '^#' | head -8
echo "== symbols by their own time"
perf report -i "$work/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep '%' \
  | grep -v '^#' | cut -c1-160 | head -30
echo "trace: $work/perf.data (perf report -i ... --children for inclusive time)"
