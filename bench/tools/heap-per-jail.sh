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
root=$(pwd)
work=$(mktemp -d /tmp/jailcluster-heap-XXXXXX)
tools=${DOTNET_TOOLS:-/tmp/jailcluster-dotnet-tools}
if [ ! -x "$tools/dotnet-gcdump" ]; then
  dotnet tool install --tool-path "$tools" dotnet-gcdump --version 10.0.750501 >/dev/null
fi
export JAILCLUSTER_HOME=$work/home JAILCLUSTER_TRACES_SAMPLING=off
jailctl() { dotnet "$root/src/Client/bin/Release/net10.0/jailctl.dll" "$@"; }
trap 'jailctl cluster down >/dev/null 2>&1 || true' EXIT
jailctl cluster up --silos "$silos" >/dev/null 2>&1
pids=$(python3 -c "import json,glob; print(' '.join(str(json.load(open(f)).get('pid', json.load(open(f)).get('Pid'))) for f in sorted(glob.glob('$work/home/silos/*.json'))))")
dump() {
  for pid in $pids; do
    "$tools/dotnet-gcdump" collect -p "$pid" -o "$work/$1-$pid.gcdump" >/dev/null 2>&1
    "$tools/dotnet-gcdump" report "$work/$1-$pid.gcdump" > "$work/$1-$pid.txt" 2>/dev/null
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
