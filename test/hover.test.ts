import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HoverResult } from '../server/src/core/types';
import type { AnalysisOptions } from '../server/src/core/options';
import { memoryService, memPath, withCursor } from './helpers';

/** Hover at the `|` of `source` (main.tf), with other files of the module alongside. */
async function hoverResult(
  source: string,
  extra: Record<string, string> = {},
  options?: AnalysisOptions,
): Promise<HoverResult | undefined> {
  const { text, position } = withCursor(source);
  const { service } = await memoryService({ 'main.tf': text, ...extra });
  return service.hover(memPath('main.tf'), position, options);
}

async function hoverAt(source: string, extra: Record<string, string> = {}, options?: AnalysisOptions): Promise<string | undefined> {
  return (await hoverResult(source, extra, options))?.markdown;
}

/** `source` with the cursor placed `offset` characters into the first occurrence of `marker`. */
function cursorIn(source: string, marker: string, offset = 2): string {
  const index = source.indexOf(marker);
  assert.ok(index >= 0, `marker ${marker} not in the source`);
  return source.slice(0, index + offset) + '|' + source.slice(index + offset);
}

async function hoverOn(source: string, marker: string, extra: Record<string, string> = {}): Promise<string> {
  const markdown = await hoverAt(cursorIn(source, marker), extra);
  assert.ok(markdown, `no hover on ${marker}`);
  return markdown;
}

const DOCS_LINK = /\[About client IP transfer\]\(docs\/rules\/README\.md\)/;
/** A listener's hover keeps what holds for every listener on the page behind this link. */
const LISTENER_DOCS_LINK = /\[More: limits while it is on, caveats\]\(docs\/rules\/README\.md\)$/;
const MIGRATION = /migrated; senders must retransmit/;
const INTERRUPTION = /interrupts traffic for about ten seconds/;

const DEDICATED = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  name                         = "web"
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false"
  default_pool_id              = huaweicloud_elb_pool.p.id

  description = "x"
}

resource "huaweicloud_elb_pool" "p" {
  protocol = "HTTP"
}

resource "huaweicloud_elb_member" "ip" {
  pool_id = huaweicloud_elb_pool.p.id
  address = "172.16.0.1"
}

resource "huaweicloud_elb_member" "vm" {
  pool_id   = huaweicloud_elb_pool.p.id
  address   = "192.168.0.5"
  subnet_id = "s"
}

resource "huaweicloud_vpc" "vpc" {
  name = "vpc"
  cidr = "192.168.0.0/16"
}
`;

const SHARED_TCP = `resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_subnet_id = "x"
}

resource "huaweicloud_lb_listener" "tcp" {
  loadbalancer_id = huaweicloud_lb_loadbalancer.lb.id
  protocol        = "TCP"
  default_pool_id = huaweicloud_lb_pool.p.id
}

resource "huaweicloud_lb_pool" "p" {
  protocol = "TCP"
}

resource "huaweicloud_lb_member" "m" {
  pool_id   = huaweicloud_lb_pool.p.id
  address   = "192.168.0.10"
  subnet_id = "s"
}
`;

describe('hover on a listener', () => {
  test('its label: always on (dedicated), which backends get the client IP, alternatives, constraints, no interruption note', async () => {
    const result = await hoverResult(cursorIn(DEDICATED, '"web"'));
    assert.ok(result);
    const { markdown, range } = result;
    assert.match(
      markdown,
      /^\*\*Transfer Client IP Address: always on\*\* — dedicated load balancers always pass the client IP on, for every protocol\./,
    );
    assert.match(markdown, /- Load balancer `huaweicloud_elb_loadbalancer\.lb` \(dedicated\) · HTTP\n/);
    assert.match(
      markdown,
      /`huaweicloud_elb_member\.ip`: does \*\*not\*\* receive it \(it has no `subnet_id`, so it is added by IP address\)/,
    );
    assert.match(markdown, /`huaweicloud_elb_member\.vm`: receives it/);
    assert.match(markdown, /X-Forwarded-For/);
    assert.match(markdown, /X-Real-IP/, 'Huawei dedicated listeners can add X-Real-IP');
    // What holds for every listener with transfer on is on the page behind the link.
    assert.doesNotMatch(markdown, MIGRATION);
    // Layer 7: the groups see the load balancer, never the clients.
    assert.match(markdown, /Backend security groups must admit the load balancer’s backend subnet on the backend and health-check ports/);
    assert.doesNotMatch(markdown, /admit the clients/);
    assert.doesNotMatch(markdown, /specifications \(flavor\) of backend servers cannot be changed/);
    assert.doesNotMatch(markdown, INTERRUPTION, 'it cannot be switched here');
    assert.match(markdown, LISTENER_DOCS_LINK);
    const { text } = withCursor(cursorIn(DEDICATED, '"web"'));
    const line = text.split('\n')[range.start.line];
    assert.equal(
      line.slice(range.start.character, range.end.character),
      '"huaweicloud_elb_listener" "web"',
      'the range is the block header',
    );
  });

  test('its client IP argument written false where it cannot be turned off: says it has no effect', async () => {
    const result = await hoverResult(cursorIn(DEDICATED, 'transparent_client_ip_enable'));
    assert.ok(result);
    assert.match(result.markdown, /Written: `transparent_client_ip_enable` = false \(no effect here\)/);
    assert.match(result.markdown, /always on/);
    assert.deepEqual(result.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 40 } }, 'the range is the attribute');
  });

  test('its protocol on a shared TCP listener: off by default, backends do not get it, no alternative, switching interrupts', async () => {
    const markdown = await hoverOn(SHARED_TCP, 'protocol        = "TCP"');
    assert.match(markdown, /^\*\*Transfer Client IP Address: off\*\* — shared TCP listeners leave it off unless it is set to true\./);
    assert.match(markdown, /`huaweicloud_lb_member\.m`: would receive it when on/);
    assert.match(markdown, /none in the load balancer for TCP/);
    assert.match(markdown, /TOA kernel module/, 'Huawei documents TOA for TCP where transfer cannot work');
    assert.match(markdown, /Backend security groups must admit 100\.125\.0\.0\/16/, 'while off, the groups see the load balancer');
    assert.match(markdown, INTERRUPTION);
    assert.doesNotMatch(markdown, /While it is on/, 'the constraints of an on state are not listed when it is off');
  });

  test('explicit on and off on shared UDP listeners', async () => {
    const listener = (value: string) => `resource "huaweicloud_lb_listener" "u|dp" {
  protocol                     = "UDP"
  transparent_client_ip_enable = ${value}
}
`;
    const on = await hoverAt(listener('"true"'));
    assert.match(on ?? '', /^\*\*Transfer Client IP Address: on\*\* — it is set to true on this shared UDP listener\./);
    assert.match(on ?? '', /Written: `transparent_client_ip_enable` = true/);
    assert.match(on ?? '', INTERRUPTION);
    assert.match(
      on ?? '',
      /Backend security groups and network ACLs do not filter this Layer-4 traffic.*restrict clients with the listener’s access control/,
    );
    assert.match(on ?? '', /Swiss region and Huawei Cloud’s Europe site appear to accept only true/);
    assert.match(on ?? '', /NAT gateway/);
    const off = await hoverAt(listener('"false"'));
    assert.match(off ?? '', /^\*\*Transfer Client IP Address: off\*\* — it is set to false on this shared UDP listener\./);
    const bool = await hoverAt(listener('true').replace('huaweicloud_lb_listener', 'flexibleengine_lb_listener_v2'));
    assert.match(bool ?? '', /Transfer Client IP Address: on\*\* — it is set to true/);
  });

  test('an unknown value: says it is unknown and what it depends on', async () => {
    const source = `resource "huaweicloud_lb_listener" "tcp" {
  loadbalancer_id              = var.lb
  protocol                     = "UDP"
  transparent_client|_ip_enable = var.flag
}
`;
    const markdown = await hoverAt(source, { 'v.tf': 'variable "flag" {}\nvariable "lb" {}\n' });
    assert.ok(markdown);
    assert.match(markdown, /^\*\*Transfer Client IP Address: unknown\*\* — its value is only known when Terraform runs\./);
    assert.match(markdown, /var\.flag has no default and no value is given/);
    assert.match(markdown, /\*\*What to do:\*\* give the value/);
    // Given a value, it is known.
    const given = await hoverAt(source, { 'v.tf': 'variable "flag" {}\nvariable "lb" {}\n' }, { variables: { flag: 'true' } });
    assert.match(given ?? '', /Transfer Client IP Address: on\*\*/);
  });

  test('an unknown load balancer kind: says the kind depends on a load balancer outside the module', async () => {
    const markdown = await hoverAt(`resource "opentelekomcloud_lb_listener_v2" "l|x" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
}
`);
    assert.ok(markdown);
    assert.match(
      markdown,
      /^\*\*Transfer Client IP Address: unknown\*\* — the load balancer this listener belongs to is not in this module, so its kind \(shared or dedicated\) is unknown/,
    );
    assert.match(markdown, /Load balancer: unknown \(its load balancer is not in this module/);
  });

  test('an unknown protocol: the alternatives depend on it', async () => {
    const markdown = await hoverAt(`resource "huaweicloud_lb_listener" "l|x" {
  protocol = var.protocol
}
`);
    assert.match(markdown ?? '', /Transfer Client IP Address: unknown\*\* — the protocol is unknown/);
    assert.match(markdown ?? '', / · protocol unknown\n/);
    assert.match(markdown ?? '', /depend on the protocol, which is unknown/);
  });

  test('alternatives per protocol: X-Forwarded-For for HTTP/HTTPS, Proxy Protocol for TLS, none for TCP/UDP', async () => {
    const alternatives = async (type: string, protocol: string) => {
      const markdown = await hoverAt(`resource "${type}" "l|x" {\n  protocol = "${protocol}"\n}\n`);
      assert.ok(markdown, `${type} ${protocol}`);
      return /\*\*Other ways to get it:\*\* (.*)/.exec(markdown)?.[1] ?? '';
    };
    assert.match(await alternatives('huaweicloud_elb_listener', 'HTTPS'), /`X-Forwarded-For`.*`X-Real-IP` \(`real_ip = true`\)/);
    assert.match(
      await alternatives('huaweicloud_lb_listener', 'TERMINATED_HTTPS'),
      /^the `X-Forwarded-For` header, which TERMINATED_HTTPS listeners always add\.$/,
    );
    assert.match(
      await alternatives('opentelekomcloud_lb_listener_v3', 'HTTP'),
      /^the `X-Forwarded-For` header, which HTTP listeners always add\.$/,
    );
    assert.match(await alternatives('huaweicloud_elb_listener', 'TLS'), /^Proxy Protocol \(`proxy_protocol_enable = true`\)/);
    // Shared TCP/UDP listeners, off by default (where transfer is on, an IP backend's own hover says it).
    assert.match(await alternatives('huaweicloud_lb_listener', 'TCP'), /^none in the load balancer for TCP; .*TOA kernel module/);
    assert.match(await alternatives('opentelekomcloud_lb_listener_v2', 'TCP'), /^none documented by Open Telekom Cloud/);
    assert.match(await alternatives('flexibleengine_lb_listener_v2', 'UDP'), /^none: UDP listeners/);
    assert.match(await alternatives('huaweicloud_elb_listener', 'QUIC'), /^none known for QUIC/);
  });

  test('a listener type without the argument says so', async () => {
    const markdown = await hoverAt(`resource "opentelekomcloud_lb_listener_v3" "l|x" {\n  protocol = "TCP"\n}\n`);
    assert.match(markdown ?? '', /always on\*\* — this listener type belongs to dedicated load balancers/);
    assert.match(markdown ?? '', /`opentelekomcloud_lb_listener_v3` has no `transparent_client_ip_enable` argument/);
  });

  test('a shared HTTP listener: always on', async () => {
    const markdown = await hoverAt(`resource "opentelekomcloud_lb_listener_v2" "w|eb" {
  loadbalancer_id = opentelekomcloud_lb_loadbalancer_v2.lb.id
  protocol        = "HTTP"
}

resource "opentelekomcloud_lb_loadbalancer_v2" "lb" {
  vip_subnet_id = "s"
}
`);
    assert.match(markdown ?? '', /always on\*\* — HTTP listeners of shared load balancers always pass the client IP on/);
    assert.doesNotMatch(markdown ?? '', INTERRUPTION);
  });
});

describe('hover on pools, members and load balancers', () => {
  test('a pool: its listeners’ state and which of its members get the client IP', async () => {
    const markdown = await hoverOn(DEDICATED, '"p"');
    assert.match(markdown, /^\*\*Pool `huaweicloud_elb_pool\.p`\*\* — type: not set \(any backend\)/);
    assert.match(markdown, /From `huaweicloud_elb_listener\.web` \(HTTP\): Transfer Client IP Address \*\*always on\*\*/);
    assert.match(markdown, /`huaweicloud_elb_member\.ip`: does \*\*not\*\* receive it/);
    assert.match(markdown, /`huaweicloud_elb_member\.vm`: receives it/);
    assert.match(markdown, DOCS_LINK);
  });

  test('an IP-only pool and a pool without listener', async () => {
    const markdown = await hoverAt(`resource "huaweicloud_elb_pool" "ip|s" {
  type        = "ip"
  listener_id = huaweicloud_elb_listener.tls.id
}

resource "huaweicloud_elb_listener" "tls" {
  protocol = "TLS"
}
`);
    assert.match(markdown ?? '', /type: ip/);
    assert.match(markdown ?? '', /holds only IP backends, which never receive it/);
    assert.match(markdown ?? '', /IP backends never receive the client IP, whatever the listener says/);
    const lonely = await hoverAt('resource "huaweicloud_elb_pool" "p|" {\n  protocol = "TCP"\n}\n');
    assert.match(lonely ?? '', /No listener of this module sends traffic here, so its client IP state is unknown/);
  });

  test('an IP backend member (label and address): does not receive it, with the alternative', async () => {
    const onLabel = await hoverOn(DEDICATED, '"ip"');
    assert.match(
      onLabel,
      /^\*\*Member `huaweicloud_elb_member\.ip`\*\* — IP backend: it has no `subnet_id`, so it is added by IP address\./,
    );
    assert.match(onLabel, /Through `huaweicloud_elb_listener\.web` \(HTTP\): does not receive the client IP \(IP backends never do\)/);
    assert.match(onLabel, /Alternative: the `X-Forwarded-For` header/);
    assert.match(onLabel, /must not also be a client of the same load balancer/);
    const onAddress = await hoverOn(DEDICATED, 'address = "172.16.0.1"');
    assert.equal(onAddress, onLabel);
  });

  test('a server member receives it when on, sees the load balancer’s address when off', async () => {
    assert.match(
      await hoverOn(DEDICATED, '"vm"'),
      /server backend: it has a `subnet_id`.*\n\nThrough `huaweicloud_elb_listener\.web` \(HTTP\): receives the client IP\./s,
    );
    assert.match(
      await hoverOn(SHARED_TCP, '"m"'),
      /Through `huaweicloud_lb_listener\.tcp` \(TCP\): sees the load balancer’s address, not the client’s/,
    );
    const unknown = await hoverOn(SHARED_TCP.replace('protocol        = "TCP"', 'protocol        = var.p'), '"m"');
    assert.match(unknown, /may or may not receive the client IP \(the listener’s state is unknown\)/);
  });

  test('load balancers: dedicated always on, shared depends on the protocol, with each listener’s state', async () => {
    const dedicated = await hoverOn(DEDICATED, '"lb"');
    assert.match(dedicated, /^\*\*Load balancer `huaweicloud_elb_loadbalancer\.lb`\*\* — dedicated\./);
    assert.match(dedicated, /always transfer the client IP, on every listener; it cannot be turned off/);
    assert.match(dedicated, /`huaweicloud_elb_listener\.web` \(HTTP\): always on/);
    const shared = await hoverOn(SHARED_TCP, '"lb"');
    assert.match(shared, /— shared\./);
    assert.match(shared, /on TCP\/UDP listeners it is off unless turned on/);
    assert.match(shared, /`huaweicloud_lb_listener\.tcp` \(TCP\): off/);
  });
});

describe('hover in .tf.json', () => {
  const text = JSON.stringify(
    { resource: { huaweicloud_lb_listener: { tcp: { protocol: 'TCP', name: 'n', transparent_client_ip_enable: 'true' } } } },
    null,
    2,
  );
  const hoverJson = async (marker: string, offset = 2) => {
    const { service } = await memoryService({ 'main.tf.json': text });
    const { position } = withCursor(cursorIn(text, marker, offset));
    return service.hover(memPath('main.tf.json'), position)?.markdown;
  };

  test('on the listener’s key, its protocol and its client IP argument', async () => {
    for (const marker of ['"tcp"', '"protocol"', '"transparent_client_ip_enable"']) {
      assert.match(
        (await hoverJson(marker)) ?? '',
        /^\*\*Transfer Client IP Address: on\*\* — it is set to true on this shared TCP listener/,
        marker,
      );
    }
  });

  test('nothing on other keys', async () => {
    assert.equal(await hoverJson('"name"'), undefined);
    assert.equal(await hoverJson('"resource"'), undefined);
  });
});

describe('no hover elsewhere', () => {
  test('an unrelated attribute, white space, a blank line, a non-ELB resource, a variable, a comment', async () => {
    assert.equal(await hoverAt(cursorIn(DEDICATED, 'name                         = "web"')), undefined, 'name attribute');
    assert.equal(await hoverAt(cursorIn(DEDICATED, 'description')), undefined, 'description attribute');
    assert.equal(await hoverAt(cursorIn(DEDICATED, '\n\n  description', 1)), undefined, 'blank line inside the block');
    assert.equal(await hoverAt(cursorIn(DEDICATED, '}\n\nresource "huaweicloud_elb_pool"', 2)), undefined, 'blank line between blocks');
    assert.equal(await hoverAt(cursorIn(DEDICATED, '"vpc"')), undefined, 'a non-ELB resource');
    assert.equal(await hoverAt(cursorIn(DEDICATED, 'cidr')), undefined, 'inside a non-ELB resource');
    assert.equal(await hoverAt('variable "f|lag" {\n  default = true\n}\n'), undefined, 'a variable');
    assert.equal(await hoverAt('# a comment about huaweicloud_elb_listener.w|eb\n'), undefined, 'a comment');
    assert.equal(await hoverAt('|\n'), undefined, 'an empty file');
    assert.equal(await hoverAt('|'), undefined, 'a file with nothing at all');
  });

  test('a position past the end of the file', async () => {
    const { service } = await memoryService({ 'main.tf': DEDICATED });
    assert.equal(service.hover(memPath('main.tf'), { line: 1000, character: 0 }), undefined);
    assert.equal(service.hover(memPath('other.txt'), { line: 0, character: 0 }), undefined, 'an unsupported file');
  });
});

describe('inlay hints', () => {
  const text = `resource "huaweicloud_elb_listener" "a" {
  protocol = "TCP"
}

resource "huaweicloud_lb_listener" "b" {
  protocol = "UDP"
}

resource "opentelekomcloud_lb_listener_v2" "c" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
}

resource "huaweicloud_lb_listener" "d" {
  protocol                     = "TCP"
  transparent_client_ip_enable = "true"
}

resource "flexibleengine_lb_listener_v2" "e" {
  protocol                     = "UDP"
  transparent_client_ip_enable = false
}

resource "huaweicloud_lb_listener" "f" {
  protocol = "HTTP"
}

resource "opentelekomcloud_lb_listener_v3" "g" {
}
`;

  test('show the effective state after each listener’s protocol (or its header when there is none)', async () => {
    const { service } = await memoryService({ 'main.tf': text });
    const hints = service.inlayHints(memPath('main.tf'), undefined);
    assert.deepEqual(
      hints.map((h) => h.label),
      [
        'client IP: always on (dedicated)',
        'client IP: off (shared UDP default)',
        'client IP: unknown',
        'client IP: on',
        'client IP: off',
        'client IP: always on (shared)',
        'client IP: always on (dedicated)',
      ],
    );
    const lines = text.split('\n');
    assert.deepEqual(hints[0].position, { line: 1, character: lines[1].length }, 'after the protocol value');
    assert.deepEqual(hints[6].position, { line: 27, character: lines[27].indexOf(' {') }, 'after the header labels');
    assert.equal(hints[1].tooltip, 'shared UDP listeners leave it off unless it is set to true');
  });

  test('a shared TCP listener off by default, and only the hints inside the requested range', async () => {
    const { service } = await memoryService({ 'main.tf': SHARED_TCP });
    assert.deepEqual(
      service.inlayHints(memPath('main.tf'), undefined).map((h) => h.label),
      ['client IP: off (shared TCP default)'],
    );
    const { service: many } = await memoryService({ 'main.tf': text });
    const range = { start: { line: 4, character: 0 }, end: { line: 11, character: 0 } };
    assert.deepEqual(
      many.inlayHints(memPath('main.tf'), range).map((h) => h.label),
      ['client IP: off (shared UDP default)', 'client IP: unknown'],
    );
  });

  test('hints belong to their own file of the module', async () => {
    const { service } = await memoryService({
      'main.tf': text,
      'other.tf': SHARED_TCP.replace(/"lb"/g, '"lb2"').replace(/"tcp"|"p"|"m"/g, (m) => m.slice(0, -1) + '2"'),
    });
    assert.equal(service.inlayHints(memPath('main.tf'), undefined).length, 7);
    assert.deepEqual(
      service.inlayHints(memPath('other.tf'), undefined).map((h) => h.label),
      ['client IP: off (shared TCP default)'],
    );
  });
});

describe('hover: platform facts a configuration cannot show', () => {
  test('TLS: not transferred by the listener itself, Proxy Protocol does', async () => {
    const markdown = await hoverAt(`resource "huaweicloud_elb_listener" "l|x" {\n  protocol = "TLS"\n}\n`);
    assert.match(markdown ?? '', /TLS listeners do not pass the client IP on themselves: Proxy Protocol does/);
    assert.match(markdown ?? '', /TLS listeners do not pass the client IP on by themselves; Proxy Protocol/);
  });

  test('Flexible Engine: 100.126.0.0/16 as well, and Xen/BMS backends', async () => {
    const markdown = await hoverAt(`resource "flexibleengine_lb_listener_v2" "l|x" {\n  protocol = "TCP"\n}\n`);
    assert.match(markdown ?? '', /100\.125\.0\.0\/16 and 100\.126\.0\.0\/16/);
    assert.match(markdown ?? '', /Xen ECS and BMS backends do not support client IP transfer/);
  });

  test('dedicated TCP with IP backends known off: groups do not filter; unknown LB: both cases, never "admit the clients"', async () => {
    const known = await hoverAt(
      `resource "huaweicloud_elb_loadbalancer" "lb" {\n  name = "x"\n}\nresource "huaweicloud_elb_listener" "l|x" {\n  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id\n  protocol = "TCP"\n}\n`,
    );
    assert.match(known ?? '', /do not filter this Layer-4 traffic/);
    const crossVpc = await hoverAt(
      `resource "huaweicloud_elb_loadbalancer" "lb" {\n  cross_vpc_backend = true\n}\nresource "huaweicloud_elb_listener" "l|x" {\n  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id\n  protocol = "TCP"\n}\n`,
    );
    assert.match(crossVpc ?? '', /Backend security groups must admit the load balancer’s backend subnet/);
    const unknown = await hoverAt(`resource "huaweicloud_elb_listener" "l|x" {\n  loadbalancer_id = var.lb\n  protocol = "TCP"\n}\n`);
    assert.match(
      unknown ?? '',
      /is not filtered by backend security groups or network ACLs .*where they do apply, they must admit the load balancer’s backend subnet/,
    );
    for (const text of [known, crossVpc, unknown]) assert.doesNotMatch(text ?? '', /admit (the )?client/);
  });
});
