import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createElbLensService } from '../../server/src/service/service';
import { MemoryHost, memPath } from '../helpers';

/**
 * `callersMatter`: when a host that lists the workspace only when needed must list it before it
 * shows a folder's findings (callers among closed files could change them).
 */

/** A listener with nothing to report. */
const CLEAN = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "HTTP"
  protocol_port   = 80
}
`;

/** A shared UDP listener: a finding (client-ip-shared-l4-off) when nothing removes the instance. */
const UDP = `resource "huaweicloud_lb_listener" "syslog" {
  loadbalancer_id = "lb"
  protocol        = "UDP"
  protocol_port   = 514
}
`;

/** Opened, not listed: what a language server sees before it lists the workspace. */
async function openOnly(files: Record<string, string>) {
  const host = new MemoryHost(files);
  const service = await createElbLensService(host);
  return { service, host };
}

describe('callersMatter', () => {
  test('a folder with neither a variable nor a finding: no caller can change it', async () => {
    const { service } = await openOnly({ 'a/main.tf': CLEAN, 'a/notes.tf': '# a variable is mentioned here, in a comment only\n' });
    assert.equal(service.callersMatter(memPath('a/main.tf')), false);
  });

  test('a variable, even in a file the byte scan leaves unparsed, or in .tf.json', async () => {
    const { service } = await openOnly({
      'a/main.tf': CLEAN,
      'a/variables.tf': 'variable "unused" {}\n',
      'b/main.tf': CLEAN,
      'b/variables.tf.json': JSON.stringify({ variable: { unused: {} } }),
    });
    assert.equal(service.callersMatter(memPath('a/main.tf')), true);
    assert.equal(service.callersMatter(memPath('b/main.tf')), true);
  });

  test('no variable but a finding: a caller can remove it (count = 0 on the call)', async () => {
    const { service } = await openOnly({ 'modules/legacy/main.tf': UDP });
    const file = memPath('modules/legacy/main.tf');
    assert.equal(service.callersMatter(file), true);
    // The finding is turned off: nothing is shown, nothing a caller could remove.
    assert.equal(service.callersMatter(file, { rules: { 'client-ip-shared-l4-off': 'off' } }), false);
  });

  test('a suppression comment that suppresses nothing, when unused ones are reported: a caller may give it something', async () => {
    const { service } = await openOnly({
      'a/main.tf': `# elb-lens-ignore: client-ip-shared-l4-off -- UDP syslog
${CLEAN}`,
    });
    const file = memPath('a/main.tf');
    assert.equal(service.callersMatter(file), false);
    assert.equal(service.callersMatter(file, { reportUnusedIgnores: true }), true);
  });

  test('kept until a file of the folder changes: a variable typed in, then removed', async () => {
    const { service } = await openOnly({ 'a/main.tf': CLEAN });
    const file = memPath('a/main.tf');
    service.openDocument(file, CLEAN);
    assert.equal(service.callersMatter(file), false);
    service.updateDocument(file, [{ text: `${CLEAN}\nvariable "port" {}\n` }]);
    assert.equal(service.callersMatter(file), true);
    service.updateDocument(file, [{ text: CLEAN }]);
    assert.equal(service.callersMatter(file), false);
  });

  test('a file added to the folder on disk counts once the host reports it', async () => {
    const { service, host } = await openOnly({ 'a/main.tf': CLEAN });
    const file = memPath('a/main.tf');
    assert.equal(service.callersMatter(file), false);
    host.files.set(memPath('a/variables.tf'), 'variable "port" {}\n');
    service.fileChanged(memPath('a/variables.tf'));
    assert.equal(service.callersMatter(file), true);
  });

  test('ELB API JSON and Kubernetes manifests have no callers', async () => {
    const { service } = await openOnly({
      'api/listener.elb.json': JSON.stringify({ listener: { protocol: 'HTTP', transparent_client_ip_enable: false } }),
      'k8s/svc.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/elb.class: union\nspec:\n  type: LoadBalancer\n',
    });
    assert.equal(service.callersMatter(memPath('api/listener.elb.json')), false);
    assert.equal(service.callersMatter(memPath('k8s/svc.yaml')), false);
  });

  test('readModuleCalls reads ahead what the caller index is built from: the same callers as without it', async () => {
    const files = {
      'modules/legacy/main.tf': UDP,
      'live/main.tf': 'module "legacy" {\n  source = "../modules/legacy"\n  count  = 0\n}\n',
    };
    const { service, host } = await openOnly(files);
    service.readModuleCalls(host.files.keys());
    service.setWorkspaceFiles(host.files.keys());
    assert.deepEqual(service.callerIndex(), { [memPath('modules/legacy')]: [memPath('live')] });
    assert.deepEqual(service.analyzeFile(memPath('modules/legacy/main.tf')), [], 'no instance: nothing to report');
  });
});
