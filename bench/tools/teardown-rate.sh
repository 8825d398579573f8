#!/bin/bash
# Teardowns per second of jailctl's own mass teardown on a fresh local cluster, for A/B comparisons of a shape or of
# an environment setting. Runs two uncounted warm-ups, then RUNS teardowns, and prints their rates and the silos' CPU.
# Usage, from the repository root after `dotnet build -c Release bench/JailCluster.Bench`:
#   [VAR=value ...] bash bench/tools/teardown-rate.sh SILOS RUNS [HOSTS JAILS CONCURRENCY]
# e.g. `bash bench/tools/teardown-rate.sh 1 3 8 16 64` against `bash bench/tools/teardown-rate.sh 1 3 64 4 256`.
set -euo pipefail
silos=$1 runs=$2 hosts=${3:-64} jails=${4:-4} concurrency=${5:-256}
source "$(dirname "$0")/cluster.sh"
REMOVE_WORK=1
cluster_up rate "$silos"
ticks() { local t=0; for p in $pids; do set -- $(cut -d' ' -f14,15 "/proc/$p/stat"); t=$((t + $1 + $2)); done; echo $t; }
teardown() {
  jailctl teardown --hosts "$hosts" --jails "$jails" --concurrency "$concurrency" --kernel D56374 --seed "$1" 2>/dev/null
}
for seed in 1 2; do teardown $seed >/dev/null; done
before=$(ticks)
rates=""
for seed in $(seq 3 $((2 + runs))); do
  rates="$rates $(teardown "$seed" | awk '/teardowns per second/ {print $4}')"
done
echo "teardowns/s:$rates | silo CPU $(( ($(ticks) - before) / 100 )) s ($silos silo(s), $hosts hosts x $jails jails, $concurrency in flight)"
