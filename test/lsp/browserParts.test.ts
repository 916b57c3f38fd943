import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { documentSelector } from '../../client/src/selector';
import { readAheadByName } from '../../server/src/lsp/browserPlatform';
import { browserUntitledPath, isUntitledPath, UriMapper } from '../../server/src/lsp/browserUris';
import * as shim from '../../server/src/lsp/shims/path';

/** The pieces of the browser build that Node does not have: POSIX paths, URIs of any scheme, the client's copy of the protocol. */

const SAMPLES = [
  '',
  '/',
  '//',
  '/a',
  '/a/',
  '/a//b',
  'a',
  'a/b',
  './a',
  '../a',
  '/a/../..',
  '/a/./b/',
  'a/../../b',
  '.',
  '..',
  '/x/y.tf',
  '/x/.elb-lens.json',
  '/a/b/c/',
  'a//b//',
  '/..',
  '/x/y.tar.gz',
  '.hidden',
];

describe('the path shim of the browser build', () => {
  test("behaves as Node's path.posix", () => {
    for (const a of SAMPLES) {
      for (const fn of ['dirname', 'basename', 'normalize', 'isAbsolute', 'extname'] as const) {
        assert.equal(shim[fn](a), path.posix[fn](a), `${fn}(${JSON.stringify(a)})`);
      }
      for (const b of SAMPLES) {
        assert.equal(shim.join(a, b), path.posix.join(a, b), `join(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
        // The shim's current folder is the root.
        assert.equal(shim.resolve(a, b), path.posix.resolve('/', a, b), `resolve(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
        assert.equal(shim.relative(`/${a}`, `/${b}`), path.posix.relative(`/${a}`, `/${b}`), `relative(/${a}, /${b})`);
      }
    }
    assert.equal(shim.basename('/x/main.tf', '.tf'), 'main');
    assert.equal(shim.sep, '/');
  });
});

describe('URIs and paths in the browser', () => {
  test("the first origin's paths are the URI's path; others get a folder of their own; back to the same URIs", () => {
    const uris = new UriMapper();
    assert.equal(uris.toPath('vscode-vfs://github/acme/infra'), '/acme/infra');
    assert.equal(uris.toPath('vscode-vfs://github/acme/infra/a%20b/main.tf'), '/acme/infra/a b/main.tf');
    assert.equal(uris.toUri('/acme/infra/a b/main.tf'), 'vscode-vfs://github/acme/infra/a%20b/main.tf');
    assert.equal(
      uris.toUri('/acme/infra/x(1)!.tf'),
      'vscode-vfs://github/acme/infra/x%281%29%21.tf',
      "encoded as VS Code's URI.toString() does",
    );
    assert.equal(uris.toPath('vscode-remote://localhost:8080/home/me/main.tf'), '/.elb-lens-origin1/home/me/main.tf');
    assert.equal(uris.toUri('/.elb-lens-origin1/home/me/main.tf'), 'vscode-remote://localhost:8080/home/me/main.tf');
    assert.equal(uris.toUri('/acme/other.tf'), 'vscode-vfs://github/acme/other.tf', 'a path above the folder stays in its origin');
  });

  test('what is not a file of the workspace maps to no path', () => {
    const uris = new UriMapper();
    assert.equal(uris.toPath('untitled:Untitled-1'), undefined);
    assert.equal(uris.toPath('git://github/acme/main.tf?ref=main'), undefined, 'a file at a git ref');
    assert.equal(uris.toPath('vscode-vfs://github/acme/../main.tf'), undefined);
    assert.equal(uris.toPath('vscode-vfs://github'), undefined);
    assert.equal(uris.toPath('not a uri'), undefined);
  });

  test('untitled documents: a folder of their own, under a root nothing is read from', () => {
    const one = browserUntitledPath('untitled:Untitled-1', 'terraform');
    const two = browserUntitledPath('untitled:Untitled-2', 'terraform');
    assert.match(one ?? '', /\/untitled\.tf$/);
    assert.notEqual(path.posix.dirname(one!), path.posix.dirname(two!));
    assert.ok(isUntitledPath(one!));
    assert.equal(browserUntitledPath('untitled:x', 'python'), undefined);
  });
});

describe('the file requests', () => {
  test("the client's copy of fsProtocol.ts is the server's", () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const body = (file: string) => fs.readFileSync(path.join(root, file), 'utf8').replace(/^\/\*\*[\s\S]*?\*\/\n/, '');
    assert.equal(body('client/src/fsProtocol.ts'), body('server/src/lsp/fsProtocol.ts'));
  });
});

describe("the web client's documents", () => {
  test('every filter of the desktop, for each scheme of the workspace; untitled documents once', () => {
    const desktop = documentSelector([{ base: '/acme/infra', globs: ['api/*.json'] }]);
    const webSelector = documentSelector([{ base: '/acme/infra', globs: ['api/*.json'] }], ['file', 'vscode-vfs']);
    for (const filter of desktop) {
      assert.ok(
        webSelector.some((f) => JSON.stringify(f) === JSON.stringify(filter)),
        `the web selector keeps ${JSON.stringify(filter)}`,
      );
      if (filter.scheme === 'file') {
        const vfs = { ...filter, scheme: 'vscode-vfs' };
        assert.ok(
          webSelector.some((f) => JSON.stringify(f) === JSON.stringify(vfs)),
          `and has ${JSON.stringify(vfs)}`,
        );
      }
    }
    assert.equal(
      webSelector.length,
      desktop.filter((f) => f.scheme === 'file').length * 2 + desktop.filter((f) => f.scheme === 'untitled').length,
    );
  });
});

describe('what the browser server reads ahead while listing the workspace', () => {
  test('Terraform and OpenTofu files in both syntaxes, variables, lock and configuration files', () => {
    const ahead = [
      'main.tf',
      'main.tf.json',
      'main.tofu',
      'main.tofu.json',
      'prod.tfvars',
      'prod.tfvars.json',
      '.terraform.lock.hcl',
      '.elb-lens.json',
    ];
    assert.deepEqual(
      ahead.filter((name) => !readAheadByName(name)),
      [],
    );
  });

  test('not YAML, other JSON or anything else (read when an analysis asks)', () => {
    const later = ['service.yaml', 'listener.elb.json', 'plan.json', 'README.md', 'main.tf.bak', 'Kustomization'];
    assert.deepEqual(
      later.filter((name) => readAheadByName(name)),
      [],
    );
  });
});
