#!/usr/bin/python3
"""Check that networkx reads actorgraph's node-link JSON as it is.

  nx_load.py GRAPH.json

Loads the file with networkx.node_link_graph and checks that nothing was lost
or invented: the same nodes and links as the JSON arrays, every link end a
declared node, node types and link weights as written, metrics when present.
"""
import json
import math
import sys

import networkx as nx

path = sys.argv[1]
data = json.load(open(path, encoding="utf-8"))
g = nx.node_link_graph(data)
problems = []
ids = [n["id"] for n in data["nodes"]]
if len(set(ids)) != len(ids):
    problems.append("duplicate node ids")
if g.number_of_nodes() != len(ids):
    problems.append(f"networkx has {g.number_of_nodes()} nodes, the file {len(ids)}")
if g.number_of_edges() != len(data["links"]):
    problems.append(f"networkx has {g.number_of_edges()} edges, the file {len(data['links'])}")
for link in data["links"]:
    for end in ("source", "target"):
        if link[end] not in g:
            problems.append(f"link end {link[end]!r} is not a node")
    if not (isinstance(link["weight"], (int, float)) and link["weight"] > 0):
        problems.append(f"bad weight {link['weight']!r}")
    if g[link["source"]][link["target"]]["weight"] != link["weight"]:
        problems.append("weight changed on load")
for n, attrs in g.nodes(data=True):
    if attrs.get("type") not in ("person", "state", "organization", "meeting"):
        problems.append(f"node {n!r} has type {attrs.get('type')!r}")
    for k, v in (attrs.get("metrics") or {}).items():
        if v is not None and not math.isfinite(v):
            problems.append(f"node {n!r} metric {k} = {v}")
    aff = attrs.get("affiliation")
    if aff is not None and aff not in g:
        problems.append(f"node {n!r}: affiliation {aff!r} is not a node")
for p in problems[:20]:
    print("nx_load:", p)
print(f"nx_load: {path}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {len(problems)} problems")
sys.exit(1 if problems else 0)
