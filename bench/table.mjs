// Prints bench/results.json as a Markdown table (for docs/performance.md).
import * as fs from 'node:fs';

const results = JSON.parse(fs.readFileSync(new URL('./results.json', import.meta.url), 'utf8'));
console.log(`Machine: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}\n`);
console.log('| measure | value | target | status | notes |');
console.log('|---|---|---|---|---|');
for (const row of results.rows) {
  const target = row.target === undefined ? '' : `≤ ${row.target} ${row.unit}`;
  const status = row.target === undefined ? '' : row.value <= row.target ? 'met' : '**missed**';
  console.log(`| ${row.name} | ${row.value.toFixed(2)} ${row.unit} | ${target} | ${status} | ${row.extra ?? ''} |`);
}
