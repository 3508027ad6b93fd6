#!/usr/bin/env python3
"""Where Paved's CPU goes, from a Java Flight Recording of its JVM: each execution sample is given
one role by the frames on its stack (the embedded Temporal server, gRPC, the SDK's polls,
completions and replay, the activities, the HTTP API), and the busiest RPCs of the server and
the hottest leaf frames are listed.

Record with the bench (the launcher passes PAVED_JAVA_OPTS to Paved's JVM; the recording is
written when the bench stops Paved):
  PAVED_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/paved.jfr,settings=profile,dumponexit=true" \\
    bench/engine.sh --skip floor,java-service --concurrency 100
then: bench/engine/jfr-roles.py /tmp/paved.jfr [FROM TO]   (HH:MM:SS, e.g. the 100-at-once batch's
start and end from the bench's output; without them, the whole recording)
"""
import collections
import json
import subprocess
import sys

ROLES = [
    ("embedded Temporal server", lambda s: "io.temporal.internal.testservice" in s),
    ("SDK: workflow code, replay, state machines", lambda s: any(p in s for p in (
        "io.temporal.internal.replay", "io.temporal.internal.statemachines", "io.temporal.internal.sync"))),
    ("SDK: workflow task polls (client side)", lambda s: "WorkflowPollTask" in s),
    ("SDK: activity task polls (client side)", lambda s: "ActivityPollTask" in s),
    ("SDK: completions sent (client side)", lambda s: "sendTaskCompleted" in s or "sendReply" in s),
    ("activities (Paved's steps and records: H2, rendering)", lambda s: "ActivityWorker$TaskHandlerImpl.handleActivity" in s),
    ("local activities", lambda s: "LocalActivityWorker" in s),
    ("gRPC/Netty transport (either side)", lambda s: "io.grpc" in s),
    ("HTTP API (Tomcat, Spring)", lambda s: "org.apache" in s or "org.springframework" in s),
]


def main():
    if len(sys.argv) not in (2, 4):
        print(__doc__)
        sys.exit(2)
    out = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", sys.argv[1]],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    lo, hi = (sys.argv[2], sys.argv[3]) if len(sys.argv) == 4 else ("00:00:00", "99:99:99")
    stacks = []
    for e in events:
        if lo <= e["values"]["startTime"][11:19] <= hi:
            stacks.append([(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".")
                           for f in e["values"]["stackTrace"]["frames"]])
    n = len(stacks)
    if n == 0:
        print("no samples in that window")
        return
    roles = collections.Counter()
    rpcs = collections.Counter()
    leaves = collections.Counter()
    for fs in stacks:
        s = " ".join(fs)
        roles[next((name for name, test in ROLES if test(s)), "other")] += 1
        server = [f for f in fs if f.startswith("io.temporal.internal.testservice.TestWorkflowService.")]
        if server:
            rpcs[server[-1].rsplit(".", 1)[1]] += 1
        if fs:
            leaves[fs[0]] += 1
    print(f"{n} samples of Paved's JVM")
    for title, counter, k in (("by role", roles, 20), ("embedded server, by RPC", rpcs, 8),
                              ("hottest leaf frames", leaves, 12)):
        print(title + ":")
        for name, c in counter.most_common(k):
            print(f"  {100 * c / n:5.1f}%  {name}")


if __name__ == "__main__":
    main()
