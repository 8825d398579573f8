#!/usr/bin/env python3
"""Shares of a thread-time profile's on-CPU samples, by the frames on their stacks.

A dotnet-sampled-thread-time trace samples every thread, waiting or not; the samples whose innermost frame is
CPU_TIME are the ones that ran managed code. For each PATTERN this prints the share of those samples whose
stack holds a frame containing it (inclusive, so the shares overlap); A&B asks for a frame containing A and one
containing B on the same stack.

Usage, with a trace from bench/tools/profile-teardown.sh:
  dotnet-trace convert teardown.nettrace --format speedscope -o teardown
  python3 bench/tools/cpu-share.py teardown.speedscope.json DeepCopy GetHashCodeWorker KThread.Enter
"""
import json
import sys


def main(args):
    if len(args) < 2:
        print("usage: cpu-share.py TRACE.speedscope.json PATTERN...", file=sys.stderr)
        return 64
    try:
        with open(args[0], encoding="utf-8") as f:
            trace = json.load(f)
    except (OSError, ValueError) as e:
        print(f"cpu-share: cannot read {args[0]}: {e}", file=sys.stderr)
        return 1

    frames = [f["name"] for f in trace["shared"]["frames"]]
    patterns = args[1:]
    on_cpu = 0.0
    shares = dict.fromkeys(patterns, 0.0)
    for profile in trace["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            if last is not None and stack and frames[stack[-1]] == "CPU_TIME":
                span = event["at"] - last
                on_cpu += span
                names = [frames[i] for i in stack]
                for p in patterns:
                    if all(any(part in n for n in names) for part in p.split("&")):
                        shares[p] += span
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                stack.pop()

    if on_cpu == 0:
        print("cpu-share: no on-CPU samples in the trace", file=sys.stderr)
        return 1
    print(f"on-CPU time: {on_cpu:.0f} ms")
    for p in patterns:
        print(f"{100 * shares[p] / on_cpu:5.1f} %  {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
