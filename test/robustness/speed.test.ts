import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildClientIpMap, viewSource } from '../../server/src/graph';
import { memoryService, memPath } from '../helpers';

/**
 * Issue 28, item 6: inlay hints for the requested range only, one per block (instances
 * grouped once, not searched per block), and a map whose edges are deduplicated by key.
 * The timings of the large cases are rows of `npm run bench` (section 9).
 */

const listener = (name: string, extra = '') => `resource "huaweicloud_elb_listener" "${name}" {
  loadbalancer_id              = "lb"
  protocol                     = "TCP"
  transparent_client_ip_enable = false${extra}
}
`;

describe('speed corners keep their answers', () => {
  test('inlay hints: only those in the requested range; one per block with count', async () => {
    const text = listener('a') + listener('b', '\n  count = 3') + listener('c');
    const { service } = await memoryService({ 'main.tf': text });
    const all = service.inlayHints(memPath('main.tf'), undefined);
    assert.deepEqual(
      all.map((h) => h.position.line),
      [2, 7, 13],
    );
    const middle = service.inlayHints(memPath('main.tf'), { start: { line: 6, character: 0 }, end: { line: 10, character: 0 } });
    assert.deepEqual(
      middle.map((h) => h.position.line),
      [7],
    );
  });

  test('the map: one edge per pair of nodes and kind, and findings on their nodes', async () => {
    const text = Array.from({ length: 50 }, (_, i) => listener(`l${i}`)).join('\n');
    const { service } = await memoryService({ 'main.tf': text });
    const map = buildClientIpMap(service.models(memPath('main.tf')).map((v) => viewSource(v, () => 'main')));
    const keys = map.edges.map((e) => `${e.from}>${e.to}>${e.kind}`);
    assert.equal(new Set(keys).size, keys.length, 'no duplicate edges');
    assert.equal(map.nodes.filter((n) => n.kind === 'listener' && n.severity === 'error').length, 50);
  });
});
