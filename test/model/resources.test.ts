import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildClientIpMap, viewSource } from '../../server/src/graph';
import type { ElbModel } from '../../server/src/model/elb';
import { analyze, memoryService, memPath, ofRule, textAt, withCursor } from '../helpers';

/** The model of one in-memory Terraform module, and the service that built it. */
async function modelOf(text: string) {
  const { service } = await memoryService({ 'main.tf': text });
  const [view] = service.models(memPath('main.tf'));
  assert.ok(view, 'a model');
  return { model: view.model as ElbModel, service, views: service.models(memPath('main.tf')) };
}

async function hoverAt(source: string): Promise<string> {
  const { text, position } = withCursor(source);
  const { service } = await memoryService({ 'main.tf': text });
  return service.hover(memPath('main.tf'), position)?.markdown ?? '';
}

const DEDICATED_LB = 'resource "huaweicloud_elb_loadbalancer" "lb" {\n  name = "lb"\n}\n';

describe('huaweicloud_elb_listener_copy: a dedicated listener, its protocol from the copied listener', () => {
  const copy = (extra = '') => `${DEDICATED_LB}
resource "huaweicloud_elb_listener" "src" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "TCP"
  protocol_port   = 80
}

resource "huaweicloud_elb_listener_copy" "c" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  listener_id     = huaweicloud_elb_listener.src.id
  ${extra}
}
`;

  test('model: dedicated, protocol copied, always on; unknown protocol when the source is elsewhere', async () => {
    const { model } = await modelOf(copy());
    const listener = model.listeners.find((l) => l.type === 'huaweicloud_elb_listener_copy');
    assert.ok(listener);
    assert.equal(listener.kind, 'dedicated');
    assert.equal(listener.protocol, 'TCP');
    assert.equal(listener.argType, 'string');
    assert.equal(listener.clientIp.reason, 'always-on');
    const elsewhere = await modelOf('resource "huaweicloud_elb_listener_copy" "c" {\n  listener_id = var.src\n}\n');
    assert.equal(elsewhere.model.listeners[0].protocol, undefined);
  });

  test('rules: "false" is always-on, nat64 together with transfer conflicts, header switches on the copied TCP are ineffective', async () => {
    const findings = await analyze({
      'main.tf': copy('transparent_client_ip_enable = "false"\n  forward_eip = true'),
    });
    assert.equal(ofRule(findings, 'client-ip-always-on').length, 1);
    assert.equal(ofRule(findings, 'client-ip-ineffective-option').length, 1);
    const nat = await analyze({ 'main.tf': copy('transparent_client_ip_enable = "true"\n  nat64_enable = "true"') });
    assert.equal(ofRule(nat, 'client-ip-nat64-conflict').length, 1);
  });

  test('hover on the copy names its state', async () => {
    const markdown = await hoverAt(copy().replace('"huaweicloud_elb_listener_copy" "c"', '"huaweicloud_elb_listener_copy" "|c"'));
    assert.match(markdown, /^\*\*Transfer Client IP Address: always on\*\*/);
    assert.match(markdown, /\(dedicated\) · TCP/);
  });
});

describe('huaweicloud_elb_loadbalancer_copy: a dedicated load balancer whose cross_vpc_backend is a string', () => {
  const module = (crossVpc: string) => `resource "huaweicloud_elb_loadbalancer_copy" "lb" {
  loadbalancer_id   = "src"
  cross_vpc_backend = ${crossVpc}
}

resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = huaweicloud_elb_loadbalancer_copy.lb.id
  protocol        = "TCP"
}

resource "huaweicloud_elb_pool" "p" {
  listener_id = huaweicloud_elb_listener.l.id
  protocol    = "TCP"
}

resource "huaweicloud_elb_member" "m" {
  pool_id = huaweicloud_elb_pool.p.id
  address = "172.16.0.9"
}
`;

  test('model: dedicated, IP backends read from the string', async () => {
    const { model } = await modelOf(module('"true"'));
    assert.equal(model.loadBalancers[0].kind, 'dedicated');
    assert.equal(model.listeners[0].kind, 'dedicated');
    assert.equal(model.loadBalancers[0].ipBackendsEnabled, 'true');
  });

  test('rules: a member without subnet_id is an IP backend behind it', async () => {
    const text = module('"true"');
    const [finding] = ofRule(await analyze({ 'main.tf': text }), 'client-ip-ip-backend');
    assert.ok(finding);
    assert.equal(textAt(text, finding), 'address = "172.16.0.9"');
  });
});

describe('huaweicloud_elb_active_standby_pool: inline members', () => {
  const module = `${DEDICATED_LB}
resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "TCP"
  default_pool_id = huaweicloud_elb_active_standby_pool.p.id
}

resource "huaweicloud_elb_active_standby_pool" "p" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "TCP"

  members {
    address       = "192.168.0.10"
    role          = "master"
    subnet_id     = "subnet-1"
    protocol_port = 5432
  }

  members {
    address       = "10.50.0.10"
    role          = "slave"
    protocol_port = 5432
  }
}
`;

  test('model: one member per block, the one without subnet_id an IP backend', async () => {
    const { model } = await modelOf(module);
    const members = model.members.map((m) => [m.address, m.isIpBackend, m.port, m.pool?.address]);
    assert.deepEqual(members, [
      ['huaweicloud_elb_active_standby_pool.p.members[0]', false, 5432, 'huaweicloud_elb_active_standby_pool.p'],
      ['huaweicloud_elb_active_standby_pool.p.members[1]', true, 5432, 'huaweicloud_elb_active_standby_pool.p'],
    ]);
  });

  test('rules: client-ip-ip-backend on the address of the member without subnet_id', async () => {
    const findings = ofRule(await analyze({ 'main.tf': module }), 'client-ip-ip-backend');
    assert.equal(findings.length, 1);
    assert.equal(textAt(module, findings[0]), 'address       = "10.50.0.10"');
  });

  test('hover on an inline member, and the map draws both', async () => {
    const markdown = await hoverAt(module.replace('address       = "10.50.0.10"', 'addr|ess       = "10.50.0.10"'));
    assert.match(markdown, /^\*\*Member `huaweicloud_elb_active_standby_pool\.p\.members\[1\]`\*\* — IP backend/);
    const { views } = await modelOf(module);
    const map = buildClientIpMap(views.map((v) => viewSource(v, () => 'x')));
    const labels = map.nodes.map((n) => n.label.split('\n')[0]);
    assert.ok(
      labels.some((l) => l.includes('members[1]')),
      labels.join(' | '),
    );
  });
});

describe('gateway load balancers: IP listeners are out of scope', () => {
  const module = `resource "huaweicloud_elb_loadbalancer" "gw" {
  loadbalancer_type = "gateway"
}

resource "huaweicloud_elb_listener" "ip" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.gw.id
  protocol                     = "IP"
  transparent_client_ip_enable = "false"
}

resource "huaweicloud_elb_pool" "p" {
  listener_id = huaweicloud_elb_listener.ip.id
  protocol    = "IP"
  type        = "ip"
}

resource "huaweicloud_elb_member" "m" {
  pool_id = huaweicloud_elb_pool.p.id
  address = "192.168.3.4"
}
`;

  test('model: the listener state is unknown, the member is not an IP backend', async () => {
    const { model } = await modelOf(module);
    assert.equal(model.loadBalancers[0].gateway, true);
    assert.equal(model.listeners[0].clientIp.state, 'unknown');
    assert.match(model.listeners[0].clientIp.explanation, /gateway load balancers/);
    assert.equal(model.members[0].isIpBackend, false);
  });

  test('rules: no client-IP finding on the listener, pool or member', async () => {
    const findings = await analyze({ 'main.tf': module });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      [],
    );
  });

  test('hover on the IP listener says it is not judged', async () => {
    const markdown = await hoverAt(module.replace('"huaweicloud_elb_listener" "ip"', '"huaweicloud_elb_listener" "i|p"'));
    assert.match(markdown, /Transfer Client IP Address: unknown\*\* — IP listeners belong to gateway load balancers/);
  });
});

describe('flexibleengine_lb_listener_v3: the arguments of the 1.57.0 Huawei listener', () => {
  const listener = (line: string, protocol = 'HTTP') =>
    `resource "flexibleengine_lb_listener_v3" "l" {\n  loadbalancer_id = "lb"\n  protocol        = "${protocol}"\n  ${line}\n}\n`;

  test('real_ip, forward_elb, forward_proto, proxy_protocol_enable, nat64_enable are unsupported arguments', async () => {
    for (const name of ['real_ip', 'forward_elb', 'forward_proto', 'proxy_protocol_enable', 'nat64_enable']) {
      const text = listener(`${name} = true`);
      const findings = ofRule(await analyze({ 'main.tf': text }), 'client-ip-unsupported-argument');
      assert.equal(findings.length, 1, name);
      assert.equal(textAt(text, findings[0]), name);
      assert.match(findings[0].message, new RegExp(`^flexibleengine_lb_listener_v3 has no argument ${name}, so Terraform rejects`));
      assert.equal(findings[0].fixes[0].title, `Remove ${name}`);
    }
  });

  test('forward_eip, forward_port, forward_request_port, forward_host exist: silent on HTTP, ineffective on TCP', async () => {
    for (const name of ['forward_eip', 'forward_port', 'forward_request_port', 'forward_host']) {
      assert.deepEqual(await analyze({ 'main.tf': listener(`${name} = true`) }), [], name);
      const tcp = await analyze({ 'main.tf': listener(`${name} = true`, 'TCP') });
      assert.deepEqual(
        tcp.map((f) => f.ruleId),
        ['client-ip-ineffective-option'],
        name,
      );
    }
  });
});

describe('Kubernetes: kubernetes.io/elb.acl-* annotations are the Service’s white list', () => {
  const manifest = (acl: string[]) =>
    [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    kubernetes.io/elb.class: union',
      ...acl.map((a) => `    ${a}`),
      'spec:',
      '  type: LoadBalancer',
      '  ports:',
      '  - port: 80',
      '    protocol: TCP',
      '',
    ].join('\n');

  async function accessControl(acl: string[]) {
    const { service } = await memoryService({ 'svc.yaml': manifest(acl) });
    return service.models(memPath('svc.yaml'))[0]?.model.listeners[0]?.accessControl;
  }

  test('on, white, with a group: a white list; off, black, no group: none; unreadable: unknown', async () => {
    assert.equal(
      await accessControl(['kubernetes.io/elb.acl-id: ipg-1', 'kubernetes.io/elb.acl-status: "on"', 'kubernetes.io/elb.acl-type: white']),
      'white-list',
    );
    assert.equal(await accessControl([]), 'none');
    assert.equal(
      await accessControl(['kubernetes.io/elb.acl-id: ipg-1', 'kubernetes.io/elb.acl-status: "off"', 'kubernetes.io/elb.acl-type: white']),
      'none',
    );
    assert.equal(
      await accessControl(['kubernetes.io/elb.acl-id: ipg-1', 'kubernetes.io/elb.acl-status: "on"', 'kubernetes.io/elb.acl-type: black']),
      'none',
    );
    assert.equal(
      await accessControl(['kubernetes.io/elb.acl-id: ""', 'kubernetes.io/elb.acl-status: "on"', 'kubernetes.io/elb.acl-type: white']),
      'none',
    );
    assert.equal(await accessControl(['kubernetes.io/elb.acl-id: ipg-1']), undefined);
  });
});
