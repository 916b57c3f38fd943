import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import type { Range } from '../../server/src/core/types';
import type { ElbModel } from '../../server/src/model/elb';
import type { ConfigBlock, ConfigFile } from '../../server/src/parse/config';
import { LineIndex } from '../../server/src/parse/positions';
import { analyzePlan, planToModel } from '../../server/src/plan/plan';
import { runRules } from '../../server/src/rules/engine';
import { withRuleSettings } from '../../server/src/suppress/policy';
import type { Rule } from '../../server/src/rules/types';
import { FIXTURES } from '../cli/harness';
import { memoryService, memPath } from '../helpers';

const PLAN = path.join(FIXTURES, 'plan', 'pretty', 'plan.json');

const range = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 5 } });

function block(line: number, hasErrors: boolean): ConfigBlock {
  return {
    type: 'resource',
    labels: [],
    labelRanges: [],
    range: { start: { line, character: 0 }, end: { line: line + 2, character: 1 } },
    headerRange: range(line),
    attributes: new Map(),
    blocks: [],
    bodyStart: { line, character: 10 },
    close: { line: line + 2, character: 0 },
    hasErrors,
  };
}

const TEXT = 'sound {\n  a = 1\n}\nbroken {\n  a =\n}\n';
const FILE: ConfigFile = {
  path: '/ws/main.tf',
  format: 'hcl',
  text: TEXT,
  lines: new LineIndex(TEXT),
  blocks: [block(0, false), block(3, true)],
  attributes: new Map(),
  comments: [],
  syntaxErrors: [],
};

const EMPTY_MODEL = {
  loadBalancers: [],
  listeners: [],
  pools: [],
  members: [],
  instances: [],
  ipGroups: [],
  nodeForBlock: () => undefined,
} as ElbModel;

function rule(id: string, check: Rule['check']): Rule {
  return { meta: { id, defaultSeverity: 'warning', summary: id, docsUrl: `docs/rules/${id}.md` }, check };
}

describe('rule engine', () => {
  it('adds id, default severity and docs link; skips what the parser had to repair; drops fixes without edits', () => {
    const edit = { file: '/ws/main.tf', range: range(1), newText: 'x' };
    const reporting = rule('reports', ({ report }) => {
      report({
        file: FILE,
        range: range(1),
        message: 'in the sound block',
        fixes: [
          { title: 't', edits: [edit] },
          { title: 'nothing to edit (a computed value)', edits: [] },
        ],
      });
      report({ file: FILE, range: range(4), message: 'in the repaired block' });
    });
    const findings = runRules(EMPTY_MODEL, { docsBase: 'base/', ruleSet: [reporting] });
    assert.deepEqual(findings, [
      {
        ruleId: 'reports',
        severity: 'warning',
        message: 'in the sound block',
        file: '/ws/main.tf',
        range: range(1),
        related: [],
        fixes: [{ title: 't', edits: [edit] }],
        docsUrl: 'base/reports.md',
      },
    ]);
    // Generated input (plans): the same finding, without its fixes.
    const withoutFixes = runRules(EMPTY_MODEL, { docsBase: 'base/', ruleSet: [reporting], fixes: false });
    assert.deepEqual(withoutFixes, [{ ...findings[0], fixes: [] }]);
  });

  it('a rule that throws is logged and the others still run', () => {
    const logs: string[] = [];
    const failing = rule('fails', ({ report }) => {
      report({ file: FILE, range: range(1), message: 'before the throw' });
      throw new Error('boom');
    });
    const after = rule('after', ({ report }) => report({ file: FILE, range: range(1), message: 'still here' }));
    const findings = runRules(EMPTY_MODEL, { docsBase: '', ruleSet: [failing, after], log: (m) => logs.push(m), source: 'plan.json' });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['fails', 'after'],
    );
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^elb-lens: rule fails failed on plan\.json: Error: boom/);
  });

  it('rule settings: "off" drops a rule\'s findings, a severity replaces the default', () => {
    const findings = runRules(EMPTY_MODEL, {
      docsBase: '',
      ruleSet: ['a', 'b', 'c'].map((id) => rule(id, ({ report }) => report({ file: FILE, range: range(1), message: id }))),
    });
    assert.deepEqual(
      withRuleSettings(findings, { a: 'off', b: 'error' }).map((f) => `${f.ruleId} ${f.severity}`),
      ['b error', 'c warning'],
    );
    assert.equal(withRuleSettings(findings)[2], findings[2], 'unchanged findings are not copied');
  });

  it('plans go through the same engine and settings: their findings, less the fixes', () => {
    const text = fs.readFileSync(PLAN, 'utf8');
    const settings = { 'client-ip-always-on': 'off', 'client-ip-shared-l4-off': 'error' } as const;
    const plan = planToModel(PLAN, text);
    assert.ok(plan);
    const engine = withRuleSettings(runRules(plan.model, { docsBase: 'docs/rules/' }), settings);
    const viaPlan = analyzePlan(PLAN, text, { rules: settings });
    assert.ok(viaPlan.length > 0);
    assert.deepEqual(
      viaPlan,
      engine.map((f) => ({ ...f, fixes: [] })),
    );
    assert.ok(!viaPlan.some((f) => f.ruleId === 'client-ip-always-on'));
    assert.ok(viaPlan.some((f) => f.ruleId === 'client-ip-shared-l4-off' && f.severity === 'error'));
  });

  it("the service's findings come from the same engine (docs links, fixes) with the settings applied", async () => {
    const dir = path.join(FIXTURES, 'findings', 'huawei-dedicated');
    const files = Object.fromEntries(fs.readdirSync(dir).map((n) => [n, fs.readFileSync(path.join(dir, n), 'utf8')]));
    const { service } = await memoryService(files);
    const findings = service.analyzeFile(memPath('main.tf'), {
      rules: { 'client-ip-always-on': 'hint', 'client-ip-ineffective-option': 'off' },
    });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId} ${f.severity} ${f.docsUrl}`),
      ['client-ip-always-on hint docs/rules/client-ip-always-on.md', 'client-ip-ip-backend warning docs/rules/client-ip-ip-backend.md'],
    );
    assert.ok(findings.every((f) => f.fixes.length > 0));
  });
});
