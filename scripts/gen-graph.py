#!/usr/bin/python3
"""Write a synthetic actor graph as node-link JSON, for benchmarks (stdlib only).

Usage: gen-graph.py [--nodes N] [--links M] [--seed S] OUT.json    (- for stdout)

The same arguments give the same bytes (Python's Mersenne Twister driven by
random() alone, no hash-order dependence).  The shape is meant to resemble a
large news corpus's graph rather than a uniform random one:

  - nodes are persons (80 %), organizations (15 %) and states (5 %), with ids
    like "person:n000042";
  - they sit in communities of 100 (node i in community i mod C);
  - each link draw picks an actor u (a community uniformly, then a member by a
    Zipf law inside it, exponent 1) and a partner: 85 % of the time in u's
    community (same law), otherwise anywhere by a global Zipf law (exponent
    0.9), which makes a few global hubs with thousands of links;
  - a pair drawn again adds 1 to its weight (co-mention counts), until M
    distinct pairs exist; self-pairs are redrawn.
"""
import argparse
import bisect
import itertools
import json
import random
import sys

COMMUNITY = 100
P_INSIDE = 0.85


def cumulative(n, exponent):
    return list(itertools.accumulate(1.0 / (i + 1) ** exponent for i in range(n)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=100000)
    ap.add_argument("--links", type=int, default=1000000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("out")
    a = ap.parse_args()
    n, m = a.nodes, a.links
    if n < 2 or m < 1 or m > n * (n - 1) // 2:
        sys.exit("gen-graph.py: need 2+ nodes and 1 to n(n-1)/2 links")
    # a dense request on a tiny graph would loop for ever inside communities
    if m > n * (n - 1) // 4:
        sys.exit("gen-graph.py: at most n(n-1)/4 links")

    rnd = random.Random(a.seed)
    r = rnd.random
    n_comm = max(1, n // COMMUNITY)
    local = cumulative((n + n_comm - 1) // n_comm, 1.0)
    glob = cumulative(n, 0.9)

    def member(k):
        size = (n - k + n_comm - 1) // n_comm  # members k, k+C, k+2C, ... below n
        j = bisect.bisect_left(local, r() * local[size - 1])
        return k + min(j, size - 1) * n_comm

    weight = {}
    while len(weight) < m:
        k = int(r() * n_comm)
        u = member(k)
        if r() < P_INSIDE:
            v = member(k)
        else:
            v = min(bisect.bisect_left(glob, r() * glob[-1]), n - 1)
        if u == v:
            continue
        key = u * n + v if u < v else v * n + u
        weight[key] = weight.get(key, 0) + 1

    def node_type(i):
        x = (i * 2654435761) % 100  # a fixed scramble, so types do not follow ids
        return "person" if x < 80 else "organization" if x < 95 else "state"

    ids = ["%s:n%06d" % (node_type(i), i) for i in range(n)]
    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8")
    w = out.write
    w('{"directed": false, "multigraph": false, "graph": {"generator": %s},\n "nodes": [\n'
      % json.dumps("gen-graph.py --nodes %d --links %d --seed %d" % (n, m, a.seed)))
    w(",\n".join('  {"id": "%s", "type": "%s", "label": "N%d"}' % (ids[i], ids[i].split(":")[0], i)
                 for i in range(n)))
    w('\n ],\n "links": [\n')
    first = True
    for key in sorted(weight):
        u, v = divmod(key, n)
        w('%s  {"source": "%s", "target": "%s", "weight": %d}' % ("" if first else ",\n", ids[u], ids[v],
                                                                  weight[key]))
        first = False
    w("\n ]\n}\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
