"""Tests of the Python package python/actorgraph (unittest, standard library only).

    ACTORGRAPH=build/actorgraph python3 -m unittest discover -s tests/python -v

Fixtures (tests/python/fixtures/, invented texts): texts/*.txt and
reports.jsonl, and graph.json, which ``actorgraph build texts reports.jsonl``
made from them in that folder (so its document paths are relative to it);
views.json is written by hand, with known answers for the views and colours.

Tests that run the command need it (ACTORGRAPH, PATH, or build/actorgraph)
and tests of the frames need pandas; they are skipped without.
tests/cli/python_module.sh runs the suite and fails when any test was skipped.
"""

import contextlib
import gzip
import importlib.util
import inspect
import json
import logging
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
SRC = HERE.parent.parent
FIXTURES = HERE / "fixtures"
PEACE = SRC / "graphs" / "peace-talks"
sys.path.insert(0, str(SRC / "python"))

import networkx as nx  # noqa: E402

import actorgraph as ag  # noqa: E402
from actorgraph import graph as ag_graph  # noqa: E402

HAVE_PANDAS = importlib.util.find_spec("pandas") is not None

try:
    BIN = ag.find_actorgraph()
except ag.ActorgraphError:
    BIN = None

needs_pandas = unittest.skipUnless(HAVE_PANDAS, "pandas is not installed")
needs_cli = unittest.skipUnless(BIN, "the actorgraph command was not found (set ACTORGRAPH)")


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def forms(node):
    """The names a node goes by in the text: its label and aliases, lowercased."""
    return [f.lower() for f in [node.get("label") or ""] + list(node.get("aliases") or []) if f]


def nx_node_link_graph(data):
    """networkx's own reader, given the keyword its version takes for the link key."""
    params = inspect.signature(nx.node_link_graph).parameters
    kw = {"edges": "links"} if "edges" in params else {"link": "links"}
    return nx.node_link_graph(data, **kw)


def dot_fills(dot):
    """{node name: fillcolor} from ``actorgraph render -f dot`` (default fill: #DDDDDD)."""
    fills = {}
    for m in re.finditer(r'^\t("(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z_0-9]*)\t\[(.*?)\];$', dot, re.M | re.S):
        name = m.group(1)
        name = json.loads(name) if name.startswith('"') else name
        fill = re.search(r'fillcolor="([^"]+)"', m.group(2))
        fills[name] = fill.group(1) if fill else "#DDDDDD"
    return fills


class Cwd(contextlib.AbstractContextManager):
    """Run a block in a fresh temporary folder (so nothing resolves against the source tree)."""

    def __enter__(self):
        self.old = os.getcwd()
        self.tmp = tempfile.TemporaryDirectory()
        os.chdir(self.tmp.name)
        return Path(self.tmp.name)

    def __exit__(self, *exc):
        os.chdir(self.old)
        self.tmp.cleanup()


# --- load_graph ------------------------------------------------------------------------

class LoadGraphTest(unittest.TestCase):
    def setUp(self):
        self.data = read_json(FIXTURES / "graph.json")
        self.G = ag.load_graph(FIXTURES / "graph.json")

    def test_nodes_links_and_attributes_as_in_the_json(self):
        G, data = self.G, self.data
        self.assertIsInstance(G, nx.Graph)
        self.assertFalse(G.is_directed() or G.is_multigraph())
        self.assertEqual(G.number_of_nodes(), len(data["nodes"]))
        self.assertEqual(G.number_of_edges(), len(data["links"]))
        for node in data["nodes"]:
            self.assertEqual(G.nodes[node["id"]], {k: v for k, v in node.items() if k != "id"})
        for link in data["links"]:
            attrs = G.edges[link["source"], link["target"]]
            self.assertEqual(attrs, {k: v for k, v in link.items() if k not in ("source", "target")})
            self.assertEqual(attrs["weight"], sum(attrs["relations"].values()))
            self.assertTrue(attrs["evidence"] and {"doc", "start", "end"} <= set(attrs["evidence"][0]))
        self.assertEqual([d["id"] for d in G.graph["documents"]],
                         [d["id"] for d in data["graph"]["documents"]])
        self.assertIn("pagerank", G.nodes["state:norway"]["metrics"])

    def test_same_as_networkx_own_reader_on_this_version(self):
        theirs = nx_node_link_graph(read_json(FIXTURES / "graph.json"))
        self.assertEqual(sorted(theirs.nodes(data=True)), sorted(self.G.nodes(data=True)))
        ours = {frozenset((u, v)): a for u, v, a in self.G.edges(data=True)}
        self.assertEqual({frozenset((u, v)): a for u, v, a in theirs.edges(data=True)}, ours)
        self.assertEqual(theirs.graph, self.G.graph)

    def test_networkx_3_code_path(self):
        """networkx >= 3.4 takes edges= (3.6 reads "edges" by default and link= is
        gone): load_graph must not depend on networkx's reader or its keywords."""
        def node_link_graph_36(data, directed=False, multigraph=True, attrs=None, *, source="source",
                               target="target", name="id", key="key", edges="edges", nodes="nodes"):
            raise AssertionError("load_graph called networkx.node_link_graph")
        with mock.patch.object(nx, "node_link_graph", node_link_graph_36), \
                mock.patch.object(nx.readwrite.json_graph, "node_link_graph", node_link_graph_36):
            G = ag.load_graph(FIXTURES / "graph.json")
        self.assertEqual(G.number_of_edges(), len(self.data["links"]))
        self.assertEqual(nx.to_dict_of_dicts(G), nx.to_dict_of_dicts(self.G))

    def test_the_edges_key_of_networkx_3_6(self):
        data = json.loads(json.dumps(self.data))
        data["edges"] = data.pop("links")
        G = ag.load_graph(data)
        self.assertEqual(nx.to_dict_of_dicts(G), nx.to_dict_of_dicts(self.G))
        self.assertEqual(dict(G.nodes(data=True)), dict(self.G.nodes(data=True)))

    def test_what_networkx_writes_integer_ids(self):
        H = nx.Graph()
        H.add_edge(1, 2, weight=3)
        H.add_node(3, type="state")
        data = {"directed": False, "multigraph": False, "graph": {}, "nodes": [{"id": n, **a} for n, a in H.nodes(data=True)],
                "edges": [{"source": u, "target": v, **a} for u, v, a in H.edges(data=True)]}
        G = ag.load_graph(data)
        self.assertEqual(sorted(G.nodes), [1, 2, 3])
        self.assertEqual(G[1][2]["weight"], 3)

    def test_rejects_what_is_no_actorgraph_graph(self):
        for bad in ({"links": []}, {"nodes": [{"label": "no id"}]},
                    {"directed": True, "nodes": []}, {"multigraph": True, "nodes": []},
                    {"nodes": [], "links": [{"source": "a"}]}):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                ag.load_graph(bad)

    def test_save_graph_round_trip(self):
        with Cwd() as tmp:
            G = ag.load_graph(FIXTURES / "graph.json")
            G.nodes["state:norway"]["metrics"]["clustering"] = float("nan")
            path = ag.save_graph(G, tmp / "saved.json")
            text = path.read_text(encoding="utf-8")
            self.assertNotIn("NaN", text)
            back = ag.load_graph(path)
            self.assertIsNone(back.nodes["state:norway"]["metrics"]["clustering"])
            back.nodes["state:norway"]["metrics"]["clustering"] = float("nan")
            self.assertEqual(nx.to_dict_of_dicts(back), nx.to_dict_of_dicts(G))
            self.assertEqual(json.loads(text)["links"][0].keys() >= {"source", "target", "weight"}, True)
            self.assertEqual(list(tmp.iterdir()), [path])  # no temporary file left


class WithoutPandasTest(unittest.TestCase):
    def test_networkx_only_use_does_not_import_pandas(self):
        code = ("import sys; sys.modules['pandas'] = None\n"  # any import of pandas now fails
                f"sys.path.insert(0, {str(SRC / 'python')!r})\n"
                "import actorgraph as ag\n"
                f"G = ag.load_graph({str(FIXTURES / 'graph.json')!r})\n"
                "V = ag.min_weight(ag.by_type(ag.window(G, since='2024-03-05'), 'person,state'), 2)\n"
                "print(G.number_of_nodes(), V.number_of_nodes(), len(ag.node_colors(V)))\n"
                "try:\n    ag.load_frames(G)\nexcept ImportError:\n    print('no pandas')\n")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        self.assertEqual(done.returncode, 0, done.stderr)
        counts, last = done.stdout.splitlines()
        self.assertEqual(last, "no pandas")
        self.assertEqual(int(counts.split()[0]), len(read_json(FIXTURES / "graph.json")["nodes"]))


# --- frames ----------------------------------------------------------------------------

@needs_pandas
class FramesTest(unittest.TestCase):
    def test_frames_of_the_fixture(self):
        data = read_json(FIXTURES / "graph.json")
        with Cwd():  # documents resolve against the graph's folder, not the current one
            nodes, links, evidence = ag.load_frames(FIXTURES / "graph.json")
        self.assertEqual(list(nodes.index), [n["id"] for n in data["nodes"]])
        self.assertEqual(nodes.index.name, "id")
        self.assertAlmostEqual(nodes.loc["state:norway", "pagerank"],
                               next(n for n in data["nodes"] if n["id"] == "state:norway")["metrics"]["pagerank"])
        self.assertEqual(nodes.loc["person:anders-brekke", "aliases"], ["Brekke"])
        self.assertEqual(len(links), len(data["links"]))
        rel_sum = links[list(ag_graph.RELATIONS)].sum(axis=1)
        self.assertTrue((rel_sum == links["weight"]).all(), "relation counts add up to the weight")
        self.assertEqual(str(links["co_mention"].dtype), "int64")
        self.assertEqual(len(evidence), sum(len(l["evidence"]) for l in data["links"]))
        self.assertEqual(list(evidence.columns),
                         ["source", "target", "relation", "doc", "date", "start", "end", "text"])
        self.assertFalse(evidence["text"].isna().any(), "every span was read from its document")
        dates = {d["id"]: d["date"] for d in data["graph"]["documents"]}
        self.assertEqual(list(evidence["date"]), [dates[d] for d in evidence["doc"]])

    def test_spans_are_the_exact_sentences(self):
        _, _, ev = ag.load_frames(FIXTURES / "graph.json")
        pair = ev[(ev.source == "state:norway") & (ev.target == "state:portugal")]
        self.assertIn("The second day of talks between Portugal and Norway ended without an agreement, "
                      "officials said.", list(pair.text))
        # a JSONL record: offsets are bytes of its text, which has non-ASCII letters before the span
        chile = ev[(ev.doc == "wire-1") & (ev.source == "person:tomas-ibarra") & (ev.target == "state:chile")]
        self.assertIn("Ibarra said Chile and Portugal would sign a trade accord.", list(chile.text))
        self.assertIn("Chilean Foreign Minister Tomás Ibarra met Helena Carvalho of Portugal in Santiago "
                      "on Thursday.", list(chile.text))

    def check_both_ends_named(self, path, at_least):
        data = read_json(path)
        nodes = {n["id"]: n for n in data["nodes"]}
        _, links, ev = ag.load_frames(path)
        plain = links[(links.co_mention == links.weight)][["source", "target"]]  # co-mention only
        plain = plain[~plain.source.str.startswith("meeting:") & ~plain.target.str.startswith("meeting:")]
        rows = ev.merge(plain, on=["source", "target"])
        self.assertGreaterEqual(len(rows), at_least)
        for r in rows.itertuples():
            text = r.text.lower()
            for end in (r.source, r.target):
                self.assertTrue(any(f in text for f in forms(nodes[end])),
                                f"{end} is not named in its evidence {r.text!r}")

    def test_evidence_names_both_ends_fixture(self):
        self.check_both_ends_named(FIXTURES / "graph.json", 10)

    def test_evidence_names_both_ends_peace_talks(self):
        self.check_both_ends_named(PEACE / "graph.json", 200)

    def test_unreadable_documents_and_bad_spans_give_no_text(self):
        with Cwd() as tmp:
            shutil.copy(FIXTURES / "graph.json", tmp / "graph.json")  # without its texts
            _, _, ev = ag.load_frames(tmp / "graph.json", base=tmp)
            self.assertTrue(len(ev) and ev["text"].isna().all())
            _, _, ev = ag.load_frames(tmp / "graph.json", base=FIXTURES)  # base given: found again
            self.assertFalse(ev["text"].isna().any())
        data = read_json(FIXTURES / "graph.json")
        size = (FIXTURES / "texts" / "01_lisbon-opening.txt").stat().st_size
        data["links"][0]["evidence"] = [{"doc": "01_lisbon-opening", "start": size - 3, "end": size + 5},
                                        {"doc": "no-such-doc", "start": 0, "end": 3},
                                        {"doc": "01_lisbon-opening", "start": 0, "end": 6, "relation": "co_mention"}]
        _, _, ev = ag.load_frames(data, base=FIXTURES)
        first = ev[(ev.source == data["links"][0]["source"]) & (ev.target == data["links"][0]["target"])]
        self.assertEqual(list(first.text), [None, None, "Lisbon"])
        self.assertEqual(list(first.relation), [None, None, "co_mention"])
        self.assertEqual(ag.document_text(data, "01_lisbon-opening", base=FIXTURES)[:6], "Lisbon")

    def test_frames_of_a_view_and_of_an_empty_graph(self):
        G = ag.load_graph(FIXTURES / "graph.json")
        view = ag.min_weight(G, 3)
        with Cwd():
            nodes, links, ev = ag.load_frames(view, base=FIXTURES)
        self.assertEqual(set(nodes.index), set(view.nodes))
        self.assertTrue((links.weight >= 3).all())
        self.assertEqual(len(links), view.number_of_edges())
        self.assertEqual(len(ev), sum(len(a["evidence"]) for _, _, a in view.edges(data=True)))
        self.assertFalse(ev["text"].isna().any())
        nodes, links, ev = ag.load_frames({"nodes": [], "links": []})
        self.assertEqual((len(nodes), len(links), len(ev)), (0, 0, 0))
        self.assertIn("co_mention", links.columns)
        self.assertIn("text", ev.columns)


# --- views -----------------------------------------------------------------------------

def edge_set(G):
    return {frozenset(e) for e in G.edges()}


class ViewsTest(unittest.TestCase):
    def setUp(self):
        self.G = ag.load_graph(FIXTURES / "views.json")

    def test_window_february(self):
        W = ag.window(self.G, since="2024-02-01", until="2024-02-28")
        self.assertEqual(edge_set(W), {frozenset(e) for e in [
            ("person:ann", "state:aland"), ("person:ann", "state:borduria"),
            ("meeting:summit", "state:borduria"), ("meeting:summit", "person:ann"),
            ("organization:league", "person:cy"), ("person:cy", "region:x")]})  # the last two: undated
        self.assertEqual(set(W), set(self.G) - {"person:bob"})  # carpania: first seen in February
        self.assertEqual(W.edges["person:ann", "state:aland"], self.G.edges["person:ann", "state:aland"])
        self.assertEqual(W.graph["documents"], self.G.graph["documents"])

    def test_window_without_undated(self):
        W = ag.window(self.G, "2024-02-01", "2024-02-28", keep_undated=False)
        self.assertEqual(len(W.edges), 4)
        self.assertEqual(set(W), {"person:ann", "state:aland", "state:borduria", "meeting:summit",
                                  "state:carpania"})

    def test_window_months_dates_and_open_ends(self):
        import datetime
        W = ag.window(self.G, since="2024-03", keep_undated=False)  # d3 is dated "2024-03"
        self.assertEqual(edge_set(W), {frozenset(("organization:league", "state:borduria"))})
        self.assertEqual(set(W), {"organization:league", "state:borduria", "state:aland"})  # aland: last seen 2024-03
        W = ag.window(self.G, since="2024-03-15", keep_undated=False)  # within the month d3 is dated
        self.assertEqual(edge_set(W), {frozenset(("organization:league", "state:borduria"))})
        W = ag.window(self.G, until=datetime.date(2024, 1, 31), keep_undated=False)
        self.assertEqual(edge_set(W), {frozenset(e) for e in [
            ("person:ann", "person:bob"), ("person:ann", "state:aland"), ("person:bob", "state:aland")]})
        self.assertEqual(edge_set(ag.window(self.G)), edge_set(self.G))
        self.assertEqual(len(ag.window(self.G, "2025-01-01", keep_undated=False)), 0)

    def test_window_errors(self):
        for since, until in (("2024-13-01", None), (None, "March"), ("2024-1-5", None),
                             ("2024-03-01", "2024-02-01")):
            with self.subTest(since=since, until=until), self.assertRaises(ValueError):
                ag.window(self.G, since, until)

    def test_by_type(self):
        V = ag.by_type(self.G, "person,state")
        self.assertEqual(set(V), {"person:ann", "person:bob", "person:cy", "state:aland",
                                  "state:borduria", "state:carpania"})
        self.assertEqual(edge_set(V), {frozenset(e) for e in [
            ("person:ann", "person:bob"), ("person:ann", "state:aland"), ("person:bob", "state:aland"),
            ("person:ann", "state:borduria")]})
        self.assertEqual(set(ag.by_type(self.G, ["other"])), {"region:x"})
        self.assertEqual(set(ag.by_type(self.G, ("meeting", "organization"))),
                         {"meeting:summit", "organization:league"})
        self.assertEqual(set(ag.by_type(self.G, "Persons,states")), set(V))  # as --types takes them
        for bad in ("personz", "", ["person", "city"]):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                ag.by_type(self.G, bad)

    def test_min_weight(self):
        V = ag.min_weight(self.G, 2)
        self.assertEqual(edge_set(V), {frozenset(e) for e in [
            ("person:ann", "person:bob"), ("person:ann", "state:aland"),
            ("organization:league", "state:borduria"), ("organization:league", "person:cy")]})
        # summit and x lose all their links; carpania never had one and stays
        self.assertEqual(set(V), set(self.G) - {"meeting:summit", "region:x"})
        self.assertEqual(edge_set(ag.min_weight(self.G, 0)), edge_set(self.G))
        self.assertEqual(len(ag.min_weight(self.G, 2.5).edges), 2)
        for bad in (-1, float("nan"), "2", True):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                ag.min_weight(self.G, bad)

    def test_views_compose_and_leave_the_original(self):
        before = nx.to_dict_of_dicts(self.G)
        V = ag.min_weight(ag.by_type(ag.window(self.G, until="2024-02-28"), "person,state"), 2)
        self.assertEqual(edge_set(V), {frozenset(("person:ann", "person:bob")),
                                       frozenset(("person:ann", "state:aland"))})
        self.assertEqual(nx.to_dict_of_dicts(self.G), before)


@needs_cli
class ViewsAsTheCommandLineTest(unittest.TestCase):
    """by_type, min_weight and window keep what --types, --min-weight and --since/--until keep."""

    def cli_view(self, path, **opts):
        return ag.load_graph(ag.analyze(path, communities="none", quiet=True, **opts))

    def test_against_the_command(self):
        for path in (FIXTURES / "views.json", PEACE / "graph.json"):
            G = ag.load_graph(path)
            for w in (1, 2, 3, 5):
                with self.subTest(path=path.name, min_weight=w):
                    V, C = ag.min_weight(G, w), self.cli_view(path, min_weight=w)
                    self.assertEqual((set(V), edge_set(V)), (set(C), edge_set(C)))
            for types in ("person,state", "meeting", "organization,other", ["state"], ["person", "meeting"],
                          "persons,States"):
                with self.subTest(path=path.name, types=types):
                    V, C = ag.by_type(G, types), self.cli_view(path, types=types)
                    self.assertEqual((set(V), edge_set(V)), (set(C), edge_set(C)))
            # window() is the command's --since/--until view
            for since, until in (("2024-03-05", None), (None, "2024-02-28"), ("2024-02", "2024-03"),
                                 ("2025-05-17", "2025-06"), ("2026", None), ("2030", None)):
                with self.subTest(path=path.name, since=since, until=until):
                    kw = {k: v for k, v in (("since", since), ("until", until)) if v}
                    V, C = ag.window(G, since, until), self.cli_view(path, **kw)
                    self.assertEqual((set(V), edge_set(V)), (set(C), edge_set(C)))


# --- colours ---------------------------------------------------------------------------

class ColorsTest(unittest.TestCase):
    def test_palette_is_the_renderers(self):
        """The palette and fills are the C renderer's and the analysis's, in their order (read
        from src/ when present; the diagram itself: ColorsAsTheDiagramTest)."""
        self.assertEqual(ag.PALETTE, ("#77AADD", "#EE8866", "#44BB99", "#FFAABB", "#EEDD88",
                                      "#99DDFF", "#BBCC33", "#AAAA00"))
        self.assertEqual(ag.PATTERNS, ("solid", "double", "half", "half,double"))
        if not (SRC / "src").is_dir():
            return
        text = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                         for p in sorted((SRC / "src").rglob("*.[ch]")))
        palettes = [tuple(re.findall(r'"(#[0-9A-Fa-f]{6})"', m.group(1)))
                    for m in re.finditer(r"palette\w*\s*\[\w*\]\s*=\s*\{(.*?)\}", text, re.S)]
        self.assertGreaterEqual(palettes.count(ag.PALETTE), 2, "the palettes in src/ are not PALETTE")
        fills = dict(re.findall(r'#define\s+\w*FILL_(NONE|ALONE)\s+"(#[0-9A-Fa-f]{6})"', text))
        self.assertEqual(fills, {"NONE": ag.FILL_NONE, "ALONE": ag.FILL_ALONE})

    def test_by_id(self):
        G = ag.load_graph(FIXTURES / "views.json")
        # no "communities" record: by id, whatever the sizes (a view cannot know them)
        self.assertEqual(ag.community_colors(G), {0: "#77AADD", 1: "#EE8866", 5: "#99DDFF"})
        colours = ag.node_colors(G)
        self.assertEqual(list(colours), list(G.nodes))
        self.assertEqual(colours["person:ann"], "#99DDFF")
        self.assertEqual(colours["state:carpania"], ag.FILL_NONE)  # no community
        self.assertEqual(colours["meeting:summit"], "#77AADD")

    def test_more_communities_than_colours(self):
        G = nx.Graph()
        for c in range(34):
            for i in range(2):
                G.add_node(f"n{c}-{i}", community=c)
        G.add_node("neg", community=-1)
        styles = ag.community_styles(G)
        self.assertEqual([styles[c][0] for c in range(8)], list(ag.PALETTE))
        self.assertEqual([styles[c] for c in (8, 9, 17, 25, 33)],
                         [("#77AADD", "double"), ("#EE8866", "double"), ("#EE8866", "half"),
                          ("#EE8866", "half,double"), ("#EE8866", "solid")])
        self.assertNotIn(-1, styles)
        self.assertEqual(ag.node_colors(G)["neg"], ag.FILL_NONE)

    def test_stored_record_wins(self):
        G = ag.load_graph(FIXTURES / "views.json")
        G.graph["communities"] = [{"id": 5, "size": 30, "hub": "person:ann", "color": "#123abc", "pattern": "half"},
                                  {"id": 1, "size": 1, "hub": "gone", "hub_label": "Gone"},
                                  {"id": 0, "size": 4, "color": "red;url(x)"}]
        self.assertEqual(ag.community_styles(G), {5: ("#123ABC", "half"), 1: (ag.FILL_ALONE, "solid"),
                                                  0: ("#77AADD", "solid")})
        self.assertEqual(ag.community_labels(G)[5], "Ann +29")
        self.assertEqual(ag.community_labels(G)[1], "Gone")

    def test_stored_node_colours_win(self):
        G = ag.load_graph(FIXTURES / "views.json")
        G.nodes["person:ann"]["color"] = "#123456"
        G.nodes["person:bob"]["color"] = "#123456"
        G.nodes["state:borduria"]["viz"] = {"color": {"r": 255, "g": 0, "b": 16}}
        self.assertEqual(ag.community_colors(G)[5], "#123456")
        self.assertEqual(ag.community_colors(G)[1], "#FF0010")
        colours = ag.node_colors(G)
        self.assertEqual(colours["state:aland"], "#123456")  # its community's stored colour
        self.assertEqual(colours["organization:league"], "#FF0010")

    def test_meeting_labels(self):
        G = nx.Graph()
        G.add_node("m:1", label="Istanbul talks", type="meeting", place="Istanbul", start="2025-05-16")
        G.add_node("m:2", label="Istanbul talks", type="meeting", status="proposed", first_seen="2025-06-02")
        G.add_node("m:3", label="Talks", type="meeting", place="Doha")
        G.add_node("m:4", label="Talks", type="meeting", place="Doha")
        G.add_node("m:5", label="Geneva talks", type="meeting")
        G.add_node("s:x", label="Istanbul talks", type="state")
        self.assertEqual(ag.node_labels(G), {
            "m:1": "Istanbul talks (2025-05-16)", "m:2": "Istanbul talks (proposed, seen 2025-06-02)",
            "m:3": "Talks (Doha) [m:3]", "m:4": "Talks (Doha) [m:4]", "m:5": "Geneva talks",
            "s:x": "Istanbul talks"})


@needs_cli
class ColorsAsTheDiagramTest(unittest.TestCase):
    def test_same_fills_as_the_dot_diagram(self):
        big = nx.Graph()
        for c in range(10):
            for i in range(12 - c):
                big.add_node(f"n{c}x{i}", community=(c * 7) % 10, type="person")
        for source in (FIXTURES / "views.json", FIXTURES / "graph.json", PEACE / "graph.json", big):
            G = source if isinstance(source, nx.Graph) else ag.load_graph(source)
            fills = dot_fills(ag.render(source, "dot").decode("utf-8"))
            with self.subTest(source=getattr(source, "name", "ten communities")):
                self.assertEqual(set(fills), set(G.nodes))
                self.assertEqual(fills, ag.node_colors(G))


# --- the command line ------------------------------------------------------------------

def fake_command(folder, script):
    path = Path(folder) / "actorgraph"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


class FindCommandTest(unittest.TestCase):
    def test_env_then_path_then_checkout(self):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            env_bin, path_bin = fake_command(a, "exit 0"), fake_command(b, "exit 0")
            with mock.patch.dict(os.environ, {"ACTORGRAPH": env_bin, "PATH": b}):
                self.assertEqual(ag.find_actorgraph(), env_bin)
            with mock.patch.dict(os.environ, {"PATH": b}):
                os.environ.pop("ACTORGRAPH", None)
                self.assertEqual(ag.find_actorgraph(), path_bin)
            with mock.patch.dict(os.environ, {"PATH": a + "-empty"}):
                os.environ.pop("ACTORGRAPH", None)
                checkout = SRC / "build" / "actorgraph"
                if checkout.is_file():
                    self.assertEqual(Path(ag.find_actorgraph()), checkout)
                else:
                    with self.assertRaisesRegex(ag.ActorgraphError, "ACTORGRAPH"):
                        ag.find_actorgraph()
            with mock.patch.dict(os.environ, {"ACTORGRAPH": str(Path(a) / "missing")}):
                with self.assertRaisesRegex(ag.ActorgraphError, "not an executable"):
                    ag.extract(FIXTURES / "texts")

    def test_the_commands_message_and_status(self):
        with tempfile.TemporaryDirectory() as a:
            bin_ = fake_command(a, 'echo "actorgraph: x.txt: broken" >&2; echo "(see \'actorgraph --help\')" >&2; exit 1')
            with mock.patch.dict(os.environ, {"ACTORGRAPH": bin_}):
                with self.assertRaises(ag.ActorgraphError) as cm:
                    ag.extract("x.txt", threads=2, gazetteer=["a.tsv", "b.tsv"], partial=True, quiet=False,
                               types=["person", "state"], since=None)
            e = cm.exception
            self.assertEqual(str(e), "actorgraph: x.txt: broken")
            self.assertEqual(e.returncode, 1)
            self.assertIn("(see", e.stderr)
            self.assertEqual(e.cmd[1:], ["extract", "--threads", "2", "--gazetteer", "a.tsv", "--gazetteer",
                                         "b.tsv", "--partial", "--types", "person,state", "--", "x.txt"])


@needs_cli
class CommandTest(unittest.TestCase):
    def test_extract_to_dict_and_to_file(self):
        data = ag.extract(FIXTURES / "texts", quiet=True, threads=1)
        self.assertTrue(data["graph"]["generator"].startswith("actorgraph"))
        self.assertEqual(len(data["graph"]["documents"]), 3)
        with Cwd() as tmp:
            out = ag.extract([FIXTURES / "texts", FIXTURES / "reports.jsonl"], tmp / "g.json", quiet=True)
            self.assertEqual(out, tmp / "g.json")
            self.assertEqual(len(read_json(out)["graph"]["documents"]), 5)
            since = ag.extract(FIXTURES / "texts", since="2024-04-01", quiet=True)
            self.assertEqual([d["id"] for d in since["graph"]["documents"]], ["03_oslo-round"])

    def test_analyze_build_render(self):
        G = ag.load_graph(ag.extract(FIXTURES / "texts", quiet=True))
        analysed = ag.load_graph(ag.analyze(G, seed=1, quiet=True))  # a networkx graph, on stdin
        self.assertTrue(all("pagerank" in a["metrics"] for _, a in analysed.nodes(data=True)))
        self.assertTrue(all(a.get("community") is not None for _, a in analysed.nodes(data=True)))
        with Cwd() as tmp:
            out = ag.build(FIXTURES / "texts", tmp / "built", quiet=True)
            self.assertTrue({"graph.json", "graph.svg", "nodes.csv", "edges.csv"} <= {p.name for p in out.iterdir()})
            svg = ag.render(out / "graph.json", "svg", top=3)
            self.assertTrue(svg.lstrip().startswith(b"<?xml") and b"<svg" in svg)
            self.assertEqual(ag.render(out / "graph.json", "csv-nodes", tmp / "n.csv"), tmp / "n.csv")
            self.assertGreater((tmp / "n.csv").stat().st_size, 0)

    def test_errors_carry_the_commands_message(self):
        with self.assertRaises(ag.ActorgraphError) as cm:
            ag.extract("/no/such/folder")
        self.assertEqual(cm.exception.returncode, 1)
        self.assertIn("/no/such/folder", str(cm.exception))
        self.assertTrue(str(cm.exception).startswith("actorgraph: "))
        with self.assertRaises(ag.ActorgraphError) as cm:
            ag.analyze(FIXTURES / "graph.json", types="personz")
        self.assertEqual(cm.exception.returncode, 2)
        self.assertIn("unknown node type 'personz'", str(cm.exception))
        with self.assertRaises(ag.ActorgraphError) as cm:
            ag.extract(FIXTURES / "texts", no_such_option=True)
        self.assertEqual(cm.exception.returncode, 2)
        with self.assertRaises(ag.ActorgraphError) as cm:
            ag.analyze({"nodes": "not a list"})
        self.assertEqual(cm.exception.returncode, 1)
        with Cwd() as tmp:
            (tmp / "bad.json").write_text("{not json", encoding="utf-8")
            with self.assertRaises(ag.ActorgraphError) as cm:
                ag.render(tmp / "bad.json", "svg", tmp / "out.svg")
            self.assertIn("bad.json", str(cm.exception))
            self.assertFalse((tmp / "out.svg").exists())

    def test_warnings_go_to_the_logger(self):
        with Cwd() as tmp:
            (tmp / "notes.md").write_text("not a text", encoding="utf-8")
            shutil.copy(FIXTURES / "texts" / "01_lisbon-opening.txt", tmp)
            with self.assertLogs("actorgraph", logging.WARNING) as logs:
                ag.extract(tmp)
            self.assertTrue(any("notes.md" in m and "skipped" in m for m in logs.output))

    @needs_pandas
    def test_evidence_of_gzip_and_jsonl_inputs(self):
        """Texts read from .gz and .jsonl(.gz) inputs as the command read them,
        document ids of JSONL records without an id, with an integer id or a repeated one."""
        with Cwd() as tmp:
            shutil.copytree(FIXTURES / "texts", "in")
            txt = Path("in/02_lisbon-second-day.txt")
            Path("in/02_lisbon-second-day.txt.gz").write_bytes(gzip.compress(txt.read_bytes()))
            txt.unlink()
            records = [json.loads(l) for l in (FIXTURES / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
            records[1].pop("id")
            records.append(dict(records[0]))  # the same id again: wire-1~2
            records.append({"id": 17, "text": "Chile and Norway signed a fishing accord, Norwegian envoy Anders Brekke said."})
            lines = [json.dumps(r, ensure_ascii=False) for r in records]
            lines.insert(1, "")
            Path("in/wires.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
            ag.extract("in", "g.json", quiet=True)
            docs = {d["id"] for d in read_json("g.json")["graph"]["documents"]}
            self.assertTrue({"wire-1", "wire-1~2", "wires.jsonl.gz:line3", "17", "02_lisbon-second-day"} <= docs, docs)
            _, _, ev = ag.load_frames(tmp / "g.json")
            self.assertFalse(ev["text"].isna().any(), ev[ev.text.isna()])
            self.assertTrue(set(ev.doc) >= {"wire-1~2", "wires.jsonl.gz:line3", "17"})
            self.assertIn("Chile and Norway signed a fishing accord, Norwegian envoy Anders Brekke said.",
                          set(ev[ev.doc == "17"].text))
            self.assertEqual(set(ev[ev.doc == "wire-1"].text), set(ev[ev.doc == "wire-1~2"].text))


if __name__ == "__main__":
    unittest.main()
