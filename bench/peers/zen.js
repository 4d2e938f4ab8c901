#!/usr/bin/env node
// The bench-subset rule set as a GoRules ZEN decision graph
// (subset.jdm.json, built by build-subset.js): JSON.parse each line and
// evaluate the graph once per case, which is how ZEN is used. The graph
// returns {score_q, min_q, max_q, band}; README.md states the semantics.
//
// Cases are evaluated one after another (each evaluate() awaited), so ZEN
// works on one case at a time, as divrisk does with --threads 1.
//
// Usage: node zen.js CASES.jsonl [--verbose N]   (--verbose: print N results)
'use strict';
const fs = require('fs');
const path = require('path');
const {ZenEngine} = require('@gorules/zen-engine');
const {lines, Checksum, report, bandIds} = require('./common');

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node zen.js CASES.jsonl [--verbose N]');
    process.exit(2);
  }
  const v = process.argv.indexOf('--verbose');
  let verbose = v > 0 ? Number(process.argv[v + 1]) : 0;

  const engine = new ZenEngine();
  // Compiled once, outside the timing, like a service that keeps its graph.
  const decision = engine.createDecision(fs.readFileSync(path.join(__dirname, 'subset.jdm.json')));
  const sum = new Checksum(bandIds());
  const t0 = process.hrtime.bigint();
  for (const line of lines(file)) {
    const c = JSON.parse(line);
    const {result: r} = await decision.evaluate(c);
    if (verbose-- > 0) console.log(c.id, JSON.stringify(r));
    sum.add(r.score_q, r.min_q, r.max_q, r.band);
  }
  report('zen', sum, Number(process.hrtime.bigint() - t0) / 1e9);
  engine.dispose();
}

main().catch((err) => {
  console.error(String(err && err.stack ? err.stack : err).split('\n').slice(0, 8).join('\n'));
  process.exit(1);
});
