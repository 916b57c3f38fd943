// Issue 28's hostile inputs, generated: each must finish within 10 s and 500 MB (or stop at
// its bound with one line). `node bench/run.mjs --sections=9` measures them through the CLI.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const LISTENER = (name, protocol = '"TCP"') => `resource "huaweicloud_elb_listener" "${name}" {
  loadbalancer_id              = "lb"
  protocol                     = ${protocol}
  transparent_client_ip_enable = false
}
`;

function tree(name, files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `elb-lens-bench-${name}-`));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function doubling(lines, step) {
  const out = ['locals {', '  l0 = ["a"]'];
  for (let i = 1; i < lines; i++) out.push(`  l${i} = ${step(`local.l${i - 1}`)}`);
  return `${out.join('\n')}\n}\n`;
}

const deep = (n) => '['.repeat(n) + ']'.repeat(n);

/** name → { dir, command (`check` or `graph`), listeners (plans: their size, for the linearity row) } */
export function hostileWorkloads() {
  const calls = (source) => ['a', 'b'].map((n) => `module "${n}" {\n  source = "${source}"\n  count  = 2\n}\n`).join('');
  const fanOut = { 'main.tf': calls('./m1') + LISTENER('root') };
  for (let level = 1; level <= 12; level++) fanOut[`m${level}/main.tf`] = level < 12 ? calls(`../m${level + 1}`) : LISTENER('leaf');
  const many = Array.from({ length: 14000 }, (_, i) => LISTENER(`l${i}`)).join('\n');
  return {
    '38 doubling locals': {
      dir: tree('double', { 'main.tf': doubling(38, (p) => `[${p}, ${p}]`) + LISTENER('web', 'local.l37[0][0]') }),
      command: 'check',
    },
    'concat() chain of 40 locals': {
      dir: tree('concat', { 'main.tf': doubling(40, (p) => `concat(${p}, ${p})`) + LISTENER('web', 'local.l39[0]') }),
      command: 'check',
    },
    'module fan-out 4^12': { dir: tree('fanout', fanOut), command: 'check' },
    '.elb-lens.json nested 10,000 deep': {
      dir: tree('deepcfg', { '.elb-lens.json': `{"rules": ${deep(10000)}}`, 'main.tf': LISTENER('web') }),
      command: 'check',
    },
    'plan nested 10,000 deep': {
      dir: tree('deepplan', {
        'plan.json': `{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"address":"a","values":{"x":${deep(10000)}}}]}}}`,
      }),
      command: 'check',
    },
    'exclude glob of 40 stars': {
      dir: tree('glob', {
        '.elb-lens.json': JSON.stringify({ exclude: [`${'*a'.repeat(40)}*b`] }),
        [`${'a'.repeat(200)}.tf`]: LISTENER('web'),
      }),
      command: 'check',
    },
    'graph of 14,000 listeners': { dir: tree('graph14k', { 'main.tf': many }), command: 'graph' },
    // Parse recovery: the placeholder's block swallows the file in tree-sitter's tree; each block is read again.
    '14,000 listeners after a ... placeholder': {
      dir: tree('placeholder', { 'main.tf': `resource "huaweicloud_vpc" "v" {\n  name = "v"\n  ...\n}\n\n${many}` }),
      command: 'check',
    },
    'plan of 10,000 listeners': { dir: planOfListeners(10000), command: 'check', listeners: 10000 },
    'plan of 20,000 listeners': { dir: planOfListeners(20000), command: 'check', listeners: 20000 },
    'plan of 50,000 listeners': { dir: planOfListeners(50000), command: 'check', listeners: 50000 },
    // As `terraform show -json` writes an update: each resource's values again in prior_state,
    // and twice more (before, after) in resource_changes.
    'plan of 50,000 listeners, with changes': { dir: planOfListeners(50000, { changes: true }), command: 'check' },
  };
}

/**
 * A plan of `count` listener instances (one `count` block) on one load balancer, each referring
 * to it. With `changes`, an update of every resource: prior_state and resource_changes (before,
 * after) as `terraform show -json` writes them.
 */
export function planOfListeners(count, { changes = false } = {}) {
  const resources = [
    {
      address: 'huaweicloud_elb_loadbalancer.lb',
      mode: 'managed',
      type: 'huaweicloud_elb_loadbalancer',
      name: 'lb',
      values: { id: 'lb-1' },
    },
  ];
  for (let i = 0; i < count; i++) {
    resources.push({
      address: `huaweicloud_elb_listener.l[${i}]`,
      mode: 'managed',
      type: 'huaweicloud_elb_listener',
      name: 'l',
      index: i,
      values: { loadbalancer_id: 'lb-1', protocol: 'TCP', protocol_port: 1000 + i, transparent_client_ip_enable: false },
    });
  }
  const configuration = {
    root_module: {
      resources: [
        { address: 'huaweicloud_elb_loadbalancer.lb', mode: 'managed', type: 'huaweicloud_elb_loadbalancer', name: 'lb', expressions: {} },
        {
          address: 'huaweicloud_elb_listener.l',
          mode: 'managed',
          type: 'huaweicloud_elb_listener',
          name: 'l',
          expressions: { loadbalancer_id: { references: ['huaweicloud_elb_loadbalancer.lb.id', 'huaweicloud_elb_loadbalancer.lb'] } },
        },
      ],
    },
  };
  const plan = { format_version: '1.2', terraform_version: '1.9.8', planned_values: { root_module: { resources } } };
  if (changes) {
    const before = (r) => ({ ...r.values, description: 'updated in place', tags: { team: 'web', env: 'prod' } });
    plan.resource_changes = resources.map((r) => ({
      address: r.address,
      mode: r.mode,
      type: r.type,
      name: r.name,
      ...(r.index === undefined ? {} : { index: r.index }),
      provider_name: 'registry.terraform.io/huaweicloud/huaweicloud',
      change: {
        actions: ['update'],
        before: before(r),
        after: r.values,
        after_unknown: {},
        before_sensitive: { tags: {} },
        after_sensitive: {},
      },
    }));
    plan.prior_state = {
      format_version: '1.0',
      values: { root_module: { resources: resources.map((r) => ({ ...r, values: before(r), sensitive_values: { tags: {} } })) } },
    };
  }
  plan.configuration = configuration;
  return tree(`plan${count}${changes ? 'changes' : ''}`, { 'plan.json': JSON.stringify(plan) });
}
