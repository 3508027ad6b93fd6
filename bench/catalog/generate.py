#!/usr/bin/env python3
"""Writes a catalog of Backstage entities for the benchmark: by default 10,000 entities in files of
100 (one location each), stating about 50,000 relations (each relation is stored with its inverse,
so the relations table holds twice as many rows).

usage: generate.py OUT_DIR [ENTITIES]
"""
import os
import random
import sys

out = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
per_file = 100
random.seed(7)
os.makedirs(out, exist_ok=True)

groups = max(1, total // 100)      # 1 %: teams
systems = max(1, total // 50)      # 2 %: systems
apis = total // 5                  # 20 %: APIs
components = total - groups - systems - apis
types = ["service", "website", "library", "batch"]
lifecycles = ["production", "experimental", "deprecated"]


def entity(kind, name, spec, tags=()):
    tag_list = "[" + ", ".join(tags) + "]"
    lines = [
        "apiVersion: backstage.io/v1alpha1",
        f"kind: {kind}",
        f"metadata: {{name: {name}, tags: {tag_list}}}",
        "spec:",
    ]
    for key, value in spec.items():
        if isinstance(value, list):
            value = "[" + ", ".join(f"'{v}'" for v in value) + "]"
        lines.append(f"  {key}: {value}")
    return "\n".join(lines)


docs = []
for g in range(groups):
    docs.append(entity("Group", f"team-{g}", {"type": "team", "children": []}))
for s in range(systems):
    docs.append(entity("System", f"system-{s}", {"owner": f"team-{s % groups}"}))
for a in range(apis):
    docs.append(entity("API", f"api-{a}", {
        "type": "openapi", "lifecycle": "production", "owner": f"team-{a % groups}",
        "system": f"system-{a % systems}", "definition": "'openapi: 3.0.0'"}))
relations = 2 * apis + systems
for c in range(components):
    depends = [f"component:component-{random.randrange(components)}" for _ in range(2)]
    spec = {
        "type": random.choice(types),
        "lifecycle": random.choice(lifecycles),
        "owner": f"team-{c % groups}",
        "system": f"system-{c % systems}",
        "dependsOn": depends,
        "providesApis": [f"api-{c % apis}"] if apis else [],
        "consumesApis": [f"api-{(c + 1) % apis}"] if apis else [],
    }
    relations += 6
    docs.append(entity("Component", f"component-{c}", spec, tags=[random.choice(["java", "go", "node"])]))

for i in range(0, len(docs), per_file):
    with open(os.path.join(out, f"catalog-{i // per_file:04d}.yaml"), "w") as f:
        f.write("\n---\n".join(docs[i:i + per_file]) + "\n")
print(f"{len(docs)} entities stating {relations} relations in {-(-len(docs) // per_file)} files under {out}")
