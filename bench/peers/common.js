// What the harnesses share: reading a JSON Lines file, and the checksum that
// shows they scored every case as divrisk did. The scoring is not shared.
'use strict';
const fs = require('fs');

// The lines of a file, read in large chunks: readline costs more than the
// JSON.parse it feeds. A chunk is cut after its last newline byte, which can
// never fall inside a multi-byte UTF-8 character.
function* lines(file) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(16 << 20);
  let carry = '';
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    const cut = buf.lastIndexOf(10, n - 1);
    if (cut < 0) {
      carry += buf.toString('utf8', 0, n);
      continue;
    }
    const parts = (carry + buf.toString('utf8', 0, cut)).split('\n');
    carry = buf.toString('utf8', cut + 1, n);
    for (const p of parts) if (p.trim() !== '') yield p;
  }
  fs.closeSync(fd);
  if (carry.trim() !== '') yield carry;
}

// Per case: the score and its range in 1/10000 units, and the band. The sums
// and counts catch most differences; the order-dependent FNV-1a hash catches
// differences that cancel out.
class Checksum {
  constructor(bandIds) {
    this.bandIds = bandIds;
    this.bands = new Array(bandIds.length).fill(0);
    this.cases = 0;
    this.score = 0;  // exact: 10^7 cases * 10^6 units is below 2^53
    this.min = 0;
    this.max = 0;
    this.hash = 0x811c9dc5;
  }
  mix(v) {
    this.hash = Math.imul(this.hash ^ (v & 0xffffffff), 0x01000193) >>> 0;
  }
  add(scoreQ, minQ, maxQ, bandId) {
    const band = this.bandIds.indexOf(bandId);
    if (band < 0) throw new Error(`unknown band ${bandId}`);
    this.cases++;
    this.score += scoreQ;
    this.min += minQ;
    this.max += maxQ;
    this.bands[band]++;
    this.mix(scoreQ);
    this.mix(minQ);
    this.mix(maxQ);
    this.mix(band);
  }
  toString() {
    const bands = this.bandIds.map((id, i) => `${id}:${this.bands[i]}`).join(',');
    return `cases=${this.cases} score_q=${this.score} min_q=${this.min} max_q=${this.max} ` +
           `bands=${bands} hash=${this.hash.toString(16).padStart(8, '0')}`;
  }
}

// The harness's closing lines, read by run.sh.
function report(name, checksum, seconds) {
  console.log(`${name}: ${checksum.cases} cases in ${seconds.toFixed(3)} s, ` +
              `${Math.round(checksum.cases / seconds)} cases/s (in process, parse included)`);
  console.log(`checksum ${checksum}`);
}

const bandIds = () => require('./reference.json').bands.map((b) => b.id);

// `node common.js SUMMARY.jsonl`: the checksum of divrisk's
// `batch --output summary` output. Scores are read from their decimal text,
// so no float conversion can blur a unit.
function divriskChecksum(file) {
  const sum = new Checksum(bandIds());
  const units = (text) => {
    const [whole, frac = ''] = text.split('.');
    return Number(whole) * 10000 + Number((frac + '0000').slice(0, 4));
  };
  const re = /"score":([0-9.]+),"score_range":\{"min":([0-9.]+),"max":([0-9.]+)\},"band":"([^"]+)"/;
  for (const line of lines(file)) {
    const m = re.exec(line);
    if (!m) throw new Error(`not a divrisk summary line: ${line.slice(0, 120)}`);
    sum.add(units(m[1]), units(m[2]), units(m[3]), m[4]);
  }
  return sum;
}

if (require.main === module) {
  if (process.argv.length !== 3) {
    console.error('usage: node common.js DIVRISK_SUMMARY.jsonl');
    process.exit(2);
  }
  console.log(`checksum ${divriskChecksum(process.argv[2])}`);
}

module.exports = {lines, Checksum, report, bandIds};
