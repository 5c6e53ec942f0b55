#!/usr/bin/env bash
# examples/actor-network.ipynb runs end to end in a Jupyter kernel (nbclient, as
# `jupyter nbconvert --to notebook --execute` does): any error in a cell fails
# the test. Then the executed notebook must hold what it promises: the frames,
# the top actors per community (with the committed example graph's top actor),
# two PNG figures (the network, links per date) and every evidence sentence read.
# Usage: notebook_exec.sh BIN SRCDIR [SCRATCHDIR].  Skipped (77) only when
# python3-nbclient is not installed.
set -euo pipefail
bin=$1 src=$2 scratch=${3:-$(mktemp -d)}
PY=/usr/bin/python3
"$PY" -c 'import nbclient, nbformat' 2>/dev/null || { echo "python3-nbclient not installed: skipped"; exit 77; }
"$PY" -c 'import ipykernel, networkx, pandas, matplotlib' ||
  { echo "notebook_exec: python3-ipykernel, -networkx, -pandas and -matplotlib are needed"; exit 1; }
[ -f "$bin" ] && [ -x "$bin" ] || { echo "notebook_exec: $bin is not an executable"; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
src=$(cd "$src" && pwd)
rm -rf "$scratch" && mkdir -p "$scratch"

# the binary for the notebook; Jupyter's, IPython's and matplotlib's files out of $HOME
export ACTORGRAPH=$bin PYTHONDONTWRITEBYTECODE=1 PYDEVD_DISABLE_FILE_VALIDATION=1 \
  MPLCONFIGDIR=$scratch/mpl IPYTHONDIR=$scratch/ipython JUPYTER_RUNTIME_DIR=$scratch/runtime \
  JUPYTER_CONFIG_DIR=$scratch/jupyter TMPDIR=$scratch
"$PY" - "$src/examples/actor-network.ipynb" "$scratch/executed.ipynb" "$src/graphs/peace-talks/graph.json" <<'PY'
import base64, json, re, sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

source, executed, graph = map(Path, sys.argv[1:4])
nb = nbformat.read(source, as_version=4)
nbformat.validate(nb)
client = NotebookClient(nb, timeout=600, kernel_name="python3",
                        resources={"metadata": {"path": str(source.parent)}})
try:
    client.execute()
except CellExecutionError as e:
    sys.exit(f"notebook_exec: a cell failed:\n{e}")
finally:
    nbformat.write(nb, executed)

def fail(msg):
    sys.exit(f"notebook_exec: {msg} (executed notebook: {executed})")

outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
if any(o.output_type == "error" for o in outputs):
    fail("an error output")
text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
text += "\n".join(o.get("data", {}).get("text/plain", "") for o in outputs if "data" in o)
pngs = [base64.b64decode(o["data"]["image/png"]) for o in outputs if "image/png" in o.get("data", {})]
tables = [o for o in outputs if "<table" in o.get("data", {}).get("text/html", "")]

if len(pngs) < 2 or not all(p.startswith(b"\x89PNG\r\n\x1a\n") and len(p) > 15000 for p in pngs):
    fail(f"expected 2 figures as PNG, got {len(pngs)} of sizes {[len(p) for p in pngs]}")
if len(tables) < 4:
    fail(f"expected at least 4 DataFrames shown, got {len(tables)}")
m = re.search(r"(\d+) evidence sentences, (\d+) of them read", text)
if not m or int(m.group(1)) == 0 or m.group(1) != m.group(2):
    fail(f"evidence sentences not all read: {m.group(0) if m else 'no count printed'}")
g = json.loads(graph.read_text(encoding="utf-8"))
best = max(g["nodes"], key=lambda n: n["metrics"]["pagerank"])
if best["label"] not in text:
    fail(f"the top actor {best['label']!r} is not in the top actors table")
if not re.search(r"links per document date|links seen", text):
    fail("no time view")
print(f"notebook_exec: ok: {len(nb.cells)} cells, {len(pngs)} figures, {len(tables)} tables, "
      f"{m.group(1)} evidence sentences read, top actor {best['label']}")
PY
