import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildClientIpMap, viewSource, type ClientIpMap, type MapNode } from '../../server/src/graph';
import type { AnalysisOptions } from '../../server/src/core/options';
import { memPath, memoryService } from '../helpers';

/** The map of the in-memory module of `first` (every root reaching it). */
async function mapOf(files: Record<string, string>, first = Object.keys(files)[0], options: AnalysisOptions = {}): Promise<ClientIpMap> {
  const { service } = await memoryService(files);
  return buildClientIpMap(service.models(memPath(first), options).map((v) => viewSource(v, (root) => root)));
}

function node(map: ClientIpMap, label: string): MapNode {
  const found = map.nodes.find((n) => n.label === label);
  assert.ok(found, `no node ${label}; nodes: ${map.nodes.map((n) => n.label).join(', ')}`);
  return found;
}

function edgesInto(map: ClientIpMap, label: string) {
  const id = node(map, label).id;
  return map.edges.filter((e) => e.to === id);
}

const DEDICATED = `
resource "huaweicloud_elb_loadbalancer" "lb" {
  name           = "lb"
  ipv4_subnet_id = "subnet-1"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "HTTP"
  default_pool_id = huaweicloud_elb_pool.web.id
}

resource "huaweicloud_elb_pool" "web" {
  protocol = "HTTP"
}

resource "huaweicloud_elb_member" "server" {
  pool_id   = huaweicloud_elb_pool.web.id
  address   = "192.168.0.10"
  subnet_id = "subnet-1"
}

resource "huaweicloud_elb_member" "partner" {
  pool_id = huaweicloud_elb_pool.web.id
  address = "10.20.0.7"
}

resource "huaweicloud_elb_listener" "tls" {
  loadbalancer_id       = huaweicloud_elb_loadbalancer.lb.id
  protocol              = "TLS"
  proxy_protocol_enable = true
  default_pool_id       = huaweicloud_elb_pool.tls.id
}

resource "huaweicloud_elb_pool" "tls" {
  protocol = "TCP"
  type     = "ip"
}

resource "huaweicloud_elb_member" "relay" {
  pool_id = huaweicloud_elb_pool.tls.id
  address = "10.20.0.8"
}
`;

describe('client-IP map', () => {
  test('client → load balancer → listener → pool → backend, labelled with the addresses written', async () => {
    const map = await mapOf({ 'main.tf': DEDICATED });
    assert.equal(map.groups.length, 1);
    assert.deepEqual(
      map.nodes.map((n) => `${n.kind}:${n.label}`),
      [
        'client:client',
        'loadbalancer:huaweicloud_elb_loadbalancer.lb',
        'listener:huaweicloud_elb_listener.web',
        'listener:huaweicloud_elb_listener.tls',
        'pool:huaweicloud_elb_pool.web',
        'pool:huaweicloud_elb_pool.tls',
        'member:huaweicloud_elb_member.server',
        'member:huaweicloud_elb_member.partner',
        'member:huaweicloud_elb_member.relay',
      ],
    );
    const id = (label: string) => node(map, label).id;
    const pairs = map.edges.map((e) => `${e.from}>${e.to}:${e.kind}`);
    assert.ok(pairs.includes(`${id('client')}>${id('huaweicloud_elb_loadbalancer.lb')}:client`));
    assert.ok(pairs.includes(`${id('huaweicloud_elb_loadbalancer.lb')}>${id('huaweicloud_elb_listener.web')}:listener`));
    assert.ok(pairs.includes(`${id('huaweicloud_elb_listener.web')}>${id('huaweicloud_elb_pool.web')}:pool`));
    assert.ok(pairs.includes(`${id('huaweicloud_elb_pool.web')}>${id('huaweicloud_elb_member.partner')}:backend`));
    const listener = node(map, 'huaweicloud_elb_listener.web');
    assert.equal(listener.lbKind, 'dedicated');
    assert.deepEqual(listener.clientIp?.state, 'on');
    assert.equal(listener.clientIp?.reason, 'always-on');
    assert.match(listener.clientIp?.explanation ?? '', /dedicated load balancers always pass the client IP on/);
    assert.equal(listener.location?.range.start.line, 6);
    assert.equal(listener.location?.file, memPath('main.tf'));
  });

  test('what each backend receives: the client address, X-Forwarded-For only, Proxy Protocol only', async () => {
    const map = await mapOf({ 'main.tf': DEDICATED });
    assert.equal(edgesInto(map, 'huaweicloud_elb_member.server')[0].receives, 'client-address');
    assert.deepEqual(node(map, 'huaweicloud_elb_member.server').details, ['server backend · 192.168.0.10', 'gets: the client’s address']);
    const partner = edgesInto(map, 'huaweicloud_elb_member.partner')[0];
    assert.equal(partner.receives, 'x-forwarded-for');
    assert.equal(partner.severity, 'warning', 'the IP-backend finding marks the edge');
    assert.deepEqual(
      partner.findings.map((f) => f.ruleId),
      ['client-ip-ip-backend'],
    );
    assert.equal(node(map, 'huaweicloud_elb_member.partner').severity, 'warning');
    assert.equal(edgesInto(map, 'huaweicloud_elb_member.relay')[0].receives, 'proxy-protocol');
    assert.deepEqual(node(map, 'huaweicloud_elb_pool.tls').details, ['pool of IP backends only']);
  });

  test('a shared TCP listener left off: the backend sees the 100.125.0.0/16 address', async () => {
    const map = await mapOf({
      'main.tf': `
resource "opentelekomcloud_lb_loadbalancer_v2" "lb" {
  vip_subnet_id = "s"
}

resource "opentelekomcloud_lb_listener_v2" "ssh" {
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v2.lb.id
  protocol        = "TCP"
  protocol_port   = 22
}

resource "opentelekomcloud_lb_pool_v2" "ssh" {
  listener_id = opentelekomcloud_lb_listener_v2.ssh.id
  protocol    = "TCP"
}

resource "opentelekomcloud_lb_member_v2" "bastion" {
  pool_id   = opentelekomcloud_lb_pool_v2.ssh.id
  address   = "192.168.0.30"
  subnet_id = "s"
}
`,
    });
    const listener = node(map, 'opentelekomcloud_lb_listener_v2.ssh');
    assert.deepEqual(listener.details, ['TCP · client IP: off (default)']);
    assert.deepEqual(
      listener.findings.map((f) => f.ruleId),
      ['client-ip-shared-l4-off'],
    );
    assert.equal(listener.severity, 'information');
    const [backend] = edgesInto(map, 'opentelekomcloud_lb_member_v2.bastion');
    assert.equal(backend.receives, 'lb-address');
    assert.ok(node(map, 'opentelekomcloud_lb_member_v2.bastion').details.includes('gets: the LB’s 100.125.0.0/16 address'));
  });

  test('unknown values are drawn as unknown, not guessed', async () => {
    const map = await mapOf({
      'main.tf': `
variable "protocol" {}
variable "lb_id" {}

resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id              = var.lb_id
  protocol                     = "TCP"
  transparent_client_ip_enable = var.protocol
}

resource "huaweicloud_lb_pool" "p" {
  listener_id = huaweicloud_lb_listener.l.id
  protocol    = "TCP"
}

resource "huaweicloud_lb_member" "m" {
  pool_id   = huaweicloud_lb_pool.p.id
  address   = "192.168.0.9"
  subnet_id = "s"
}
`,
    });
    const listener = node(map, 'huaweicloud_lb_listener.l');
    assert.equal(listener.unknown, true);
    assert.equal(listener.clientIp?.state, 'unknown');
    assert.deepEqual(listener.findings, []);
    // The listener's type says shared, but no load balancer is in the files: an unknown one stands in.
    const lb = map.nodes.find((n) => n.kind === 'loadbalancer')!;
    assert.equal(lb.unknown, true);
    assert.equal(lb.location, undefined);
    const [backend] = edgesInto(map, 'huaweicloud_lb_member.m');
    assert.equal(backend.receives, 'unknown');
    assert.equal(backend.unknown, true);
  });

  test('module instances and count instances are nodes of their own, named by their addresses', async () => {
    const map = await mapOf(
      {
        'live/main.tf': `
resource "huaweicloud_lb_loadbalancer" "edge" {
  vip_subnet_id = "s"
}

module "syslog" {
  source   = "../syslog"
  protocol = "UDP"
  lb_id    = huaweicloud_lb_loadbalancer.edge.id
}

module "web" {
  source = "../syslog"
  lb_id  = huaweicloud_lb_loadbalancer.edge.id
}
`,
        'syslog/main.tf': `
variable "protocol" {
  default = "HTTP"
}
variable "lb_id" {}

resource "huaweicloud_lb_listener" "this" {
  count           = 2
  loadbalancer_id = var.lb_id
  protocol        = var.protocol
}
`,
      },
      'syslog/main.tf',
    );
    assert.deepEqual(
      map.nodes.filter((n) => n.kind === 'listener').map((n) => `${n.label}: ${n.details[0]}`),
      [
        'module.syslog.huaweicloud_lb_listener.this[0]: UDP · client IP: off (default)',
        'module.syslog.huaweicloud_lb_listener.this[1]: UDP · client IP: off (default)',
        'module.web.huaweicloud_lb_listener.this[0]: HTTP · client IP: always on',
        'module.web.huaweicloud_lb_listener.this[1]: HTTP · client IP: always on',
      ],
    );
    // Each instance carries its own finding (the merged diagnostic names the other instance).
    for (const label of ['module.syslog.huaweicloud_lb_listener.this[0]', 'module.syslog.huaweicloud_lb_listener.this[1]']) {
      assert.deepEqual(
        node(map, label).findings.map((f) => f.ruleId),
        ['client-ip-shared-l4-off'],
      );
    }
    assert.deepEqual(node(map, 'module.web.huaweicloud_lb_listener.this[0]').findings, []);
    // The child's listeners hang off the root's load balancer.
    const lb = node(map, 'huaweicloud_lb_loadbalancer.edge');
    assert.equal(map.edges.filter((e) => e.from === lb.id && e.kind === 'listener').length, 4);
    assert.equal(map.groups[0].name, memPath('live'));
  });

  test('the same-server loop: a backend whose server calls the load balancer gets an edge back to it', async () => {
    const map = await mapOf({
      'main.tf': `
resource "huaweicloud_elb_loadbalancer" "lb" {
  ipv4_subnet_id = "s"
}

resource "huaweicloud_elb_listener" "api" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "TCP"
  default_pool_id = huaweicloud_elb_pool.api.id
}

resource "huaweicloud_elb_pool" "api" {
  protocol = "TCP"
}

resource "huaweicloud_compute_instance" "worker" {
  user_data = "curl http://\${huaweicloud_elb_loadbalancer.lb.ipv4_address}/"
}

resource "huaweicloud_elb_member" "worker" {
  pool_id   = huaweicloud_elb_pool.api.id
  address   = huaweicloud_compute_instance.worker.access_ip_v4
  subnet_id = "s"
}
`,
    });
    const loop = map.edges.find((e) => e.kind === 'same-server');
    assert.ok(loop, 'a loop edge');
    assert.equal(loop.from, node(map, 'huaweicloud_elb_member.worker').id);
    assert.equal(loop.to, node(map, 'huaweicloud_elb_loadbalancer.lb').id);
    assert.equal(loop.severity, 'warning');
    assert.deepEqual(
      loop.findings.map((f) => f.ruleId),
      ['client-ip-same-server'],
    );
    // The backend still receives the client address; the loop is what breaks.
    assert.equal(edgesInto(map, 'huaweicloud_elb_member.worker').find((e) => e.kind === 'backend')?.severity, undefined);
  });

  test('findings follow the rule settings and inline suppressions', async () => {
    const files = { 'main.tf': DEDICATED };
    const off = await mapOf(files, 'main.tf', { rules: { 'client-ip-ip-backend': 'off' } });
    assert.equal(node(off, 'huaweicloud_elb_member.partner').severity, undefined);
    assert.equal(edgesInto(off, 'huaweicloud_elb_member.partner')[0].severity, undefined);
    const error = await mapOf(files, 'main.tf', { rules: { 'client-ip-ip-backend': 'error' } });
    assert.equal(node(error, 'huaweicloud_elb_member.partner').severity, 'error');
    const suppressed = await mapOf({
      'main.tf': DEDICATED.replace(
        'resource "huaweicloud_elb_member" "partner" {',
        '# elb-lens-ignore: client-ip-ip-backend -- reads X-Forwarded-For\nresource "huaweicloud_elb_member" "partner" {',
      ),
    });
    assert.deepEqual(node(suppressed, 'huaweicloud_elb_member.partner').findings, []);
    assert.equal(node(suppressed, 'huaweicloud_elb_pool.tls').severity, 'warning', 'a comment above another block suppresses nothing here');
  });

  test('ELB API JSON: nodes are named by file, JSON path and name', async () => {
    const map = await mapOf({
      'listeners.json': JSON.stringify({
        listeners: [{ id: 'l1', name: 'game', protocol: 'UDP', loadbalancer_id: 'lb1', default_pool_id: 'p1' }],
      }),
      'loadbalancers.json': JSON.stringify({ loadbalancers: [{ id: 'lb1', name: 'edge', guaranteed: false }] }),
      'pools.json': JSON.stringify({ pools: [{ id: 'p1', name: 'game', protocol: 'UDP', listener_id: 'l1' }] }),
      'members.json': JSON.stringify({
        members: [{ id: 'm1', address: '192.168.1.5', protocol_port: 7777, pool_id: 'p1', subnet_cidr_id: 's' }],
      }),
    });
    assert.equal(map.groups[0].source, 'elb-json');
    assert.deepEqual(
      map.nodes.map((n) => n.label),
      [
        'client',
        'loadbalancers.json: loadbalancers[0] "edge"',
        'listeners.json: listeners[0] "game"',
        'pools.json: pools[0] "game"',
        'members.json: members[0] 192.168.1.5:7777',
      ],
    );
    const listener = node(map, 'listeners.json: listeners[0] "game"');
    assert.deepEqual(listener.details, ['UDP · client IP: off (default)']);
    assert.equal(listener.severity, 'information');
    assert.equal(edgesInto(map, 'members.json: members[0] 192.168.1.5:7777')[0].receives, 'lb-address');
  });

  test('several sources are several groups, with ids unique across the map', async () => {
    const { service } = await memoryService({ 'a/main.tf': DEDICATED, 'b/main.tf': DEDICATED });
    const views = [...service.models(memPath('a/main.tf')), ...service.models(memPath('b/main.tf'))];
    const map = buildClientIpMap(views.map((v) => viewSource(v, (root) => root.slice(root.lastIndexOf('/') + 1))));
    assert.deepEqual(
      map.groups.map((g) => g.name),
      ['a', 'b'],
    );
    assert.equal(new Set(map.nodes.map((n) => n.id)).size, map.nodes.length);
    for (const edge of map.edges) {
      const from = map.nodes.find((n) => n.id === edge.from)!;
      const to = map.nodes.find((n) => n.id === edge.to)!;
      assert.equal(from.group, to.group, 'edges stay inside their group');
    }
  });
});
