"""Views of an actor graph: cut by time, by node type, by link weight.

Each view takes a networkx graph (as :func:`actorgraph.load_graph` gives) and
returns a new graph of the same class holding the kept nodes and links with
their attributes unchanged (shallow copies: nested lists and dicts are
shared with the original) and the same ``G.graph``.  Views compose:
``min_weight(by_type(window(G, since="2026-01-01"), "person,state"), 2)``.

``by_type`` and ``min_weight`` keep what the command line's ``--types`` and
``--min-weight`` keep.
"""

import datetime
import math
import numbers
import re
from collections.abc import Mapping

#: Node types actorgraph writes; ``"other"`` in a type list stands for any other.
NODE_TYPES = ("person", "state", "organization", "meeting")

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])")


def _date_range(value):
    """(first day, last day) of a date as ISO strings, or None when ``value`` is no date.

    Full dates (``2026-02-17``, also with a time after them) are one day;
    ``2022-03`` is the whole month and ``2022`` the whole year (actorgraph
    writes month dates for "March 2022")."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        day = value.isoformat()
        return day, day
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    year, month, day = m.groups()
    if day:
        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError:
            return None
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        if not 1 <= int(month) <= 12:
            return None
        return f"{year}-{month}-01", f"{year}-{month}-31"
    return f"{year}-01-01", f"{year}-12-31"


def _bound(value, which, name):
    """The lower (which=0) or upper (which=1) bound of a since/until argument, or None."""
    if value is None:
        return None
    r = _date_range(value)
    if r is None:
        raise ValueError(f"{name}: {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return r[which]


def _subgraph(G, nodes, edges):
    """A new graph like G with these nodes (in G's order) and edges, attributes copied."""
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in G if n in nodes)
    H.add_edges_from((u, v, G.edges[u, v]) for u, v in edges)
    return H


def window(G, since=None, until=None, *, keep_undated=True):
    """The part of ``G`` seen between ``since`` and ``until`` (both included).

    ``since`` and ``until`` are dates (``"2026-01-21"``, :class:`datetime.date`)
    or a month or year (``"2026-01"``: the whole month); None leaves that side
    open.  A link is kept when one of its evidence spans comes from a document
    (``G.graph["documents"]``) dated in the window.  A node is kept when it
    keeps a link, or when its ``first_seen`` or ``last_seen`` falls in the
    window.

    Undated documents, links without evidence and nodes without
    first/last seen are kept when ``keep_undated`` (the default, as the
    command line's ``--since``/``--until`` keep undated documents), dropped
    otherwise.  actorgraph lists at most 64 spans per link (the earliest), so
    a link with more (``evidence_count`` > 64) is judged on those it lists.
    """
    lo, hi = _bound(since, 0, "since"), _bound(until, 1, "until")
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"window: since {since!r} is after until {until!r}")

    def inside(r):  # True, False, or None for undated
        if r is None:
            return None
        return (lo is None or r[1] >= lo) and (hi is None or r[0] <= hi)

    dates = {}
    for d in G.graph.get("documents") or []:
        if isinstance(d, Mapping) and "id" in d:
            dates[d["id"]] = _date_range(d.get("date"))

    edges, nodes = [], set()
    for u, v, attrs in G.edges(data=True):
        verdicts = [inside(dates.get(span.get("doc")))
                    for span in attrs.get("evidence") or [] if isinstance(span, Mapping)]
        if True in verdicts or (keep_undated and (not verdicts or None in verdicts)):
            edges.append((u, v))
            nodes.update((u, v))
    for n, attrs in G.nodes(data=True):
        if n in nodes:
            continue
        seen = [inside(_date_range(attrs.get(k))) for k in ("first_seen", "last_seen")]
        if True in seen or (keep_undated and seen == [None, None]):
            nodes.add(n)
    return _subgraph(G, nodes, edges)


def _type_name(t):
    """A type name as --types takes it: any case, singular or plural ("Persons" is "person")."""
    t = t.strip().lower()
    if t not in NODE_TYPES and t != "other" and t.endswith("s") and (t[:-1] in NODE_TYPES or t[:-1] == "other"):
        t = t[:-1]
    return t


def _type_list(types):
    if isinstance(types, str):
        types = types.split(",")
    wanted = {_type_name(t) for t in types if t.strip()}
    if not wanted:
        raise ValueError("by_type: no node type given")
    unknown = sorted(wanted - set(NODE_TYPES) - {"other"})
    if unknown:
        raise ValueError(f"by_type: unknown node type {unknown[0]!r} "
                         f"({', '.join(NODE_TYPES)}, other)")
    return wanted


def by_type(G, types):
    """The nodes of the given types and the links between them.

    ``types``: a comma-separated string (``"person,state"``, as ``--types``
    takes) or an iterable of ``person``, ``state``, ``organization``,
    ``meeting`` and ``other`` (any other type), singular or plural, in any
    case (``"persons,States"``), as the command line takes them.  An unknown
    name raises ValueError, so that a typo does not give an empty graph.
    """
    wanted = _type_list(types)
    nodes = {n for n, a in G.nodes(data=True)
             if (a.get("type") if a.get("type") in NODE_TYPES else "other") in wanted}
    return _subgraph(G, nodes, [(u, v) for u, v in G.edges() if u in nodes and v in nodes])


def min_weight(G, w):
    """The links of weight >= ``w`` (a missing weight counts as 1).

    Nodes that lose all their links go too; nodes that had none stay, as with
    the command line's ``--min-weight``.  ``w`` must be a number >= 0.
    """
    if isinstance(w, bool) or not isinstance(w, numbers.Real) or math.isnan(w) or w < 0:
        raise ValueError(f"min_weight: {w!r} is not a number >= 0")
    edges = [(u, v) for u, v, weight in G.edges(data="weight", default=1) if weight >= w]
    nodes = {n for n in G if G.degree(n) == 0}
    for u, v in edges:
        nodes.update((u, v))
    return _subgraph(G, nodes, edges)
