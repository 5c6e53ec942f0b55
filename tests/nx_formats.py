#!/usr/bin/python3
"""Check that networkx reads actorgraph's GraphML, GEXF and Cytoscape JSON back
to the graph of the node-link JSON written next to them.

  nx_formats.py DIR

DIR holds graph.json (the reference, read with node_link_graph) and any of
graph.graphml, graph.gexf and graph.cyjs.  Each is read with networkx
(read_graphml, read_gexf, cytoscape_graph) and must give the same nodes and
links, and every node and link the same flat attributes: label, type,
aliases ("; "-joined in the XML formats), the other node fields, each metric,
community; weight, the relation counts, evidence_count, documents,
first/last evidence date and example on links; foreign attributes too.
Edge ids must be unique (and, in Cytoscape JSON, distinct from node ids);
GEXF spells must match first_seen/last_seen and the evidence dates.

In the XML formats, characters XML 1.0 forbids were replaced (control bytes
by U+2400 + byte, DEL by U+2421): the expected values get the same mapping.
Exit status 0 when all agree, 1 otherwise, 77 when networkx is missing.
"""
import json
import math
import os
import sys

try:
    import networkx as nx
except ImportError:
    print("nx_formats: networkx not installed: skipped")
    sys.exit(77)

NODE_FIELDS = ["label", "type", "aliases", "affiliation", "role", "place", "country",
               "start", "end", "status", "first_seen", "last_seen", "mentions",
               "community", "stability"]
LINK_KNOWN = {"source", "target", "weight", "relations", "evidence", "evidence_count",
              "example"}


def xml_safe(v):
    """A string as the XML writers store it."""
    if not isinstance(v, str):
        return v
    out = []
    for ch in v:
        c = ord(ch)
        if (c < 0x20 and ch not in "\t\n\r"):
            out.append(chr(0x2400 + c))
        elif c == 0x7F:
            out.append("\u2421")
        elif c in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def present(v):
    return v is not None and not (isinstance(v, float) and not math.isfinite(v))


def flat_node(n):
    """The flat attributes a node of the node-link JSON must have."""
    flat = {}
    for f in NODE_FIELDS:
        v = n.get(f)
        if f == "aliases":
            if v:
                flat[f] = list(v)
            continue
        if f == "status" and v is None and n.get("type") == "meeting":
            v = "held"
        if f == "mentions" and v == 0:
            continue
        if present(v):
            flat[f] = v
    for k, v in (n.get("metrics") or {}).items():
        name = k if k not in flat else "metric_" + k
        if present(v):
            flat[name] = v
    for k, v in n.items():
        if k in ("id", "metrics") or k in NODE_FIELDS or k in flat:
            continue
        if present(v):
            flat[k] = v
    return flat


def flat_link(l, doc_dates):
    flat = {"weight": l["weight"]}
    for r, c in (l.get("relations") or {}).items():
        if r not in flat and present(c):
            flat[r] = c
    if l.get("evidence_count"):
        flat["evidence_count"] = l["evidence_count"]
    docs = []
    for e in l.get("evidence") or []:
        if not docs or docs[-1] != e["doc"]:
            docs.append(e["doc"])
    if docs:
        flat["documents"] = docs
        dates = [doc_dates[d] for d in docs if doc_dates.get(d)]
        if dates:
            flat["first_seen"], flat["last_seen"] = min(dates), max(dates)
    if l.get("example") is not None:
        flat["example"] = l["example"]
    for k, v in l.items():
        if k not in LINK_KNOWN and k not in flat and present(v):
            flat[k] = v
    return flat


def same(expected, got, xml):
    """Does a value read back match what the JSON says?"""
    if isinstance(expected, list) and xml:
        if all(isinstance(x, str) for x in expected) and got == "; ".join(xml_safe(x) for x in expected):
            return True
    if isinstance(expected, (list, dict)):
        if isinstance(got, str):
            try:
                got = json.loads(got)
            except ValueError:
                return False
        return got == (json.loads(json.dumps(expected)) if not xml else
                       json.loads(xml_safe(json.dumps(expected, ensure_ascii=False))))
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected == got
    if isinstance(expected, (int, float)):
        if isinstance(got, str):
            try:
                got = float(got)
            except ValueError:
                return False
        return isinstance(got, (int, float)) and math.isclose(float(expected), float(got),
                                                              rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(expected, str):
        if xml:
            expected = xml_safe(expected)
        return got == expected if isinstance(got, str) else str(got) == expected
    return expected == got


def compare(fmt, ref, g, xml, problems, ignore_node=(), ignore_edge=()):
    def bad(msg):
        problems.append(f"{fmt}: {msg}")

    key = xml_safe if xml else (lambda s: s)
    nodes = {key(str(n["id"])): n for n in ref["nodes"]}
    if set(g.nodes) != set(nodes):
        missing = sorted(set(nodes) - set(g.nodes))[:3]
        extra = sorted(set(g.nodes) - set(nodes))[:3]
        bad(f"node sets differ: {g.number_of_nodes()} read, {len(nodes)} written; "
            f"missing {missing!r}, unexpected {extra!r}")
        return
    if g.number_of_edges() != len(ref["links"]):
        bad(f"{g.number_of_edges()} links read, {len(ref['links'])} written")
    for nid, n in nodes.items():
        want = flat_node(n)
        have = {k: v for k, v in g.nodes[nid].items() if k not in ignore_node}
        for k, v in want.items():
            if k not in have:
                bad(f"node {nid!r}: {k} missing")
            elif not same(v, have[k], xml):
                bad(f"node {nid!r}: {k} is {have[k]!r}, expected {v!r}")
        for k in have:
            if k not in want:
                bad(f"node {nid!r}: unexpected attribute {k} = {have[k]!r}")
    doc_dates = {d["id"]: d.get("date") for d in ref["graph"].get("documents", [])}
    edge_ids = set()
    for idx, l in enumerate(ref["links"]):
        s, t = key(str(l["source"])), key(str(l["target"]))
        if not g.has_edge(s, t):
            bad(f"link {s!r} -- {t!r} missing")
            continue
        attrs = g.edges[s, t]
        eid = attrs.get("id")
        if eid is None or eid in edge_ids or eid.rstrip("_") != f"e{idx}":
            bad(f"link {s!r} -- {t!r}: id {eid!r} missing, repeated or not e{idx}")
        edge_ids.add(eid)
        want = flat_link(l, doc_dates)
        have = {k: v for k, v in attrs.items() if k not in ignore_edge}
        for k, v in want.items():
            if k not in have:
                bad(f"link {s!r} -- {t!r}: {k} missing")
            elif not same(v, have[k], xml):
                bad(f"link {s!r} -- {t!r}: {k} is {have[k]!r}, expected {v!r}")
        for k in have:
            if k not in want and k not in ("id", "other"):
                bad(f"link {s!r} -- {t!r}: unexpected attribute {k} = {have[k]!r}")
    if fmt == "cyjs" and edge_ids & set(g.nodes):
        bad(f"edge ids that are node ids: {sorted(edge_ids & set(g.nodes))[:3]!r}")
    return doc_dates


def full_span(d, last):
    """A yyyy[-mm[-dd]] date as the first or last day it covers (as the GEXF writer)."""
    if not isinstance(d, str):
        return None
    parts = d.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4 or len(parts) > 3:
        return None
    y = int(parts[0])
    m = int(parts[1]) if len(parts) > 1 else (12 if last else 1)
    if len(parts) > 2:
        day = int(parts[2])
    elif last:
        import calendar
        day = calendar.monthrange(y, m)[1]
    else:
        day = 1
    return f"{y:04d}-{m:02d}-{day:02d}"


def check_spells(ref, g, problems):
    nodes = {xml_safe(str(n["id"])): n for n in ref["nodes"]}
    for nid, n in nodes.items():
        a = full_span(n.get("first_seen") or n.get("last_seen"), False)
        b = full_span(n.get("last_seen") or n.get("first_seen"), True)
        want = [(a, b)] if a and b and a <= b else None
        got = g.nodes[nid].get("spells")
        if got != want:
            problems.append(f"gexf: node {nid!r}: spells {got!r}, expected {want!r}")
    dates = {d["id"]: d.get("date") for d in ref["graph"].get("documents", [])}
    for l in ref["links"]:
        s, t = xml_safe(str(l["source"])), xml_safe(str(l["target"]))
        days = sorted({dates.get(e["doc"]) for e in l.get("evidence") or []
                       if full_span(dates.get(e["doc"]), False)})
        got = g.edges[s, t].get("spells")
        if days and len(days[0]) == 10 and all(len(d) == 10 for d in days):
            want = [(d, d) for d in days]
            if got != want:
                problems.append(f"gexf: link {s!r} -- {t!r}: spells {got!r}, expected {want!r}")
        elif not days and got is not None:
            problems.append(f"gexf: link {s!r} -- {t!r}: spells {got!r} without dated evidence")


def main():
    d = sys.argv[1]
    ref = json.load(open(os.path.join(d, "graph.json"), encoding="utf-8"))
    problems = []
    nx.node_link_graph(ref)  # the reference must load too
    checked = []
    p = os.path.join(d, "graph.graphml")
    if os.path.exists(p):
        g = nx.read_graphml(p)
        compare("graphml", ref, g, True, problems)
        gen = g.graph.get("generator", "")
        if not gen.startswith("actorgraph "):
            problems.append(f"graphml: generator {gen!r}")
        docs = g.graph.get("documents")
        if ref["graph"].get("documents") and json.loads(docs or "null") != json.loads(
                xml_safe(json.dumps(ref["graph"]["documents"], ensure_ascii=False))):
            problems.append("graphml: graph documents differ")
        checked.append(f"graphml {g.number_of_nodes()}/{g.number_of_edges()}")
    p = os.path.join(d, "graph.gexf")
    if os.path.exists(p):
        g = nx.read_gexf(p)
        compare("gexf", ref, g, True, problems, ignore_node=("spells",), ignore_edge=("spells",))
        check_spells(ref, g, problems)
        checked.append(f"gexf {g.number_of_nodes()}/{g.number_of_edges()}")
    p = os.path.join(d, "graph.cyjs")
    if os.path.exists(p):
        data = json.load(open(p, encoding="utf-8"))
        g = nx.cytoscape_graph(data)
        ids = [e["data"]["id"] for e in data["elements"]["nodes"] + data["elements"]["edges"]]
        if len(set(ids)) != len(ids):
            problems.append("cyjs: element ids repeat")
        for n, a in g.nodes(data=True):
            if a.get("id") != n or a.get("name") != (a.get("label") or n):
                problems.append(f"cyjs: node {n!r}: id/value/name {a.get('id')!r}/{a.get('name')!r}")
        compare("cyjs", ref, g, False, problems, ignore_node=("id", "value", "name"),
                ignore_edge=("source", "target", "evidence"))
        for l in ref["links"]:
            ev = g.edges[str(l["source"]), str(l["target"])].get("evidence")
            if (l.get("evidence") or None) != ev:
                problems.append(f"cyjs: link {l['source']!r} -- {l['target']!r}: evidence differs")
        checked.append(f"cyjs {g.number_of_nodes()}/{g.number_of_edges()}")
    for p in problems[:30]:
        print("nx_formats:", p)
    print(f"nx_formats: {d}: {', '.join(checked) or 'nothing'} (nodes/links); {len(problems)} problems")
    return 1 if problems or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
