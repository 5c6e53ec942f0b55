#!/usr/bin/python3
"""Use an actorgraph graph from Python: networkx + matplotlib, as in a notebook.

    scripts/notebook_example.py GRAPH.json [--top N] [--out PLOT.png | --no-plot]

Loads the node-link JSON that `actorgraph build` / `analyze` write, prints the
top actors by PageRank in each community, and saves a plot (PNG) in the
community colours of actorgraph's SVG.  The metrics and communities actorgraph
computed are used as they are; a graph straight from `actorgraph extract` (no
metrics yet) gets PageRank and Louvain communities from networkx instead.

The graph is read through the repository's Python package (python/actorgraph,
found beside this script, or installed), which gives the same networkx graph
on networkx 2.8 and 3.x (whose node_link_graph changed its link key).  On
Debian: python3-networkx, python3-matplotlib (not needed with --no-plot).
Each block below can be pasted into a notebook cell.
"""
import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

import networkx as nx

try:
    import actorgraph as ag
except ImportError:  # a checkout: the package sits in python/ beside scripts/
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "python"))
    import actorgraph as ag


def load(path):
    """The graph (networkx 2.8 or 3.x), with each node's metrics dict flattened onto the node."""
    g = ag.load_graph(path)
    for _, attrs in g.nodes(data=True):
        for name, value in (attrs.get("metrics") or {}).items():
            attrs.setdefault(name, value)
    return g


def ensure_analysis(g, seed=42):
    """PageRank and communities: actorgraph's when present, else networkx's."""
    if any(a.get("pagerank") is None for _, a in g.nodes(data=True)):
        pr = nx.pagerank(g, weight="weight") if g.number_of_nodes() else {}
        nx.set_node_attributes(g, pr, "pagerank")
    if any(a.get("community") is None for _, a in g.nodes(data=True)):
        found = nx.community.louvain_communities(g, weight="weight", seed=seed)
        for c, members in enumerate(sorted(found, key=lambda m: (-len(m), min(m)))):
            for n in members:
                g.nodes[n]["community"] = c


def top_by_community(g, top=5):
    """{community: [(pagerank, node), ...]} with the `top` highest first."""
    groups = defaultdict(list)
    for n, a in g.nodes(data=True):
        groups[a["community"]].append((a["pagerank"], n))
    return {c: sorted(m, key=lambda x: (-x[0], str(x[1])))[:top] for c, m in sorted(groups.items())}


def report(g, top=5):
    sizes = defaultdict(int)
    for _, a in g.nodes(data=True):
        sizes[a["community"]] += 1
    for c, members in top_by_community(g, top).items():
        print(f"community {c} ({sizes[c]} actors)")
        for pr, n in members:
            a = g.nodes[n]
            print(f"  {pr:.4f}  {a.get('label', n)} ({a.get('type', '?')})")


def layout(g, seed=42):
    """Force layout of the largest component; the small ones in a row below it
    (a force layout flings isolated nodes to the edge of the picture)."""
    comps = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(map(str, c))))
    if not comps:
        return {}
    main = g.subgraph(comps[0])
    pos = nx.spring_layout(main, seed=seed, iterations=200, k=2 / math.sqrt(max(len(main), 1)))
    rest = comps[1:]
    for i, comp in enumerate(rest):
        x = -1 + 2 * (i + 0.5) / len(rest)
        sub = nx.circular_layout(g.subgraph(comp), scale=0.04) if len(comp) > 1 else {next(iter(comp)): (0, 0)}
        for n, (dx, dy) in sub.items():
            pos[n] = (x + dx, -1.25 + dy)
    return pos


def plot(g, out, seed=42, labels=25):
    import matplotlib

    matplotlib.use("Agg")  # no display needed; in Jupyter, leave this out
    import matplotlib.pyplot as plt

    pos = layout(g, seed)
    fills = ag.node_colors(g)  # the fills of actorgraph's SVG, community by community
    colours = [fills[n] for n in g.nodes]
    pr = [a["pagerank"] for _, a in g.nodes(data=True)]
    top = max(pr, default=1) or 1
    sizes = [60 + 1400 * p / top for p in pr]
    widths = [0.4 + math.log1p(w) for _, _, w in g.edges(data="weight", default=1)]
    fig, ax = plt.subplots(figsize=(11, 8), dpi=120)
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, alpha=0.25, edge_color="#555555")
    nx.draw_networkx_nodes(g, pos, ax=ax, node_color=colours, node_size=sizes, linewidths=0.5,
                           edgecolors="white")
    shown = sorted(g.nodes, key=lambda n: -g.nodes[n]["pagerank"])[:labels]
    nx.draw_networkx_labels(g, pos, ax=ax, font_size=8,
                            labels={n: g.nodes[n].get("label", str(n)) for n in shown})
    ax.set_title(f"{g.number_of_nodes()} actors, {g.number_of_edges()} links; "
                 f"colour = community (as in graph.svg), size = PageRank")
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph", help="node-link JSON written by actorgraph")
    ap.add_argument("--top", type=int, default=5, help="actors listed per community (default 5)")
    ap.add_argument("--out", default="graph.png", help="where to save the plot (default graph.png)")
    ap.add_argument("--no-plot", action="store_true", help="only list the actors (no matplotlib needed)")
    args = ap.parse_args()

    g = load(args.graph)
    ensure_analysis(g)
    report(g, args.top)
    if not args.no_plot:
        plot(g, args.out)
        print(f"plot saved to {args.out}")


if __name__ == "__main__":
    main()
