#!/bin/bash
# What one simulated jail holds on the managed heap, by type: a 1-silo cluster, a gcdump before and after
# building JAILS jails (one epair each, no process) on 10 hosts, and the difference per jail.
# Usage, from the repository root after `dotnet build -c Release bench/JailCluster.Bench`:
#   bash bench/tools/heap-per-jail.sh [JAILS]        (default 2000; needs python3)
set -euo pipefail
jails=${1:-2000}
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
jailctl cluster up --silos 1 >/dev/null 2>&1
pid=$(python3 -c "import json,glob; d=json.load(open(glob.glob('$work/home/silos/*.json')[0])); print(d.get('pid', d.get('Pid')))")
jailctl teardown --hosts 4 --jails 4 --kernel D56374 --seed 1 >/dev/null 2>&1
"$tools/dotnet-gcdump" collect -p "$pid" -o "$work/before.gcdump" >/dev/null 2>&1
for h in $(seq 0 $((hosts - 1))); do
  jailctl host boot "heap$h" --kernel D56374 >/dev/null
  for j in $(seq 0 $((jails / hosts - 1))); do
    echo "ifconfig epair create"
    echo "jail -c name=j$j persist vnet vnet.interface=epair${j}b"
  done > "$work/build.jc"
  jailctl -H "heap$h" run "$work/build.jc" >/dev/null
done
"$tools/dotnet-gcdump" collect -p "$pid" -o "$work/after.gcdump" >/dev/null 2>&1
"$tools/dotnet-gcdump" report "$work/before.gcdump" > "$work/before.txt" 2>/dev/null
"$tools/dotnet-gcdump" report "$work/after.gcdump" > "$work/after.txt" 2>/dev/null
python3 - "$work/before.txt" "$work/after.txt" "$jails" <<'PY'
import collections, re, sys
def load(path):
    size, count = collections.Counter(), collections.Counter()
    for line in open(path):
        m = re.match(r'\s*([\d,]+)\s+([\d,]+)\s+(.*?)\s+(\(Bytes.*?\)\s+)?\[', line)
        if m:
            bytes_, n = int(m.group(1).replace(',', '')), int(m.group(2).replace(',', ''))
            # Lines without a size class give the size of one object; those with one, the total.
            size[m.group(3)] += bytes_ if m.group(4) else bytes_ * n
            count[m.group(3)] += n
    return size, count
(b, bc), (a, ac) = load(sys.argv[1]), load(sys.argv[2])
jails = int(sys.argv[3])
delta = {t: a[t] - b.get(t, 0) for t in a}
print(f"managed heap per jail: {sum(delta.values()) / jails / 1024:.1f} KiB ({jails} jails, 1 silo)")
print(f"{'bytes/jail':>10} {'objects/jail':>12}  type")
for t, v in sorted(delta.items(), key=lambda x: -x[1])[:30]:
    print(f"{v / jails:10.0f} {(ac[t] - bc.get(t, 0)) / jails:12.2f}  {t[:110]}")
PY
