import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding, Position } from '../server/src/core/types';
import type { ElbLensService } from '../server/src/service/api';
import type { AnalysisOptions } from '../server/src/core/options';
import { LineIndex } from '../server/src/parse/positions';
import { memoryService, memPath } from './helpers';

/**
 * Hostile and broken input: nothing throws, nothing is invented, everything ends in
 * bounded time. Each case runs through both ways a file reaches the core (read from the
 * host, and as an open document that is then edited), with hover, inlay hints and fixes.
 */

/**
 * Generous: these take milliseconds to a few hundred. Measured in CPU time of this process,
 * so a busy machine (other processes) does not make a case fail; a case over the bound is
 * measured once more, warm (WebAssembly tiers up while the first big input is parsed).
 */
const BOUND_MS = 2000;

/** A small deterministic PRNG, so failures reproduce. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function bounded<T>(what: string, run: () => T): T {
  let start = process.cpuUsage();
  let result = run();
  let ms = cpuMs(start);
  if (ms >= BOUND_MS) {
    start = process.cpuUsage();
    result = run();
    ms = cpuMs(start);
  }
  assert.ok(ms < BOUND_MS, `${what} took ${ms.toFixed(0)} ms of CPU time`);
  return result;
}

/** Everything an editor asks for a file: findings, hover at a few places, inlay hints, fixes. */
function exercise(service: ElbLensService, file: string, text: string, options?: AnalysisOptions): Finding[] {
  const findings = service.analyzeFile(file, options);
  const lines = new LineIndex(text);
  const places: Position[] = [
    { line: 0, character: 0 },
    lines.positionAt(Math.floor(text.length / 2)),
    lines.positionAt(text.length),
    { line: lines.lineCount + 5, character: 3 },
  ];
  for (const position of places) service.hover(file, position, options);
  service.inlayHints(file, undefined, options);
  service.fixes(file, { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) }, options);
  for (const finding of findings) service.suppressionFix(finding);
  return findings;
}

/**
 * Analyses `files` read from the host, then `main` as an open document, then after an
 * edit in the middle of it (incremental reparse), each in bounded time. Returns the
 * findings of each way.
 */
async function throughBothPaths(files: Record<string, string>, main: string, options?: AnalysisOptions): Promise<Finding[][]> {
  const file = memPath(main);
  const text = files[main];
  const fromHost = await memoryService(files);
  const hostFindings = bounded(`${main} read from the host`, () => {
    fromHost.service.fileChanged(file);
    return exercise(fromHost.service, file, text, options);
  });
  const editor = await memoryService(files);
  const openFindings = bounded(`${main} opened`, () => {
    editor.service.openDocument(file, text);
    return exercise(editor.service, file, text, options);
  });
  const lines = new LineIndex(text);
  const middle = lines.positionAt(Math.floor(text.length / 2));
  const editedFindings = bounded(`${main} edited`, () => {
    editor.service.updateDocument(file, [{ range: { start: middle, end: middle }, text: ' ' }]);
    editor.service.updateDocument(file, [
      { range: { start: middle, end: { line: middle.line, character: middle.character + 1 } }, text: '' },
    ]);
    return exercise(editor.service, file, editor.service.documentText(file) ?? '', options);
  });
  return [hostFindings, openFindings, editedFindings];
}

/** Findings of rules (a `syntax-error` line says what could not be read, which is no invention: see below). */
function ruleIds(findings: Finding[]): string[] {
  return findings.filter((f) => f.ruleId !== 'syntax-error').map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`);
}

async function assertQuiet(
  name: string,
  files: Record<string, string>,
  main = Object.keys(files)[0],
  options?: AnalysisOptions,
): Promise<void> {
  const results = await throughBothPaths(files, main, options);
  for (const [i, findings] of results.entries()) {
    assert.deepEqual(ruleIds(findings), [], `${name}: ${['read from the host', 'open document', 'after an edit'][i]}`);
  }
}

const random = prng(42);
const randomChars = (length: number, low: number, high: number) =>
  Array.from({ length }, () => String.fromCharCode(low + Math.floor(random() * (high - low + 1)))).join('');
const randomBytes = (length: number) => Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));

const HCL_TOKENS = [
  'resource',
  '"huaweicloud_lb_listener"',
  '"opentelekomcloud_lb_listener_v2"',
  '"x"',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '\n',
  ' ',
  '=',
  '"',
  '${',
  '%{',
  '<<EOT\n',
  'EOT\n',
  'protocol',
  '"HTTP"',
  'transparent_client_ip_enable',
  '"false"',
  'false',
  'var.x',
  '?',
  ':',
  ',',
  '#',
  '/*',
  '*/',
  '\\',
  '.',
  '*',
  '🚀',
  '\r',
  'locals',
];
const tokenSoup = (count: number) => Array.from({ length: count }, () => HCL_TOKENS[Math.floor(random() * HCL_TOKENS.length)]).join('');

const N = 10_000;

describe('bad input never throws, invents nothing, ends in bounded time', () => {
  const cases: Record<string, string> = {
    empty: '',
    'whitespace only': '   \n\t\n  \r\n \u00a0\u2003',
    'binary (NUL bytes)': 'resource "a" "b" {\u0000\u0001\u0002}',
    'NUL bytes in a listener':
      'resource "huaweicloud_lb_listener" "l" {\n  protocol = "HTTP"\u0000\n  transparent_client_ip_enable = "false"\n}\n',
    'random bytes (fixed seed)': randomChars(4096, 0, 255),
    'random bytes without NUL': randomChars(4096, 1, 255),
    'random bytes decoded as UTF-8 (replacement characters)': randomBytes(4096).toString('utf8'),
    'random HCL tokens': tokenSoup(3000),
    'lone surrogates': 'resource "huaweicloud_lb_listener" "\ud800" {\n  protocol = "\udc00TCP"\n}\n',
    'deep braces': '{'.repeat(N),
    'deep brackets': '['.repeat(N),
    'deep parentheses': '('.repeat(N),
    'deep nested blocks in a listener': 'resource "huaweicloud_elb_listener" "x" {\n' + 'a {\n'.repeat(N) + '}\n'.repeat(N) + '}\n',
    'deep objects': 'locals {\n  x = ' + '{ a = '.repeat(N) + '1' + ' }'.repeat(N) + '\n}\n',
    'deep tuples': 'locals {\n  x = ' + '['.repeat(N) + ']'.repeat(N) + '\n}\n',
    'deep tuple at top level': 'x = ' + '['.repeat(N) + ']'.repeat(N) + '\n',
    'deep parentheses in a listener':
      'resource "huaweicloud_lb_listener" "l" {\n  protocol = "HTTP"\n  transparent_client_ip_enable = ' +
      '('.repeat(N) +
      '"false"' +
      ')'.repeat(N) +
      '\n}\n',
    'deep function calls': 'locals {\n  x = ' + 'tobool('.repeat(N) + 'true' + ')'.repeat(N) + '\n}\n',
    'deep conditionals': 'locals {\n  x = ' + 'true ? false : '.repeat(N) + 'true\n}\n',
    'long operator chain': 'locals {\n  x = ' + '1 + '.repeat(N) + '1\n}\n',
    'long negation chain': 'locals {\n  x = ' + '!'.repeat(N) + 'true\n}\n',
    'deep templates': 'locals {\n  x = ' + '"${'.repeat(N) + '1' + '}"'.repeat(N) + '\n}\n',
    'long traversal': 'locals {\n  x = var.a' + '[0].b'.repeat(N) + '\n}\n',
    'unterminated string': 'resource "huaweicloud_lb_listener" "x" {\n  protocol = "HTTP\n  transparent_client_ip_enable = "false"\n}\n',
    'unterminated block': 'resource "huaweicloud_lb_listener" "x" {\n  protocol = "HTTP"\n  transparent_client_ip_enable = "false"\n',
    'unterminated heredoc':
      'resource "huaweicloud_lb_listener" "x" {\n  protocol = "HTTP"\n  description = <<EOT\n  transparent_client_ip_enable = "false"\n}\n',
    'unterminated comment':
      'resource "huaweicloud_lb_listener" "x" {\n  protocol = "HTTP" /*\n  transparent_client_ip_enable = "false"\n}\n',
    'unterminated interpolation':
      'resource "huaweicloud_lb_listener" "x" {\n  protocol = "HTTP"\n  transparent_client_ip_enable = "${false"\n}\n',
    'CRLF line ends (clean)': 'resource "huaweicloud_lb_listener" "x" {\r\n  protocol = "HTTP"\r\n}\r\n',
    'lone CR line ends': 'resource "huaweicloud_lb_listener" "x" {\r  protocol = "HTTP"\r}\r',
    'byte order mark (clean)': '\ufeffresource "huaweicloud_lb_listener" "x" {\n  protocol = "HTTP"\n}\n',
    'replacement characters in labels and values': 'resource "huaweicloud_elb_listener" "\ufffd\ufffd" {\n  protocol = "\ufffdTCP"\n}\n',
    '1 MB single line': 'x = "' + 'a'.repeat(1024 * 1024) + '"',
    'a million newlines': '\n'.repeat(1_000_000),
  };
  for (const [name, text] of Object.entries(cases)) {
    test(name, async () => {
      await assertQuiet(name, { 'main.tf': text });
    });
  }

  const jsonCases: Record<string, string> = {
    'deep arrays': '{"locals": {"x": ' + '['.repeat(N) + ']'.repeat(N) + '}}',
    'deep objects': '{"locals": {"x": ' + '{"a": '.repeat(N) + '1' + '}'.repeat(N) + '}}',
    'deep nested blocks': '{"resource": {"huaweicloud_lb_listener": {"x": ' + '{"ip_list": '.repeat(N) + '{}' + '}'.repeat(N) + '}}}',
    'nested blocks a few thousand deep':
      '{"resource": {"huaweicloud_elb_ipgroup": {"x": ' + '{"ip_list": '.repeat(2000) + '{}' + '}'.repeat(2000) + '}}}',
    unterminated: '{"resource": {"huaweicloud_lb_listener": {"x": {"protocol": "HTTP", "transparent_client_ip_enable": "false"',
    'not an object': '[1, 2, 3]',
    binary: '{"resource": \u0000}',
    'random bytes without NUL': randomChars(4096, 1, 255),
    'byte order mark (clean)': '\ufeff{"resource": {"huaweicloud_lb_listener": {"x": {"protocol": "HTTP"}}}}',
  };
  for (const [name, text] of Object.entries(jsonCases)) {
    test(`.tf.json: ${name}`, async () => {
      await assertQuiet(name, { 'main.tf.json': text });
    });
  }

  test('tfvars: malformed, binary and deeply nested values, compared with ==', async () => {
    const main =
      'variable "x" {}\nvariable "y" {}\n\nresource "huaweicloud_lb_listener" "l" {\n  protocol                     = "UDP"\n  transparent_client_ip_enable = var.x == var.y\n}\n';
    const deep = '['.repeat(N) + ']'.repeat(N);
    const variants: Record<string, string>[] = [
      { 'terraform.tfvars': 'x = = =\n', 'a.auto.tfvars.json': '{ nope' },
      { 'terraform.tfvars': '\u0000\u0001' },
      { 'terraform.tfvars': `x = ${deep}\ny = ${deep}\n` },
      { 'terraform.tfvars.json': `{"x": ${deep}, "y": ${deep}}` },
    ];
    for (const variant of variants) await assertQuiet(Object.keys(variant).join(','), { 'main.tf': main, ...variant }, 'main.tf');
    let value: unknown = [];
    for (let i = 0; i < N; i++) value = [value];
    await assertQuiet('deep given values', { 'main.tf': main }, 'main.tf', { variables: { x: value, y: value } });
  });

  test('a 10 MB file is skipped without a finding, read from the host or open', async () => {
    const block = 'resource "huaweicloud_lb_listener" "l" {\n  protocol = "HTTP"\n  transparent_client_ip_enable = "false"\n}\n';
    const huge = block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
    assert.ok(huge.length >= 10 * 1024 * 1024);
    await assertQuiet('10 MB', { 'main.tf': huge });
    await assertQuiet('10 MB .tf.json', { 'main.tf.json': JSON.stringify({ locals: { x: 'a'.repeat(10 * 1024 * 1024) } }) });
  });
});

describe('half-typed listeners get no finding', () => {
  const LISTENER = `resource "huaweicloud_lb_listener" "half" {
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false"
}
`;
  const COMPLETE = `resource "huaweicloud_elb_listener" "done" {
  loadbalancer_id              = var.lb
  protocol                     = "HTTP"
  transparent_client_ip_enable = "false"
}
`;

  test('the complete listener has its finding (the premise)', async () => {
    const [fromHost, open] = await throughBothPaths({ 'main.tf': LISTENER }, 'main.tf');
    assert.deepEqual(ruleIds(fromHost), ['client-ip-always-on@2:2']);
    assert.deepEqual(ruleIds(open), ['client-ip-always-on@2:2']);
  });

  test('every prefix of it, alone and after a complete listener, gets none; the complete listener keeps its own', async () => {
    const end = LISTENER.lastIndexOf('}');
    for (let length = 0; length <= end; length++) {
      const prefix = LISTENER.slice(0, length);
      const alone = await memoryService({ 'main.tf': prefix });
      assert.deepEqual(ruleIds(alone.service.analyzeFile(memPath('main.tf'))), [], `alone: ${JSON.stringify(prefix)}`);
      const after = await memoryService({ 'main.tf': COMPLETE + '\n' + prefix });
      assert.deepEqual(
        ruleIds(after.service.analyzeFile(memPath('main.tf'))),
        ['client-ip-always-on@3:2'],
        `after: ${JSON.stringify(prefix)}`,
      );
    }
  });

  test('typed character by character into an open document (incremental reparse), before a complete listener', async () => {
    const { service } = await memoryService({});
    const file = memPath('main.tf');
    service.openDocument(file, '\n' + COMPLETE);
    const lines = () => new LineIndex(service.documentText(file) ?? '');
    const closing = LISTENER.lastIndexOf('}');
    for (let i = 0; i < closing; i++) {
      const at = lines().positionAt(i);
      service.updateDocument(file, [{ range: { start: at, end: at }, text: LISTENER[i] }]);
      const findings = ruleIds(service.analyzeFile(file));
      const typed = LISTENER.slice(0, i + 1);
      const shift = typed.split('\n').length - 1;
      // Until its closing brace is typed, the half-typed listener swallows what follows or
      // is broken: only sound blocks may have findings, and never the half-typed one.
      for (const finding of findings) assert.equal(finding, `client-ip-always-on@${4 + shift}:2`, `after typing ${JSON.stringify(typed)}`);
    }
    const at = lines().positionAt(closing);
    service.updateDocument(file, [{ range: { start: at, end: at }, text: LISTENER.slice(closing) }]);
    assert.deepEqual(ruleIds(service.analyzeFile(file)), ['client-ip-always-on@2:2', 'client-ip-always-on@8:2']);
  });

  test('deleting everything and typing it back works (incremental parse)', async () => {
    const { service } = await memoryService({});
    const file = memPath('main.tf');
    service.openDocument(file, LISTENER.slice(0, -5));
    service.updateDocument(file, [{ range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } }, text: '' }]);
    assert.equal(service.documentText(file), '');
    assert.deepEqual(service.analyzeFile(file), []);
    service.updateDocument(file, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: LISTENER }]);
    assert.deepEqual(ruleIds(service.analyzeFile(file)), ['client-ip-always-on@2:2']);
  });

  test('CRLF and a byte order mark do not move a real finding', async () => {
    const crlf = LISTENER.replace(/\n/g, '\r\n');
    for (const findings of await throughBothPaths({ 'main.tf': crlf }, 'main.tf')) {
      assert.deepEqual(ruleIds(findings), ['client-ip-always-on@2:2']);
      assert.deepEqual(findings[0].range.end, { line: 2, character: 40 }, 'the range ends before the CR');
    }
    const [fromHost] = await throughBothPaths({ 'main.tf': '\ufeff' + LISTENER }, 'main.tf');
    assert.deepEqual(ruleIds(fromHost), ['client-ip-always-on@2:2']);
  });
});
