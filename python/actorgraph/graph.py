"""Read actorgraph's node-link JSON into networkx and pandas, and write it back.

The format (README, "The graph"): ``{"directed": false, "multigraph": false,
"graph": {...}, "nodes": [...], "links": [...]}``, which is what networkx's
``node_link_data`` writes.  networkx itself changed how ``node_link_graph``
reads it (3.4 added an ``edges=`` keyword and deprecated ``link=``; 3.6 reads
``"edges"`` by default), so this module reads the JSON itself: the same result
on networkx 2.8 and 3.x, from files with ``"links"`` (ours) or ``"edges"``
(networkx 3.6's own).

Evidence spans are byte offsets into the original documents; a document is
found through ``graph.documents[].path``, which is the path the ``actorgraph``
command was given (relative to the folder it ran in).
"""

import gzip
import json
import math
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import networkx as nx

#: The relations actorgraph counts on a link, in the order of the link frame's columns.
RELATIONS = ("co_mention", "affiliation", "party", "mediator", "host", "participant",
             "shared_meeting", "other")

# Node fields first in the node frame, in this order (then any others, then metrics).
_NODE_FIELDS = ("label", "type", "aliases", "affiliation", "role", "first_seen", "last_seen",
                "mentions", "community", "stability")
_LINK_FIELDS = ("weight", "evidence_count", "example")
_EVIDENCE_COLUMNS = ("source", "target", "relation", "doc", "date", "start", "end", "text")


def _hashable(value):
    """A node id as networkx can hold it (JSON lists become tuples, as networkx does)."""
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    return value


def _read_data(source):
    """(node-link dict, path of the file or None) for a path or an already parsed dict."""
    if isinstance(source, Mapping):
        return source, None
    path = Path(os.fspath(source))
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return data, path


def _links_of(data):
    """The link list of a node-link dict: "links" (actorgraph, networkx < 3.6) or "edges"."""
    for key in ("links", "edges"):
        if key in data:
            links = data[key]
            if not isinstance(links, list):
                raise ValueError(f"node-link graph: {key!r} is not a list")
            return links
    return []


def _check(data):
    if not isinstance(data, Mapping) or not isinstance(data.get("nodes"), list):
        raise ValueError("not a node-link graph: no 'nodes' list")
    if data.get("multigraph"):
        raise ValueError("a multigraph: actorgraph graphs have one link per pair of nodes")
    if data.get("directed"):
        raise ValueError("a directed graph: actorgraph graphs are undirected")


def graph_from_data(data):
    """A :class:`networkx.Graph` from a parsed node-link dict (see :func:`load_graph`)."""
    _check(data)
    G = nx.Graph()
    G.graph.update(data.get("graph") or {})
    for node in data["nodes"]:
        if not isinstance(node, Mapping) or "id" not in node:
            raise ValueError(f"node-link graph: a node without an id: {node!r:.80}")
        G.add_node(_hashable(node["id"]), **{k: v for k, v in node.items() if k != "id"})
    for link in _links_of(data):
        try:
            s, t = _hashable(link["source"]), _hashable(link["target"])
        except (KeyError, TypeError):
            raise ValueError(f"node-link graph: a link without source and target: {link!r:.80}") from None
        G.add_edge(s, t, **{k: v for k, v in link.items() if k not in ("source", "target")})
    return G


def load_graph(source):
    """Read an actorgraph (or networkx) node-link graph into an undirected networkx graph.

    ``source`` is the path of a JSON file or the already parsed dict (as
    :func:`actorgraph.extract` returns without ``out``).  Nodes keep every
    field of the JSON as attributes (``label``, ``type``, ``aliases``,
    ``first_seen``, ``metrics`` as a dict, ``community`` ...); links keep
    ``weight``, ``relations`` (a dict of counts), ``evidence`` (a list of
    ``{"doc", "start", "end"}`` spans), ``evidence_count``, ``example``; the
    ``graph`` object (``documents``, analysis settings) becomes ``G.graph``.

    Works the same on networkx 2.8 and 3.x: the JSON is read here, not by
    ``networkx.node_link_graph`` (whose link key and keywords differ between
    versions); links under ``"edges"`` are read too.  Raises ValueError for a
    file that is not an undirected simple node-link graph.
    """
    data, _ = _read_data(source)
    return graph_from_data(data)


def _plain(value):
    """``value`` made JSON-safe the way actorgraph writes it: NaN and infinities as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy scalars from pandas
        return _plain(value.item())
    return value


def graph_to_data(G):
    """The node-link dict of a graph, in actorgraph's layout (``"links"``, not ``"edges"``)."""
    return {
        "directed": False,
        "multigraph": False,
        "graph": _plain(dict(G.graph)),
        "nodes": [{"id": _plain(n), **_plain(a)} for n, a in G.nodes(data=True)],
        "links": [{"source": _plain(u), "target": _plain(v), **_plain(a)} for u, v, a in G.edges(data=True)],
    }


def save_graph(G, path):
    """Write ``G`` as node-link JSON that the ``actorgraph`` command reads (e.g. a view
    for ``actorgraph render``).  Written to a temporary file and renamed into place.
    Returns the path as a :class:`pathlib.Path`."""
    path = Path(os.fspath(path))
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(graph_to_data(G), f, ensure_ascii=False, allow_nan=False)
            f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


# --- document texts ---------------------------------------------------------------------

def _is_jsonl(name):
    return name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


def _jsonl_texts(path, raw):
    """{document id: text bytes} of a JSONL file, the ids given as actorgraph gives them:
    the record's "id" (a string, or an integer written in decimal), else
    "<file name>:line<N>"; a repeated id gets "~2", "~3"... in reading order.
    (actorgraph makes ids unique across the whole corpus, so an id that also
    occurs in another input may be numbered differently there.)"""
    texts, used = {}, set()
    for number, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            continue
        given = record.get("id")
        if isinstance(given, bool) or not isinstance(given, (str, int)):
            given = f"{path.name}:line{number}"
        base = candidate = str(given)
        k = 2
        while candidate in used:
            candidate, k = f"{base}~{k}", k + 1
        used.add(candidate)
        texts[candidate] = record["text"].encode("utf-8", "surrogatepass")
    return texts


class _Documents:
    """Finds and reads the documents of a graph, once each."""

    def __init__(self, documents, bases):
        self.documents = documents  # id -> {"id", "path", "date"}
        self.bases = bases
        self.files = {}  # resolved path -> bytes, or {id: bytes} for JSONL, or None

    def _resolve(self, name):
        p = Path(name)
        candidates = [p] if p.is_absolute() else [b / p for b in self.bases]
        for c in candidates:
            if c.is_file():
                return c
        return None

    def _load(self, name):
        if name in self.files:
            return self.files[name]
        content = None
        path = self._resolve(name) if name and name != "-" else None
        if path is not None:
            try:
                raw = path.read_bytes()
                if name.endswith(".gz"):
                    raw = gzip.decompress(raw)
                content = _jsonl_texts(path, raw) if _is_jsonl(name) else raw
            except (OSError, EOFError, gzip.BadGzipFile):
                content = None
        self.files[name] = content
        return content

    def text_bytes(self, doc):
        """The text of document ``doc`` as bytes, or None when it cannot be read."""
        meta = self.documents.get(doc)
        if not meta or not isinstance(meta.get("path"), str):
            return None
        content = self._load(meta["path"])
        if isinstance(content, dict):
            return content.get(doc)
        return content

    def span(self, doc, start, end):
        """The text of bytes [start, end) of ``doc``, or None (unreadable, or out of range)."""
        data = self.text_bytes(doc)
        if data is None or not isinstance(start, int) or not isinstance(end, int):
            return None
        if not 0 <= start <= end <= len(data):
            return None
        return data[start:end].decode("utf-8", errors="replace")


def _bases(graph_path, base):
    """Folders to resolve relative document paths against."""
    if base is not None:
        return [Path(os.fspath(base))]
    bases = [Path.cwd()]
    if graph_path is not None:
        folder = graph_path.resolve().parent
        bases += [folder, *folder.parents]
    return bases


def _documents_of(data):
    docs = (data.get("graph") or {}).get("documents") or []
    return {d["id"]: d for d in docs if isinstance(d, Mapping) and "id" in d}


def document_text(source, doc, *, base=None):
    """The whole text of document ``doc`` of a graph (path or dict), or None when its
    file cannot be read.  Relative document paths are tried against ``base``
    when given, else the current folder, then the graph file's folder and each
    folder above it."""
    data, graph_path = _read_data(source)
    data_bytes = _Documents(_documents_of(data), _bases(graph_path, base)).text_bytes(doc)
    return None if data_bytes is None else data_bytes.decode("utf-8", errors="replace")


# --- pandas frames ----------------------------------------------------------------------

def _unique_name(name, taken, prefix):
    return name if name not in taken else f"{prefix}{name}"


def load_frames(source, *, base=None, text=True):
    """Three pandas DataFrames of a graph: ``(nodes, links, evidence)``.

    ``source``: the path of a node-link JSON file, its parsed dict, or a
    networkx graph (from :func:`load_graph` or a view of it).

    - ``nodes``: one row per node, indexed by ``id``: ``label``, ``type``,
      ``aliases``, ``affiliation``, ``role``, ``first_seen``, ``last_seen``,
      ``mentions``, ``community``, ``stability`` (when present), any other
      node field, then each metric as a column of its own (``pagerank``,
      ``degree``...; ``metric_<name>`` if a node field has that name).
    - ``links``: one row per link: ``source``, ``target``, ``weight``,
      ``evidence_count``, ``example``, any other link field, then one integer
      column per relation (``co_mention``, ``affiliation``, ``party``,
      ``mediator``, ``host``, ``participant``, ``shared_meeting``, ``other``,
      and any other relation found; 0 when absent).
    - ``evidence``: one row per evidence span: ``source``, ``target``,
      ``relation`` (the span's own relation when the JSON records one; the
      actorgraph 0.1 format records only doc, start and end, so None), ``doc``,
      ``date`` (the document's date or None), ``start``, ``end`` (byte offsets)
      and ``text``: the span read from the document's file (bytes decoded as
      UTF-8, bad bytes replaced), or None when the file cannot be found or the
      span lies outside it.  ``text=False`` skips reading the files.

    Relative document paths (as the command was given them) are tried against
    ``base`` when given, else the current folder, then the graph file's folder
    and each folder above it.  Needs pandas (imported here, not on import of
    the package).
    """
    import pandas as pd

    if isinstance(source, nx.Graph):
        data, graph_path = graph_to_data(source), None
    else:
        data, graph_path = _read_data(source)
        _check(data)
    documents = _documents_of(data)
    reader = _Documents(documents, _bases(graph_path, base)) if text else None

    # nodes
    rows, metric_names, fields = [], [], []
    for node in data["nodes"]:
        row = {k: v for k, v in node.items() if k != "metrics"}
        for k in row:
            if k not in fields:
                fields.append(k)
        metrics = node.get("metrics") or {}
        for name in metrics:
            if name not in metric_names:
                metric_names.append(name)
        rows.append((row, metrics))
    field_set = set(fields)
    metric_cols = {m: _unique_name(m, field_set, "metric_") for m in metric_names}
    node_rows = []
    for row, metrics in rows:
        row = dict(row)
        row["id"] = _hashable(row.get("id"))
        for m, value in metrics.items():
            row[metric_cols[m]] = value
        node_rows.append(row)
    order = (["id"] + [f for f in _NODE_FIELDS if f in field_set]
             + [f for f in fields if f != "id" and f not in _NODE_FIELDS] + list(metric_cols.values()))
    nodes = pd.DataFrame(node_rows, columns=order).set_index("id")

    # links and evidence
    links_list = _links_of(data)
    extra_rel, link_fields = [], []
    for link in links_list:
        for r in link.get("relations") or {}:
            if r not in RELATIONS and r not in extra_rel:
                extra_rel.append(r)
        for k in link:
            if k not in ("source", "target", "relations", "evidence") and k not in link_fields:
                link_fields.append(k)
    link_field_set = set(link_fields) | {"source", "target"}
    rel_cols = {r: _unique_name(r, link_field_set, "rel_") for r in (*RELATIONS, *extra_rel)}
    link_rows, ev_rows = [], []
    for link in links_list:
        s, t = _hashable(link.get("source")), _hashable(link.get("target"))
        row = {"source": s, "target": t}
        row.update({k: v for k, v in link.items() if k in link_field_set and k not in ("source", "target")})
        relations = link.get("relations") or {}
        for r, col in rel_cols.items():
            row[col] = relations.get(r, 0) or 0
        link_rows.append(row)
        for span in link.get("evidence") or []:
            if not isinstance(span, Mapping):
                continue
            doc, start, end = span.get("doc"), span.get("start"), span.get("end")
            ev_rows.append({
                "source": s, "target": t, "relation": span.get("relation"), "doc": doc,
                "date": (documents.get(doc) or {}).get("date"), "start": start, "end": end,
                "text": reader.span(doc, start, end) if reader else None,
            })
    link_order = (["source", "target"] + [f for f in _LINK_FIELDS if f in link_field_set]
                  + [f for f in link_fields if f not in _LINK_FIELDS] + list(rel_cols.values()))
    links = pd.DataFrame(link_rows, columns=link_order)
    if not link_rows:  # an empty frame's columns are objects: give the counts their type
        links = links.astype({col: "int64" for col in rel_cols.values()})
    evidence = pd.DataFrame(ev_rows, columns=list(_EVIDENCE_COLUMNS))
    return nodes, links, evidence
