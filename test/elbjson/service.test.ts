import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createElbLensService } from '../../server/src/service/service';
import { MemoryHost, memoryService, memPath, withCursor } from '../helpers';
import { DEDICATED_LB, json, jsonFindings, ofRule } from './util';

const TF_LISTENER = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id              = huaweicloud_elb_loadbalancer.lb.id
  protocol                     = "TCP"
  protocol_port                = 80
  transparent_client_ip_enable = "false"
}
`;

const LISTENERS = `{
  "listeners": [
    {
      "id": "l1",
      "name": "front",
      "protocol": "TCP",
      "loadbalancer_id": "lb-ded",
      "default_pool_id": "p1",
      "transparent_client_ip_enable": false
    }
  ]
}
`;

const POOLS = json({ pools: [{ id: 'p1', name: 'backends', protocol: 'TCP', lb_algorithm: 'ROUND_ROBIN' }] });
const MEMBERS = json({
  pool_id: 'p1',
  members: [
    { name: 'onprem', address: '10.8.0.4', protocol_port: 80 },
    { name: 'ecs', address: '192.168.0.7', protocol_port: 80, subnet_cidr_id: 'subnet-lb' },
  ],
});

describe('ELB JSON in the service', () => {
  test('recognises ELB JSON by content and by glob, and nothing else', async () => {
    const { service } = await memoryService({
      'listeners.json': LISTENERS,
      'package.json': json({ name: 'x', version: '1.0.0', dependencies: { listener: '1' } }),
      'tsconfig.json': json({ compilerOptions: { strict: true } }),
      'inventory.elb.json': '{}',
      'notes.elb.jsonc': '// nothing yet\n',
      'main.tf.json': json({ resource: {} }),
      '.elb-lens.json': json({ rules: {} }),
      'broken.json': '{"listener": {"protocol": ',
    });
    const supported = (name: string) => service.isSupportedFile(memPath(name));
    assert.equal(supported('listeners.json'), true);
    assert.equal(supported('inventory.elb.json'), true);
    assert.equal(supported('notes.elb.jsonc'), true);
    assert.equal(supported('main.tf.json'), true, 'Terraform JSON stays Terraform');
    assert.equal(supported('package.json'), false);
    assert.equal(supported('tsconfig.json'), false);
    assert.equal(supported('.elb-lens.json'), false);
    assert.equal(supported('missing.json'), false);
    // Half-typed: the sniff saw the listener's protocol key.
    assert.equal(supported('broken.json'), true);
    assert.deepEqual(service.analyzeFile(memPath('broken.json')), []);
  });

  test('the JSON files of a folder are one module, apart from the Terraform module beside them', async () => {
    const { service } = await memoryService({
      'main.tf': TF_LISTENER,
      'lb.json': json({ loadbalancer: DEDICATED_LB }),
      'listeners.json': LISTENERS,
      'pools.json': POOLS,
      'members.json': MEMBERS,
      'package.json': json({ name: 'x' }),
    });
    assert.deepEqual(service.moduleFiles(memPath('pools.json')), ['lb.json', 'listeners.json', 'members.json', 'pools.json'].map(memPath));
    assert.deepEqual(service.moduleFiles(memPath('main.tf')), [memPath('main.tf')]);
    const json_ = service.analyzeModule(memPath('listeners.json'));
    assert.deepEqual([...json_.keys()], ['lb.json', 'listeners.json', 'members.json', 'pools.json'].map(memPath));
    assert.deepEqual(
      [...json_.values()]
        .flat()
        .map((f) => f.ruleId)
        .sort(),
      ['client-ip-always-on', 'client-ip-ip-backend'],
    );
    const tf = service.analyzeModule(memPath('main.tf'));
    assert.deepEqual([...tf.keys()], [memPath('main.tf')]);
    assert.deepEqual(
      tf.get(memPath('main.tf'))!.map((f) => f.ruleId),
      ['client-ip-always-on'],
    );
    // Both stay cached side by side, and an edit to one JSON file re-links the folder.
    service.openDocument(
      memPath('members.json'),
      json({ pool_id: 'p1', members: [{ address: '10.8.0.4', protocol_port: 80, subnet_cidr_id: 's' }] }),
    );
    assert.equal(ofRule(service.analyzeFile(memPath('members.json')), 'client-ip-ip-backend').length, 0);
    assert.equal(service.analyzeFile(memPath('main.tf')).length, 1);
  });

  test('hover on a JSON listener, its keys, a member and a load balancer explains the state', async () => {
    const cursor = withCursor(LISTENERS.replace('"transparent_client_ip_enable"', '"transparent_c|lient_ip_enable"'));
    const { service } = await memoryService({
      'lb.json': json({ loadbalancer: DEDICATED_LB }),
      'listeners.json': cursor.text,
      'pools.json': POOLS,
      'members.json': MEMBERS,
    });
    const hover = service.hover(memPath('listeners.json'), cursor.position);
    assert.ok(hover);
    assert.match(hover.markdown, /Transfer Client IP Address: always on/);
    assert.match(hover.markdown, /dedicated/);
    assert.match(hover.markdown, /`guaranteed` is true/);
    assert.match(hover.markdown, /onprem.*does \*\*not\*\* receive it/);
    assert.match(hover.markdown, /ecs.*receives it/);
    const onProtocol = service.hover(memPath('listeners.json'), { line: 5, character: 10 });
    assert.match(onProtocol?.markdown ?? '', /always on/);

    const member = withCursor(MEMBERS.replace('"address": "10.8.0.4"', '"addr|ess": "10.8.0.4"'));
    const { service: s2 } = await memoryService({
      'lb.json': json({ loadbalancer: DEDICATED_LB }),
      'listeners.json': LISTENERS,
      'pools.json': POOLS,
      'members.json': member.text,
    });
    assert.match(s2.hover(memPath('members.json'), member.position)?.markdown ?? '', /IP backend: it has no `subnet_cidr_id`/);
    const lb = withCursor(json({ loadbalancer: DEDICATED_LB }).replace('"guaranteed"', '"guar|anteed"'));
    const { service: s3 } = await memoryService({ 'lb.json': lb.text, 'listeners.json': LISTENERS });
    assert.match(
      s3.hover(memPath('lb.json'), lb.position)?.markdown ?? '',
      /Load balancer `lb.json: loadbalancer "dedicated"`\*\* — dedicated/,
    );
    // Outside any object: nothing.
    assert.equal(s3.hover(memPath('lb.json'), { line: 0, character: 0 }), undefined);
  });

  test("inlay hints sit after each listener's protocol", async () => {
    const { service } = await memoryService({ 'lb.json': json({ loadbalancer: DEDICATED_LB }), 'listeners.json': LISTENERS });
    const hints = service.inlayHints(memPath('listeners.json'), undefined);
    assert.equal(hints.length, 1);
    assert.deepEqual(hints[0].position, { line: 5, character: 23 });
    assert.equal(hints[0].label, 'client IP: always on (dedicated)');
  });

  test('plain .json: no suppression comment is offered; rules are switched off through settings instead', async () => {
    const files = { 'lb.json': json({ loadbalancer: DEDICATED_LB }), 'listeners.json': LISTENERS };
    const { findings, service } = await jsonFindings(files);
    const finding = ofRule(findings, 'client-ip-always-on')[0];
    assert.ok(finding);
    assert.equal(service.suppressionFix(finding), undefined);
    const off = await jsonFindings(files, { rules: { 'client-ip-always-on': 'off' } });
    assert.equal(ofRule(off.findings, 'client-ip-always-on').length, 0);
    const severity = await jsonFindings(files, { rules: { 'client-ip-always-on': 'hint' } });
    assert.equal(ofRule(severity.findings, 'client-ip-always-on')[0].severity, 'hint');
  });

  test('.jsonc: a file-wide ignore comment works as in Terraform', async () => {
    const text = `// elb-lens-ignore-file: client-ip-always-on -- legacy export\n${LISTENERS}`;
    const files = { 'lb.json': json({ loadbalancer: DEDICATED_LB }), 'listeners.jsonc': text };
    const { findings } = await jsonFindings(files, { reportUnusedIgnores: true });
    assert.deepEqual(findings, []);
    const { findings: unsuppressed } = await jsonFindings({ ...files, 'listeners.jsonc': LISTENERS });
    assert.equal(ofRule(unsuppressed, 'client-ip-always-on').length, 1);
  });

  test('the glob list is an option', async () => {
    const host = new MemoryHost({ 'lb/export.json': json({ anything: true }), 'x.elb.json': json({ listener: { protocol: 'TCP' } }) });
    const custom = await createElbLensService(host, { jsonFiles: ['lb/*.json'] });
    assert.equal(custom.isSupportedFile(memPath('lb/export.json')), true);
    assert.equal(custom.isSupportedFile(memPath('x.elb.json')), true, 'still recognised by content');
    const none = await createElbLensService(new MemoryHost({ 'x.elb.json': '{}' }), { jsonFiles: [] });
    assert.equal(none.isSupportedFile(memPath('x.elb.json')), false);
  });
});
