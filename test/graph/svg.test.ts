import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { buildClientIpMap, toSvg, viewSource, type ClientIpMap } from '../../server/src/graph';
import { createNodeHost, nodeFileSystem } from '../../server/src/project/nodeFs';
import { createElbLensService } from '../../server/src/service/service';
import { walk } from '../../server/src/project';
import { REPO_ROOT } from '../cli/harness';
import { memPath, memoryService } from '../helpers';
import { parseXml } from './xml';

/** The map of every module under the examples. */
async function examplesMap(): Promise<ClientIpMap> {
  const service = await createElbLensService(createNodeHost());
  const files = walk([path.join(REPO_ROOT, 'examples')], nodeFileSystem).files.map((f) => f.path);
  service.setWorkspaceFiles(files);
  const views = new Map<string, ReturnType<typeof service.models>[number]>();
  for (const file of files.filter((f) => service.isSupportedFile(f))) {
    for (const view of service.models(file)) views.set(`${view.source}:${view.root}`, view);
  }
  return buildClientIpMap([...views.values()].map((v) => viewSource(v, (root) => path.relative(REPO_ROOT, root))));
}

/** A module with `count` listeners on a shared and a dedicated load balancer, each with a pool and a backend (every other one an IP backend). */
function manyListeners(count: number): string {
  const out = [
    'resource "huaweicloud_elb_loadbalancer" "dedicated" {\n  ipv4_subnet_id = "s"\n}\n',
    'resource "huaweicloud_lb_loadbalancer" "shared" {\n  vip_subnet_id = "s"\n}\n',
  ];
  for (let i = 0; i < count; i++) {
    const dedicated = i % 2 === 0;
    const prefix = dedicated ? 'huaweicloud_elb' : 'huaweicloud_lb';
    const protocol = ['TCP', 'HTTP', 'UDP', 'TCP'][i % 4];
    out.push(`
resource "${prefix}_listener" "listener_${i}" {
  loadbalancer_id = ${prefix}_loadbalancer.${dedicated ? 'dedicated' : 'shared'}.id
  protocol        = "${protocol}"
  protocol_port   = ${1000 + i}
  default_pool_id = ${prefix}_pool.pool_${i}.id
}

resource "${prefix}_pool" "pool_${i}" {
  protocol = "${protocol}"
}

resource "${prefix}_member" "backend_${i}" {
  pool_id = ${prefix}_pool.pool_${i}.id
  address = "10.${Math.floor(i / 250)}.${i % 250}.10"${i % 4 === 0 ? '' : '\n  subnet_id = "s"'}
}
`);
  }
  return out.join('');
}

const ALLOWED_ELEMENTS = new Set(['svg', 'title', 'style', 'defs', 'marker', 'path', 'rect', 'text', 'g']);

describe('SVG map', () => {
  test('parses as XML, holds only drawing elements and fetches nothing', async () => {
    const svg = toSvg(await examplesMap());
    const elements = parseXml(svg);
    assert.equal(elements[0], 'svg');
    assert.deepEqual(
      [...new Set(elements)].filter((e) => !ALLOWED_ELEMENTS.has(e)),
      [],
    );
    // Self-contained: the namespace is the only URL; no fonts, images, scripts or imports.
    assert.deepEqual(svg.match(/https?:\/\/[^"\s)]+/g), ['http://www.w3.org/2000/svg']);
    assert.doesNotMatch(svg, /@import|@font-face|<script|href=|url\((?!#)/);
  });

  test('readable in light and dark themes: colours are variables with a dark set', async () => {
    const svg = toSvg(await examplesMap());
    assert.match(svg, /@media \(prefers-color-scheme:dark\)\{\.elb-map\{--fg:#[0-9a-f]{6};--bg:#[0-9a-f]{6};/);
    // Colours live in the stylesheet only, so a host (the VS Code webview) can set them from its theme.
    const body = svg.slice(svg.indexOf('</style>'));
    assert.doesNotMatch(body, /(fill|stroke|color)="#/);
    assert.doesNotMatch(body, / style="/, 'no inline style attributes (a strict CSP blocks them)');
  });

  test('marks are never colour alone: findings and unknowns carry an icon or text', async () => {
    const svg = toSvg(await examplesMap());
    const nodes = svg.match(/<g class="n [^"]*"[^>]*>.*?<\/g>/g) ?? [];
    assert.ok(nodes.length > 50);
    for (const node of nodes) {
      const severity = /s-(error|warning|information|hint)/.exec(node)?.[1];
      if (severity) assert.match(node, new RegExp(`<text y="\\d+" class="f-${severity}">(✖|⚠|ℹ|…) client-ip-`), node);
      if (/class="n [^"]*\bu\b/.test(node)) assert.match(node, /class="t">\? /, node);
    }
    const marked = svg.match(/<path class="e c-(error|warning|information)[^"]*"/g) ?? [];
    const labels = svg.match(/<text class="el c-(error|warning|information)"[^>]*>(✖|⚠|ℹ) /g) ?? [];
    assert.ok(marked.length > 0);
    assert.equal(labels.length, marked.length, 'every marked edge has a labelled icon');
  });

  test('every node with a place in the files is addressable by the ids of the JSON map', async () => {
    const map = await examplesMap();
    const svg = toSvg(map);
    for (const node of map.nodes) {
      if (node.location) assert.ok(svg.includes(`data-node="${node.id}"`), node.label);
      else assert.ok(!svg.includes(`data-node="${node.id}"`), node.label);
    }
  });

  test('100 listeners stay under 200 KB', async () => {
    const { service } = await memoryService({ 'main.tf': manyListeners(100) });
    const map = buildClientIpMap(service.models(memPath('main.tf')).map((v) => viewSource(v, () => 'many')));
    assert.equal(map.nodes.filter((n) => n.kind === 'listener').length, 100);
    assert.ok(map.nodes.filter((n) => n.severity).length >= 50, 'with findings on many nodes');
    const svg = toSvg(map);
    parseXml(svg);
    const size = Buffer.byteLength(svg, 'utf8');
    assert.ok(size < 200 * 1024, `${Math.round(size / 1024)} KB`);
  });

  test('an empty map says so', () => {
    const svg = toSvg(buildClientIpMap([]));
    parseXml(svg);
    assert.match(svg, /No load balancer, listener, pool or member was found\./);
  });

  test('labels from the files are escaped', async () => {
    const { service } = await memoryService({
      'x.json': JSON.stringify({ listeners: [{ id: 'l', name: '<b>"&amp;\'</b>', protocol: 'HTTP' }] }),
    });
    const svg = toSvg(buildClientIpMap(service.models(memPath('x.json')).map((v) => viewSource(v, () => 'a & <b>'))));
    parseXml(svg);
    assert.match(svg, /&lt;b&gt;&quot;&amp;amp;(?:'|&apos;)&lt;\/b&gt;/);
    assert.match(svg, /a &amp; &lt;b&gt;/);
  });
});

describe('the XML check the SVG tests rely on', () => {
  test('rejects what is not well-formed', () => {
    for (const bad of [
      '<a><b></a>',
      '<a>&nbsp;</a>',
      '<a x="1" x="2"/>',
      '<a x=1/>',
      '<a>1 < 2</a>',
      '<a/><b/>',
      '<a>',
      'text<a/>',
      '<a x="&"/>',
    ]) {
      assert.throws(() => parseXml(bad), /not well-formed XML/, bad);
    }
    assert.deepEqual(parseXml('<?xml version="1.0"?><a x="&amp;"><!-- c --><b/>t&#x41;</a>\n'), ['a', 'b']);
  });
});
