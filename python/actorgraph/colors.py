"""Community colours and node labels, the same as the ``actorgraph`` diagrams.

Every picture of a graph fills a community the same way (the overview, any
cut, the HTML viewer, a notebook plot), so that pictures can be compared:

- ``actorgraph analyze`` stores a ``color`` and a ``pattern`` for every
  community in ``G.graph["communities"]`` (``src/analyze/communities.c``);
  that colour is used whenever it is there;
- else the same rule, by community id (which is the size rank: 0 is the
  largest): Paul Tol's "light" colours (:data:`PALETTE`, colour-blind safe)
  for ids 0-7, then the same colours with a pattern (:data:`PATTERNS`: 8-15
  ``double`` border, 16-23 ``half`` filled, 24-31 both), and round again; a
  community of one node (by its record) is white (:data:`FILL_ALONE`); a node
  without a community is pale grey (:data:`FILL_NONE`).

A colour a node carries itself (``color``, ``colour``, ``fillcolor``, or a
GEXF ``viz`` colour, as networkx's ``read_gexf`` gives it) comes first.

:func:`node_labels` gives the labels the diagrams show: meetings whose labels
read the same get their place and date (``"Istanbul talks (2025-06-02)"``).
"""

from collections import Counter
from collections.abc import Mapping
import unicodedata

#: Paul Tol's "light" scheme: community id k gets PALETTE[k % 8].
PALETTE = ("#77AADD", "#EE8866", "#44BB99", "#FFAABB", "#EEDD88", "#99DDFF", "#BBCC33", "#AAAA00")
#: Patterns past the palette: community id k gets PATTERNS[(k // 8) % 4].
PATTERNS = ("solid", "double", "half", "half,double")
#: The fill of a community of a single node.
FILL_ALONE = "#FFFFFF"
#: The same (its name before the colours were assigned by id).
FILL_SMALL = FILL_ALONE
#: The fill of a node without a community.
FILL_NONE = "#DDDDDD"

_COLOUR_KEYS = ("color", "colour", "fillcolor")
_HEX = set("0123456789abcdefABCDEF")


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


def _hex_colour(value):
    """``#RRGGBB`` (upper case) for a ``#RRGGBB`` or ``#RGB`` string, else None."""
    if not isinstance(value, str) or not value.startswith("#") or len(value) not in (4, 7) \
            or not set(value[1:]) <= _HEX:
        return None
    digits = value[1:] if len(value) == 7 else "".join(ch * 2 for ch in value[1:])
    return "#" + digits.upper()


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


def _records(G):
    """{community id: its record in G.graph["communities"]}."""
    out = {}
    for rec in G.graph.get("communities") or []:
        if isinstance(rec, Mapping) and isinstance(rec.get("id"), int) and not isinstance(rec["id"], bool):
            out.setdefault(rec["id"], rec)
    return out


def rule_style(community, size=2):
    """(colour, pattern) of a community by the rule alone (see the module's text)."""
    if size < 2:
        return FILL_ALONE, "solid"
    return PALETTE[community % len(PALETTE)], PATTERNS[(community // len(PALETTE)) % len(PATTERNS)]


def community_styles(G):
    """{community id: (colour, pattern)} for every community of ``G``, as the diagrams draw them.

    The record's stored colour and pattern first; else, when nodes carry a colour
    of their own (see :func:`stored_color`), the colour most of the community's
    coloured nodes carry; else the rule by id (white for one node only when
    its record, which counts the whole graph, says it has one).
    """
    sizes = Counter(c for c in (_community(a) for _, a in G.nodes(data=True)) if c is not None)
    records = _records(G)
    stored = {}
    for _, attrs in G.nodes(data=True):
        c, colour = _community(attrs), stored_color(attrs)
        if c is not None and colour is not None:
            stored.setdefault(c, Counter())[colour] += 1
    styles = {}
    for c in sorted(sizes):
        rec = records.get(c, {})
        colour = _hex_colour(rec.get("color"))
        if colour is not None:
            pattern = rec.get("pattern") if rec.get("pattern") in PATTERNS else "solid"
            styles[c] = (colour, pattern)
        elif c in stored:
            styles[c] = (stored[c].most_common(1)[0][0], "solid")
        else:
            # a single node is white when the record says so; counted in a view, a
            # large community cut down to one node would turn white there only
            size = rec.get("size") if isinstance(rec.get("size"), int) and rec.get("size") >= 1 else 2
            styles[c] = rule_style(c, size)
    return styles


def community_colors(G):
    """{community id: colour} for every community of ``G`` (:func:`community_styles`
    without the patterns).  Nodes without a community are not in the dict: they
    are :data:`FILL_NONE` (see :func:`node_colors`)."""
    return {c: colour for c, (colour, _) in community_styles(G).items()}


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


def _fold(s):
    s = unicodedata.normalize("NFD", str(s))
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower().strip()


def node_labels(G):
    """{node: the label the diagrams show}: the ``label`` (or the node itself);
    meetings whose labels read the same (case and accents aside) get, in
    brackets, their place when the label does not name it (the ``place``, else
    the country's label), ``proposed``, and their ``start`` date (or ``seen``
    and ``first_seen``), and their id when that is still not enough, as
    ``src/render/labels.c`` and the viewer do.  In node order."""
    def base(n, attrs):
        label = attrs.get("label")
        return label if isinstance(label, str) and label else str(n)

    out = {n: base(n, a) for n, a in G.nodes(data=True)}
    groups = {}
    for n, attrs in G.nodes(data=True):
        if attrs.get("type") == "meeting":
            groups.setdefault(_fold(out[n]), []).append(n)
    for key, members in groups.items():
        if len(members) < 2:
            continue
        for n in members:
            attrs, bits = G.nodes[n], []
            place = attrs.get("place") if isinstance(attrs.get("place"), str) and attrs.get("place") else None
            country = attrs.get("country")
            if place is None and isinstance(country, str) and country:
                place = base(country, G.nodes[country]) if country in G else country
            if place and _fold(place) and _fold(place) not in key:
                bits.append(place)
            if attrs.get("status") == "proposed":
                bits.append("proposed")
            if isinstance(attrs.get("start"), str) and attrs["start"]:
                bits.append(attrs["start"])
            elif isinstance(attrs.get("first_seen"), str) and attrs["first_seen"]:
                bits.append("seen " + attrs["first_seen"])
            if bits:
                out[n] = f"{out[n]} ({', '.join(bits)})"
        seen = Counter(out[n] for n in members)
        for n in members:
            if seen[out[n]] > 1:
                out[n] = f"{out[n]} [{n}]"
    return out


def community_labels(G):
    """{community id: its name in the legends}: its hub's shown label and how many
    other members it has, ``"Russia +15"`` (the hub and size from
    ``G.graph["communities"]`` when there, else the member of highest PageRank)."""
    labels, records = node_labels(G), _records(G)
    members = {}
    for n, attrs in G.nodes(data=True):
        c = _community(attrs)
        if c is not None:
            members.setdefault(c, []).append(n)
    out = {}
    for c in sorted(members):
        rec = records.get(c, {})
        hub = rec.get("hub")
        if isinstance(hub, (str, int)) and not isinstance(hub, bool):
            hub = hub if hub in G else str(hub) if str(hub) in G else None
        else:
            hub = None
        if hub is not None:
            name = labels[hub]
        elif isinstance(rec.get("hub_label"), str):
            name = rec["hub_label"]
        else:
            def pagerank(n):
                m = G.nodes[n].get("metrics")
                v = m.get("pagerank") if isinstance(m, Mapping) else G.nodes[n].get("pagerank")
                return v if isinstance(v, (int, float)) else 0
            name = labels[max(members[c], key=pagerank)]  # the first of the highest
        size = rec.get("size") if isinstance(rec.get("size"), int) else len(members[c])
        out[c] = name + (f" +{size - 1}" if size > 1 else "")
    return out
