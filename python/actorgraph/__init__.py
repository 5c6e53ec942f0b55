"""actorgraph from Python: the command line's graphs in networkx and pandas.

The ``actorgraph`` command turns news texts into a node-link JSON actor graph;
this package reads that graph into networkx and pandas, cuts views of it, and
runs the command itself::

    import actorgraph as ag

    out = ag.build("graphs/peace-talks/texts", "/tmp/peace")    # runs `actorgraph build`
    G = ag.load_graph(out / "graph.json")                       # networkx.Graph
    nodes, links, evidence = ag.load_frames(out / "graph.json")   # pandas DataFrames
    recent = ag.window(G, since="2026-01-01")                   # links seen from 2026 on
    colours = ag.node_colors(G)                                 # the SVG's community fills

Modules:

- :mod:`actorgraph.graph`: :func:`load_graph`, :func:`load_frames`,
  :func:`save_graph`, :func:`document_text`.
- :mod:`actorgraph.views`: :func:`window`, :func:`by_type`, :func:`min_weight`.
- :mod:`actorgraph.colors`: :func:`community_colors`, :func:`community_styles`,
  :func:`node_colors`, :func:`community_labels`, :func:`node_labels`: the
  diagrams' fills (:data:`PALETTE`, :data:`PATTERNS`) and labels.
- :mod:`actorgraph.cli`: :func:`extract`, :func:`analyze`, :func:`render`,
  :func:`build`, :func:`find_actorgraph`, :class:`ActorgraphError`.

Needs networkx (2.8 or 3.x); pandas only for :func:`load_frames`, imported
when that is called.  On Debian: ``python3-networkx``, ``python3-pandas``.
"""

from .cli import ActorgraphError, analyze, build, extract, find_actorgraph, render
from .colors import (FILL_ALONE, FILL_NONE, FILL_SMALL, PALETTE, PATTERNS, community_colors, community_labels,
                     community_styles, node_colors, node_labels)
from .graph import document_text, load_frames, load_graph, save_graph
from .views import by_type, min_weight, window

__version__ = "0.1.0"

__all__ = [
    "ActorgraphError",
    "FILL_ALONE",
    "FILL_NONE",
    "FILL_SMALL",
    "PALETTE",
    "PATTERNS",
    "analyze",
    "build",
    "by_type",
    "community_colors",
    "community_labels",
    "community_styles",
    "document_text",
    "extract",
    "find_actorgraph",
    "load_frames",
    "load_graph",
    "min_weight",
    "node_colors",
    "node_labels",
    "render",
    "save_graph",
    "window",
]
