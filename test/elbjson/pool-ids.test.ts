import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildElbJsonModel, elbJsonToConfigFile } from '../../server/src/elbjson';
import { memoryService, memPath, textAt, withCursor } from '../helpers';
import { DEDICATED_LB, fixAndReanalyse, json, jsonFindings, nameOf, ofRule, SHARED_LB } from './util';

/**
 * Members linked to a listener through a pool id alone: the listener's `default_pool_id`
 * and the members' pool id (a script's top-level `pool_id`, or each member's own) agree,
 * and no pool object was exported. A pool known only by its id stands in for it.
 */

const IP_BACKEND = 'client-ip-ip-backend';
const SAME_SERVER = 'client-ip-same-server';

const LB = json({ loadbalancers: [DEDICATED_LB] });
const listeners = (listener: Record<string, unknown> = {}) =>
  json({
    listeners: [
      {
        id: 'l1',
        name: 'front',
        protocol: 'TCP',
        protocol_port: 80,
        loadbalancers: [{ id: 'lb-ded' }],
        default_pool_id: 'p1',
        ...listener,
      },
    ],
  });
const scriptMembers = (poolId: unknown, member: Record<string, unknown> = {}) =>
  json({ pool_id: poolId, members: [{ name: 'web-1', address: '172.16.0.9', protocol_port: 80, ...member }] });

function modelOf(files: Record<string, string>) {
  return buildElbJsonModel(Object.entries(files).map(([name, text]) => elbJsonToConfigFile(`/mem/${name}`, text)));
}

describe('members linked to a listener by pool id only (ELB JSON)', () => {
  test('script shape {"pool_id", "members"}: client-ip-ip-backend on the IP backend; the pool sits on the top-level pool_id; the subnet fix clears it', async () => {
    const files = { 'loadbalancers.json': LB, 'listeners.json': listeners(), 'members.json': scriptMembers('p1') };
    const findings = ofRule((await jsonFindings(files)).findings, IP_BACKEND);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(nameOf(finding.file), 'members.json');
    assert.equal(textAt(files['members.json'], finding), '"address": "172.16.0.9"');
    assert.match(finding.message, /no `subnet_cidr_id`/);
    assert.match(finding.message, /listeners\.json: listeners\[0\] "front"/);
    assert.deepEqual(
      finding.related.map((r) => [
        nameOf(r.file),
        r.message,
        textAt(files[nameOf(r.file) as keyof typeof files], { ...finding, range: r.range }),
      ]),
      [
        ['listeners.json', 'listener that transfers the client IP', '"name": "front"'],
        ['members.json', 'pool of this member', '"pool_id": "p1"'],
      ],
    );
    const { files: fixed, findings: after } = await fixAndReanalyse(files, finding, /subnet_cidr_id/);
    assert.match(fixed['members.json'], /"subnet_cidr_id": "subnet-lb"/);
    assert.equal(ofRule(after, IP_BACKEND).length, 0);
  });

  test('script shape {"pool_id", "member"} and members with their own pool_id (list response) get the same finding', async () => {
    const single = {
      'loadbalancers.json': LB,
      'listeners.json': listeners(),
      'member.json': json({ pool_id: 'p1', member: { address: '172.16.0.9', protocol_port: 80 } }),
    };
    const own = {
      'listeners.json': listeners({ protocol: 'HTTP', loadbalancers: undefined }),
      'members.json': json({
        members: [
          { id: 'm1', pool_id: 'p1', address: '10.1.0.5', protocol_port: 80, member_type: 'ip' },
          { id: 'm2', pool_id: 'p1', address: '10.1.0.6', protocol_port: 80, member_type: 'instance' },
        ],
      }),
    };
    assert.equal(ofRule((await jsonFindings(single)).findings, IP_BACKEND).length, 1);
    const [finding, ...more] = ofRule((await jsonFindings(own)).findings, IP_BACKEND);
    assert.equal(more.length, 0);
    assert.equal(textAt(own['members.json'], finding), '"address": "10.1.0.5"');
    assert.match(finding.message, /member_type/);
    // No script pool_id: the pool sits where the listener names it.
    const pool = finding.related.find((r) => r.message === 'pool of this member');
    assert.ok(pool);
    assert.equal(nameOf(pool.file), 'listeners.json');
    assert.equal(textAt(own['listeners.json'], { ...finding, range: pool.range }), '"default_pool_id": "p1"');
  });

  test("client-ip-same-server: a member address inside the listener's white list", async () => {
    const files = {
      'lb.json': json({ loadbalancer: DEDICATED_LB }),
      'listener.json': json({
        listener: { id: 'l1', protocol: 'TCP', loadbalancer_id: 'lb-ded', default_pool_id: 'p1', ipgroup: { ipgroup_id: 'g1' } },
      }),
      'ipgroups.json': json({ ipgroups: [{ id: 'g1', ip_list: [{ ip: '192.168.1.0/24' }] }] }),
      'members.json': scriptMembers('p1', { address: '192.168.1.5', subnet_cidr_id: 'subnet-lb' }),
    };
    const { findings } = await jsonFindings(files);
    assert.equal(ofRule(findings, SAME_SERVER).length, 1);
    assert.equal(textAt(files['members.json'], ofRule(findings, SAME_SERVER)[0]), '"address": "192.168.1.5"');
    assert.equal(ofRule(findings, IP_BACKEND).length, 0);
  });

  test('silent when the ids do not meet: another pool id, no or empty ids, a null default_pool_id, or transfer off', async () => {
    const cases: Record<string, string>[] = [
      { 'loadbalancers.json': LB, 'listeners.json': listeners(), 'members.json': scriptMembers('p2') },
      { 'loadbalancers.json': LB, 'listeners.json': listeners(), 'members.json': json({ members: [{ address: '172.16.0.9' }] }) },
      { 'loadbalancers.json': LB, 'listeners.json': listeners(), 'members.json': scriptMembers(null) },
      { 'loadbalancers.json': LB, 'listeners.json': listeners(), 'members.json': scriptMembers('') },
      { 'loadbalancers.json': LB, 'listeners.json': listeners({ default_pool_id: null }), 'members.json': scriptMembers('p1') },
      { 'loadbalancers.json': LB, 'listeners.json': listeners({ default_pool_id: undefined }), 'members.json': scriptMembers('p1') },
      {
        'loadbalancers.json': LB,
        'listeners.json': listeners(),
        'members.json': json({ members: [{ pool_id: 'p2', address: '172.16.0.9', member_type: 'ip' }] }),
      },
      // A shared TCP listener leaves transfer off by default.
      {
        'lb.json': json({ loadbalancer: SHARED_LB }),
        'listeners.json': listeners({ loadbalancers: [{ id: 'lb-shr' }] }),
        'members.json': scriptMembers('p1', { member_type: 'ip' }),
      },
    ];
    for (const files of cases) {
      const { findings } = await jsonFindings(files);
      assert.deepEqual([...ofRule(findings, IP_BACKEND), ...ofRule(findings, SAME_SERVER)], [], JSON.stringify(files));
    }
  });

  test('model: one pool per id, linked to every listener naming it; none when the pool object is exported', () => {
    const m = modelOf({
      'a-members.json': scriptMembers('p1'),
      'b-member.json': json({ pool_id: 'p1', member: { address: '172.16.0.10', protocol_port: 80 } }),
      'listeners.json': json({
        listeners: [
          { id: 'l1', protocol: 'TCP', loadbalancer_id: 'lb-ded', default_pool_id: 'p1' },
          { id: 'l2', protocol: 'UDP', loadbalancer_id: 'lb-ded', default_pool_id: 'p1' },
        ],
      }),
      'loadbalancers.json': LB,
    });
    assert.equal(m.pools.length, 1);
    const [pool] = m.pools;
    assert.equal(pool.idOnly, true);
    assert.equal(pool.address, 'pool_id "p1"');
    assert.equal(pool.file.path, '/mem/a-members.json');
    assert.equal(pool.poolType, undefined);
    assert.deepEqual(
      pool.members.map((x) => x.ipAddress),
      ['172.16.0.9', '172.16.0.10'],
    );
    assert.deepEqual(
      pool.listeners.map((l) => l.block.attributes.get('id')?.expr),
      m.listeners.map((l) => l.block.attributes.get('id')?.expr),
    );
    assert.equal(pool.loadBalancer?.kind, 'dedicated');
    assert.ok(pool.members.every((x) => x.pool === pool && x.isIpBackend === true));
    assert.equal(m.nodeForBlock(pool.block), pool);

    const exported = modelOf({
      'listeners.json': listeners(),
      'pools.json': json({ pools: [{ id: 'p1', protocol: 'TCP' }] }),
      'members.json': scriptMembers('p1'),
    });
    assert.deepEqual(
      exported.pools.map((p) => [p.address, p.idOnly]),
      [['pools.json: pools[0]', undefined]],
    );
  });

  test('hover: the pool on the script pool_id, the member through its listener', async () => {
    const poolCursor = withCursor(scriptMembers('p1').replace('"pool_id"', '"pool|_id"'));
    const { service } = await memoryService({ 'loadbalancers.json': LB, 'listeners.json': listeners(), 'members.json': poolCursor.text });
    const pool = service.hover(memPath('members.json'), poolCursor.position)?.markdown ?? '';
    assert.match(pool, /\*\*Pool `pool_id "p1"`\*\* — type: unknown \(only its id is known/);
    assert.match(pool, /From `listeners\.json: listeners\[0\] "front"` \(TCP\): Transfer Client IP Address \*\*always on\*\*/);
    assert.match(pool, /web-1.*does \*\*not\*\* receive it/);

    const memberCursor = withCursor(scriptMembers('p1').replace('"address"', '"addr|ess"'));
    const { service: s2 } = await memoryService({
      'loadbalancers.json': LB,
      'listeners.json': listeners(),
      'members.json': memberCursor.text,
    });
    const member = s2.hover(memPath('members.json'), memberCursor.position)?.markdown ?? '';
    assert.match(member, /IP backend: it has no `subnet_cidr_id`/);
    assert.match(member, /Through `listeners\.json: listeners\[0\] "front"` \(TCP\): does not receive the client IP/);
  });
});
