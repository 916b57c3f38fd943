import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { textAt } from '../helpers';
import { DEDICATED_LB, fixAndReanalyse, json, jsonFindings, nameOf, ofRule, SHARED_LB } from './util';

/**
 * The catalogue's rules on ELB API JSON: request bodies, list responses, exports spread
 * over several files of a folder, and load balancers of unknown kind. Every fix is
 * applied, the folder re-analysed, and each `.json` file must still JSON.parse.
 */

const listenerBody = (listener: Record<string, unknown>) => json({ listener });

describe('client-ip-always-on (JSON)', () => {
  const RULE = 'client-ip-always-on';

  test('fires on false for a listener of a dedicated load balancer in another file, on the key; both fixes clear it', async () => {
    const files = {
      'loadbalancer.json': json({ loadbalancer: DEDICATED_LB }),
      'listener.json': listenerBody({
        name: 'tcp',
        protocol: 'TCP',
        protocol_port: 80,
        loadbalancer_id: 'lb-ded',
        transparent_client_ip_enable: false,
      }),
    };
    const findings = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(nameOf(finding.file), 'listener.json');
    assert.equal(textAt(files['listener.json'], finding), '"transparent_client_ip_enable": false');
    assert.match(finding.message, /listener\.json: listener "tcp"/);
    assert.match(finding.message, /dedicated/);
    assert.equal(finding.severity, 'error');
    assert.equal(nameOf(finding.related[0].file), 'loadbalancer.json');
    for (const title of [/^Remove/, /to true/]) {
      const { files: fixed, findings: after } = await fixAndReanalyse(files, finding, title);
      assert.equal(ofRule(after, RULE).length, 0, fixed['listener.json']);
    }
    const { files: removed } = await fixAndReanalyse(files, finding, /^Remove/);
    assert.doesNotMatch(removed['listener.json'], /transparent_client_ip_enable/);
    const { files: setTrue } = await fixAndReanalyse(files, finding, /to true/);
    assert.match(setTrue['listener.json'], /"transparent_client_ip_enable": true/);
  });

  test('knows dedicated from l4/l7 flavors and from HTTPS/TLS/QUIC, shared from TERMINATED_HTTPS (list responses)', async () => {
    const flavored = {
      'loadbalancers.json': json({ loadbalancers: [{ id: 'lb-f', l4_flavor_id: 'f-1', l7_flavor_id: null }] }),
      'listeners.json': json({
        listeners: [{ id: 'l1', protocol: 'UDP', loadbalancers: [{ id: 'lb-f' }], transparent_client_ip_enable: false }],
      }),
    };
    assert.equal(ofRule((await jsonFindings(flavored)).findings, RULE).length, 1);
    for (const protocol of ['HTTPS', 'TLS', 'QUIC', 'TERMINATED_HTTPS', 'HTTP']) {
      const files = { 'listeners.json': json({ listeners: [{ protocol, transparent_client_ip_enable: false }] }) };
      const findings = ofRule((await jsonFindings(files)).findings, RULE);
      assert.equal(findings.length, 1, protocol);
      assert.equal(textAt(files['listeners.json'], findings[0]), '"transparent_client_ip_enable": false');
    }
  });

  test('a TERMINATED_HTTPS listener makes its load balancer shared for its TCP sibling (no finding there), and HTTPS dedicated', async () => {
    const files = {
      'listeners.json': json({
        listeners: [
          { id: 'a', protocol: 'TERMINATED_HTTPS', loadbalancers: [{ id: 'lb-x' }] },
          { id: 'b', protocol: 'TCP', loadbalancers: [{ id: 'lb-x' }], transparent_client_ip_enable: false },
          { id: 'c', protocol: 'HTTPS', loadbalancers: [{ id: 'lb-y' }] },
          { id: 'd', protocol: 'UDP', loadbalancers: [{ id: 'lb-y' }], transparent_client_ip_enable: false },
        ],
      }),
    };
    const findings = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /listeners\[3\]/);
    assert.match(findings[0].message, /dedicated/);
  });

  test('does not fire where it can be turned off, is true, null, or the load balancer kind is unknown', async () => {
    const cases: Record<string, string>[] = [
      // TCP, load balancer unknown: never guess shared or dedicated.
      { 'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'elsewhere', transparent_client_ip_enable: false }) },
      // Shared TCP: false is allowed.
      {
        'lb.json': json({ loadbalancer: SHARED_LB }),
        'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'lb-shr', transparent_client_ip_enable: false }),
      },
      {
        'lb.json': json({ loadbalancer: DEDICATED_LB }),
        'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'lb-ded', transparent_client_ip_enable: true }),
      },
      {
        'lb.json': json({ loadbalancer: DEDICATED_LB }),
        'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'lb-ded', transparent_client_ip_enable: null }),
      },
      // The load balancer exists but does not say its kind.
      {
        'lb.json': json({ loadbalancer: { id: 'lb-q', vip_address: '10.0.0.1' } }),
        'l.json': listenerBody({ protocol: 'UDP', loadbalancer_id: 'lb-q', transparent_client_ip_enable: false }),
      },
    ];
    for (const files of cases) assert.equal(ofRule((await jsonFindings(files)).findings, RULE).length, 0, JSON.stringify(files));
  });
});

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

describe('client-ip-same-server (JSON)', () => {
  const RULE = 'client-ip-same-server';
  const folder = (ipgroup: Record<string, unknown> | null, address = '192.168.1.5') => ({
    'lb.json': json({ loadbalancer: DEDICATED_LB }),
    'listener.json': listenerBody({ id: 'l1', protocol: 'TCP', loadbalancer_id: 'lb-ded', default_pool_id: 'p1', ipgroup }),
    'ipgroups.json': json({ ipgroups: [{ id: 'g1', name: 'office', ip_list: [{ ip: '192.168.1.0/24' }, { ip: '10.9.9.9' }] }] }),
    'pool.json': json({ pool: { id: 'p1', protocol: 'TCP', lb_algorithm: 'ROUND_ROBIN' } }),
    'members.json': json({ pool_id: 'p1', members: [{ address, protocol_port: 80, subnet_cidr_id: 'subnet-lb' }] }),
  });

  test("fires when a member address is in the listener's white list", async () => {
    const files = folder({ ipgroup_id: 'g1', enable_ipgroup: true, type: 'white' });
    const findings = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(findings.length, 1);
    assert.equal(textAt(files['members.json'], findings[0]), '"address": "192.168.1.5"');
    assert.match(findings[0].message, /192\.168\.1\.0\/24/);
    assert.equal(nameOf(findings[0].related[0].file), 'ipgroups.json');
    assert.equal(findings[0].fixes.length, 0);
    // type defaults to white
    assert.equal(ofRule((await jsonFindings(folder({ ipgroup_id: 'g1' }))).findings, RULE).length, 1);
  });

  test('does not fire for a black list, a disabled group, no group, or an address outside it', async () => {
    for (const files of [
      folder({ ipgroup_id: 'g1', type: 'black' }),
      folder({ ipgroup_id: 'g1', enable_ipgroup: false }),
      folder(null),
      folder({ ipgroup_id: 'g1' }, '192.168.2.5'),
    ]) {
      assert.equal(ofRule((await jsonFindings(files)).findings, RULE).length, 0, JSON.stringify(files));
    }
  });
});

describe('client-ip-shared-l4-off (JSON)', () => {
  const RULE = 'client-ip-shared-l4-off';

  test('fires on a shared TCP listener that leaves it off, on the "listener" key; the fix adds true', async () => {
    const files = {
      'lb.json': json({ loadbalancer: SHARED_LB }),
      'listener.json': listenerBody({ protocol: 'TCP', protocol_port: 80, loadbalancer_id: 'lb-shr' }),
    };
    const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(finding.severity, 'information');
    assert.equal(textAt(files['listener.json'], finding), '"listener"');
    const { files: fixed, findings: after } = await fixAndReanalyse(files, finding, /transparent_client_ip_enable/);
    assert.equal(ofRule(after, RULE).length, 0);
    assert.equal((JSON.parse(fixed['listener.json']) as { listener: Record<string, unknown> }).listener.transparent_client_ip_enable, true);
  });

  test('fires on an explicit false in a list response (shared from a TERMINATED_HTTPS sibling), on the value', async () => {
    const files = {
      'listeners.json': json({
        listeners: [
          { id: 'a', protocol: 'TERMINATED_HTTPS', loadbalancers: [{ id: 'lb-x' }] },
          { id: 'b', name: 'dns', protocol: 'UDP', loadbalancers: [{ id: 'lb-x' }], transparent_client_ip_enable: false },
        ],
      }),
    };
    const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(textAt(files['listeners.json'], finding), '"transparent_client_ip_enable": false');
    const { findings: after } = await fixAndReanalyse(files, finding, /transparent_client_ip_enable/);
    assert.equal(ofRule(after, RULE).length, 0);
  });

  test('does not fire for an unknown load balancer kind, true, or HTTP', async () => {
    const cases: Record<string, string>[] = [
      { 'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'elsewhere' }) },
      {
        'lb.json': json({ loadbalancer: SHARED_LB }),
        'listener.json': listenerBody({ protocol: 'TCP', loadbalancer_id: 'lb-shr', transparent_client_ip_enable: true }),
      },
      { 'lb.json': json({ loadbalancer: SHARED_LB }), 'listener.json': listenerBody({ protocol: 'HTTP', loadbalancer_id: 'lb-shr' }) },
    ];
    for (const files of cases) assert.equal(ofRule((await jsonFindings(files)).findings, RULE).length, 0, JSON.stringify(files));
  });
});

describe('client-ip-nat64-conflict (JSON)', () => {
  const RULE = 'client-ip-nat64-conflict';

  test('fires when nat64_enable and transparent_client_ip_enable are both true; removing the latter clears it', async () => {
    const files = { 'listener.json': listenerBody({ protocol: 'TCP', nat64_enable: true, transparent_client_ip_enable: true }) };
    const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(textAt(files['listener.json'], finding), '"transparent_client_ip_enable": true');
    assert.match(finding.related[0].message, /NAT64/);
    const { files: fixed, findings: after } = await fixAndReanalyse(files, finding, /Remove/);
    assert.equal(ofRule(after, RULE).length, 0);
    assert.match(fixed['listener.json'], /"nat64_enable": true/);
  });

  test('does not fire when either is off', async () => {
    for (const listener of [
      { protocol: 'TCP', nat64_enable: false, transparent_client_ip_enable: true },
      { protocol: 'TCP', nat64_enable: true, transparent_client_ip_enable: false },
      { protocol: 'TCP', nat64_enable: true },
    ]) {
      assert.equal(ofRule((await jsonFindings({ 'l.json': listenerBody(listener) })).findings, RULE).length, 0);
    }
  });
});

describe('client-ip-ineffective-option (JSON)', () => {
  const RULE = 'client-ip-ineffective-option';

  test('fires on each header switched on in insert_headers of a TCP listener, on that key; the fix removes the key', async () => {
    const files = {
      'listener.json': listenerBody({
        protocol: 'TCP',
        insert_headers: { 'X-Forwarded-ELB-IP': true, 'X-Forwarded-Host': false, 'X-Forwarded-TLS-Protocol': true },
      }),
    };
    const findings = ofRule((await jsonFindings(files)).findings, RULE);
    assert.deepEqual(
      findings.map((f) => textAt(files['listener.json'], f)),
      ['"X-Forwarded-ELB-IP": true', '"X-Forwarded-TLS-Protocol": true'],
    );
    assert.match(findings[0].message, /does not speak HTTP/);
    const { files: fixed, findings: after } = await fixAndReanalyse(files, findings[0], /Remove/);
    assert.equal(ofRule(after, RULE).length, 1);
    assert.deepEqual((JSON.parse(fixed['listener.json']) as { listener: { insert_headers: unknown } }).listener.insert_headers, {
      'X-Forwarded-Host': false,
      'X-Forwarded-TLS-Protocol': true,
    });
  });

  test('fires on proxy_protocol_enable on a non-TLS listener; the fix removes it', async () => {
    const files = { 'listeners.json': json({ listeners: [{ protocol: 'HTTP', proxy_protocol_enable: true }] }) };
    const [finding] = ofRule((await jsonFindings(files)).findings, RULE);
    assert.equal(textAt(files['listeners.json'], finding), '"proxy_protocol_enable": true');
    const { findings: after } = await fixAndReanalyse(files, finding, /Remove/);
    assert.equal(ofRule(after, RULE).length, 0);
  });

  test('does not fire for headers that are off, headers on HTTP, proxy protocol on TLS, or an unknown protocol', async () => {
    for (const listener of [
      { protocol: 'TCP', insert_headers: { 'X-Forwarded-ELB-IP': false } },
      { protocol: 'TCP', insert_headers: null },
      { protocol: 'HTTP', insert_headers: { 'X-Forwarded-ELB-IP': true, 'X-Real-IP': true } },
      { protocol: 'TERMINATED_HTTPS', insert_headers: { 'X-Forwarded-Host': true } },
      { protocol: 'TLS', proxy_protocol_enable: true },
      { insert_headers: { 'X-Forwarded-ELB-IP': true }, proxy_protocol_enable: true, protocol_port: 80 },
    ]) {
      assert.equal(ofRule((await jsonFindings({ 'l.json': listenerBody(listener) })).findings, RULE).length, 0, JSON.stringify(listener));
    }
  });
});

describe('client-ip-unsupported-argument (JSON)', () => {
  test('never fires: every API listener has transparent_client_ip_enable', async () => {
    const files = { 'l.json': listenerBody({ protocol: 'HTTPS', transparent_client_ip_enable: true }) };
    assert.equal(ofRule((await jsonFindings(files)).findings, 'client-ip-unsupported-argument').length, 0);
  });
});
