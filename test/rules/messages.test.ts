import * as assert from 'assert/strict';
import * as path from 'path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules';
import { firstSentence } from '../../server/src/rules/support/messages';
import { REPO_ROOT, run } from '../cli/harness';

/** The Problems panel and a CI log line show about this much before they cut a message off. */
const FIRST_SENTENCE_MAX = 120;

describe('finding messages name the problem first', () => {
  it('firstSentence stops at the first full stop outside backticks', () => {
    assert.equal(firstSentence('Listener `a.b. c` is off. Then more.'), 'Listener `a.b. c` is off.');
    assert.equal(firstSentence('No stop at all'), 'No stop at all');
    assert.equal(firstSentence('Version 1.93.0 or later? Yes.'), 'Version 1.93.0 or later?');
  });

  it(`every rule's first sentence is at most ${FIRST_SENTENCE_MAX} characters on every example`, async () => {
    const result = await run(['check', path.join(REPO_ROOT, 'examples'), '--format', 'json'], { cwd: REPO_ROOT });
    assert.equal(result.code, 2, result.stderr);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; message: string; file: string }[] };
    const seen = new Set<string>();
    const tooLong: string[] = [];
    for (const { ruleId, message, file } of diagnostics) {
      seen.add(ruleId);
      const first = firstSentence(message);
      assert.ok(first.length < message.length || message.endsWith('.'), `${ruleId}: no full stop in "${message}"`);
      if (first.length > FIRST_SENTENCE_MAX) tooLong.push(`${file} [${ruleId}] ${first.length}: ${first}`);
    }
    assert.deepEqual(tooLong, []);
    // Each rule fires somewhere in examples/, so the bound is checked for each.
    assert.deepEqual(
      RULES.map((r) => r.meta.id).filter((id) => !seen.has(id)),
      [],
    );
  });
});
