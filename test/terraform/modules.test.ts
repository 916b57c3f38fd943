import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { memoryService, memPath, ofRule, textAt, withCursor } from '../helpers';

/**
 * Child modules judged through their callers: values from the caller's arguments (evaluated
 * in the caller's scope), one evaluation per module instance, findings once per block.
 */

async function findingsOf(files: Record<string, string>, file: string): Promise<Finding[]> {
  const { service } = await memoryService(files);
  return service.analyzeFile(memPath(file));
}

/** A Huawei dedicated listener module whose client-IP flag and protocol come from variables. */
const HUAWEI_DEDICATED_CHILD = `variable "client_ip" {
  default = "false"
}

variable "protocol" {
  default = "TCP"
}

resource "huaweicloud_elb_listener" "this" {
  loadbalancer_id              = "lb"
  protocol                     = var.protocol
  protocol_port                = 80
  transparent_client_ip_enable = var.client_ip
}
`;

/** A shared listener module of any provider (`protocol` from the caller). */
const sharedChild = (listenerType: string) => `variable "protocol" {}

resource "${listenerType}" "this" {
  loadbalancer_id = "lb"
  protocol        = var.protocol
  protocol_port   = 514
}
`;

describe('modules: a child judged through its callers', () => {
  test('a default that the only caller overrides is not a value: no false client-ip-always-on', async () => {
    const files = {
      'modules/listener/main.tf': HUAWEI_DEDICATED_CHILD,
      'env/main.tf': 'module "api" {\n  source    = "../modules/listener"\n  client_ip = "true"\n}\n',
    };
    assert.deepEqual(ofRule(await findingsOf(files, 'modules/listener/main.tf'), 'client-ip-always-on'), []);
    // The same folder without callers keeps its defaults (a root module).
    const alone = await findingsOf({ 'modules/listener/main.tf': HUAWEI_DEDICATED_CHILD }, 'modules/listener/main.tf');
    assert.equal(ofRule(alone, 'client-ip-always-on').length, 1);
  });

  test('a default that a caller leaves alone is a value: the finding names that module instance and points at the caller', async () => {
    const callers = [
      'module "api" {\n  source    = "../modules/listener"\n  client_ip = "true"\n}\n',
      'module "legacy" {\n  source = "../modules/listener"\n}\n',
    ].join('\n');
    const files = { 'modules/listener/main.tf': HUAWEI_DEDICATED_CHILD, 'env/main.tf': callers };
    const [finding, ...rest] = ofRule(await findingsOf(files, 'modules/listener/main.tf'), 'client-ip-always-on');
    assert.equal(rest.length, 0);
    assert.match(finding.message, /module\.legacy\.huaweicloud_elb_listener\.this/);
    assert.doesNotMatch(finding.message, /module\.api/);
    assert.equal(textAt(HUAWEI_DEDICATED_CHILD, finding), 'transparent_client_ip_enable = var.client_ip');
  });

  test('a caller passing "false" gets the finding on the child argument, with the caller argument as related location', async () => {
    const caller = 'module "api" {\n  source    = "../modules/listener"\n  client_ip = "false"\n}\n';
    const files = { 'modules/listener/main.tf': HUAWEI_DEDICATED_CHILD, 'env/main.tf': caller };
    const [finding] = ofRule(await findingsOf(files, 'modules/listener/main.tf'), 'client-ip-always-on');
    assert.ok(finding);
    const fromCaller = finding.related.find((r) => r.file === memPath('env/main.tf'));
    assert.ok(fromCaller, JSON.stringify(finding.related));
    assert.equal(textAt(caller, { ...finding, range: fromCaller.range }), 'client_ip = "false"');
    assert.match(fromCaller.message, /module\.api gets var\.client_ip = "false"/);
  });

  for (const listenerType of ['huaweicloud_lb_listener', 'opentelekomcloud_lb_listener_v2', 'flexibleengine_lb_listener_v2']) {
    test(`a caller passing protocol = "TCP" into a shared ${listenerType} module gets client-ip-shared-l4-off`, async () => {
      const child = sharedChild(listenerType);
      const files = {
        'modules/syslog/main.tf': child,
        'main.tf': 'module "syslog" {\n  source   = "./modules/syslog"\n  protocol = "TCP"\n}\n',
      };
      const findings = ofRule(await findingsOf(files, 'modules/syslog/main.tf'), 'client-ip-shared-l4-off');
      if (listenerType === 'opentelekomcloud_lb_listener_v2') {
        // Its load balancer is not known here: it may be dedicated, so nothing is said.
        assert.equal(findings.length, 0);
        return;
      }
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, new RegExp(`module\\.syslog\\.${listenerType}\\.this`));
      assert.ok(findings[0].related.some((r) => r.file === memPath('main.tf')));
      // An HTTP caller: nothing to say.
      const http = { ...files, 'main.tf': files['main.tf'].replace('"TCP"', '"HTTP"') };
      assert.equal(ofRule(await findingsOf(http, 'modules/syslog/main.tf'), 'client-ip-shared-l4-off').length, 0);
    });
  }

  test('the same finding from two callers is reported once, naming both instances', async () => {
    const callers =
      'module "a" {\n  source   = "./modules/syslog"\n  protocol = "UDP"\n}\n\nmodule "b" {\n  source   = "./modules/syslog"\n  protocol = "UDP"\n}\n';
    const files = { 'modules/syslog/main.tf': sharedChild('huaweicloud_lb_listener'), 'main.tf': callers };
    const findings = ofRule(await findingsOf(files, 'modules/syslog/main.tf'), 'client-ip-shared-l4-off');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /module\.a\./);
    assert.match(findings[0].message, /module\.b\.huaweicloud_lb_listener\.this/);
    assert.equal(findings[0].related.filter((r) => r.file === memPath('main.tf')).length, 2);
  });

  test("arguments are evaluated in the caller's scope: its locals, variables and tfvars (TF_VAR_ and tfvars feed the root only)", async () => {
    const root = `variable "proto" {}

locals {
  listener_protocol = upper(var.proto)
}

module "syslog" {
  source   = "./modules/syslog"
  protocol = local.listener_protocol
}
`;
    const files = {
      'modules/syslog/main.tf': sharedChild('huaweicloud_lb_listener'),
      'modules/syslog/terraform.tfvars': 'protocol = "TCP"\n',
      'main.tf': root,
      'terraform.tfvars': 'proto = "udp"\n',
    };
    const { service } = await memoryService(files);
    const findings = ofRule(service.analyzeFile(memPath('modules/syslog/main.tf')), 'client-ip-shared-l4-off');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /\(UDP\)/, "the root's tfvars, through a local, not the child's own tfvars");
    // The chain of sources: the caller argument, then nothing else (locals and tfvars are in the root).
    assert.ok(findings[0].related.some((r) => r.message.includes('module.syslog gets var.protocol = "UDP"')));
    // TF_VAR_ values feed the root module only.
    const env = service.analyzeFile(memPath('modules/syslog/main.tf'), { environmentVariables: { protocol: 'HTTP', proto: 'tcp' } });
    assert.match(ofRule(env, 'client-ip-shared-l4-off')[0]?.message ?? '', /\(UDP\)/, 'tfvars rank above TF_VAR_');
  });

  test('a chain of modules: root → mid → leaf, values passed down through each call', async () => {
    const files = {
      'main.tf': 'module "mid" {\n  source = "./mid"\n  proto  = "TCP"\n}\n',
      'mid/main.tf': 'variable "proto" {}\n\nmodule "leaf" {\n  source   = "../leaf"\n  protocol = var.proto\n}\n',
      'leaf/main.tf': sharedChild('flexibleengine_lb_listener_v2'),
    };
    const findings = ofRule(await findingsOf(files, 'leaf/main.tf'), 'client-ip-shared-l4-off');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /module\.mid\.module\.leaf\.flexibleengine_lb_listener_v2\.this/);
    const related = findings[0].related.map((r) => r.message).join('\n');
    assert.match(related, /module\.mid\.module\.leaf gets var\.protocol/);
    assert.match(related, /module\.mid gets var\.proto = "TCP"/);
    // The middle module has no ELB resource of its own: no findings there.
    assert.deepEqual(await findingsOf(files, 'mid/main.tf'), []);
  });

  test('count and for_each on module blocks: one evaluation per instance; count = 0 means none', async () => {
    const counted =
      'module "syslog" {\n  count    = 2\n  source   = "./modules/syslog"\n  protocol = element(["TCP", "HTTP"], count.index)\n}\n';
    const files = { 'modules/syslog/main.tf': sharedChild('huaweicloud_lb_listener'), 'main.tf': counted };
    const findings = ofRule(await findingsOf(files, 'modules/syslog/main.tf'), 'client-ip-shared-l4-off');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /module\.syslog\[0\]\.huaweicloud_lb_listener\.this/);
    const each =
      'module "syslog" {\n  for_each = { tcp = "TCP", udp = "UDP" }\n  source   = "./modules/syslog"\n  protocol = each.value\n}\n';
    const eachFindings = ofRule(await findingsOf({ ...files, 'main.tf': each }, 'modules/syslog/main.tf'), 'client-ip-shared-l4-off');
    assert.equal(eachFindings.length, 2, 'TCP and UDP messages differ');
    assert.ok(eachFindings.some((f) => /module\.syslog\["tcp"\]/.test(f.message)));
    const none =
      'variable "enabled" {\n  default = false\n}\n\nmodule "syslog" {\n  count    = var.enabled ? 1 : 0\n  source   = "./modules/syslog"\n  protocol = "TCP"\n}\n';
    assert.deepEqual(await findingsOf({ ...files, 'main.tf': none }, 'modules/syslog/main.tf'), []);
  });

  test('a listener in a child links to the load balancer of its caller (through var and module outputs)', async () => {
    const child = `variable "lb_id" {}

resource "opentelekomcloud_lb_listener_v2" "this" {
  loadbalancer_id              = var.lb_id
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = false
}
`;
    const viaVar =
      'resource "opentelekomcloud_lb_loadbalancer_v3" "lb" {\n  name = "x"\n}\n\nmodule "l" {\n  source = "./listener"\n  lb_id  = opentelekomcloud_lb_loadbalancer_v3.lb.id\n}\n';
    const files = { 'listener/main.tf': child, 'main.tf': viaVar };
    const findings = ofRule(await findingsOf(files, 'listener/main.tf'), 'client-ip-always-on');
    assert.equal(findings.length, 1, 'a v2 listener on a dedicated (v3) load balancer of the caller');
    assert.match(findings[0].message, /dedicated/);
    // The load balancer made by another module, wired through an output.
    const lbModule =
      'resource "opentelekomcloud_lb_loadbalancer_v3" "this" {\n  name = "x"\n}\n\noutput "id" {\n  value = opentelekomcloud_lb_loadbalancer_v3.this.id\n}\n';
    const viaOutput = 'module "lb" {\n  source = "./lb"\n}\n\nmodule "l" {\n  source = "./listener"\n  lb_id  = module.lb.id\n}\n';
    const wired = { 'listener/main.tf': child, 'lb/main.tf': lbModule, 'main.tf': viaOutput };
    assert.equal(ofRule(await findingsOf(wired, 'listener/main.tf'), 'client-ip-always-on').length, 1);
    // A shared (v2) load balancer: off is allowed, nothing to say there.
    const shared = { ...files, 'main.tf': viaVar.replaceAll('lb_loadbalancer_v3', 'lb_loadbalancer_v2') };
    assert.equal(ofRule(await findingsOf(shared, 'listener/main.tf'), 'client-ip-always-on').length, 0);
  });

  test('hover on the child argument names the caller that supplied the value; per instance when several', async () => {
    const { text, position } = withCursor(sharedChild('huaweicloud_lb_listener').replace('= var.protocol', '= var.pro|tocol'));
    const callers =
      'module "a" {\n  source   = "./modules/syslog"\n  protocol = "TCP"\n}\n\nmodule "b" {\n  source   = "./modules/syslog"\n  protocol = "HTTP"\n}\n';
    const { service } = await memoryService({ 'modules/syslog/main.tf': text, 'main.tf': callers });
    const hover = service.hover(memPath('modules/syslog/main.tf'), position);
    assert.ok(hover);
    assert.match(hover.markdown, /Per instance/);
    assert.match(hover.markdown, /module\.a\.huaweicloud_lb_listener\.this`: TCP, client IP: off \(shared TCP default\)/);
    assert.match(hover.markdown, /module\.b\.huaweicloud_lb_listener\.this`: HTTP, client IP: always on/);
    assert.match(hover.markdown, /module\.a gets var\.protocol = "TCP"/);
    const [hint] = service.inlayHints(memPath('modules/syslog/main.tf'), undefined);
    assert.equal(hint.label, 'client IP: differs by instance');
  });
});

describe('modules: downloaded code (.terraform/modules) and sources that are not on disk', () => {
  const registryCaller = 'module "web" {\n  source   = "example/listener/huaweicloud"\n  version  = "1.0.0"\n  protocol = "TCP"\n}\n';
  const manifest = JSON.stringify({
    Modules: [
      { Key: '', Source: '', Dir: '.' },
      { Key: 'web', Source: 'registry.terraform.io/example/listener/huaweicloud', Version: '1.0.0', Dir: '.terraform/modules/web' },
    ],
  });

  test('registry modules are followed through modules.json; findings are shown at the caller, without fixes', async () => {
    const files = {
      'main.tf': registryCaller,
      '.terraform/modules/modules.json': manifest,
      '.terraform/modules/web/main.tf': sharedChild('huaweicloud_lb_listener'),
    };
    const findings = ofRule(await findingsOf(files, 'main.tf'), 'client-ip-shared-l4-off');
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.equal(finding.file, memPath('main.tf'));
    assert.equal(textAt(registryCaller, finding), 'protocol = "TCP"', 'on the argument that set the value');
    assert.match(finding.message, /^In module\.web \(module code downloaded by terraform init\)/);
    assert.deepEqual(finding.fixes, []);
    assert.ok(finding.related.some((r) => r.file === memPath('.terraform/modules/web/main.tf')));
  });

  test('without modules.json a registry source is unknown: silence, and hover says why', async () => {
    const { text, position } = withCursor(registryCaller.replace('module "web"', 'mod|ule "web"'));
    const { service } = await memoryService({ 'main.tf': text });
    assert.deepEqual(service.analyzeFile(memPath('main.tf')), []);
    const hover = service.hover(memPath('main.tf'), position);
    assert.ok(hover);
    assert.match(hover.markdown, /module source "example\/listener\/huaweicloud" not downloaded: run terraform init/);
  });

  test('a module that calls itself, or a source folder that does not exist, ends quietly', async () => {
    const loop = { 'a/main.tf': 'module "again" {\n  source = "../a"\n}\n' };
    assert.deepEqual(await findingsOf(loop, 'a/main.tf'), []);
    const missing = { 'main.tf': 'module "x" {\n  source   = "./nowhere"\n  protocol = "TCP"\n}\n' };
    assert.deepEqual(await findingsOf(missing, 'main.tf'), []);
  });
});

describe('modules: what the service re-reads', () => {
  test('editing a caller updates the child; editing a var file outside the folder updates the modules that read it', async () => {
    const files = {
      'modules/syslog/main.tf': sharedChild('huaweicloud_lb_listener'),
      'main.tf': 'variable "p" {}\n\nmodule "syslog" {\n  source   = "./modules/syslog"\n  protocol = var.p\n}\n',
      'vars/prod.tfvars': 'p = "HTTP"\n',
    };
    const { service, host } = await memoryService(files);
    const child = memPath('modules/syslog/main.tf');
    const options = { varFiles: [memPath('vars/prod.tfvars')] };
    assert.equal(ofRule(service.analyzeFile(child, options), 'client-ip-shared-l4-off').length, 0);
    host.files.set(memPath('vars/prod.tfvars'), 'p = "TCP"\n');
    service.fileChanged(memPath('vars/prod.tfvars'));
    assert.equal(ofRule(service.analyzeFile(child, options), 'client-ip-shared-l4-off').length, 1, 'var file change seen');
    // An unsaved edit of the caller (open document) reaches the child.
    service.openDocument(memPath('main.tf'), files['main.tf'].replace('var.p', '"HTTP"'));
    assert.equal(ofRule(service.analyzeFile(child, options), 'client-ip-shared-l4-off').length, 0, 'caller edit seen');
    // Removing the call makes the child a root module again (its own defaults: protocol unknown → silence).
    service.updateDocument(memPath('main.tf'), [{ text: 'variable "p" {}\n' }]);
    assert.deepEqual(service.analyzeFile(child, options), []);
  });
});

describe('modules: edits that add or remove a module call', () => {
  test('typing a call in an open caller re-judges the child through it; deleting it makes the child a root again', async () => {
    const { service } = await memoryService({ 'modules/listener/main.tf': HUAWEI_DEDICATED_CHILD, 'env/main.tf': '' });
    const child = memPath('modules/listener/main.tf');
    const caller = memPath('env/main.tf');
    service.openDocument(caller, '# no calls yet\n');
    assert.equal(ofRule(service.analyzeFile(child), 'client-ip-always-on').length, 1, 'alone: its default is a value');
    service.updateDocument(caller, [{ text: 'module "api" {\n  source    = "../modules/listener"\n  client_ip = "true"\n}\n' }]);
    assert.deepEqual(ofRule(service.analyzeFile(child), 'client-ip-always-on'), [], 'the new caller overrides the default');
    service.updateDocument(caller, [{ text: '# the call is gone\n' }]);
    assert.equal(ofRule(service.analyzeFile(child), 'client-ip-always-on').length, 1, 'a root module again');
  });
});
