#!/usr/bin/env node
// Builds the two files the peer harnesses read, from rules/bench-subset:
//
//   reference.json    the rule set's scoring constants and the reference
//                     data its kernels use, resolved the way divrisk's
//                     compiler resolves them (rules/reference_loader.cc,
//                     indicators/embargo_kernels.cc), read by plain.js;
//   subset.jdm.json   the ZEN decision graph, with the same constants and
//                     reference data written into its expressions.
//
// Both are generated, not committed: run.sh runs this first. Usage:
//   node build-subset.js          rewrite both files
//   node build-subset.js --check  exit 1 if either is out of date
//
// The indicator logic itself is written twice, independently: in plain.js
// and in indicatorExpressions() below. Only the constants and the reference
// data are shared; a mistake there would show in both checksums against
// divrisk's, not hide.
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const HERE = __dirname;
const RULES = path.resolve(HERE, '../../rules/bench-subset');

// What plain.js and the graph implement, per indicator id. If the rule set
// changes a kernel or its parameters, the build stops rather than letting
// the harnesses compute something else than divrisk.
const IMPLEMENTED = {
  'A6-1.un_embargo': ['embargo', {bodies: ['UN']}],
  'EUC-1.absent': ['euc_absent', {}],
  'EUC-3.not_authenticated': ['euc_not_authenticated', {}],
  'EUC-2.missing_clauses': ['euc_missing_clauses',
    {required: ['no_reexport_without_consent', 'no_retransfer', 'delivery_verification']}],
  'PL-3.broker': ['party_intermediaries', {roles: ['broker']}],
  'PL-4.payment': ['conduct',
    {words: ['cash_payment', 'third_party_payer', 'unusual_payment_terms'], saturation: 3}],
  'TT-2.transit_controls': ['transit_state_controls', {}],
  'TR-1.route_not_disclosed': ['route_not_disclosed', {}],
  'EU-1.non_state_end_user': ['end_user_kind', {kinds: ['company', 'individual']}],
  'EU-3.stockpile_weak': ['stockpile_security', {}],
  'GC-1.portable': ['goods_portable_attractive', {}],
  'GC-2.unmarked': ['goods_unmarked', {}],
};

function readYaml(file) {
  return YAML.parse(fs.readFileSync(file, 'utf8'));
}

// --- Dates, read as rules/README.md 3.2 says: a partial date is its first
// day (earliest) or its last (latest).
function partialDate(text, latest) {
  if (text == null) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(text));
  if (!m) throw new Error(`not a date: ${text}`);
  const y = +m[1];
  const mo = m[2] ? +m[2] : (latest ? 12 : 1);
  const d = m[3] ? +m[3] : (latest ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 1);
  return Date.UTC(y, mo - 1, d) / 86400000;  // days since 1970-01-01
}
const iso = (days) => new Date(days * 86400000).toISOString().slice(0, 10);

// indicators/embargo_kernels.cc BodyMatches: every lower-case word that
// names `body` (full name, name before or inside a parenthesis, initials of
// its capitalised words when there are two or more).
function bodyWords(body) {
  const words = new Set([body.toLowerCase()]);
  let name = body;
  const open = body.indexOf(' (');
  if (open >= 0) {
    name = body.slice(0, open);
    words.add(name.toLowerCase());
    words.add(body.slice(open + 2).replace(/\)$/, '').toLowerCase());
  }
  let initials = '';
  for (let i = 0; i < name.length; i++) {
    if ((i === 0 || name[i - 1] === ' ') && name[i] >= 'A' && name[i] <= 'Z') initials += name[i];
  }
  if (initials.length >= 2) words.add(initials.toLowerCase());
  return [...words].sort();
}

function buildReference() {
  const rs = readYaml(path.join(RULES, 'ruleset.yaml'));
  const refFile = (kind) => path.join(RULES, rs.reference[kind]);

  // Scoring constants, checked against what the harnesses implement.
  const indicators = rs.indicators.map((ind) => {
    const want = IMPLEMENTED[ind.id];
    const params = ind.params || {};
    if (!want || want[0] !== ind.kernel || JSON.stringify(want[1]) !== JSON.stringify(params)) {
      throw new Error(`${ind.id}: kernel ${ind.kernel} ${JSON.stringify(params)} is not what ` +
                      'plain.js and the graph implement; update them and IMPLEMENTED');
    }
    for (const w of Object.values(ind.weights)) {
      if (!Number.isInteger(w) || w < 0) throw new Error(`${ind.id}: weights must be whole and >= 0`);
    }
    return {id: ind.id, unknown_value: ind.unknown_value, weights: ind.weights};
  });
  if (rs.gates || rs.mitigations || rs.overriding_risk) {
    throw new Error('the harnesses implement no gates, mitigations or overriding risk');
  }
  const categories = rs.categories.map((c) => ({id: c.id, cap: c.cap}));
  const bands = rs.bands.map((b) => ({id: b.id, below: b.below ?? null}));

  // Countries: the controls proxy needs table membership, the date the ATT
  // entered into force for the state, and Wassenaar participation.
  const controls = {};
  for (const c of readYaml(refFile('countries')).countries) controls[c.code] = {att: null, wa: false};
  const treatyInForce = partialDate('2014-12-24', false);
  for (const s of readYaml(refFile('att')).states) {
    if (s.status !== 'state_party') continue;
    let inForce = partialDate(s.in_force, true);
    const deposit = partialDate(s.deposit, true);
    if (inForce == null && deposit != null) inForce = deposit + 90;
    if (inForce == null && s.deposit_year != null) inForce = partialDate(`${s.deposit_year}-12-31`, true) + 90;
    if (inForce != null && inForce < treatyInForce) inForce = treatyInForce;
    controls[s.code].att = inForce == null ? null : iso(inForce);
  }
  for (const p of readYaml(refFile('wassenaar')).participants) controls[p.code].wa = true;

  // UN embargoes, as the kernel with bodies [UN] and binding_only true
  // keeps them: with a target, binding, and not ended without an end date.
  const embargoes = [];
  for (const e of readYaml(refFile('embargoes')).embargoes) {
    const ended = ['lifted', 'expired', 'replaced'].includes(e.status);
    if (ended && e.end == null) continue;
    if (e.target == null || e.binding === false) continue;
    const words = bodyWords(e.imposing_body);
    if (!words.includes('un')) continue;
    const start = partialDate(e.start, false);
    const end = partialDate(e.end, true);
    embargoes.push({
      id: e.id, target: e.target, scope: e.scope, direction: e.direction,
      start: start == null ? null : iso(start), end: end == null ? null : iso(end),
      body_words: words,
    });
  }
  return {
    note: 'Generated by build-subset.js from rules/bench-subset; do not edit.',
    categories, bands, indicators, controls, un_embargoes: embargoes,
  };
}

// --- The ZEN graph ---------------------------------------------------------

const seconds = (isoDate) => Date.parse(isoDate + 'T00:00:00Z') / 1000;  // ZEN date()

// One expression per indicator, in ZEN's expression language: null is an
// unknown fact. `$.x` is an earlier expression of the same node.
function indicatorExpressions(ref) {
  // Reference tables as literals, compact because ZEN parses every
  // expression again on each evaluation (a literal's size is paid per case):
  // the country table, the date (seconds) the ATT entered into force for
  // each party, the Wassenaar participants, and the UN embargoes.
  const att = {};
  for (const [code, c] of Object.entries(ref.controls)) if (c.att) att[code] = seconds(c.att);
  const wa = Object.keys(ref.controls).filter((code) => ref.controls[code].wa);
  const bodies = ref.un_embargoes.map((e) => JSON.stringify(e.body_words));
  if (new Set(bodies).size > 1) throw new Error('the graph assumes one imposing body for all UN embargoes');
  const un = ref.un_embargoes.map((e) => ({
    target: e.target, scope: e.scope, dir: e.direction,
    start: e.start == null ? -1e12 : seconds(e.start), end: e.end == null ? 1e12 : seconds(e.end),
  }));
  const portable = "['small_arms', 'light_weapons', 'ammunition', 'missiles_and_launchers']";
  return [
    ['ref.countries', JSON.stringify(Object.keys(ref.controls))],
    ['ref.att', JSON.stringify(att)],
    ['ref.wa', JSON.stringify(wa)],
    ['ref.un', JSON.stringify(un)],
    ['ref.un_bodies', bodies[0] || '[]'],
    ['on', 'date(assessed_on)'],
    ['legs', 'transport.legs ?? []'],
    // Transit states: the `to` of every leg but the last (slices are inclusive).
    ['transit', 'len($.legs) > 1 ? map($.legs[0:len($.legs) - 2], #.to) : []'],
    ['origins', 'map(goods, #.origin_country)'],

    // embargo, bodies [UN]: each embargo in force that covers the transfer and
    // that no UN authorisation known by assessed_on exempts gives a value by
    // scope; the indicator is their maximum (unknown if one is unknown and
    // none is 1).
    ['emb', `map(filter($.ref.un as e,
        e.start <= $.on and $.on <= e.end
        and ((e.dir != 'from' and (e.target == end_user.country or e.target in $.transit))
          or (e.dir != 'to' and (e.target == exporter.country or e.target in $.origins)))
        and not some(authorisations ?? [], lower(#.body) in $.ref.un_bodies and (#.date == null or date(#.date) <= $.on))
      ) as e,
      e.scope == 'full' ? 1
      : (e.scope == 'non_state_actors' and e.dir != 'from' and e.target == end_user.country)
        ? (end_user.kind == null ? null : (end_user.kind in ['company', 'individual'] ? 1 : 0))
      : 0.5)`],
    ['v.embargo', "some($.emb, # == 1) ? 1 : some($.emb, # == null) ? null : len($.emb) == 0 ? 0 : max($.emb)"],

    // EUC: `euc` absent is none supplied, the word "unknown" is not recorded.
    ['v.euc_absent', "euc == null ? 1 : type(euc) == 'string' ? null : 0"],
    ['v.euc_not_authenticated', `euc == null ? 0 : type(euc) == 'string' ? null
      : euc.authentication == 'confirmed' ? 0 : euc.authentication == 'failed' ? 1
      : euc.authentication == 'pending' ? 0.6 : euc.authentication == 'not_requested' ? 0.8 : null`],
    ['v.euc_missing_clauses', `euc == null ? 0 : type(euc) == 'string' ? null : euc.clauses == null ? null
      : count(['no_reexport_without_consent', 'no_retransfer', 'delivery_verification'], not (# in euc.clauses)) / 3`],

    ['v.broker', "some(parties ?? [], #.role == 'broker') ? 1 : 0"],
    ['v.payment', "min([1, count(['cash_payment', 'third_party_payer', 'unusual_payment_terms'], # in (conduct ?? [])) / 3])"],

    // Controls of each transit state: 0 ATT party in force and Wassenaar, 0.5
    // one of the two, 1 neither, unknown outside the country table.
    ['tctl', `map($.transit as t, not (t in $.ref.countries) ? null
      : (($.ref.att[t] ?? 1e12) <= $.on and t in $.ref.wa) ? 0
      : (($.ref.att[t] ?? 1e12) <= $.on or t in $.ref.wa) ? 0.5 : 1)`],
    ['v.transit_controls', `transport == null or len($.legs) == 0 ? null
      : some($.tctl, # == 1) ? 1 : some($.tctl, # == null) ? null : len($.tctl) == 0 ? 0 : max($.tctl)`],
    ['v.route_not_disclosed', `transport == null ? 1
      : transport.route_disclosure == null ? (len($.legs) > 0 ? 0 : 1)
      : transport.route_disclosure == 'full' ? 0 : transport.route_disclosure == 'partial' ? 0.5
      : transport.route_disclosure == 'none' ? 1 : null`],

    ['v.non_state_end_user', "end_user.kind == null ? null : end_user.kind in ['company', 'individual'] ? 1 : 0"],
    ['v.stockpile_weak', `end_user.stockpile_security == null or end_user.stockpile_security == 'unknown' ? null
      : end_user.stockpile_security == 'adequate' ? 0 : 1`],

    ['portable', `filter(goods, #.category in ${portable})`],
    ['v.portable', 'len($.portable) > 0 ? 1 : 0'],
    ['v.unmarked', 'some($.portable, #.marked == false) ? 1 : some($.portable, #.marked == null) ? null : 0'],
  ].map(([key, value]) => [key, value.replace(/\s*\n\s*/g, ' ')]);
}

// The graph's indicator keys, in rule-set order.
const KEY = {
  'A6-1.un_embargo': 'embargo', 'EUC-1.absent': 'euc_absent',
  'EUC-3.not_authenticated': 'euc_not_authenticated', 'EUC-2.missing_clauses': 'euc_missing_clauses',
  'PL-3.broker': 'broker', 'PL-4.payment': 'payment', 'TT-2.transit_controls': 'transit_controls',
  'TR-1.route_not_disclosed': 'route_not_disclosed', 'EU-1.non_state_end_user': 'non_state_end_user',
  'EU-3.stockpile_weak': 'stockpile_weak', 'GC-1.portable': 'portable', 'GC-2.unmarked': 'unmarked',
};

// divrisk's fixed point (engine/scoring): each value rounded to 1/10000,
// categories summed and capped, the total rounded to 1/10000. ZEN computes in
// decimal; with whole-number weights every step is exact, as in divrisk.
function scoreExpressions(ref) {
  const total = (unknownAs) => ref.categories.map((cat) => {
    const terms = ref.indicators.filter((i) => i.weights[cat.id]).map((i) =>
      `round((v.${KEY[i.id]} ?? ${unknownAs(i)}) * 10000) * ${i.weights[cat.id]}`);
    const raw = terms.length ? `(${terms.join(' + ')}) / 10000` : '0';
    return `min([${cat.cap}, max([0, ${raw}])])`;
  }).join(' + ');
  const exprs = [
    ['score_q', `round((${total((i) => i.unknown_value)}) * 10000)`],
    ['min_q', `round((${total(() => 0)}) * 10000)`],   // every weight is >= 0
    ['max_q', `round((${total(() => 1)}) * 10000)`],
  ];
  let band = `'${ref.bands[ref.bands.length - 1].id}'`;
  for (const b of ref.bands.slice(0, -1).reverse()) band = `$.score_q < ${Math.round(b.below * 10000)} ? '${b.id}' : ${band}`;
  exprs.push(['band', band]);
  return exprs;
}

function buildGraph(ref) {
  const expressionNode = (id, name, x, exprs) => ({
    id, name, type: 'expressionNode', position: {x, y: 100},
    content: {expressions: exprs.map(([key, value], i) => ({id: `${id}-${i}`, key, value}))},
  });
  return {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      {id: 'request', name: 'request', type: 'inputNode', position: {x: 0, y: 100}},
      expressionNode('indicators', 'indicators', 250, indicatorExpressions(ref)),
      expressionNode('score', 'score', 500, scoreExpressions(ref)),
      {id: 'response', name: 'response', type: 'outputNode', position: {x: 750, y: 100}},
    ],
    // Pass-by-edge: `score` sees only what `indicators` returns, and the
    // response only the score, so the reference tables never leave the engine.
    edges: [
      {id: 'e1', sourceId: 'request', targetId: 'indicators', type: 'edge'},
      {id: 'e2', sourceId: 'indicators', targetId: 'score', type: 'edge'},
      {id: 'e3', sourceId: 'score', targetId: 'response', type: 'edge'},
    ],
  };
}

function main() {
  const ref = buildReference();
  const files = {
    'reference.json': JSON.stringify(ref, null, 1) + '\n',
    'subset.jdm.json': JSON.stringify(buildGraph(ref), null, 2) + '\n',
  };
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(HERE, name);
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (old === text) continue;
    if (check) {
      console.error(`${name} is out of date with rules/bench-subset: run node build-subset.js`);
      stale = 1;
    } else {
      fs.writeFileSync(file, text);
      console.error(`wrote ${name}`);
    }
  }
  process.exit(stale);
}

if (require.main === module) main();
