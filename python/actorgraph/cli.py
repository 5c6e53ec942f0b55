"""Run the ``actorgraph`` command from Python.

The command is found through the ``ACTORGRAPH`` environment variable (the
path of the binary), else on ``PATH``, else as ``build/actorgraph`` of the
checkout this package sits in (``python/actorgraph/`` next to ``build/``).

Options are keyword arguments named as the long options, with ``_`` for
``-``: ``since="2026-01-01"``, ``max_doc_mb=64``, ``threads=1``,
``min_weight=2``, ``types="person,state"`` (or a list), ``gazetteer=[a, b]``
(repeated), ``quiet=True`` (a flag; False leaves it out).  A failing run raises
:class:`ActorgraphError` with the command's message; what the command says on
stderr when it succeeds (what a view dropped, skipped files) goes to the
``actorgraph`` logger: skipped inputs and renamed documents as warnings, the
rest at INFO.
"""

import json
import logging
import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

log = logging.getLogger("actorgraph")

# Options whose list values are joined with commas (the others repeat the option).
_COMMA_LISTS = {"types"}


class ActorgraphError(RuntimeError):
    """The ``actorgraph`` command failed, or could not be found.

    ``returncode`` is its exit status (1 failure, 2 usage error; None when it
    did not run), ``stderr`` what it wrote on stderr, ``cmd`` the command line.
    ``str(error)`` is the command's own message (``actorgraph: FILE: what``).
    """

    def __init__(self, message, returncode=None, stderr="", cmd=None):
        super().__init__(message)
        self.returncode = returncode
        self.stderr = stderr
        self.cmd = cmd


def find_actorgraph():
    """The path of the ``actorgraph`` binary (see the module's doc), or ActorgraphError."""
    env = os.environ.get("ACTORGRAPH")
    if env:
        if os.path.isfile(env) and os.access(env, os.X_OK):
            return env
        raise ActorgraphError(f"ACTORGRAPH={env}: not an executable file")
    found = shutil.which("actorgraph")
    if found:
        return found
    checkout = Path(__file__).resolve().parent.parent.parent / "build" / "actorgraph"
    if checkout.is_file() and os.access(checkout, os.X_OK):
        return str(checkout)
    raise ActorgraphError("the actorgraph command was not found: set ACTORGRAPH to its path, "
                          f"put it on PATH, or build it in {checkout.parent}")


def _flags(opts):
    """Command-line options from keyword arguments (see the module's doc)."""
    args = []
    for key, value in opts.items():
        flag = "--" + key.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            args.append(flag)
        elif isinstance(value, (list, tuple, set, frozenset)):
            values = [os.fspath(v) if isinstance(v, os.PathLike) else str(v) for v in value]
            if key in _COMMA_LISTS:
                args += [flag, ",".join(values)]
            else:
                for v in values:
                    args += [flag, v]
        else:
            args += [flag, os.fspath(value) if isinstance(value, os.PathLike) else str(value)]
    return args


def _inputs(inputs):
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    inputs = [os.fspath(i) for i in inputs]
    if not inputs:
        raise ValueError("no input given")
    return inputs


def _graph_input(graph):
    """(file argument, stdin bytes) for a graph given as a path, a dict or a networkx graph."""
    if isinstance(graph, Mapping):
        return [], json.dumps(graph, ensure_ascii=False).encode("utf-8")
    if hasattr(graph, "nodes") and hasattr(graph, "edges"):
        from .graph import graph_to_data
        return [], json.dumps(graph_to_data(graph), ensure_ascii=False, allow_nan=False).encode("utf-8")
    return [os.fspath(graph)], None


def _run(command, args, stdin=None, timeout=None):
    """Run ``actorgraph COMMAND ARGS``; its stdout as bytes, or ActorgraphError."""
    cmd = [find_actorgraph(), command, *args]
    try:
        done = subprocess.run(cmd, input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                              capture_output=True, timeout=timeout, check=False)
    except OSError as e:
        raise ActorgraphError(f"{cmd[0]}: {e.strerror or e}", cmd=cmd) from e
    except subprocess.TimeoutExpired as e:
        raise ActorgraphError(f"actorgraph {command}: no answer in {timeout} s", cmd=cmd) from e
    stderr = done.stderr.decode("utf-8", errors="replace")
    if done.returncode != 0:
        lines = [line for line in stderr.splitlines() if line.strip() and not line.startswith("(see ")]
        message = "\n".join(lines) or f"actorgraph {command} exited with status {done.returncode}"
        raise ActorgraphError(message, returncode=done.returncode, stderr=stderr, cmd=cmd)
    for line in stderr.splitlines():
        if line.strip():
            log.log(logging.WARNING if ("skipped" in line or "already used" in line) else logging.INFO,
                    "%s", line)
    return done.stdout


def _graph_result(stdout, out):
    if out is not None:
        return Path(os.fspath(out))
    return json.loads(stdout.decode("utf-8"))


def extract(inputs, out=None, *, timeout=None, **opts):
    """``actorgraph extract``: texts to a graph.

    ``inputs``: a path (a ``.txt`` or ``.jsonl`` file, gzipped or not, or a
    folder) or a list of them.  With ``out``, the graph is written there and
    its :class:`~pathlib.Path` returned; without, the graph is returned as a
    dict (give it to :func:`actorgraph.load_graph`).  Options as in the
    module's doc (``since``, ``until``, ``gazetteer``, ``project``,
    ``threads``, ``partial``, ``quiet``...).
    """
    args = _flags(opts) + (["-o", os.fspath(out)] if out is not None else []) + ["--", *_inputs(inputs)]
    return _graph_result(_run("extract", args, timeout=timeout), out)


def analyze(graph, out=None, *, timeout=None, **opts):
    """``actorgraph analyze``: metrics and communities.

    ``graph``: the path of a graph file, a node-link dict, or a networkx graph
    (sent on stdin).  Returns the analysed graph as a dict, or the Path of
    ``out`` when given.  Options: ``communities``, ``resolution``, ``seed``,
    ``consensus``, ``exact``, and the views ``types``, ``min_weight``, ``ego``,
    ``radius``, ``top``.
    """
    files, stdin = _graph_input(graph)
    args = _flags(opts) + (["-o", os.fspath(out)] if out is not None else []) + ["--", *files]
    return _graph_result(_run("analyze", args, stdin=stdin, timeout=timeout), out)


def render(graph, fmt, out=None, *, timeout=None, **opts):
    """``actorgraph render -f FMT``: ``json``, ``dot``, ``svg``, ``png``, ``pdf``,
    ``csv-nodes``, ``csv-links``, ``graphml``, ``gexf``, ``cyjs``.

    ``graph`` as for :func:`analyze`.  Returns the bytes, or the Path of
    ``out`` when given (``IPython.display.SVG(render(G, "svg"))`` shows it in
    a notebook).  Options: ``engine``, ``size_by``, ``title``, ``no_legend``,
    and the views.
    """
    files, stdin = _graph_input(graph)
    args = ["-f", fmt] + _flags(opts) + (["-o", os.fspath(out)] if out is not None else []) + ["--", *files]
    stdout = _run("render", args, stdin=stdin, timeout=timeout)
    return Path(os.fspath(out)) if out is not None else stdout


def build(inputs, out_dir, *, timeout=None, **opts):
    """``actorgraph build``: texts to ``out_dir/graph.json`` (analysed), ``graph.dot``,
    ``graph.svg``, ``graph.graphml``, ``graph.gexf``, ``graph.cyjs``,
    ``nodes.csv``, ``edges.csv``.  Returns ``out_dir`` as a Path.  Takes the
    options of extract, analyze and render."""
    args = _flags(opts) + ["--out", os.fspath(out_dir), "--", *_inputs(inputs)]
    _run("build", args, timeout=timeout)
    return Path(os.fspath(out_dir))
