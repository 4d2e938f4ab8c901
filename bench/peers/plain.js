#!/usr/bin/env node
// The bench-subset rule set as a plain JavaScript loop: JSON.parse each line,
// compute the twelve indicators, score them as divrisk does. This is the
// baseline a team would write by hand; README.md states the semantics.
//
// Usage: node plain.js CASES.jsonl
'use strict';
const {lines, Checksum, report} = require('./common');
const REF = require('./reference.json');

// --- Indicators: each returns a value in [0, 1], or null when the facts it
// needs are unknown (divrisk's kUnknown). Dates are ISO strings, compared as
// text. Absent and JSON null fields are both absent, as in divrisk.

const PORTABLE = new Set(['small_arms', 'light_weapons', 'ammunition', 'missiles_and_launchers']);

// transit_state_controls and embargo: every leg's `to` but the last's.
const transitStates = (c) => {
  const legs = (c.transport && c.transport.legs) || [];
  return legs.slice(0, -1).map((l) => l.to);
};

// Three-valued maximum (kernel_util.h MaxOf): a 1 settles it, otherwise an
// unknown could be higher than every known value.
function maxOf(values) {
  let max = 0;
  let unknown = false;
  for (const v of values) {
    if (v === null) unknown = true;
    else if (v > max) max = v;
  }
  return max >= 1 || !unknown ? max : null;
}

// embargo_kernels.cc BodyMatches, through the words the build resolved.
const asciiLower = (s) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

function unEmbargo(c) {
  const on = c.assessed_on;
  const eu = c.end_user;
  const transit = transitStates(c);
  const values = [];
  for (const e of REF.un_embargoes) {
    if ((e.start !== null && on < e.start) || (e.end !== null && on > e.end)) continue;
    const toTarget = e.direction !== 'from';
    const fromTarget = e.direction !== 'to';
    const toEndUser = toTarget && eu.country === e.target;
    const covered = toEndUser || (toTarget && transit.includes(e.target)) ||
        (fromTarget && (c.exporter.country === e.target ||
                        c.goods.some((g) => g.origin_country === e.target)));
    if (!covered) continue;
    const exempt = (c.authorisations || []).some((a) =>
      e.body_words.includes(asciiLower(a.body)) && (a.date == null || a.date <= on));
    if (exempt) continue;
    if (e.scope === 'full') {
      values.push(1);
    } else if (e.scope === 'non_state_actors' && toEndUser) {
      values.push(eu.kind == null ? null : (eu.kind === 'company' || eu.kind === 'individual') ? 1 : 0);
    } else {
      values.push(0.5);  // partial_scope_value
    }
  }
  return maxOf(values);
}

// EUC kernels: `euc` absent means none supplied (0 for all but euc_absent),
// the word "unknown" means the record does not say (unknown for all).
const eucAbsent = (c) => (c.euc == null ? 1 : typeof c.euc === 'string' ? null : 0);

const AUTH = {confirmed: 0, failed: 1, pending: 0.6, not_requested: 0.8};
function eucNotAuthenticated(c) {
  if (c.euc == null) return 0;
  if (typeof c.euc === 'string' || c.euc.authentication == null) return null;
  return AUTH[c.euc.authentication];
}

const REQUIRED = ['no_reexport_without_consent', 'no_retransfer', 'delivery_verification'];
function eucMissingClauses(c) {
  if (c.euc == null) return 0;
  if (typeof c.euc === 'string' || c.euc.clauses == null) return null;
  return REQUIRED.filter((w) => !c.euc.clauses.includes(w)).length / REQUIRED.length;
}

const broker = (c) => ((c.parties || []).some((p) => p.role === 'broker') ? 1 : 0);

const PAYMENT = ['cash_payment', 'third_party_payer', 'unusual_payment_terms'];
function payment(c) {
  const conduct = c.conduct || [];
  const count = PAYMENT.filter((w) => conduct.includes(w)).length;
  return count <= 0 ? 0 : Math.min(1, count / 3);  // saturation 3
}

// A state's controls: 0 ATT party in force on assessed_on and Wassenaar,
// 0.5 one of the two, 1 neither, unknown outside the country table.
function controls(code, on) {
  const s = REF.controls[code];
  if (s === undefined) return null;
  const att = s.att !== null && s.att <= on;
  return att && s.wa ? 0 : att || s.wa ? 0.5 : 1;
}
function transitControls(c) {
  if (!c.transport || !c.transport.legs || c.transport.legs.length === 0) return null;
  return maxOf(transitStates(c).map((code) => controls(code, c.assessed_on)));
}

const DISCLOSURE = {full: 0, partial: 0.5, none: 1, unknown: null};
function routeNotDisclosed(c) {
  const t = c.transport;
  if (t == null) return 1;
  if (t.route_disclosure == null) return t.legs && t.legs.length > 0 ? 0 : 1;
  return DISCLOSURE[t.route_disclosure];
}

function nonStateEndUser(c) {
  const kind = c.end_user.kind;
  if (kind == null) return null;
  return kind === 'company' || kind === 'individual' ? 1 : 0;
}

function stockpileWeak(c) {
  const s = c.end_user.stockpile_security;
  if (s == null || s === 'unknown') return null;
  return s === 'adequate' ? 0 : 1;
}

const portable = (c) => (c.goods.some((g) => PORTABLE.has(g.category)) ? 1 : 0);

function unmarked(c) {  // three-valued any over portable lines: marked false
  let unknown = false;
  for (const g of c.goods) {
    if (!PORTABLE.has(g.category)) continue;
    if (g.marked === false) return 1;
    if (g.marked == null) unknown = true;
  }
  return unknown ? null : 0;
}

const KERNELS = {
  'A6-1.un_embargo': unEmbargo,
  'EUC-1.absent': eucAbsent,
  'EUC-3.not_authenticated': eucNotAuthenticated,
  'EUC-2.missing_clauses': eucMissingClauses,
  'PL-3.broker': broker,
  'PL-4.payment': payment,
  'TT-2.transit_controls': transitControls,
  'TR-1.route_not_disclosed': routeNotDisclosed,
  'EU-1.non_state_end_user': nonStateEndUser,
  'EU-3.stockpile_weak': stockpileWeak,
  'GC-1.portable': portable,
  'GC-2.unmarked': unmarked,
};

// --- Scoring, as engine/scoring/executor.cc and score_math.cc do it, with
// the same double operations in the same order, so the bits agree: values
// and weights in whole 1/10000 units, the products summed exactly, divided
// by 10^8, each category clamped to [0, cap], summed in category order, and
// the total rounded to 1/10000 (Math.round equals llround for x >= 0).

const UNITS = 10000;
const CATS = REF.categories.map((cat) => cat.id);
const CAPS = REF.categories.map((cat) => cat.cap);
const IND = REF.indicators.map((ind) => ({
  kernel: KERNELS[ind.id],
  unknownFixed: Math.round(ind.unknown_value * UNITS),
  // [category index, weight in 1/10000 units] for the non-zero weights.
  weights: Object.entries(ind.weights).filter(([, w]) => w !== 0)
      .map(([cat, w]) => [CATS.indexOf(cat), Math.round(w * UNITS)]),
}));
const BAND_IDS = REF.bands.map((b) => b.id);
const BAND_BELOW = REF.bands.slice(0, -1).map((b) => Math.round(b.below * UNITS));

const raw = new Float64Array(CATS.length);
const low = new Float64Array(CATS.length);
const high = new Float64Array(CATS.length);

function quantizedTotal(sums) {
  let total = 0;
  for (let k = 0; k < sums.length; k++) {
    total += Math.min(Math.max(sums[k] / (UNITS * UNITS), 0), CAPS[k]);
  }
  return Math.round(total * UNITS);
}

function scoreCase(c, sum) {
  raw.fill(0);
  low.fill(0);
  high.fill(0);
  for (const ind of IND) {
    const v = ind.kernel(c);
    const unknown = v === null;
    const fixed = unknown ? ind.unknownFixed : Math.round(v * UNITS);
    // Every weight is >= 0: an unknown scores 0 at the low end, 1 at the high.
    const lo = unknown ? 0 : fixed;
    const hi = unknown ? UNITS : fixed;
    for (const [k, w] of ind.weights) {
      raw[k] += fixed * w;
      low[k] += lo * w;
      high[k] += hi * w;
    }
  }
  const scoreQ = quantizedTotal(raw);
  let band = 0;
  while (band < BAND_BELOW.length && scoreQ >= BAND_BELOW[band]) band++;
  sum.add(scoreQ, quantizedTotal(low), quantizedTotal(high), BAND_IDS[band]);
}

function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node plain.js CASES.jsonl');
    process.exit(2);
  }
  const sum = new Checksum(BAND_IDS);
  const t0 = process.hrtime.bigint();
  for (const line of lines(file)) scoreCase(JSON.parse(line), sum);
  report('plain', sum, Number(process.hrtime.bigint() - t0) / 1e9);
}

main();
