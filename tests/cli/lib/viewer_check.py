#!/usr/bin/python3
"""Checks of a make-viewer page in headless Chromium, through the DevTools
protocol (tests/cli/lib/cdp.py).  Used by tests/cli/viewer.sh:

    viewer_check.py basic   PAGE GRAPH SHOT.png        loads, draws every node, no error, no network
    viewer_check.py explore PAGE GRAPH SVG ROOT DIR    search, filters, zoom, pan, click, panel, colours
    viewer_check.py hostile PAGE HOSTILE_TEXT SHOT.png hostile names and texts stay text
    viewer_check.py top     PAGE GRAPH K               --top K kept the K most central nodes
    viewer_check.py load    PAGE N LIMIT_MS SHOT.png   a big page opens in under LIMIT_MS
    viewer_check.py empty   PAGE GRAPH DIR             the bare page waits; its Open button shows GRAPH

Exit 0 when every check holds; else the failed checks on stdout, exit 1.
"""
import json
import math
import os
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser  # noqa: E402

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)
    return cond


# ------------------------------------------------------------------ the graph, read independently

def load_graph(path):
    d = json.load(open(path, encoding="utf-8"))
    ids, nodes = set(), []
    for n in d["nodes"]:
        i = n["id"] if isinstance(n["id"], str) else json.dumps(n["id"])
        if i not in ids:
            ids.add(i)
            nodes.append(dict(n, id=i))
    raw = d.get("links", d.get("edges", []))
    links = []
    for l in raw:
        e = [l["source"], l["target"]]
        e = [x["id"] if isinstance(x, dict) else x for x in e]
        e = [x if isinstance(x, str) else json.dumps(x) for x in e]
        if e[0] in ids and e[1] in ids and e[0] != e[1]:
            links.append(dict(l, s=e[0], t=e[1]))
    return d, nodes, links


def page_model(page):
    """The model make-viewer embedded in PAGE."""
    html = open(page, encoding="utf-8").read()
    start = html.index('<script type="application/json" id="graph-data">') + len(
        '<script type="application/json" id="graph-data">')
    return json.loads(html[start:html.index("</script>", start)])


def expected(d, nodes, links, types_off=(), rels_off=(), min_w=None, window=None):
    """Nodes and links a filter should show: links with both ends of a shown
    type, one shown relation, weight >= min_w, and (when dated) a document in
    the window or an undated one; nodes of a shown type that keep a link, or
    that had none to lose and whose dates meet the window."""
    types = {n["id"]: n.get("type") for n in nodes}
    dates = {str(doc["id"]): doc.get("date") for doc in d.get("graph", {}).get("documents", [])}
    base, deg, shown_links = {}, {}, 0
    for l in links:
        if types[l["s"]] in types_off or types[l["t"]] in types_off:
            continue
        for e in (l["s"], l["t"]):
            base[e] = base.get(e, 0) + 1
        rels = [r for r, c in (l.get("relations") or {}).items() if c > 0] or ["unspecified"]
        if all(r in rels_off for r in rels):
            continue
        if min_w is not None and l.get("weight", 1) < min_w:
            continue
        if window:
            ev = l.get("evidence") or []
            ds = [dates.get(str(e["doc"])) for e in ev]
            if ev and None not in ds and not any(window[0] <= x <= window[1] for x in ds):
                continue
        shown_links += 1
        for e in (l["s"], l["t"]):
            deg[e] = deg.get(e, 0) + 1
    shown_nodes = 0
    for n in nodes:
        if n.get("type") in types_off:
            continue
        if base.get(n["id"], 0) > 0:
            shown_nodes += deg.get(n["id"], 0) > 0
        elif window and n.get("first_seen"):
            shown_nodes += not (n.get("last_seen", n["first_seen"]) < window[0] or n["first_seen"] > window[1])
        else:
            shown_nodes += 1
    return shown_nodes, shown_links


def svg_fills(svg_path):
    """node id -> fill colour in an SVG from `actorgraph render -f svg`."""
    ns = "{http://www.w3.org/2000/svg}"
    out = {}
    tree = ET.parse(svg_path)
    # a community drawn "half" filled is a gradient: its first stop is the colour
    grads = {}
    for gr in tree.iter(ns + "linearGradient"):
        stop = gr.find(ns + "stop")
        if stop is not None:
            style = dict(kv.split(":", 1) for kv in (stop.get("style") or "").replace(" ", "").split(";") if ":" in kv)
            grads[gr.get("id")] = (stop.get("stop-color") or style.get("stop-color") or "").upper()
    for g in tree.iter(ns + "g"):
        if "node" not in (g.get("class") or "").split():
            continue
        title = g.find(ns + "title")
        shape = None
        for el in g.iter():
            if el.tag in (ns + "path", ns + "polygon", ns + "ellipse") and el.get("fill") not in (None, "none"):
                shape = el
                break
        if title is not None and shape is not None:
            fill = shape.get("fill")
            if fill.startswith("url(#"):
                fill = grads.get(fill[5:-1], fill)
            out[title.text] = fill.upper()
    return out


# ------------------------------------------------------------------ the page

def open_page(b, page, width=1400, height=900, timeout=60):
    p = b.new_page(width, height)
    t = time.monotonic()
    p.navigate("file://" + os.path.abspath(page))
    p.wait("document.body && document.body.dataset.state && document.body.dataset.state !== 'loading'", timeout)
    wall = time.monotonic() - t
    p.frame()
    return p, wall


def state(p):
    return p.eval("window.__viewer.state()")


def no_overlap(labels):
    boxes = [l["box"] for l in labels]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            a, c = boxes[i], boxes[j]
            if a[0] < c[2] and a[2] > c[0] and a[1] < c[3] and a[3] > c[1]:
                return False
    return True


def basic(page, graph, shot):
    d, nodes, links = load_graph(graph)
    with Browser(os.path.dirname(os.path.abspath(shot))) as b:
        p, wall = open_page(b, page)
        check(p.eval("document.body.dataset.state") == "ready", f"{page}: ready ({wall:.2f} s)")
        s = state(p)
        check(s["nodes"] == len(nodes) and s["links"] == len(links),
              f"graph of {s['nodes']} nodes, {s['links']} links (want {len(nodes)}, {len(links)})")
        check(s["shownNodes"] == len(nodes) and s["drawnNodes"] == len(nodes),
              f"{s['drawnNodes']} nodes drawn (want {len(nodes)})")
        check(s["drawnLinks"] == len(links), f"{s['drawnLinks']} links drawn (want {len(links)})")
        check(s["labels"] > 0 and no_overlap(p.eval("window.__viewer.labels()")),
              f"{s['labels']} labels, none overlapping")
        # the colours the analysis stored, and the ego of an ego view
        g = d.get("graph") if isinstance(d.get("graph"), dict) else {}
        stored = {c["id"]: c["color"].upper() for c in g.get("communities") or []
                  if isinstance(c, dict) and isinstance(c.get("color"), str)}
        want = {str(n["id"]): stored[n["community"]] for n in nodes if n.get("community") in stored}
        if want:
            got = p.eval("Object.fromEntries(%s.map(id => [id, window.__viewer.colourOf(id)]))" % json.dumps(list(want)))
            bad = [k for k in want if (got.get(k) or "").upper() != want[k]]
            check(not bad, f"{len(want)} nodes filled with their community's stored colour {bad[:3]}")
        egos = [f["ego"] for f in g.get("filters") or [] if isinstance(f, dict) and isinstance(f.get("ego"), str)]
        if egos:
            check(p.eval("window.__viewer.ego()") == egos[-1], f"the ego {egos[-1]} is marked")
        p.screenshot(shot)
        probs = p.problems()
        check(not probs, "no error, no network: " + "; ".join(probs))


def explore(page, graph, svg, root, outdir):
    d, nodes, links = load_graph(graph)
    docs = {doc["id"]: doc for doc in d["graph"]["documents"]}
    with Browser(outdir) as b:
        p, wall = open_page(b, page)
        check(p.eval("document.body.dataset.state") == "ready", f"{page}: ready ({wall:.2f} s)")
        s0 = state(p)
        check(s0["nodes"] == len(nodes) and s0["drawnNodes"] == len(nodes) and s0["drawnLinks"] == len(links),
              f"draws {s0['drawnNodes']} nodes, {s0['drawnLinks']} links (want {len(nodes)}, {len(links)})")
        check(p.eval("+document.body.dataset.drawnNodes") == len(nodes), "body data-drawn-nodes")
        p.screenshot(os.path.join(outdir, "peace-talks.png"))

        # colours: the SVG renderer's fill for every node
        ids = {n["id"] for n in nodes}
        fills = {i: f for i, f in svg_fills(svg).items() if i in ids}  # not the legend's samples
        ours = p.eval("Object.fromEntries(%s.map(id => [id, window.__viewer.colourOf(id)]))"
                      % json.dumps(list(fills)))
        bad = [f"{i}: {ours[i]} vs {fills[i]}" for i in fills if (ours.get(i) or "").upper() != fills[i]]
        check(len(fills) == len(nodes) and not bad, f"community fills as the SVG's ({len(fills)} nodes) {bad[:3]}")

        # meeting labels all differ
        ml = p.eval("window.__viewer.meetingLabels()")
        check(len(ml) == sum(n["type"] == "meeting" for n in nodes) and len(set(ml)) == len(ml),
              f"{len(ml)} meeting labels, all different: {sorted(ml)[:4]}...")

        # labels never overlap, and a label hidden at this zoom shows when zoomed in on its node
        labels = p.eval("window.__viewer.labels()")
        check(no_overlap(labels), f"{len(labels)} labels drawn, none overlapping")
        for _ in range(4):  # zoomed out, labels that would collide are left out
            drawn = {l["id"] for l in labels}
            hidden = [n["id"] for n in nodes if n["id"] not in drawn]
            if hidden:
                break
            p.wheel(700, 450, 300)
            p.frame()
            labels = p.eval("window.__viewer.labels()")
        if check(bool(hidden) and no_overlap(labels), f"{len(hidden)} labels left out (they would overlap)"):
            target = hidden[0]
            z0 = state(p)["zoom"]
            for _ in range(6):
                pos = p.eval("window.__viewer.nodeScreen(%s)" % json.dumps(target))
                p.wheel(pos["x"], pos["y"], -400)
            p.frame()
            z1 = state(p)["zoom"]
            labels = p.eval("window.__viewer.labels()")
            check(z1 > z0 * 4, f"wheel zooms in ({z0:.2f} -> {z1:.2f})")
            check(target in {l["id"] for l in labels} and no_overlap(labels),
                  f"zoomed in, {target}'s label shows ({len(labels)} labels, none overlapping)")
        # pan by dragging
        c0 = p.eval("window.__viewer.centre()")
        z = state(p)["zoom"]
        p.drag(700, 450, 800, 500)
        p.frame()
        c1 = p.eval("window.__viewer.centre()")
        check(abs((c0["x"] - c1["x"]) * z - 100) < 2 and abs((c0["y"] - c1["y"]) * z - 50) < 2,
              "drag pans the view by the mouse's move")
        check(state(p)["selected"] is None, "a drag selects nothing")
        p.click_selector("#fit")
        p.frame()

        # search: type, the match is highlighted and centred; Enter opens its panel
        p.click_selector("#search")
        p.type_text("witkoff")
        p.frame()
        s = state(p)
        want = "person:steve-witkoff"
        check(s["searchHits"] == 1 and s["current"] == want, f"search 'witkoff': {s['searchHits']} hit, {s['current']}")
        check(p.eval("+document.body.dataset.searchHits") == 1, "body data-search-hits")
        c, pos = p.eval("window.__viewer.centre()"), p.eval("window.__viewer.position(%s)" % json.dumps(want))
        check(abs(c["x"] - pos["x"]) < 1 and abs(c["y"] - pos["y"]) < 1, "the match is in the middle of the view")
        check(want in {l["id"] for l in p.eval("window.__viewer.labels()")}, "the match is labelled")
        p.key("Enter")
        p.frame()
        check(state(p)["selected"] == want, "Enter selects the match")
        panel = p.eval("document.getElementById('panel').hidden ? null : document.getElementById('details').innerText")
        check(bool(panel) and "Steve Witkoff" in panel and want in panel and "envoy" in panel,
              "the panel shows the node's fields")
        # its evidence sentences, sliced from the documents here, independently
        expect = set()
        for l in links:
            if want in (l["s"], l["t"]):
                for e in l.get("evidence", []):
                    raw = open(os.path.join(root, docs[e["doc"]]["path"]), "rb").read()
                    expect.add(" ".join(raw[e["start"]:e["end"]].decode("utf-8", "replace").split()))
        shown = p.eval("[...document.querySelectorAll('#details details[open] blockquote')].map(q => "
                       "[...q.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(''))")
        check(bool(shown) and all(t in expect for t in shown),
              f"the panel shows the link's evidence sentences ({len(shown)}, e.g. {shown[:1]})")
        n_links = sum(want in (l["s"], l["t"]) for l in links)
        check(p.eval("document.querySelectorAll('#details details').length") == n_links,
              f"one entry per link ({n_links})")
        # every link's evidence: open them all
        p.eval("document.querySelectorAll('#details details').forEach(d => d.open = true); 1")
        p.frame()
        allq = p.eval("[...document.querySelectorAll('#details blockquote')].map(q => "
                      "[...q.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(''))")
        check(set(allq) == expect, f"all {len(expect)} evidence sentences of its links are in the panel")
        p.screenshot(os.path.join(outdir, "peace-talks-search.png"))
        p.click_selector("#close")
        p.click_selector("#search")
        p.key("Escape")
        p.frame()
        check(state(p)["searchHits"] == 0 and state(p)["selected"] is None, "Escape clears the search")

        # click a node
        p.click_selector("#fit")
        p.frame()
        pos = p.eval("window.__viewer.nodeScreen('state:russia')")
        p.click(pos["x"], pos["y"])
        p.frame()
        check(state(p)["selected"] == "state:russia", "clicking a node selects it")
        check("Russia" in p.eval("document.getElementById('details').innerText"), "... and shows it in the panel")
        p.click_selector("#close")
        p.frame()
        check(state(p)["selected"] is None and p.eval("document.getElementById('panel').hidden"), "close the panel")

        def filt(what, want):
            p.click_selector("#fit")
            p.frame()
            s = state(p)
            got = (s["shownNodes"], s["shownLinks"])
            check(got == want and s["drawnNodes"] == s["shownNodes"] and s["drawnLinks"] == s["shownLinks"],
                  f"{what}: {got[0]} nodes, {got[1]} links shown and drawn (want {want[0]}, {want[1]})")

        # type filter
        p.click_selector("input[data-type=meeting]")
        p.frame()
        filt("meetings off", expected(d, nodes, links, types_off={"meeting"}))
        p.click_selector("#search")
        p.type_text("geneva")
        p.frame()
        s = state(p)
        check(s["searchHits"] == 0 and s["searchHidden"] >= 1, "search skips what the filters hide")
        p.key("Escape")
        p.click_selector("input[data-type=meeting]")
        p.click_selector("input[data-type=person]")
        p.frame()
        filt("persons off", expected(d, nodes, links, types_off={"person"}))
        p.screenshot(os.path.join(outdir, "peace-talks-no-persons.png"))
        p.click_selector("input[data-type=person]")
        # relation filter
        p.click_selector("input[data-relation=co_mention]")
        p.frame()
        filt("co-mention off", expected(d, nodes, links, rels_off={"co_mention"}))
        p.click_selector("input[data-relation=co_mention]")
        # minimum weight (keyboard on the slider)
        weights = sorted({l["weight"] for l in links})
        p.eval("document.getElementById('minw').focus()")
        p.key("ArrowRight")
        p.key("ArrowRight")
        p.frame()
        check(state(p)["minWeight"] == weights[2], f"minimum weight {state(p)['minWeight']} (want {weights[2]})")
        filt(f"weight >= {weights[2]}", expected(d, nodes, links, min_w=weights[2]))
        p.eval("document.getElementById('minw').focus()")
        p.key("Home")
        # date window
        dates = sorted({doc["date"] for doc in docs.values() if doc.get("date")})
        p.eval("document.getElementById('d1').focus()")
        for _ in range(len(dates) - 3):
            p.key("ArrowLeft")
        p.eval("document.getElementById('d0').focus()")
        p.key("ArrowRight")
        p.frame()
        win = [dates[1], dates[2]]
        check(state(p)["dateWindow"] == win, f"date window {state(p)['dateWindow']} (want {win})")
        filt(f"dates {win[0]} to {win[1]}", expected(d, nodes, links, window=win))
        p.screenshot(os.path.join(outdir, "peace-talks-dates.png"))
        p.click_selector("#reset")
        p.frame()
        filt("reset", (len(nodes), len(links)))
        probs = p.problems()
        check(not probs, "no error, no network: " + "; ".join(probs))


def hostile(page, text_path, shot):
    evil_text = open(text_path, encoding="utf-8").read()
    with Browser(os.path.dirname(os.path.abspath(shot))) as b:
        p, _ = open_page(b, page)
        check(p.eval("document.body.dataset.state") == "ready", "hostile page ready")
        check(p.eval("document.body.hasAttribute('data-pwned') || !!window.__pwned") is False, "no hostile script ran")
        check(p.eval("document.scripts.length") == 2, "no hostile script element")
        check(p.eval("document.querySelectorAll('img, svg, iframe, object, embed, b, a, style').length") == 1,
              "no hostile element (the page's own style sheet only)")
        s = state(p)
        check(s["drawnNodes"] == s["nodes"] and s["nodes"] > 0, f"{s['drawnNodes']} hostile nodes drawn")
        ml = p.eval("window.__viewer.meetingLabels()")
        check(len(ml) >= 2 and len(set(ml)) == len(ml), f"identical meetings get different labels: {ml}")
        check(p.eval("window.__viewer.colourOf('person:\"><script>document.body.setAttribute(\"data-pwned\", \"1\")</script>')")
              == "#77AADD", "a malformed stored colour is ignored (the rule by id: the palette's first for 0)")
        check(p.eval("window.__viewer.colourOf('person:<!-- x')") == "#123456", "a stored community colour is used")
        check(p.eval("window.__viewer.patternOf('person:<!-- x')") == "half", "and its stored pattern")
        label = '<img src=x onerror="document.body.setAttribute(\'data-pwned\', \'3\')">'
        p.click_selector("#search")
        p.type_text("<img src=x")
        p.frame()
        check(state(p)["searchHits"] == 1, "search finds a hostile name")
        p.key("Enter")
        p.frame()
        check(p.eval("document.querySelector('#details h2').textContent") == label, "the hostile name is shown as text")
        p.eval("document.querySelectorAll('#details details').forEach(d => d.open = true); 1")
        p.frame()
        text = p.eval("document.getElementById('details').textContent")
        sentence = " ".join(evil_text.split("\n")[0].split())
        check(sentence in text, "a hostile evidence sentence is shown as text")
        check(p.eval("document.querySelectorAll('img, svg, iframe, object, embed, b, a, style').length") == 1
              and not p.eval("document.body.hasAttribute('data-pwned')"), "... and made no element, ran nothing")
        p.screenshot(shot)
        probs = p.problems()
        check(not probs, "no error, no network: " + "; ".join(probs))


def top(page, graph, k):
    d, nodes, links = load_graph(graph)
    deg = {n["id"]: 0 for n in nodes}
    for l in links:
        deg[l["s"]] += 1
        deg[l["t"]] += 1
    pr = [((n.get("metrics") or {}).get("pagerank")) for n in nodes]
    if all(isinstance(v, (int, float)) for v in pr):
        score = {n["id"]: v for n, v in zip(nodes, pr)}
    else:
        score = deg
    want = set(sorted(score, key=lambda i: (-score[i], i))[:k])
    m = page_model(page)
    got = {n["id"] for n in m["nodes"]}
    check(got == want, f"--top {k}: the {k} most central nodes ({len(got)} kept)")
    kept = sum(l["s"] in want and l["t"] in want for l in links)
    check(len(m["links"]) == kept, f"... and the {kept} links among them ({len(m['links'])})")
    with Browser(os.path.dirname(os.path.abspath(page))) as b:
        p, _ = open_page(b, page)
        s = state(p)
        check(s["nodes"] == k and s["drawnNodes"] == k, f"{s['drawnNodes']} nodes drawn")
        st = p.eval("document.getElementById('status').textContent")
        check(f"most central of {len(nodes)}" in st, f"the status says so: {st}")


def load(page, n, limit_ms, shot):
    with Browser(os.path.dirname(os.path.abspath(shot))) as b:
        times = []
        for run in range(2):  # the first run warms the browser's caches up
            p, wall = open_page(b, page, timeout=120)
            ms = p.eval("window.__viewer.loadMs")
            times.append((ms, wall))
        s = state(p)
        check(s["nodes"] == n and s["drawnNodes"] == n, f"{s['drawnNodes']} of {n} nodes drawn")
        best = min(t[0] for t in times)
        print(f"load: {n} nodes, {s['links']} links, {os.path.getsize(page) / 1e6:.1f} MB: "
              + ", ".join(f"ready and drawn {ms:.0f} ms after navigation ({wall:.2f} s wall)" for ms, wall in times))
        check(best < limit_ms, f"opens in {best:.0f} ms (limit {limit_ms} ms)")
        p.screenshot(shot)
        probs = p.problems()
        check(not probs, "no error, no network: " + "; ".join(probs))


def empty(page, graph, scratch):
    d, nodes, links = load_graph(graph)
    with Browser(scratch) as b:
        p, _ = open_page(b, page)
        check(p.eval("document.body.dataset.state") == "empty", "the bare page waits for a graph")
        # the Open button: a graph.json laid out in the page
        root = p.call("DOM.getDocument")["root"]["nodeId"]
        inp = p.call("DOM.querySelector", {"nodeId": root, "selector": "#file"})["nodeId"]
        p.call("DOM.setFileInputFiles", {"nodeId": inp, "files": [os.path.abspath(graph)]})
        p.wait("document.body.dataset.state === 'ready'")
        p.frame()
        s = state(p)
        check(s["nodes"] == len(nodes) and s["drawnNodes"] == len(nodes) and s["drawnLinks"] == len(links),
              f"Open graph.json: {s['drawnNodes']} nodes, {s['drawnLinks']} links drawn")
        check(no_overlap(p.eval("window.__viewer.labels()")), "... labels not overlapping")
        p.screenshot(os.path.join(scratch, "opened.png"))
        probs = p.problems()
        check(not probs, "no error, no network: " + "; ".join(probs))


def main(argv):
    cmd, args = argv[1], argv[2:]
    if cmd == "basic":
        basic(*args)
    elif cmd == "explore":
        explore(*args)
    elif cmd == "hostile":
        hostile(*args)
    elif cmd == "top":
        top(args[0], args[1], int(args[2]))
    elif cmd == "load":
        load(args[0], int(args[1]), float(args[2]), args[3])
    elif cmd == "empty":
        empty(*args)
    else:
        print(__doc__)
        return 2
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
