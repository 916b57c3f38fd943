import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import type { AnalysisOptions } from '../../server/src/core/options';
import { applyEdits, memoryService, memPath, textAt } from '../helpers';

const ALWAYS_ON = 'client-ip-always-on';
const INEFFECTIVE = 'client-ip-ineffective-option';

/** A dedicated TCP listener: client-ip-always-on on the client IP line, client-ip-ineffective-option on `real_ip`. */
const dedicated = (comment: string, above = '') => `${above}resource "huaweicloud_elb_listener" "tcp" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
  protocol_port   = 80

${comment ? `  ${comment}\n` : ''}  transparent_client_ip_enable = "false"
  real_ip                      = true
}
`;

async function findingsOf(text: string, options: AnalysisOptions = {}): Promise<Finding[]> {
  const { service } = await memoryService({ 'main.tf': text });
  return service.analyzeModule(memPath('main.tf'), options).get(memPath('main.tf')) ?? [];
}

const ruleIds = (findings: Finding[]) => findings.map((f) => f.ruleId).sort();

describe("ignore comments in TFLint's forms", () => {
  test('`# elb-lens-ignore: rule # reason` suppresses, and says nothing about the comment', async () => {
    const findings = await findingsOf(dedicated(`# elb-lens-ignore: ${ALWAYS_ON} # the platform keeps it on anyway`));
    assert.deepEqual(ruleIds(findings), [INEFFECTIVE]);
  });

  test('several ids with a `#` reason, and `all`, on the line above a block', async () => {
    const several = dedicated('', `# elb-lens-ignore: ${ALWAYS_ON}, ${INEFFECTIVE} # kept until the migration\n`);
    assert.deepEqual(ruleIds(await findingsOf(several)), []);
    const all = dedicated('', '# elb-lens-ignore: all # legacy listener\n');
    assert.deepEqual(ruleIds(await findingsOf(all)), []);
    // `all` on one line covers that line only.
    assert.deepEqual(ruleIds(await findingsOf(dedicated('# elb-lens-ignore: all'))), [INEFFECTIVE]);
  });

  test('the `-- reason` and `// reason` forms still work', async () => {
    for (const reason of ['-- reason', '// reason', '--reason']) {
      assert.deepEqual(ruleIds(await findingsOf(dedicated(`# elb-lens-ignore: ${ALWAYS_ON} ${reason}`))), [INEFFECTIVE], reason);
    }
  });
});

describe('ignore-comment: malformed comments and unknown ids', () => {
  test('a misspelt id warns on the id, with "did you mean" and a fix; the finding stays', async () => {
    const text = dedicated('# elb-lens-ignore: client-ip-alwayson # reason');
    const findings = await findingsOf(text);
    assert.deepEqual(ruleIds(findings), [ALWAYS_ON, INEFFECTIVE, 'ignore-comment']);
    const warning = findings.find((f) => f.ruleId === 'ignore-comment')!;
    assert.equal(warning.severity, 'warning');
    assert.equal(textAt(text, warning), 'client-ip-alwayson');
    assert.match(
      warning.message,
      /^No rule has the id `client-ip-alwayson`, so this ignore comment suppresses nothing for it\. Did you mean `client-ip-always-on`\?$/,
    );
    const fixed = applyEdits(text, warning.fixes[0].edits);
    assert.deepEqual(ruleIds(await findingsOf(fixed)), [INEFFECTIVE]);
  });

  test('one unknown id among known ones: the known ones still suppress', async () => {
    const findings = await findingsOf(dedicated(`# elb-lens-ignore: ${ALWAYS_ON}, zzzzzzzzzzzz`));
    assert.deepEqual(ruleIds(findings), [INEFFECTIVE, 'ignore-comment']);
    const warning = findings.find((f) => f.ruleId === 'ignore-comment')!;
    assert.match(warning.message, /`zzzzzzzzzzzz`.*`elb-lens rules` lists the ids\.$/);
    assert.deepEqual(warning.fixes, []);
  });

  test('a comment without a colon or without ids is malformed', async () => {
    for (const comment of [`# elb-lens-ignore ${ALWAYS_ON}`, '# elb-lens-ignore:', '# elb-lens-ignore: # reason only']) {
      const findings = await findingsOf(dedicated(comment));
      assert.deepEqual(ruleIds(findings), [ALWAYS_ON, INEFFECTIVE, 'ignore-comment'], comment);
      assert.match(
        findings.find((f) => f.ruleId === 'ignore-comment')!.message,
        /^This elb-lens-ignore comment lacks .*, so it suppresses nothing\./,
      );
    }
  });

  test('other comments that mention the word are left alone, and the id can be turned off', async () => {
    assert.deepEqual(ruleIds(await findingsOf(dedicated('# see elb-lens-ignore-style comments in the README'))), [ALWAYS_ON, INEFFECTIVE]);
    assert.deepEqual(ruleIds(await findingsOf(dedicated('# elb-lens-ignorex: foo'))), [ALWAYS_ON, INEFFECTIVE]);
    const off = await findingsOf(dedicated('# elb-lens-ignore: client-ip-alwayson'), { rules: { 'ignore-comment': 'off' } });
    assert.deepEqual(ruleIds(off), [ALWAYS_ON, INEFFECTIVE]);
  });
});
