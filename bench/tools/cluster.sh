# Sourced by the bench tools, from the repository root after `dotnet build -c Release bench/JailCluster.Bench`:
# jailctl of the Release build, a fresh local cluster in a work directory of its own, stopped on exit, and the
# dotnet diagnostic tools installed under /tmp on first use.
root=$(pwd)
tools=${DOTNET_TOOLS:-/tmp/jailcluster-dotnet-tools}
jailctl() { dotnet "$root/src/Client/bin/Release/net10.0/jailctl.dll" "$@"; }

# The path of dotnet diagnostic tool $1 (dotnet-gcdump, dotnet-trace), installed if it is not there yet.
dotnet_tool() {
  if [ ! -x "$tools/$1" ]; then
    dotnet tool install --tool-path "$tools" "$1" --version 10.0.750501 >/dev/null
  fi
  echo "$tools/$1"
}

# Starts $2 silos in a new work directory named after $1; sets work and pids (the silos' process ids, first silo
# first). The cluster stops on exit, and with REMOVE_WORK=1 its work directory goes too.
cluster_up() {
  work=$(mktemp -d "/tmp/jailcluster-$1-XXXXXX")
  export JAILCLUSTER_HOME=$work/home JAILCLUSTER_TRACES_SAMPLING=${JAILCLUSTER_TRACES_SAMPLING:-off}
  trap 'jailctl cluster down >/dev/null 2>&1 || true; [ "${REMOVE_WORK:-0}" = 1 ] && rm -rf "$work"; true' EXIT
  jailctl cluster up --silos "$2" >/dev/null 2>&1
  pids=$(python3 -c "import json; print(' '.join(str(s['pid']) for s in json.load(open('$work/home/cluster.json'))['silos']))")
}
