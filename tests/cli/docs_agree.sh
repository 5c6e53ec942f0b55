#!/usr/bin/env bash
# --help, README and the man page agree with the command: for every command,
# the options it accepts (--list-options) are exactly those its --help lists,
# those README's options table gives it, and those actorgraph(1) describes
# for it (its OPTIONS entries, and its paragraph under COMMANDS); build's
# outputs, as a build writes them, and render's and timeline's formats are
# named in each; README's pandas one-liners for nodes.csv and edges.csv run.
# Skipped (77) without python3.
set -euo pipefail
bin=$1 src=$2 scratch=$3
PY=/usr/bin/python3
[ -x "$PY" ] || { echo "docs_agree: no $PY, skipped"; exit 77; }
rm -rf "$scratch"; mkdir -p "$scratch"
"$bin" build -q "$src/tests/golden/talks.txt" --out "$scratch/built"
exec "$PY" - "$bin" "$src" "$scratch" <<'EOF'
import os, re, subprocess, sys

bin_, src, scratch = sys.argv[1:4]
problems = []


def run(*args):
    return subprocess.run([bin_, *args], capture_output=True, text=True, check=False)


def opts_in(text):
    """The options named in a piece of text: --long and -x."""
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])(?![\w-])", text))


top = run("--help").stdout
commands = re.findall(r"^  ([a-z]+)  ", top.split("commands:", 1)[1].split("\n\n", 1)[0], re.M)
if len(commands) < 6:
    problems.append(f"actorgraph --help lists the commands {commands}")

accepted, groups = {}, {}
for c in commands:
    out = run(c, "--list-options")
    if out.returncode != 0:
        problems.append(f"{c} --list-options: exit {out.returncode}")
    accepted[c] = opts_in(out.stdout)
    groups[c] = [opts_in(line) for line in out.stdout.splitlines()]  # {"-o", "--out"}: one option
    # --help: the option lines (two spaces, then the option)
    helped = set()
    for line in run(c, "--help").stdout.splitlines():
        m = re.match(r"^  (-[a-zA-Z], )?(--[a-z][a-z-]*)", line)
        if m:
            helped.add(m.group(2))
            if m.group(1):
                helped.add(m.group(1)[:2])
    for o in sorted(accepted[c] - helped):
        problems.append(f"{c} --help does not list {o}")
    for o in sorted(helped - accepted[c]):
        problems.append(f"{c} --help lists {o}, which {c} does not take")

# README: the options table of Usage
readme = open(os.path.join(src, "README.md"), encoding="utf-8").read()
table = readme.split("## Usage", 1)[1].split("\n## ", 1)[0]
readme_for = {c: set() for c in commands}
for row in re.findall(r"^\| (`.+?) \| ([a-z, ]+) \| ", table, re.M):
    names = {o for cell in re.findall(r"`([^`]+)`", row[0]) for o in opts_in(cell.split(" ")[0])}
    cmds = commands if row[1].strip() == "all" else [x.strip() for x in row[1].split(",")]
    for c in cmds:
        if c not in readme_for:
            problems.append(f"README: options table names a command '{c}'")
            continue
        readme_for[c] |= names
for c in commands:
    for o in sorted(accepted[c] - readme_for[c]):
        problems.append(f"README's options table does not give {o} to {c}")
    for o in sorted(readme_for[c] - accepted[c]):
        problems.append(f"README's options table gives {o} to {c}, which does not take it")

# actorgraph(1): every OPTIONS entry says which commands take it
man = open(os.path.join(src, "man", "actorgraph.1"), encoding="utf-8").read().replace("\\-", "-")
section = man.split(".SH OPTIONS", 1)[1].split(".SH OUTPUT", 1)[0]
man_for = {c: set() for c in commands}
for entry in section.split(".TP\n")[1:]:
    lines = entry.splitlines()
    tags = []
    for k, line in enumerate(lines):
        if line.startswith("("):
            cmds = re.findall(r"[a-z]+", line)
            break
        tags.append(line)
    else:
        problems.append(f"actorgraph(1): OPTIONS entry {lines[0]!r} does not say which commands take it")
        continue
    names = opts_in(" ".join(t for t in tags if not t.startswith(".SS"))) - {"--list-options"}
    for c in cmds:
        if c not in man_for:
            problems.append(f"actorgraph(1): OPTIONS entry {lines[0]!r} names a command '{c}'")
        else:
            man_for[c] |= names
paragraphs = man.split(".SH COMMANDS", 1)[1].split(".SH INPUT", 1)[0]
for c in commands:
    for o in sorted(accepted[c] - man_for[c]):
        problems.append(f"actorgraph(1): no OPTIONS entry gives {o} to {c}")
    for o in sorted(man_for[c] - accepted[c]):
        problems.append(f"actorgraph(1): OPTIONS gives {o} to {c}, which does not take it")
    m = re.search(r"^\.B " + c + r"\n(.*?)(?=^\.TP|^\.PP)", paragraphs, re.M | re.S)
    listed = opts_in(m.group(1).split("Options:", 1)[-1]) if m else set()
    for g in groups[c]:
        if not g & listed:  # by either of its names
            problems.append(f"actorgraph(1): the {c} paragraph under COMMANDS does not list {max(g, key=len)}")

# build's outputs, as written, in every list of them
outputs = sorted(os.listdir(os.path.join(scratch, "built")))
if len(outputs) != 8:
    problems.append(f"build wrote {outputs}")
docs = {"build --help": run("build", "--help").stdout, "actorgraph --help": top,
        "README's Usage": readme.split("## Usage", 1)[1].split("\n## ", 1)[0],
        "actorgraph(1) on build": re.search(r"^\.B build\n(.*?)^\.TP", paragraphs, re.M | re.S).group(1)}
for name, text in docs.items():
    for f in outputs:
        if f not in text:
            problems.append(f"{name} does not name the output {f}")

# formats: each one render takes is named in render --help, README and the man page
render_help = run("render", "--help").stdout
for f in ["json", "dot", "svg", "png", "pdf", "csv-nodes", "csv-links", "graphml", "gexf", "cyjs"]:
    if subprocess.run([bin_, "render", "-q", "-f", f, "-o", os.path.join(scratch, "out." + f),
                       os.path.join(scratch, "built", "graph.json")], capture_output=True).returncode != 0:
        problems.append(f"render -f {f}: not taken")
    for name, text in (("render --help", render_help), ("README", docs["README's Usage"]),
                       ("actorgraph(1)", paragraphs)):
        if not re.search(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", text):
            problems.append(f"{name} does not name the render format {f}")
for f in ["csv", "json"]:
    if f not in run("timeline", "--help").stdout or f not in paragraphs.split(".B timeline", 1)[1]:
        problems.append(f"timeline: the format {f} is not documented")

# README's pandas one-liners on the tables build wrote
try:
    import pandas  # noqa: F401
except ImportError:
    print("docs_agree: pandas not installed, README's one-liners not run")
else:
    block = re.search(r"`nodes\.csv`: one row per node.*?```python\n(.*?)```", readme, re.S)
    if not block:
        problems.append("README: no pandas block for nodes.csv and edges.csv")
    else:
        code = "\n".join(line.strip() for line in block.group(1).splitlines())
        os.chdir(os.path.join(scratch, "built"))
        try:
            exec(compile(code, "README.md", "exec"), {})
        except Exception as e:  # noqa: BLE001
            problems.append(f"README's pandas one-liners fail: {type(e).__name__}: {e}")

for p in problems:
    print("docs_agree:", p)
if problems:
    sys.exit(1)
print(f"docs_agree: {len(commands)} commands, {sum(map(len, accepted.values()))} options, "
      f"{len(outputs)} outputs: --help, README and actorgraph(1) agree")
EOF
