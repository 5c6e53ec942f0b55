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
- :mod:`actorgraph.colors`: :func:`community_colors`, :func:`node_colors`, the
  :data:`PALETTE` of the SVG renderer.
- :mod:`actorgraph.cli`: :func:`extract`, :func:`analyze`, :func:`render`,
  :func:`build`, :func:`find_actorgraph`, :class:`ActorgraphError`.

Needs networkx (2.8 or 3.x); pandas only for :func:`load_frames`, imported
when that is called.  On Debian: ``python3-networkx``, ``python3-pandas``.
"""

from .cli import ActorgraphError, analyze, build, extract, find_actorgraph, render
from .colors import FILL_NONE, FILL_SMALL, PALETTE, community_colors, node_colors
from .graph import document_text, load_frames, load_graph, save_graph
from .views import by_type, min_weight, window

__version__ = "0.1.0"

__all__ = [
    "ActorgraphError",
    "FILL_NONE",
    "FILL_SMALL",
    "PALETTE",
    "analyze",
    "build",
    "by_type",
    "community_colors",
    "document_text",
    "extract",
    "find_actorgraph",
    "load_frames",
    "load_graph",
    "min_weight",
    "node_colors",
    "render",
    "save_graph",
    "window",
]
