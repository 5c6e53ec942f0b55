// Entity extraction with an npm NLP library, timed, for scripts/bench extraction.
//
//   node scripts/bench-nlp.js LIBRARY NODE_DIR SLICE.jsonl
//
// LIBRARY   wink-nlp (with wink-eng-lite-web-model) or compromise
// NODE_DIR  the folder given to `npm install --prefix` (holds node_modules)
// SLICE     {"id", "text", ...} records, one a line
//
// Reads the records first (not timed), then loads the library and its model
// (timed as "load"), then runs the library's entity extraction on each
// document in turn (timed as "process"):
//   wink-nlp    nlp.readDoc(text).entities().out(its.detail): wink's standard
//               pipeline (tokens, sentences, part of speech, named entities)
//   compromise  nlp(text) and its .people(), .places() and .organizations()
// Prints one JSON line: {"library", "version", "docs", "bytes" (UTF-8 bytes of
// the texts), "load_s", "process_s", "cpu_s" (the process's CPU time while
// processing: GC threads too), "entities"}.
"use strict";
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

const [lib, nodeDir, slice] = process.argv.slice(2);
if (!lib || !nodeDir || !slice) {
	process.stderr.write("usage: node bench-nlp.js wink-nlp|compromise NODE_DIR SLICE.jsonl\n");
	process.exit(2);
}
const req = createRequire(path.join(path.resolve(nodeDir), "package.json"));
const texts = [];
let bytes = 0;
for (const line of fs.readFileSync(slice, "utf8").split("\n")) {
	if (!line.trim()) continue;
	const t = JSON.parse(line).text || "";
	texts.push(t);
	bytes += Buffer.byteLength(t, "utf8");
}

const versionOf = (name) =>
	JSON.parse(fs.readFileSync(path.join(nodeDir, "node_modules", name, "package.json"), "utf8")).version;
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
let run, version;
let t0 = process.hrtime.bigint();
if (lib === "wink-nlp") {
	const winkNLP = req("wink-nlp");
	const model = req("wink-eng-lite-web-model");
	const nlp = winkNLP(model);
	const its = nlp.its;
	version = versionOf("wink-nlp") + ", wink-eng-lite-web-model " + versionOf("wink-eng-lite-web-model");
	run = (text) => nlp.readDoc(text).entities().out(its.detail).length;
} else if (lib === "compromise") {
	const nlp = req("compromise");
	version = versionOf("compromise");
	run = (text) => {
		const doc = nlp(text);
		return doc.people().out("array").length + doc.places().out("array").length +
			doc.organizations().out("array").length;
	};
} else {
	process.stderr.write("bench-nlp.js: unknown library " + lib + "\n");
	process.exit(2);
}
const load = seconds(t0);

let entities = 0;
const cpu0 = process.cpuUsage();
t0 = process.hrtime.bigint();
for (const t of texts) entities += run(t);
const processS = seconds(t0);
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({
	library: lib, version, docs: texts.length, bytes, load_s: load, process_s: processS,
	cpu_s: (cpu.user + cpu.system) / 1e6, entities,
}) + "\n");
