import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createNodeHost } from '../server/src/project/nodeFs';
import { createElbLensService } from '../server/src/service/service';

/**
 * Layer-4 traffic that carries the client IP is not filtered by backend security groups at all
 * (the provider pages named on docs/rules/client-ip-shared-l4-off.md), so nothing ELB Lens says
 * may tell anyone to let clients in through security groups. This runs every rule on every
 * example and hovers on every line, and reads the pages a user reads.
 */

const ROOT = path.resolve(__dirname, '..', '..');

/** Sentences that advise admitting clients through security groups (the advice the platform's current pages contradict). */
const BAD_ADVICE = [
  /admit(s|ting)? (the )?clients?(['’]s?|s['’])? (own )?(address|addresses|IPs?)\b/i,
  /(let|allow)\w* (the )?client (addresses|IPs?) (reach|access|in)\b/i,
  /security groups? (must|should|need to) (then )?(admit|allow) (the )?client/i,
  /so that (the )?(IP addresses of the )?clients? can (access|reach)/i,
];

function assertNoBadAdvice(text: string, where: string): void {
  for (const pattern of BAD_ADVICE) assert.doesNotMatch(text, pattern, `${where} advises admitting clients through security groups`);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out.sort();
}

test('the patterns catch the old advice (so that the checks below can fail)', () => {
  for (const old of [
    'and let their security groups admit the client addresses.',
    'Set transparent_client_ip_enable = "true" (security groups must then admit client addresses)',
    'Backend security groups must admit the clients’ addresses, not only the load balancer’s',
    'configure security groups so that IP addresses of the clients can access these backend servers',
  ])
    assert.ok(
      BAD_ADVICE.some((p) => p.test(old)),
      old,
    );
});

test('no message, fix title or hover on any example advises admitting clients through security groups', async () => {
  const service = await createElbLensService(createNodeHost());
  const files = filesUnder(path.join(ROOT, 'examples')).filter((f) => service.isSupportedFile(f));
  assert.ok(files.length >= 15, `examples found: ${files.length}`);
  let findings = 0;
  let hovers = 0;
  const rules = new Set<string>();
  for (const file of files) {
    const name = path.relative(ROOT, file);
    for (const finding of service.analyzeFile(file)) {
      findings++;
      rules.add(finding.ruleId);
      assertNoBadAdvice(finding.message, `${name}: ${finding.ruleId} message`);
      for (const fix of finding.fixes) assertNoBadAdvice(fix.title, `${name}: ${finding.ruleId} fix "${fix.title}"`);
      for (const related of finding.related ?? []) assertNoBadAdvice(related.message, `${name}: ${finding.ruleId} related`);
    }
    const lines = (service.documentText(file) ?? fs.readFileSync(file, 'utf8')).split('\n');
    for (let line = 0; line < lines.length; line++) {
      const character = lines[line].search(/\S/);
      if (character < 0) continue;
      // On the key or label at the start of the line, and just after a quote (a quoted key or label).
      for (const at of [character, character + 1]) {
        const markdown = service.hover(file, { line, character: at })?.markdown;
        if (!markdown) continue;
        hovers++;
        assertNoBadAdvice(markdown, `${name}:${line + 1} hover`);
      }
    }
  }
  // The examples show every rule that says something about security groups, and hovers were really made.
  assert.ok(rules.has('client-ip-shared-l4-off'), [...rules].join(', '));
  assert.ok(findings >= 20, `findings: ${findings}`);
  assert.ok(hovers >= 100, `hovers: ${hovers}`);
});

test('no rule page, README, walkthrough page or package.json text advises admitting clients through security groups', () => {
  const pages = [
    ...filesUnder(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')),
    path.join(ROOT, 'README.md'),
    path.join(ROOT, 'package.json'),
  ];
  assert.ok(pages.some((p) => p.endsWith(path.join('rules', 'client-ip-shared-l4-off.md'))));
  for (const page of pages) assertNoBadAdvice(fs.readFileSync(page, 'utf8').replace(/\s+/g, ' '), path.relative(ROOT, page));
});
