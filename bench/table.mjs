// Prints bench/results.json as a Markdown table (for docs/performance.md).
import * as fs from 'node:fs';

const results = JSON.parse(fs.readFileSync(new URL('./results.json', import.meta.url), 'utf8'));
const { machine } = results;
console.log(
  `Commit ${machine.commit ?? '?'}; machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.terraform}; ` +
    `load average at start ${machine.loadAverageAtStart?.join(' ')}, at end ${machine.loadAverageAtEnd?.join(' ')}; ${results.seconds} s\n`,
);
const goal = (t) => (t === undefined ? '' : t.op === 'within' ? `${t.value[0]}–${t.value[1]}` : `${t.op === '<=' ? '≤' : '≥'} ${t.value}`);
const shown = (v) => (v === null || !Number.isFinite(v) ? 'n/a' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(v >= 10 ? 1 : 2));
console.log('| measure | value | target | status | notes |');
console.log('|---|---|---|---|---|');
let section;
for (const row of results.rows) {
  if (row.section && row.section !== section) {
    section = row.section;
    // The section's number and name, without the long description after a colon.
    console.log(`| **${section.split(/: |\(/)[0].trim()}** | | | | |`);
  }
  const status = row.met === 'MISSED' ? '**missed**' : row.met;
  console.log(`| ${row.name.trim()} | ${shown(row.value)} ${row.unit} | ${goal(row.target)} | ${status} | ${row.notes ?? ''} |`);
}
