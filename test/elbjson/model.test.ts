import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildElbJsonModel, elbJsonToConfigFile } from '../../server/src/elbjson';
import type { ConfigFile } from '../../server/src/parse/config';
import { DEDICATED_LB, json, jsonFindings, ofRule, SHARED_LB } from './util';

function model(files: Record<string, string>) {
  const configs: ConfigFile[] = Object.entries(files).map(([name, text]) => elbJsonToConfigFile(`/mem/${name}`, text));
  return { configs, model: buildElbJsonModel(configs) };
}

function slice(file: ConfigFile, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return file.text.slice(file.lines.offsetAt(range.start), file.lines.offsetAt(range.end));
}

describe('ELB JSON → ConfigFile', () => {
  test('each API object is a block with its JSON path; insert_headers and ipgroup are nested blocks; top-level scalars are attributes', () => {
    const text = json({
      request_id: 'r-1',
      pool_id: 'p1',
      listener: { name: 'web', protocol: 'HTTP', insert_headers: { 'X-Real-IP': true }, ipgroup: { ipgroup_id: 'g', type: 'white' } },
      members: [{ address: '10.0.0.1' }, 'not an object', { address: '10.0.0.2', name: 'b' }],
      pools: null,
    });
    const file = elbJsonToConfigFile('/mem/x.json', text);
    assert.equal(file.format, 'elbjson');
    assert.deepEqual(
      file.blocks.map((b) => [b.type, b.jsonPath, b.labels[0]]),
      [
        ['listener', ['listener'], 'listener'],
        ['member', ['members', 0], 'members[0]'],
        ['member', ['members', 2], 'members[2]'],
      ],
    );
    assert.deepEqual([...file.attributes.keys()], ['request_id', 'pool_id']);
    const listener = file.blocks[0];
    assert.equal(slice(file, listener.headerRange), '"listener"');
    assert.ok(slice(file, listener.range).startsWith('"listener": {'));
    assert.deepEqual(
      listener.blocks.map((b) => [b.type, b.jsonPath]),
      [
        ['insert_headers', ['listener', 'insert_headers']],
        ['ipgroup', ['listener', 'ipgroup']],
      ],
    );
    assert.equal(listener.attributes.has('insert_headers'), false);
    assert.equal(slice(file, listener.attributes.get('protocol')!.range), '"protocol": "HTTP"');
    assert.equal(slice(file, listener.attributes.get('protocol')!.valueRange), '"HTTP"');
    // List items: the name, else the id, else the opening brace marks the object.
    assert.equal(slice(file, file.blocks[1].headerRange), '{');
    assert.equal(slice(file, file.blocks[2].headerRange), '"name": "b"');
  });

  test('comments, trailing commas and broken JSON are tolerated; blocks with errors are marked', () => {
    const file = elbJsonToConfigFile('/mem/x.jsonc', '// c\n{\n  "listener": { "protocol": "TCP", },\n  "member": { "address": \n}\n');
    assert.equal(file.comments.length, 1);
    assert.equal(file.blocks[0].hasErrors, false);
    assert.equal(file.blocks[1].hasErrors, true);
    assert.ok(file.syntaxErrors.length > 0);
  });
});

describe('ELB JSON → model', () => {
  test('names objects by path and name (with the file when the folder has several)', () => {
    const one = model({
      'l.json': json({
        listeners: [
          { name: 'web', protocol: 'TCP' },
          { protocol: 'UDP', protocol_port: 53 },
        ],
      }),
    });
    assert.deepEqual(
      one.model.listeners.map((l) => l.address),
      ['listeners[0] "web"', 'listeners[1] :53'],
    );
    const two = model({
      'a.json': json({ member: { address: '10.0.0.1', protocol_port: 80 } }),
      'b.json': json({ pool: { protocol: 'TCP' } }),
    });
    assert.deepEqual(
      [...two.model.members, ...two.model.pools].map((n) => n.address),
      ['a.json: member 10.0.0.1:80', 'b.json: pool'],
    );
    assert.ok(two.model.listeners.every((l) => l.type === 'listener'));
    assert.equal(two.model.members[0].info.provider, 'elb-api');
  });

  test('load balancer kind: guaranteed, flavors, listener protocol, sibling listeners; otherwise unknown', () => {
    const { model: m } = model({
      'lbs.json': json({
        loadbalancers: [
          { ...DEDICATED_LB, listeners: [{ id: 'via-lb-list' }] },
          SHARED_LB,
          { id: 'lb-flv', l7_flavor_id: 'f' },
          { id: 'lb-unk', vip_address: '10.0.0.9' },
        ],
      }),
      'listeners.json': json({
        listeners: [
          { id: 'a', protocol: 'TCP', loadbalancer_id: 'lb-ded' },
          { id: 'b', protocol: 'TCP', loadbalancers: [{ id: 'lb-shr' }] },
          { id: 'c', protocol: 'UDP', loadbalancer_id: 'lb-flv' },
          { id: 'd', protocol: 'TCP', loadbalancer_id: 'lb-unk' },
          { id: 'e', protocol: 'TCP', loadbalancer_id: 'not-here' },
          { id: 'f', protocol: 'QUIC' },
          { id: 'g', protocol: 'TCP' },
          { id: 'via-lb-list', protocol: 'UDP' },
          { id: 'h', protocol: 'TERMINATED_HTTPS', loadbalancer_id: 'lb-x' },
          { id: 'i', protocol: 'HTTPS', loadbalancer_id: 'lb-x' },
          { id: 'j', protocol: 'TCP', loadbalancer_id: 'lb-x' },
        ],
      }),
    });
    const kinds = Object.fromEntries(
      m.listeners.map((l) => [
        l.block.attributes.get('id')!.expr.kind === 'literal' ? (l.block.attributes.get('id')!.expr as { value: string }).value : '?',
        l.kind,
      ]),
    );
    assert.deepEqual(kinds, {
      a: 'dedicated',
      b: 'shared',
      c: 'dedicated',
      d: 'unknown',
      e: 'unknown',
      f: 'dedicated',
      g: 'unknown',
      'via-lb-list': 'dedicated',
      // TERMINATED_HTTPS and HTTPS on one load balancer contradict each other: each keeps its own, the TCP one stays unknown.
      h: 'shared',
      i: 'dedicated',
      j: 'unknown',
    });
    const byId = (id: string) =>
      m.listeners.find((l) => l.block.attributes.get('id') && slice(l.file, l.block.attributes.get('id')!.valueRange) === `"${id}"`)!;
    assert.match(byId('a').kindExplanation, /`guaranteed` is true/);
    assert.match(byId('c').kindExplanation, /l7_flavor_id/);
    assert.match(byId('d').kindExplanation, /does not say whether it is dedicated/);
    assert.match(byId('e').kindExplanation, /not among the ELB JSON files of this folder/);
    assert.match(byId('f').kindExplanation, /QUIC listeners only exist on dedicated/);
    assert.match(byId('g').kindExplanation, /names no load balancer/);
    assert.equal(byId('d').clientIp.state, 'unknown');
    assert.equal(m.loadBalancers.find((lb) => lb.address.includes('lb-unk') || lb.address.endsWith('[3]'))?.kind, 'unknown');
  });

  test('members: subnet, member_type and pool type decide IP backends; unknown kinds stay undecided', () => {
    const { model: m } = model({
      'lb.json': json({ loadbalancer: DEDICATED_LB }),
      'pools.json': json({ pools: [{ id: 'p-ded', loadbalancer_id: 'lb-ded' }, { id: 'p-unk' }, { id: 'p-ip', type: 'ip' }] }),
      'members.json': json({
        members: [
          { pool_id: 'p-ded', address: '10.0.0.1' },
          { pool_id: 'p-ded', address: '10.0.0.2', subnet_cidr_id: 's' },
          { pool_id: 'p-unk', address: '10.0.0.3' },
          { pool_id: 'p-unk', address: '10.0.0.4', member_type: 'ip' },
          { pool_id: 'p-unk', address: '10.0.0.5', member_type: 'instance' },
          { pool_id: 'p-ip', address: '10.0.0.6', subnet_cidr_id: 's' },
          { address: '10.0.0.7', loadbalancer_id: 'lb-ded' },
        ],
      }),
    });
    assert.deepEqual(
      m.members.map((x) => x.isIpBackend),
      [true, false, undefined, true, false, true, true],
    );
    assert.match(m.members[2].ipBackendExplanation, /kind is unknown/);
    assert.equal(m.members[0].pool?.address, 'pools.json: pools[0]');
    assert.equal(m.members[6].pool, undefined);
  });

  test('an object exported twice (same id in two files) is linked once, so findings are not doubled', async () => {
    const listener = { id: 'l1', protocol: 'TCP', loadbalancer_id: 'lb-ded', default_pool_id: 'p1' };
    const files = {
      'a-lb.json': json({ loadbalancer: DEDICATED_LB }),
      'b-listener.json': json({ listener }),
      'c-listeners.json': json({ listeners: [listener] }),
      'd-pool.json': json({ pool: { id: 'p1', protocol: 'TCP', listeners: [{ id: 'l1' }] } }),
      'e-pools.json': json({ pools: [{ id: 'p1', protocol: 'TCP', listeners: [{ id: 'l1' }] }] }),
      'f-members.json': json({ pool_id: 'p1', members: [{ address: '10.0.0.1', protocol_port: 80 }] }),
    };
    const { model: m } = model(files);
    assert.deepEqual(
      m.listeners.map((l) => [l.address, l.kind, l.pools.length]),
      [
        ['b-listener.json: listener', 'dedicated', 1],
        ['c-listeners.json: listeners[0]', 'dedicated', 0],
      ],
    );
    const { findings } = await jsonFindings(files);
    assert.equal(ofRule(findings, 'client-ip-ip-backend').length, 1);
  });

  test('request bodies without ids link by the ids they name', () => {
    const { model: m } = model({
      'listener.json': json({ listener: { protocol: 'HTTP', loadbalancer_id: 'lb-ded', default_pool_id: 'p1' } }),
      'pool.json': json({ pool: { id: 'p1', protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' } }),
      'member.json': json({ pool_id: 'p1', member: { address: '10.0.0.1', protocol_port: 80 } }),
      'lb.json': json({ loadbalancer: DEDICATED_LB }),
    });
    const [listener] = m.listeners;
    assert.equal(listener.loadBalancer?.address, 'lb.json: loadbalancer "dedicated"');
    assert.equal(listener.pools[0]?.members[0]?.ipAddress, '10.0.0.1');
    assert.equal(listener.pools[0]?.loadBalancer, listener.loadBalancer);
    assert.equal(listener.pools[0]?.members[0]?.isIpBackend, true);
    // API insert_headers keys are header names, each a switch of its own.
    assert.equal(listener.insertHeaderNames, true);
  });
});
