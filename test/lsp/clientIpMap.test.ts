import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { ClientIpMapResult } from '../../server/src/lsp/clientIpMap';
import { parseXml } from '../graph/xml';
import { SERVER_BUNDLE, TestClient, tempWorkspace } from './client';

const MAIN = `resource "huaweicloud_elb_loadbalancer" "lb" {
  name = "lb"
}

resource "huaweicloud_elb_listener" "web" {
  loadbalancer_id = huaweicloud_elb_loadbalancer.lb.id
  protocol        = "HTTP"
  default_pool_id = huaweicloud_elb_pool.web.id
}

resource "huaweicloud_elb_pool" "web" {
  protocol = "HTTP"
}

resource "huaweicloud_elb_member" "partner" {
  pool_id = huaweicloud_elb_pool.web.id
  address = "172.16.0.10"
}
`;

describe('elbLens/clientIpMap', { skip: !fs.existsSync(SERVER_BUNDLE) && 'server bundle missing: run npm run build' }, () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = tempWorkspace({ 'infra/main.tf': MAIN, 'other/listener.tf': MAIN.replace('"web"', '"api"') });
    client = await TestClient.start(root);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const request = (name: string, svg?: boolean) =>
    client.connection.sendRequest('elbLens/clientIpMap', {
      textDocument: { uri: client.uri(name) },
      ...(svg === undefined ? {} : { svg }),
    }) as Promise<ClientIpMapResult | null>;

  test('the map of a module that is not open: the SVG and where each node is written', async () => {
    const result = await request('infra/main.tf');
    assert.ok(result);
    assert.equal(result.title, 'infra');
    parseXml(result.svg!);
    const listener = result.nodes.find((n) => n.label === 'huaweicloud_elb_listener.web');
    assert.ok(listener);
    assert.equal(listener.kind, 'listener');
    assert.equal(listener.uri, client.uri('infra/main.tf'));
    assert.equal(listener.range?.start.line, 4);
    assert.ok(result.svg!.includes(`data-node="${listener.id}"`));
    assert.equal(result.nodes.find((n) => n.kind === 'client')?.uri, undefined);
  });

  test('follows the open document as it is edited; svg: false gives the nodes only', async () => {
    await client.open('infra/main.tf', MAIN.replace('"web" {\n  loadbalancer_id', '"edited" {\n  loadbalancer_id'));
    const result = await request('infra/main.tf', false);
    assert.ok(result);
    assert.equal(result.svg, undefined);
    assert.ok(result.nodes.some((n) => n.label === 'huaweicloud_elb_listener.edited'));
    assert.ok(!result.nodes.some((n) => n.label === 'huaweicloud_elb_listener.web'));
  });

  test('a file ELB Lens does not check gives null', async () => {
    assert.notEqual(await request('other/listener.tf'), null);
    // The server drops its cached settings as the notification arrives, before the next request.
    await client.changeSettings({ enable: false });
    assert.equal(await request('other/listener.tf'), null);
    await client.changeSettings({});
    assert.notEqual(await request('other/listener.tf'), null);
  });
});
