import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyFixToModule, findingKeys, keysWithout, ofRule, textAt } from '../helpers';
import { DEDICATED_LB, fixAndReanalyse, json, jsonFindings, nameOf, SHARED_LB } from '../elbjson/util';
import { poolAndMember, resourceBlock, terraformChain, terraformListener, variable, type Arguments } from './fixtures';

const RULE = 'client-ip-ip-backend';

/**
 * A Huawei dedicated load balancer (subnet known), a listener linked to its pool by
 * default_pool_id, and one member. `member`, `pool` and `listener` add arguments to those blocks.
 */
const huawei = (protocol: string, { member = [] as Arguments, pool = [] as Arguments, listener = [] as Arguments, lbSubnet = true } = {}) =>
  [
    terraformListener({
      lbType: 'huaweicloud_elb_loadbalancer',
      lb: [['name', '"lb"'], ...(lbSubnet ? [['ipv4_subnet_id', 'huaweicloud_vpc_subnet.app.ipv4_subnet_id'] as [string, string]] : [])],
      listenerType: 'huaweicloud_elb_listener',
      protocol,
      args: [['default_pool_id', 'huaweicloud_elb_pool.p.id'], ...listener],
    }),
    poolAndMember(
      'huaweicloud_elb_pool',
      'huaweicloud_elb_member',
      [['protocol', `"${protocol === 'TLS' ? 'TCP' : protocol}"`], ['lb_method', '"ROUND_ROBIN"'], ...pool],
      '"172.16.0.9"',
      member,
    ),
  ].join('\n');

/** OTC or Flexible Engine v3 resources, the pool linked by listener_id, split over two files. */
const v3Module = (provider: 'opentelekomcloud' | 'flexibleengine', protocol: string) => {
  const text = terraformChain({
    provider,
    lbKind: 'dedicated',
    protocol,
    loadBalancer: '  name = "lb"\n',
    memberAddress: '"10.1.0.1"',
  });
  const at = text.indexOf(`resource "${provider}_lb_pool_v3"`);
  // The blank line between the blocks is left out.
  return { 'lb.tf': text.slice(0, at - 1), 'backends.tf': text.slice(at) };
};

/** An OTC v2 listener of a load balancer outside the module, sending to a v3 pool with one member. */
const otcV2ListenerV3Pool = (protocol: string, clientIp?: string) =>
  [
    terraformListener({ listenerType: 'opentelekomcloud_lb_listener_v2', lbId: 'var.lb', protocol, clientIp }),
    poolAndMember(
      'opentelekomcloud_lb_pool_v3',
      'opentelekomcloud_lb_member_v3',
      [
        ['listener_id', 'opentelekomcloud_lb_listener_v2.l.id'],
        ['lb_algorithm', '"ROUND_ROBIN"'],
        ['protocol', `"${protocol}"`],
      ],
      '"10.0.0.1"',
    ),
  ].join('\n');

describe(`${RULE}: fires`, () => {
  test('on a dedicated member without subnet_id: on its address, naming member and listener, related listener and pool', async () => {
    const text = huawei('TCP');
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding), 'address       = "172.16.0.9"');
    assert.match(
      finding.message,
      /^This IP-address backend never receives the client IP\. Member `huaweicloud_elb_member\.m` is an IP-address backend \(it has no `subnet_id`/,
    );
    assert.match(finding.message, /listener `huaweicloud_elb_listener\.l` \(TCP\)/);
    assert.match(finding.message, /TCP listeners have no other way to pass the client address/);
    assert.deepEqual(
      finding.related.map((r) => [r.message, textAt(text, { ...finding, range: r.range })]),
      [
        ['listener that transfers the client IP', '"huaweicloud_elb_listener" "l"'],
        ['pool of this member', '"huaweicloud_elb_pool" "p"'],
      ],
    );
  });

  test('UDP: the same "no other way" advice', async () => {
    const [finding] = ofRule(await analyze({ 'main.tf': huawei('UDP') }), RULE);
    assert.match(finding.message, /UDP listeners have no other way to pass the client address/);
  });

  test('HTTP and HTTPS: explains X-Forwarded-For, and X-Real-IP on Huawei dedicated listeners', async () => {
    for (const protocol of ['HTTP', 'HTTPS']) {
      const [finding] = ofRule(await analyze({ 'main.tf': huawei(protocol) }), RULE);
      assert.match(
        finding.message,
        /X-Forwarded-For header, which HTTP\/HTTPS listeners always add \(or turn on real_ip for X-Real-IP\)/,
        protocol,
      );
      assert.deepEqual(
        finding.fixes.map((f) => f.title),
        ['Add real_ip = true (backends get the client address in X-Real-IP)'],
      );
    }
  });

  test('TLS: explains Proxy Protocol', async () => {
    const [finding] = ofRule(await analyze({ 'main.tf': huawei('TLS') }), RULE);
    assert.match(finding.message, /Proxy Protocol \(proxy_protocol_enable\)/);
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ['Add proxy_protocol_enable = true (backends get the client address in the PROXY header)'],
    );
  });

  test('when subnet_id is null (through a variable default)', async () => {
    const files = {
      'main.tf': huawei('TCP', { member: [['subnet_id', 'var.member_subnet']] }),
      'v.tf': variable('member_subnet', 'default = null'),
    };
    const [finding] = ofRule(await analyze(files), RULE);
    assert.ok(finding);
    assert.match(finding.message, /`subnet_id` is null/);
  });

  test('once, on the pool type, for a pool of type "ip" (whatever its members)', async () => {
    for (const typeValue of ['"ip"', '"IP"', 'var.pool_type']) {
      const text = huawei('HTTP', { pool: [['type', typeValue]], member: [['subnet_id', '"s"']] });
      const findings = ofRule(await analyze({ 'main.tf': text, 'v.tf': variable('pool_type', 'default = "ip"') }), RULE);
      assert.equal(findings.length, 1, typeValue);
      assert.equal(textAt(text, findings[0]), `type      = ${typeValue}`);
      assert.match(
        findings[0].message,
        /^IP-address backends never receive the client IP\. Pool `huaweicloud_elb_pool\.p` only holds IP-address backends/,
      );
      assert.match(findings[0].message, /X-Forwarded-For/);
      assert.deepEqual(
        findings[0].related.map((r) => r.message),
        ['listener that transfers the client IP'],
      );
    }
  });

  test('for OTC and Flexible Engine v3 members, the pool linked by listener_id, across files', async () => {
    for (const provider of ['opentelekomcloud', 'flexibleengine'] as const) {
      const files = v3Module(provider, 'UDP');
      const findings = ofRule(await analyze(files), RULE);
      assert.equal(findings.length, 1, provider);
      assert.match(findings[0].file, /backends\.tf$/);
      assert.equal(textAt(files['backends.tf'], findings[0]), 'address       = "10.1.0.1"');
      assert.match(findings[0].message, new RegExp(`${provider}_lb_member_v3\\.m`));
    }
  });

  test('HTTP on OTC v3: X-Forwarded-For, and no X-Real-IP switch to offer', async () => {
    const [finding] = ofRule(await analyze(v3Module('opentelekomcloud', 'HTTP')), RULE);
    assert.match(finding.message, /X-Forwarded-For header, which HTTP\/HTTPS listeners always add\./);
    assert.deepEqual(finding.fixes, []);
  });

  test('on a shared listener that turns the transfer on, sending to a dedicated-style IP member', async () => {
    // An OTC v2 listener whose load balancer is unknown, explicitly on, with a v3 pool: the transfer is on.
    const text = otcV2ListenerV3Pool('HTTP', 'true');
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 1);
  });
});

describe(`${RULE}: does not fire`, () => {
  test('for members with a subnet_id (literal, variable, unknown reference)', async () => {
    for (const subnet of ['"subnet-1"', 'var.subnet', 'huaweicloud_vpc_subnet.app.ipv4_subnet_id']) {
      const files = { 'main.tf': huawei('TCP', { member: [['subnet_id', subnet]] }), 'v.tf': variable('subnet') };
      assert.equal(ofRule(await analyze(files), RULE).length, 0, subnet);
    }
  });

  test('for pools of type "instance" or of unknown type whose members have a subnet', async () => {
    for (const typeValue of ['"instance"', 'var.pool_type']) {
      const files = {
        'main.tf': huawei('TCP', { pool: [['type', typeValue]], member: [['subnet_id', '"s"']] }),
        'v.tf': variable('pool_type'),
      };
      assert.equal(ofRule(await analyze(files), RULE).length, 0, typeValue);
    }
  });

  test('for members of shared load balancers (always servers in a subnet), with the transfer on', async () => {
    for (const [prefix, suffix, on] of [
      ['huaweicloud_lb', '', '"true"'],
      ['opentelekomcloud_lb', '_v2', 'true'],
      ['flexibleengine_lb', '_v2', 'true'],
    ]) {
      const text = [
        terraformListener({
          lbType: `${prefix}_loadbalancer${suffix}`,
          lb: [['vip_subnet_id', '"s"']],
          listenerType: `${prefix}_listener${suffix}`,
          args: [
            ['default_pool_id', `${prefix}_pool${suffix}.p.id`],
            ['transparent_client_ip_enable', on],
          ],
        }),
        poolAndMember(
          `${prefix}_pool${suffix}`,
          `${prefix}_member${suffix}`,
          [
            ['protocol', '"TCP"'],
            ['lb_method', '"ROUND_ROBIN"'],
          ],
          '"10.0.0.1"',
        ),
      ].join('\n');
      assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0, prefix);
    }
  });

  test('for pools no listener of the module uses', async () => {
    const unlinked = huawei('TCP').replace('  default_pool_id = huaweicloud_elb_pool.p.id\n', '');
    assert.equal(ofRule(await analyze({ 'main.tf': unlinked }), RULE).length, 0);
  });

  test('for members whose pool is not in the module', async () => {
    const text = huawei('TCP').replace('pool_id       = huaweicloud_elb_pool.p.id', 'pool_id       = var.pool_id');
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
  });

  test('when the listener state is unknown (OTC v2 TCP listener of an unknown load balancer)', async () => {
    const text = otcV2ListenerV3Pool('TCP');
    assert.equal(ofRule(await analyze({ 'main.tf': text }), RULE).length, 0);
    // Unknown value on a shared listener: no finding either.
    const unknownValue = text
      .replace('var.lb\n', 'opentelekomcloud_lb_loadbalancer_v2.lb.id\n')
      .replace('  protocol_port   = 80\n}', '  protocol_port   = 80\n  transparent_client_ip_enable = var.on\n}');
    const files = {
      'main.tf': `${resourceBlock('opentelekomcloud_lb_loadbalancer_v2', 'lb', [['vip_subnet_id', '"s"']])}\n${unknownValue}`,
      'v.tf': variable('on'),
    };
    assert.equal(ofRule(await analyze(files), RULE).length, 0);
  });
});

describe(`${RULE}: Terraform JSON`, () => {
  const json = JSON.stringify(
    {
      resource: {
        huaweicloud_elb_loadbalancer: { lb: { ipv4_subnet_id: '${var.subnet}' } },
        huaweicloud_elb_listener: {
          l: { loadbalancer_id: '${huaweicloud_elb_loadbalancer.lb.id}', protocol: 'TCP', default_pool_id: '${huaweicloud_elb_pool.p.id}' },
        },
        huaweicloud_elb_pool: { p: { protocol: 'TCP' } },
        huaweicloud_elb_member: { m: { pool_id: '${huaweicloud_elb_pool.p.id}', address: '172.16.0.1' } },
      },
    },
    null,
    2,
  );

  test('fires on the member address; the subnet fix writes a JSON string and clears the finding', async (t) => {
    const files = { 'main.tf.json': json };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    assert.ok(finding);
    assert.equal(textAt(json, finding), '"address": "172.16.0.1"');
    assert.equal(finding.fixes.length, 1);
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(JSON.parse(after.files['main.tf.json']).resource.huaweicloud_elb_member.m.subnet_id, '${var.subnet}');
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });
});

describe(`${RULE}: fixes`, () => {
  test('TCP: subnet_id copied from the load balancer turns the member into a server backend', async (t) => {
    const files = { 'main.tf': huawei('TCP') };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ["Add subnet_id = huaweicloud_vpc_subnet.app.ipv4_subnet_id (make it a server backend in the load balancer's subnet)"],
    );
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    assert.equal(after.files['main.tf'], huawei('TCP', { member: [['subnet_id', 'huaweicloud_vpc_subnet.app.ipv4_subnet_id']] }));
    assert.deepEqual(findingKeys(after.findings), keysWithout(before, finding));
  });

  test('real_ip or proxy_protocol_enable written false: set to true; an unknown value or true: no fix', async (t) => {
    // The listener's arguments with one more, aligned as terraform fmt writes them.
    const withLine = (protocol: string, name: string, value: string) => huawei(protocol, { listener: [[name, value]] });
    for (const [protocol, name] of [
      ['HTTP', 'real_ip'],
      ['TLS', 'proxy_protocol_enable'],
    ]) {
      const files = { 'main.tf': withLine(protocol, name, 'false') };
      const [finding] = ofRule(await analyze(files), RULE);
      assert.deepEqual(
        finding.fixes.map((f) => f.title),
        [`Set ${name} to true (backends get the client address in ${name === 'real_ip' ? 'X-Real-IP' : 'the PROXY header'})`],
      );
      const after = await applyFixToModule(t, files, finding.fixes[0].edits);
      assert.equal(after.files['main.tf'], withLine(protocol, name, 'true'));
      const unknown = { 'main.tf': withLine(protocol, name, 'var.x'), 'v.tf': variable('x') };
      assert.deepEqual(ofRule(await analyze(unknown), RULE)[0].fixes, [], `${name} unknown`);
    }
  });

  test('TCP: no fix when the load balancer subnet is not in the configuration', async () => {
    const [finding] = ofRule(await analyze({ 'main.tf': huawei('TCP', { lbSubnet: false }) }), RULE);
    assert.deepEqual(finding.fixes, []);
  });

  test('HTTP: real_ip = true; the finding stays (IP backends still miss the transferred address) and nothing new appears', async (t) => {
    const files = { 'main.tf': huawei('HTTP') };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    const withRealIp = huawei('HTTP', { listener: [['real_ip', 'true']] });
    assert.equal(after.files['main.tf'], withRealIp);
    // Intended: the IP-backend finding remains, now without a fix to offer; the header is no ineffective option on HTTP.
    assert.deepEqual(findingKeys(after.findings), findingKeys(before));
    assert.deepEqual(ofRule(after.findings, RULE)[0].fixes, []);
  });

  test('TLS: proxy_protocol_enable = true; the finding stays and nothing new appears', async (t) => {
    const files = { 'main.tf': huawei('TLS') };
    const before = await analyze(files);
    const [finding] = ofRule(before, RULE);
    const after = await applyFixToModule(t, files, finding.fixes[0].edits);
    const withProxyProtocol = huawei('TLS', { listener: [['proxy_protocol_enable', 'true']] });
    assert.equal(after.files['main.tf'], withProxyProtocol);
    // Intended: the finding remains (Proxy Protocol is the way to get the address there), and proxy protocol is effective on TLS.
    assert.deepEqual(findingKeys(after.findings), findingKeys(before));
    assert.deepEqual(ofRule(after.findings, RULE)[0].fixes, []);
  });
});

// ELB API JSON: request bodies, list responses and exports spread over several files of a
// folder. Every fix is applied, the folder re-analysed, and each `.json` file must still JSON.parse.

describe('client-ip-ip-backend (JSON)', () => {
  const RULE = 'client-ip-ip-backend';
  const exportFolder = (protocol: string, member: Record<string, unknown>, pool: Record<string, unknown> = {}) => ({
    'loadbalancers.json': json({ loadbalancers: [DEDICATED_LB] }),
    'listeners.json': json({
      listeners: [{ id: 'l1', name: 'front', protocol, protocol_port: 80, loadbalancers: [{ id: 'lb-ded' }], default_pool_id: 'p1' }],
    }),
    'pools.json': json({
      pools: [{ id: 'p1', name: 'backends', protocol: protocol === 'TLS' ? 'TCP' : protocol, lb_algorithm: 'ROUND_ROBIN', ...pool }],
    }),
    'members.json': json({ pool_id: 'p1', members: [{ name: 'web-1', address: '172.16.0.9', protocol_port: 80, ...member }] }),
  });

  test('fires on a dedicated member without subnet_cidr_id (script shape: top-level pool_id), on its address', async () => {
    const files = exportFolder('TCP', {});
    const findings = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(nameOf(finding.file), 'members.json');
    assert.equal(textAt(files['members.json'], finding), '"address": "172.16.0.9"');
    assert.match(finding.message, /no `subnet_cidr_id`/);
    assert.match(finding.message, /TCP listeners have no other way/);
    assert.deepEqual(
      finding.related.map((r) => [nameOf(r.file), r.message]),
      [
        ['listeners.json', 'listener that transfers the client IP'],
        ['pools.json', 'pool of this member'],
      ],
    );
    // TCP: copy the load balancer's subnet onto the member.
    const { files: fixed, findings: after } = await fixAndReanalyse(files, finding, /subnet_cidr_id/);
    assert.equal(ofRule(after, RULE).length, 0);
    assert.match(fixed['members.json'], /"subnet_cidr_id": "subnet-lb"/);
  });

  test("links members to pools through pool_id, the pool's members list, and pools to listeners through listener_id", async () => {
    const viaPoolId = exportFolder('TCP', {});
    viaPoolId['members.json'] = json({ members: [{ address: '172.16.0.9', protocol_port: 80, pool_id: 'p1' }] });
    const viaMembersList = exportFolder('TCP', {}, { members: [{ id: 'm1' }] });
    viaMembersList['members.json'] = json({ members: [{ id: 'm1', address: '172.16.0.9', protocol_port: 80 }] });
    const viaListenerId = exportFolder('UDP', {}, { listener_id: 'l1' });
    viaListenerId['listeners.json'] = json({ listeners: [{ id: 'l1', protocol: 'UDP', loadbalancer_id: 'lb-ded' }] });
    for (const files of [viaPoolId, viaMembersList, viaListenerId]) {
      assert.equal(ofRule((await jsonFindings(files)).findings, RULE).length, 1, JSON.stringify(files));
    }
  });

  test('member_type "ip" and pool type "ip" are IP backends even when the load balancer kind is unknown', async () => {
    const files = {
      'listeners.json': json({ listeners: [{ id: 'l1', protocol: 'HTTP', default_pool_id: 'p1' }] }),
      'pools.json': json({ pools: [{ id: 'p1', protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' }] }),
      'members.json': json({ members: [{ address: '10.1.0.5', protocol_port: 80, pool_id: 'p1', member_type: 'ip' }] }),
    };
    const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
    assert.ok(finding);
    assert.match(finding.message, /member_type/);
    assert.match(finding.message, /X-Forwarded-For/);
    // Unknown kind: X-Real-IP only exists on dedicated load balancers, so no fix is offered.
    assert.equal(finding.fixes.length, 0);

    const ipPool = {
      'listeners.json': json({ listeners: [{ id: 'l1', protocol: 'HTTP', default_pool_id: 'p1' }] }),
      'pools.json': json({ pools: [{ id: 'p1', protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN', type: 'ip' }] }),
    };
    const [poolFinding] = ofRule((await jsonFindings(ipPool)).findings, RULE);
    assert.equal(textAt(ipPool['pools.json'], poolFinding), '"type": "ip"');
  });

  test('HTTP on a dedicated load balancer: adds "X-Real-IP": true to insert_headers, keeping the file valid JSON', async () => {
    for (const insertHeaders of [undefined, null, { 'X-Forwarded-Host': true }, { 'X-Real-IP': false }]) {
      const files = exportFolder('HTTP', {});
      files['listeners.json'] = json({
        listeners: [
          {
            id: 'l1',
            protocol: 'HTTP',
            loadbalancer_id: 'lb-ded',
            default_pool_id: 'p1',
            ...(insertHeaders === undefined ? {} : { insert_headers: insertHeaders }),
          },
        ],
      });
      const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
      assert.match(finding.message, /"X-Real-IP": true in insert_headers/);
      const { files: fixed, findings: after } = await fixAndReanalyse(files, finding, /X-Real-IP/);
      const listener = (JSON.parse(fixed['listeners.json']) as { listeners: { insert_headers: Record<string, boolean> }[] }).listeners[0];
      assert.equal(listener.insert_headers['X-Real-IP'], true, fixed['listeners.json']);
      if (insertHeaders && 'X-Forwarded-Host' in insertHeaders) assert.equal(listener.insert_headers['X-Forwarded-Host'], true);
      // The backend still does not get the transferred address, but no further fix is offered.
      assert.equal(ofRule(after, RULE)[0]?.fixes.length, 0);
    }
  });

  test('TLS: sets proxy_protocol_enable to true (missing, null or false); no fix when it is true', async () => {
    const withProxy = (value: unknown) => {
      const files = exportFolder('TLS', {});
      const listeners = JSON.parse(files['listeners.json']) as { listeners: Record<string, unknown>[] };
      if (value !== undefined) listeners.listeners[0].proxy_protocol_enable = value;
      files['listeners.json'] = json(listeners);
      return files;
    };
    for (const value of [undefined, null, false]) {
      const files = withProxy(value);
      const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
      const { files: fixed, findings: after } = await fixAndReanalyse(files, finding, /proxy_protocol_enable/);
      assert.match(fixed['listeners.json'], /"proxy_protocol_enable": true/, String(value));
      assert.equal(ofRule(after, 'client-ip-ineffective-option').length, 0);
    }
    const [finding] = ofRule((await jsonFindings(withProxy(true))).findings, RULE);
    assert.deepEqual(finding.fixes, []);
  });

  test('does not fire for members with a subnet, member_type "instance", unknown kinds, or a shared listener left off', async () => {
    const cases: Record<string, string>[] = [
      exportFolder('TCP', { subnet_cidr_id: 'subnet-app' }),
      exportFolder('TCP', { member_type: 'instance' }),
      {
        // HTTP transfers the client IP anywhere, but without subnet_cidr_id or member_type the backend kind is unknown.
        'listeners.json': json({ listeners: [{ id: 'l1', protocol: 'HTTP', default_pool_id: 'p1' }] }),
        'members.json': json({ pool_id: 'p1', member: { address: '10.0.0.5', protocol_port: 80 } }),
        'pools.json': json({ pool: { id: 'p1', protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' } }),
      },
      {
        'lb.json': json({ loadbalancer: SHARED_LB }),
        'listeners.json': json({ listeners: [{ id: 'l1', protocol: 'TCP', loadbalancer_id: 'lb-shr', default_pool_id: 'p1' }] }),
        'pools.json': json({ pool: { id: 'p1', protocol: 'TCP', lb_algorithm: 'ROUND_ROBIN' } }),
        'members.json': json({ pool_id: 'p1', member: { address: '10.0.0.5', protocol_port: 80, member_type: 'ip' } }),
      },
    ];
    for (const files of cases) assert.equal(ofRule((await jsonFindings(files)).findings, RULE).length, 0, JSON.stringify(files));
  });
});
