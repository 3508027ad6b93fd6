#!/usr/bin/env python3
"""Measures Paved's catalog against a running Paved (local mode signs in as pat:pat): ingests every
file of DIR as a `file` location (the API's own disk), then times Backstage's API as a client sees
it (HTTP included), and how long a changed file takes to show after its refresh. Prints one
Markdown table row (catalog.sh prints the header).

usage: measure.py BASE_URL DIR LABEL
"""
import base64
import glob
import json
import os
import random
import re
import statistics
import sys
import time
import http.client
import urllib.parse

base, folder, label = sys.argv[1], sys.argv[2], sys.argv[3]
_target = urllib.parse.urlsplit(base)
_prefix = _target.path.rstrip("/")
auth = "Basic " + base64.b64encode(b"pat:pat").decode()
REFRESH_TRIES = int(os.environ.get("REFRESH_TRIES", "20"))
# untimed calls before each timed series of reads: the targets are for a running Paved, not for the
# JIT's first compilations of the read path (facets keep their first read, after the ingest's last
# write, in their series: it is the one that computes them)
WARMUP = int(os.environ.get("WARMUP", "50"))


_connection = None


def call(method, path, body=None):
    """One request on a kept-alive connection, as catalog clients send them (a new TCP connection
    per call would time Python's connection set-up, not Paved); opened again if the server closed
    it."""
    global _connection
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Authorization": auth}
    if data:
        headers["Content-Type"] = "application/json"
    for attempt in (1, 2):
        if _connection is None:
            _connection = http.client.HTTPConnection(_target.hostname, _target.port, timeout=600)
        try:
            _connection.request(method, _prefix + path, body=data, headers=headers)
            answer = _connection.getresponse()
            payload = answer.read()
        except (http.client.HTTPException, ConnectionError):
            _connection.close()
            _connection = None
            if attempt == 2:
                raise
            continue
        if answer.status >= 400:
            raise RuntimeError("%s %s answered %d: %s" % (method, path, answer.status, payload[:300]))
        return json.loads(payload or b"null")


def percentiles(spent):
    spent = sorted(spent)
    return statistics.median(spent), spent[max(0, int(len(spent) * 0.99 + 0.5) - 1)]


def timed(fn, times, warmup=0):
    for _ in range(warmup):
        fn()
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        spent.append((time.perf_counter() - start) * 1000)
    return percentiles(spent)


def load():
    return os.getloadavg()[0]


loads = [load()]
files = sorted(glob.glob(os.path.join(os.path.abspath(folder), "*.yaml")))
start = time.perf_counter()
# MEASURE_ONLY=1: the catalog is already ingested (a restarted Paved on the same database)
for f in [] if os.environ.get("MEASURE_ONLY") else files:
    call("POST", "/api/catalog/locations", {"type": "file", "target": f})
ingest = time.perf_counter() - start
loads.append(load())
total = call("GET", "/api/catalog/entities/by-query?limit=1")["totalItems"]

query = "/api/catalog/entities/by-query?" + urllib.parse.urlencode(
    {"filter": "kind=component,spec.lifecycle=production", "limit": 20,
     "orderField": "metadata.name,asc"})
q50, q99 = timed(lambda: call("GET", query), 200, WARMUP)
first = call("GET", query)
cursor = "/api/catalog/entities/by-query?cursor=" + urllib.parse.quote(first["pageInfo"]["nextCursor"])
c50, c99 = timed(lambda: call("GET", cursor), 100, WARMUP)
components = [f"component-{i}" for i in range(7000)]
n50, n99 = timed(
    lambda: call("GET", "/api/catalog/entities/by-name/component/default/" + random.choice(components)),
    200, WARMUP)
facets = "/api/catalog/entity-facets?facet=spec.type&facet=spec.lifecycle&filter=kind=component"
f50, f99 = timed(lambda: call("GET", facets), 20)
# The floor: a request signed in the same way that reads no catalog; the catalog's own cost is what
# a read takes above it.
m50, m99 = timed(lambda: call("GET", "/api/v1/me"), 200, WARMUP)
loads.append(load())

# A changed file visible after its refresh: a component's description changes in its file, then
# POST /refresh with its ref; the delay runs from the refresh's request until by-name shows it.
delays = []
after_write = []
by_file = {}
for f in files:
    with open(f) as text:
        for name in re.findall(r"name: (component-\d+),", text.read()):
            by_file[name] = f
for attempt in range(REFRESH_TRIES if by_file else 0):
    name = random.choice(sorted(by_file))
    path = by_file[name]
    mark = f"changed {attempt} {time.time()}"
    with open(path) as text:
        content = text.read()
    content = re.sub(r"(name: " + re.escape(name) + r",)( description: '[^']*',)?",
                     lambda m: m.group(1) + f" description: '{mark}',", content)
    with open(path, "w") as text:
        text.write(content)
    started = time.perf_counter()
    call("POST", "/api/catalog/refresh", {"entityRef": f"component:default/{name}"})
    while True:
        seen = call("GET", f"/api/catalog/entities/by-name/component/default/{name}")
        if seen["metadata"].get("description") == mark:
            break
        if time.perf_counter() - started > 30:
            raise SystemExit(f"{name}: the change did not show within 30 s of its refresh")
        time.sleep(0.005)
    delays.append((time.perf_counter() - started) * 1000)
    # the refresh wrote, so this is the first facets read of a new generation: computed, not kept
    started = time.perf_counter()
    call("GET", facets)
    after_write.append((time.perf_counter() - started) * 1000)
r50, r99 = percentiles(delays) if delays else (float("nan"), float("nan"))
w50, w99 = percentiles(after_write) if after_write else (float("nan"), float("nan"))
loads.append(load())

print(f"| {label} | {' / '.join(f'{l:.1f}' for l in loads)} | {total} | {ingest:.1f} s"
      f" | {m50:.1f} / {m99:.1f} ms | {q50:.1f} / {q99:.1f} ms | {c50:.1f} / {c99:.1f} ms"
      f" | {n50:.1f} / {n99:.1f} ms | {f50:.0f} / {f99:.0f} ms | {w50:.0f} / {w99:.0f} ms"
      f" | {r50:.0f} / {r99:.0f} ms |")
