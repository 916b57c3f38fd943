import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { memoryService, memPath, withCursor } from './helpers';

async function hoverAt(source: string, extra: Record<string, string> = {}): Promise<string | undefined> {
  const { text, position } = withCursor(source);
  const { service } = await memoryService({ 'main.tf': text, ...extra });
  return service.hover(memPath('main.tf'), position)?.markdown;
}

const DEDICATED = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "HTTP"
  default_pool_id = huaweicloud_elb_pool.p.id
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
`;

function cursorAfter(source: string, marker: string): string {
  const index = source.indexOf(marker);
  assert.ok(index >= 0, marker);
  return source.slice(0, index + 2) + '|' + source.slice(index + 2);
}

describe('hover', () => {
  test('on a dedicated listener label: always on, backends that do and do not get the IP, alternatives, constraints', async () => {
    const markdown = await hoverAt(cursorAfter(DEDICATED, '"web"'));
    assert.ok(markdown);
    assert.match(markdown, /Transfer Client IP Address: always on/);
    assert.match(markdown, /dedicated/);
    assert.match(markdown, /`huaweicloud_elb_member\.ip`: does \*\*not\*\* receive it/);
    assert.match(markdown, /`huaweicloud_elb_member\.vm`: receives it/);
    assert.match(markdown, /X-Forwarded-For/);
    assert.match(markdown, /X-Real-IP/);
    assert.match(markdown, /migrated/);
    assert.doesNotMatch(markdown, /ten seconds/, 'it cannot be switched here');
  });

  test('on the protocol of a shared TCP listener: off by default, no alternative, switching interrupts', async () => {
    const source = `resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_subnet_id = "x"
}

resource "huaweicloud_lb_listener" "tcp" {
  loadbalancer_id = huaweicloud_lb_loadbalancer.lb.id
  pro|tocol        = "TCP"
}
`;
    const markdown = await hoverAt(source);
    assert.ok(markdown);
    assert.match(markdown, /Transfer Client IP Address: off/);
    assert.match(markdown, /unless it is set to true/);
    assert.match(markdown, /none: TCP listeners/);
    assert.match(markdown, /ten seconds/);
  });

  test('on the client IP argument with an unknown value: says what it depends on', async () => {
    const source = `resource "huaweicloud_lb_listener" "tcp" {
  loadbalancer_id              = var.lb
  protocol                     = "UDP"
  transparent_client|_ip_enable = var.flag
}
`;
    const markdown = await hoverAt(source, { 'v.tf': 'variable "flag" {}\n' });
    assert.ok(markdown);
    assert.match(markdown, /Transfer Client IP Address: unknown/);
    assert.match(markdown, /only known when Terraform runs/);
  });

  test('on an OTC v2 listener whose load balancer is elsewhere: the kind is unknown', async () => {
    const markdown = await hoverAt(`resource "opentelekomcloud_lb_listener_v2" "l|x" {
  loadbalancer_id = var.lb
  protocol        = "TCP"
}
`);
    assert.match(markdown ?? '', /unknown/);
    assert.match(markdown ?? '', /shared or dedicated/);
  });

  test('TLS listeners point at Proxy Protocol', async () => {
    const markdown = await hoverAt(`resource "huaweicloud_elb_listener" "t|ls" {
  protocol = "TLS"
}
`);
    assert.match(markdown ?? '', /Proxy Protocol/);
  });

  test('on a member and a pool', async () => {
    const member = await hoverAt(cursorAfter(DEDICATED, '"ip"'));
    assert.match(member ?? '', /IP backend/);
    assert.match(member ?? '', /does not receive the client IP/);
    const pool = await hoverAt(cursorAfter(DEDICATED, '"p"'));
    assert.match(pool ?? '', /Pool `huaweicloud_elb_pool\.p`/);
    assert.match(pool ?? '', /always on/);
  });

  test('nothing on unrelated places', async () => {
    assert.equal(await hoverAt(cursorAfter(DEDICATED, 'name =')), undefined);
    assert.equal(await hoverAt('resource "huaweicloud_vpc" "v|pc" {\n  cidr = "10.0.0.0/8"\n}\n'), undefined);
    assert.equal(await hoverAt('|\n'), undefined);
  });
});

describe('inlay hints', () => {
  test('show the effective state after each listener protocol', async () => {
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
`;
    const { service } = await memoryService({ 'main.tf': text });
    assert.deepEqual(
      service.inlayHints(memPath('main.tf'), undefined).map((h) => h.label),
      ['client IP: always on (dedicated)', 'client IP: off (shared UDP default)', 'client IP: unknown'],
    );
  });
});
