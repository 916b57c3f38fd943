import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { createNodeHost } from '../server/src/project/nodeFs';
import { createElbLensService } from '../server/src/service/service';

/** The repository root (this file runs from build/test/). */
const ROOT = path.resolve(__dirname, '..', '..');
/** About what a hover box shows without scrolling. */
const FIRST_SCREEN = 900;

/** Sentences of a message or a hover, without Markdown, list marks and code quotes. */
function sentences(text: string): string[] {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]/g, '')
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.replace(/^[-\s]+/, '').trim())
    .filter((s) => s.length > 20);
}

test("the hover on the examples' dedicated listener argument fits a first screen, and repeats no sentence of the finding", async () => {
  // As in VS Code: the link is a command link (the longest of the links a hover gets).
  const hoverDocsLink = `command:elbLens.openRuleDocs?${encodeURIComponent('["README"]')}`;
  const service = await createElbLensService(createNodeHost(), { hoverDocsLink });
  const file = path.join(ROOT, 'examples', 'huaweicloud', 'main.tf');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l, i) => i > 20 && l.trim().startsWith('transparent_client_ip_enable'));
  assert.ok(line > 0);
  const hover = service.hover(file, { line, character: lines[line].indexOf('transparent') + 2 });
  assert.ok(hover);
  const { markdown } = hover;
  assert.ok(markdown.length <= FIRST_SCREEN, `${markdown.length} characters:\n${markdown}`);
  // State and why, who gets the address, what to do, and the page with the rest.
  assert.match(markdown, /^\*\*Transfer Client IP Address: always on\*\* — dedicated load balancers/);
  assert.match(markdown, /\*\*Who gets the client IP\*\*\n- `huaweicloud_elb_member\./);
  assert.match(markdown, /\*\*What to do:\*\* /);
  assert.match(markdown, /\[More: limits while it is on, caveats\]\(/);
  // "X, dedicated (it belongs to X, a dedicated load balancer)" said it twice.
  assert.equal(markdown.split('huaweicloud_elb_loadbalancer.dedicated').length - 1, 1, markdown);
  const findings = service.analyzeFile(file).filter((f) => f.range.start.line === line);
  assert.ok(findings.length > 0);
  for (const finding of findings) {
    const said = new Set(sentences(finding.message));
    for (const sentence of sentences(markdown)) assert.ok(!said.has(sentence), `repeated: ${sentence}`);
  }
});

test('a hover link opens the bundled page: a command link where the client trusts it, the page itself otherwise', async () => {
  const file = path.join(ROOT, 'examples', 'huaweicloud', 'main.tf');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l, i) => i > 20 && l.trim().startsWith('transparent_client_ip_enable'));
  const at = { line, character: lines[line].indexOf('transparent') + 2 };
  const plain = await createElbLensService(createNodeHost(), { docsBase: '/pkg/docs/rules/' });
  assert.match(plain.hover(file, at)?.markdown ?? '', /\]\(\/pkg\/docs\/rules\/README\.md\)$/);
  const link = `command:elbLens.openRuleDocs?${encodeURIComponent('["README"]')}`;
  const vscode = await createElbLensService(createNodeHost(), { docsBase: '/pkg/docs/rules/', hoverDocsLink: link });
  assert.ok(vscode.hover(file, at)?.markdown.endsWith(`](${link})`));
});
