import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, ofRule, textAt } from '../helpers';

const RULE = 'client-ip-same-server';

const moduleWith = (userData: string, extra = '') => `resource "huaweicloud_elb_loadbalancer" "lb" {
  ipv4_address = "192.168.0.100"
}

resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "TCP"
  protocol_port   = 80
}

resource "huaweicloud_elb_pool" "p" {
  listener_id = huaweicloud_elb_listener.l.id
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
}

resource "huaweicloud_compute_instance" "vm" {
  name      = "vm"
  user_data = ${userData}
}

resource "huaweicloud_elb_member" "m" {
  pool_id       = huaweicloud_elb_pool.p.id
  address       = huaweicloud_compute_instance.vm.access_ip_v4
  protocol_port = 80
  subnet_id     = var.subnet
}
${extra}`;

describe(RULE, () => {
  test('fires when the member instance refers to the LB address in user_data, on the member address', async () => {
    const text = moduleWith('"curl http://${huaweicloud_elb_loadbalancer.lb.ipv4_address}/health"');
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    assert.equal(textAt(text, findings[0]), 'address       = huaweicloud_compute_instance.vm.access_ip_v4');
    assert.match(findings[0].message, /huaweicloud_compute_instance\.vm/);
    assert.match(findings[0].message, /user_data/);
    assert.equal(findings[0].related[0].message, 'the server refers to the load balancer address here');
    assert.equal(findings[0].fixes.length, 0);
  });

  test('fires through templatefile() arguments, locals, and the literal VIP', async () => {
    const viaLocal = moduleWith('templatefile("init.sh", { lb = local.lb_ip })', 'locals {\n  lb_ip = huaweicloud_elb_loadbalancer.lb.ipv4_address\n}\n');
    assert.equal(ofRule(await analyze({ 'main.tf': viaLocal }), RULE).length, 1);
    const literal = moduleWith('"API=http://192.168.0.100:80"');
    assert.equal(ofRule(await analyze({ 'main.tf': literal }), RULE).length, 1);
  });

  test('fires when the instance uses an EIP bound to the load balancer', async () => {
    const text = moduleWith(
      '"API=${huaweicloud_vpc_eip.lb.address}"',
      `
resource "huaweicloud_vpc_eip" "lb" {
  publicip {
    type = "5_bgp"
  }
}

resource "huaweicloud_vpc_eip_associate" "lb" {
  public_ip = huaweicloud_vpc_eip.lb.address
  port_id   = huaweicloud_elb_loadbalancer.lb.ipv4_port_id
}
`,
    );
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /EIP/);
  });

  test('fires when the member address is inside the listener white list', async () => {
    const text = `resource "huaweicloud_elb_ipgroup" "office" {
  ip_list {
    ip = "10.0.0.0/24"
  }
}

resource "huaweicloud_elb_listener" "l" {
  loadbalancer_id = var.lb
  protocol        = "HTTP"
  protocol_port   = 80
  access_policy   = "white"
  ip_group        = huaweicloud_elb_ipgroup.office.id
}

resource "huaweicloud_elb_pool" "p" {
  listener_id = huaweicloud_elb_listener.l.id
  protocol    = "HTTP"
  lb_method   = "ROUND_ROBIN"
}

resource "huaweicloud_elb_member" "m" {
  pool_id       = huaweicloud_elb_pool.p.id
  address       = "10.0.0.15"
  protocol_port = 80
  subnet_id     = var.subnet
}
`;
    const findings = ofRule(await analyze({ 'main.tf': text }), RULE);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /10\.0\.0\.0\/24/);
    const outside = text.replace('"10.0.0.15"', '"10.0.1.15"');
    assert.equal(ofRule(await analyze({ 'main.tf': outside }), RULE).length, 0);
    const blackList = text.replace('"white"', '"black"');
    assert.equal(ofRule(await analyze({ 'main.tf': blackList }), RULE).length, 0);
  });

  test('does not fire when the instance only refers to the LB id, or to another LB, or transfer is off', async () => {
    assert.equal(ofRule(await analyze({ 'main.tf': moduleWith('"LB=${huaweicloud_elb_loadbalancer.lb.id}"') }), RULE).length, 0);
    assert.equal(ofRule(await analyze({ 'main.tf': moduleWith('"API=http://192.168.0.101/"') }), RULE).length, 0);
    assert.equal(ofRule(await analyze({ 'main.tf': moduleWith('"API=http://192.168.0.1000/"') }), RULE).length, 0);
    const shared = `resource "huaweicloud_lb_loadbalancer" "lb" {
  vip_address = "192.168.0.100"
}

resource "huaweicloud_lb_listener" "l" {
  loadbalancer_id = huaweicloud_lb_loadbalancer.lb.id
  protocol        = "TCP"
  protocol_port   = 80
}

resource "huaweicloud_lb_pool" "p" {
  listener_id = huaweicloud_lb_listener.l.id
  protocol    = "TCP"
  lb_method   = "ROUND_ROBIN"
}

resource "huaweicloud_compute_instance" "vm" {
  user_data = "http://192.168.0.100"
}

resource "huaweicloud_lb_member" "m" {
  pool_id       = huaweicloud_lb_pool.p.id
  address       = huaweicloud_compute_instance.vm.access_ip_v4
  protocol_port = 80
  subnet_id     = var.s
}
`;
    assert.equal(ofRule(await analyze({ 'main.tf': shared }), RULE).length, 0, 'shared TCP default off');
    assert.equal(ofRule(await analyze({ 'main.tf': shared.replace('protocol_port   = 80\n}', 'protocol_port   = 80\n  transparent_client_ip_enable = "true"\n}') }), RULE).length, 1);
  });

  test('works for OTC instances and in .tf.json', async () => {
    const json = JSON.stringify({
      resource: {
        opentelekomcloud_lb_loadbalancer_v3: { lb: { name: 'x' } },
        opentelekomcloud_lb_listener_v3: { l: { loadbalancer_id: '${opentelekomcloud_lb_loadbalancer_v3.lb.id}', protocol: 'TCP' } },
        opentelekomcloud_lb_pool_v3: { p: { listener_id: '${opentelekomcloud_lb_listener_v3.l.id}', protocol: 'TCP' } },
        opentelekomcloud_compute_instance_v2: { vm: { user_data: 'echo ${opentelekomcloud_lb_loadbalancer_v3.lb.vip_address}' } },
        opentelekomcloud_lb_member_v3: {
          m: { pool_id: '${opentelekomcloud_lb_pool_v3.p.id}', address: '${opentelekomcloud_compute_instance_v2.vm.access_ip_v4}', subnet_id: 's' },
        },
      },
    });
    assert.equal(ofRule(await analyze({ 'main.tf.json': json }), RULE).length, 1);
  });
});
