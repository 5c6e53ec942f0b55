"""Community colours, the same as the ``actorgraph`` SVG and DOT diagrams.

The C renderer (the palette in ``src/render/style.c``, formerly
``src/render/style.c``) fills nodes by community: communities are
ranked by size (largest first, ties by smaller id); the 8 largest of 2 nodes
or more get Paul Tol's "light" qualitative colours in :data:`PALETTE` order,
the others white (:data:`FILL_SMALL`); nodes without a community are pale
grey (:data:`FILL_NONE`).  The ranking is over the graph drawn, so colour a
view with the view (as ``actorgraph render`` of the view would).
"""

from collections import Counter
from collections.abc import Mapping

#: Paul Tol's "light" scheme, most distinct first: communities by size rank.
PALETTE = ("#77AADD", "#EE8866", "#44BB99", "#FFAABB", "#EEDD88", "#99DDFF", "#BBCC33", "#AAAA00")
#: The fill of a community past the 8th, or of a single node.
FILL_SMALL = "#FFFFFF"
#: The fill of a node without a community.
FILL_NONE = "#DDDDDD"

_COLOUR_KEYS = ("color", "colour", "fillcolor")


def _community(attrs):
    """A node's community as an int, or None (missing, null, negative, not a number)."""
    c = attrs.get("community")
    if isinstance(c, bool) or c is None:
        return None
    try:
        c_int = int(c)
    except (TypeError, ValueError):
        return None
    if c_int != c and not isinstance(c, str):  # 1.5 is not a community id
        return None
    return c_int if c_int >= 0 else None


def stored_color(attrs):
    """A colour the node itself carries, or None: a ``color``, ``colour`` or
    ``fillcolor`` string, or a GEXF ``viz`` colour (``{"color": {"r", "g", "b"}}``,
    as networkx's ``read_gexf`` gives it) as ``#RRGGBB``."""
    for key in _COLOUR_KEYS:
        value = attrs.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    viz = attrs.get("viz")
    if isinstance(viz, Mapping) and isinstance(viz.get("color"), Mapping):
        rgb = viz["color"]
        try:
            return "#{:02X}{:02X}{:02X}".format(*(int(rgb[k]) for k in ("r", "g", "b")))
        except (KeyError, TypeError, ValueError):
            return None
    return None


def _ranked(G):
    """{community: (rank by size, size)}, ranked as the renderer ranks them."""
    sizes = Counter(c for c in (_community(a) for _, a in G.nodes(data=True)) if c is not None)
    order = sorted(sizes, key=lambda c: (-sizes[c], c))
    return {c: (rank, sizes[c]) for rank, c in enumerate(order)}


def community_colors(G):
    """{community id: colour} for every community of ``G``, as the SVG fills them.

    When nodes carry a colour of their own (see :func:`stored_color`), a
    community takes the colour most of its coloured nodes carry instead.
    Nodes without a community are not in the dict: they are :data:`FILL_NONE`
    (see :func:`node_colors`).
    """
    stored = {}
    for _, attrs in G.nodes(data=True):
        c, colour = _community(attrs), stored_color(attrs)
        if c is not None and colour is not None:
            stored.setdefault(c, Counter())[colour] += 1
    colours = {}
    for c, (rank, size) in sorted(_ranked(G).items()):
        if c in stored:
            colours[c] = stored[c].most_common(1)[0][0]
        elif size >= 2 and rank < len(PALETTE):
            colours[c] = PALETTE[rank]
        else:
            colours[c] = FILL_SMALL
    return colours


def node_colors(G):
    """{node: colour}: the node's own stored colour when it has one, else its
    community's (:func:`community_colors`), else :data:`FILL_NONE`.  In node
    order, so ``list(node_colors(G).values())`` is matplotlib's ``node_color``."""
    by_community = community_colors(G)
    out = {}
    for n, attrs in G.nodes(data=True):
        colour = stored_color(attrs)
        if colour is None:
            c = _community(attrs)
            colour = by_community[c] if c is not None else FILL_NONE
        out[n] = colour
    return out
