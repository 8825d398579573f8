#!/bin/bash
# What one simulated jail holds on the managed heap, by type: a cluster of SILOS silos, a gcdump of each silo
# before and after building JAILS jails (one epair each, no process) on 10 hosts, and the difference per jail,
# summed over the silos.
# Usage, from the repository root after `dotnet build -c Release bench/JailCluster.Bench`:
#   bash bench/tools/heap-per-jail.sh [JAILS] [SILOS]        (default 2000 and 1; needs python3)
set -euo pipefail
jails=${1:-2000}
silos=${2:-1}
hosts=10
source "$(dirname "$0")/cluster.sh"
gcdump=$(dotnet_tool dotnet-gcdump)
cluster_up heap "$silos"
dump() {
  for pid in $pids; do
    "$gcdump" collect -p "$pid" -o "$work/$1-$pid.gcdump" >/dev/null 2>&1
    "$gcdump" report "$work/$1-$pid.gcdump" > "$work/$1-$pid.txt" 2>/dev/null
  done
  cat "$work"/"$1"-*.txt > "$work/$1.txt"
}
jailctl teardown --hosts 4 --jails 4 --kernel D56374 --seed 1 >/dev/null 2>&1
dump before
for h in $(seq 0 $((hosts - 1))); do
  jailctl host boot "heap$h" --kernel D56374 >/dev/null
  for j in $(seq 0 $((jails / hosts - 1))); do
    echo "ifconfig epair create"
    echo "jail -c name=j$j persist vnet vnet.interface=epair${j}b"
  done > "$work/build.jc"
  jailctl -H "heap$h" run "$work/build.jc" >/dev/null
done
dump after
python3 "$root/bench/tools/heap-diff.py" "$work/before.txt" "$work/after.txt" "$jails" ", $silos silo(s)"
