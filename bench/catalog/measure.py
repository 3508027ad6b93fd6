#!/usr/bin/env python3
"""Measures Paved's catalog against a running Paved (local mode signs in as pat:pat): ingests every
file of DIR as a `file` location (the API's own disk), then times Backstage's API as a client sees
it (HTTP included). Prints one Markdown table row.

usage: measure.py BASE_URL DIR LABEL
"""
import base64
import glob
import json
import os
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request

base, folder, label = sys.argv[1], sys.argv[2], sys.argv[3]
auth = "Basic " + base64.b64encode(b"pat:pat").decode()


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", auth)
    if data:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=600) as answer:
        return json.loads(answer.read() or b"null")


def timed(fn, times):
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        spent.append((time.perf_counter() - start) * 1000)
    spent.sort()
    return statistics.median(spent), spent[max(0, int(len(spent) * 0.99) - 1)]


files = sorted(glob.glob(os.path.join(os.path.abspath(folder), "*.yaml")))
start = time.perf_counter()
# MEASURE_ONLY=1: the catalog is already ingested (a restarted Paved on the same database)
for f in [] if os.environ.get("MEASURE_ONLY") else files:
    call("POST", "/api/catalog/locations", {"type": "file", "target": f})
ingest = time.perf_counter() - start
total = call("GET", "/api/catalog/entities/by-query?limit=1")["totalItems"]

query = "/api/catalog/entities/by-query?" + urllib.parse.urlencode(
    {"filter": "kind=component,spec.lifecycle=production", "limit": 20,
     "orderField": "metadata.name,asc"})
q50, q99 = timed(lambda: call("GET", query), 200)
first = call("GET", query)
cursor = "/api/catalog/entities/by-query?cursor=" + urllib.parse.quote(first["pageInfo"]["nextCursor"])
c50, c99 = timed(lambda: call("GET", cursor), 100)
components = [f"component-{i}" for i in range(7000)]
n50, n99 = timed(
    lambda: call("GET", "/api/catalog/entities/by-name/component/default/" + random.choice(components)),
    200)
facets = "/api/catalog/entity-facets?facet=spec.type&facet=spec.lifecycle&filter=kind=component"
f50, f99 = timed(lambda: call("GET", facets), 20)
# The floor: a request signed in the same way (HTTP basic, a bcrypt check each time) that reads no
# catalog; the catalog's own cost is what a read takes above it.
m50, m99 = timed(lambda: call("GET", "/api/v1/me"), 200)
print(f"| {label} | {total} | {ingest:.1f} s | {m50:.1f} / {m99:.1f} ms | {q50:.1f} / {q99:.1f} ms | {c50:.1f} / {c99:.1f} ms"
      f" | {n50:.1f} / {n99:.1f} ms | {f50:.0f} / {f99:.0f} ms |")
