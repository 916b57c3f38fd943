import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { walk, type WalkResult } from '../../server/src/project';
import { nodeFileSystem } from '../../server/src/project/nodeFs';
import { needsMissing } from '../helpers';
import { link, MemoryFileSystem } from './memoryFs';

/** Walked paths relative to `root`, with `!` after the explicit ones. */
function shown(result: WalkResult, root: string): string[] {
  return result.files.map((f) => path.relative(root, f.path).split(path.sep).join('/') + (f.explicit ? '!' : ''));
}

describe('project walker (in-memory host)', () => {
  test('lists every file once, sorted, skipping .terraform, .git and node_modules', () => {
    const host = new MemoryFileSystem({
      '/p/main.tf': '',
      '/p/b/x.json': '',
      '/p/a/README.md': '',
      '/p/.terraform/modules/m/main.tf': '',
      '/p/.git/config': '',
      '/p/node_modules/pkg/main.tf': '',
      '/p/.elb-lens.json': '',
      '/p/empty/': '',
    });
    assert.deepEqual(shown(walk(['/p'], host), '/p'), ['.elb-lens.json', 'a/README.md', 'b/x.json', 'main.tf']);
  });

  test('takes files given as roots as they are (explicit), and reports missing roots as given', () => {
    const host = new MemoryFileSystem({ '/p/main.tf': '', '/p/prod.tfvars': '', '/p/sub/x.tf': '' });
    const result = walk(['/p/prod.tfvars', '/p/sub', '/nope', '/p/sub/x.tf'], host);
    assert.deepEqual(shown(result, '/p'), ['prod.tfvars!', 'sub/x.tf!']);
    assert.deepEqual(result.missing, ['/nope']);
  });

  test('a link to a folder inside the root: the folder is read once and its files shown under their real path', () => {
    const host = new MemoryFileSystem({
      '/p/modules/lb/main.tf': '',
      '/p/env/prod/lb': link('../../modules/lb'),
      '/p/alias': link('modules'),
      '/p/main-link.tf': link('modules/lb/main.tf'),
    });
    const result = walk(['/p'], host);
    assert.deepEqual(shown(result, '/p'), ['modules/lb/main.tf']);
    assert.equal(host.reads.filter((d) => d === '/p/modules/lb').length, 1);
  });

  test('links that lead outside the root are not followed, neither folders nor files', () => {
    const host = new MemoryFileSystem({
      '/p/main.tf': '',
      '/p/shared': link('/outside/shared'),
      '/p/other.tf': link('/outside/other.tf'),
      '/p/broken.tf': link('/nowhere.tf'),
      '/outside/shared/main.tf': '',
      '/outside/other.tf': '',
    });
    const result = walk(['/p'], host);
    assert.deepEqual(shown(result, '/p'), ['main.tf']);
    assert.ok(!host.reads.some((d) => d.startsWith('/outside')), host.reads.join(', '));
  });

  test('a link into a skipped folder inside the root is not followed', () => {
    const host = new MemoryFileSystem({ '/p/main.tf': '', '/p/node_modules/pkg/lb.tf': '', '/p/vendored': link('node_modules/pkg') });
    assert.deepEqual(shown(walk(['/p'], host), '/p'), ['main.tf']);
  });

  test('link loops end: each folder is read once', () => {
    const host = new MemoryFileSystem({
      '/p/a/main.tf': '',
      '/p/a/up': link('..'),
      '/p/a/self': link('.'),
      '/p/b/c/back': link('../../a'),
      '/p/x': link('y'),
      '/p/y': link('x'),
    });
    const result = walk(['/p'], host);
    assert.deepEqual(shown(result, '/p'), ['a/main.tf']);
    assert.deepEqual([...host.reads].sort(), ['/p', '/p/a', '/p/b', '/p/b/c']);
  });

  test('a folder that cannot be read is reported as unreadable; the rest is walked', () => {
    const host = new MemoryFileSystem({ '/p/locked/main.tf': '', '/p/open/main.tf': '' });
    host.unreadable.add('/p/locked');
    const result = walk(['/p'], host);
    assert.deepEqual(shown(result, '/p'), ['open/main.tf']);
    assert.deepEqual(result.unreadable, [{ path: '/p/locked', reason: 'the folder cannot be read (permissions?)' }]);
  });

  test('a root that is a link: files are shown under the root as given', () => {
    const host = new MemoryFileSystem({
      '/real/project/main.tf': '',
      '/real/project/mod/x.tf': '',
      '/work/project': link('/real/project'),
    });
    assert.deepEqual(shown(walk(['/work/project'], host), '/work/project'), ['main.tf', 'mod/x.tf']);
  });

  test('the result depends neither on the order of entries nor on overlapping roots', () => {
    const tree = {
      '/p/z.tf': '',
      '/p/a.tf': '',
      '/p/m/q.tf': '',
      '/p/m/b.tf': '',
      '/p/link': link('m'),
    };
    const forward = new MemoryFileSystem(tree);
    const backward = new MemoryFileSystem(tree);
    backward.reverse = true;
    const expected = ['a.tf', 'm/b.tf', 'm/q.tf', 'z.tf'];
    assert.deepEqual(shown(walk(['/p'], forward), '/p'), expected);
    assert.deepEqual(shown(walk(['/p'], backward), '/p'), expected);
    const overlapping = new MemoryFileSystem(tree);
    assert.deepEqual(shown(walk(['/p/m', '/p'], overlapping), '/p'), expected);
    assert.equal(overlapping.reads.filter((d) => d === '/p/m').length, 1);
  });
});

describe('project walker (Node file system)', () => {
  let base: string;
  let root: string;

  before(() => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'elb-lens-walk-')));
    root = path.join(base, 'root');
    const write = (name: string) => {
      fs.mkdirSync(path.dirname(path.join(base, name)), { recursive: true });
      fs.writeFileSync(path.join(base, name), '');
    };
    write('root/main.tf');
    write('root/modules/lb/main.tf');
    write('root/.terraform/modules/x/main.tf');
    write('outside/secret.tf');
    write('outside/dir/main.tf');
    fs.symlinkSync(path.join(root, 'modules', 'lb'), path.join(root, 'lb-link'));
    fs.symlinkSync(path.join(base, 'outside', 'dir'), path.join(root, 'outside-dir'));
    fs.symlinkSync(path.join(base, 'outside', 'secret.tf'), path.join(root, 'secret.tf'));
    fs.symlinkSync('..', path.join(root, 'modules', 'loop'));
  });

  after(() => fs.rmSync(base, { recursive: true, force: true }));

  test('symlinks: inside the root once under the real path, outside not followed, loops end', () => {
    assert.deepEqual(shown(walk([root], nodeFileSystem), root), ['main.tf', 'modules/lb/main.tf']);
  });

  test('an unreadable folder is reported; the rest is walked', (t) => {
    const locked = path.join(root, 'locked');
    fs.mkdirSync(locked);
    fs.writeFileSync(path.join(locked, 'main.tf'), '');
    fs.chmodSync(locked, 0o000);
    try {
      if (process.getuid?.() !== 0) {
        const result = walk([root], nodeFileSystem);
        assert.deepEqual(shown(result, root), ['main.tf', 'modules/lb/main.tf']);
        assert.deepEqual(
          result.unreadable.map((u) => u.path),
          [locked],
        );
        return;
      }
      // Root reads any folder: walk in a process that runs as nobody (uid 65534).
      const build = path.resolve(__dirname, '..', '..', 'server', 'src', 'project');
      const script = `
        const path = require('node:path');
        const { walk } = require(${JSON.stringify(path.join(build, 'index.js'))});
        const { nodeFileSystem } = require(${JSON.stringify(path.join(build, 'nodeFs.js'))});
        const root = ${JSON.stringify(root)};
        const result = walk([root], nodeFileSystem);
        process.stdout.write(JSON.stringify([result.files.map((f) => path.relative(root, f.path)), result.unreadable.map((u) => path.relative(root, u.path))]));`;
      // mkdtemp makes the base folder owner-only: let nobody in.
      fs.chmodSync(base, 0o755);
      const run = spawnSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: root });
      if (run.error || run.status !== 0) {
        needsMissing(
          t,
          `the unreadable-folder case needs a process that runs as nobody (uid 65534): ${String(run.error ?? run.stderr.trim())}`,
        );
        return;
      }
      t.diagnostic('walked in a process running as nobody (uid 65534)');
      assert.deepEqual(JSON.parse(run.stdout), [['main.tf', 'modules/lb/main.tf'], ['locked']]);
    } finally {
      fs.chmodSync(locked, 0o755);
      fs.rmSync(locked, { recursive: true, force: true });
    }
  });
});
