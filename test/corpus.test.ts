import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createNodeHost } from '../server/src/service/nodeHost';
import { createElbLensService } from '../server/src/service/service';
import { CORPUS_DIR } from './helpers';

const TERRAFORM = path.join(CORPUS_DIR, 'terraform');

function moduleDirs(root: string): string[] {
  const dirs: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && (e.name.endsWith('.tf') || e.name.endsWith('.tf.json')))) dirs.push(dir);
    for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  walk(root);
  return dirs.sort();
}

test('corpus: every provider example analyses without exception, quickly, and its findings are listed', async (t) => {
  if (!fs.existsSync(TERRAFORM)) {
    if (process.env.CI) assert.fail(`the corpus is missing at ${TERRAFORM}`);
    t.skip(`corpus not found at ${TERRAFORM}`);
    return;
  }
  // Snippet folders hold unrelated documents: the host shows the service one snippet at a
  // time as its whole folder, so each is analysed alone. Example modules are shown whole.
  const nodeHost = createNodeHost();
  let only: string | undefined;
  const service = await createElbLensService({
    readFile: (file) => nodeHost.readFile(file),
    readDirectory: (dir) => (only && path.dirname(only) === dir ? [path.basename(only)] : nodeHost.readDirectory(dir)),
  });
  let files = 0;
  let slowest = { dir: '', ms: 0 };
  const listed: string[] = [];
  const started = performance.now();
  for (const dir of moduleDirs(TERRAFORM)) {
    // Corpus snippets are independent documents: analyse each file as its own module.
    const names = fs.readdirSync(dir).filter((n) => n.endsWith('.tf') || n.endsWith('.tf.json'));
    const isModule = !dir.includes(`${path.sep}elb`) && !dir.includes(`${path.sep}other`);
    const units = isModule ? [names[0]] : names;
    for (const name of units) {
      const file = path.join(dir, name);
      only = isModule ? undefined : file;
      const analyse = () => {
        service.fileChanged(file);
        const begin = performance.now();
        const found = isModule ? service.analyzeModule(file) : new Map([[file, service.analyzeFile(file)]]);
        return { found, ms: performance.now() - begin };
      };
      let { found: byFile, ms } = analyse();
      // A garbage-collection pause or a busy machine is not the file's fault: re-measure slow ones.
      for (let retry = 0; retry < 2 && ms >= 200; retry++) ({ found: byFile, ms } = analyse());
      files += isModule ? names.length : 1;
      if (ms > slowest.ms) slowest = { dir: path.relative(CORPUS_DIR, file), ms };
      for (const [f, findings] of byFile) {
        for (const finding of findings) {
          if (finding.severity !== 'error' && finding.severity !== 'warning') continue;
          listed.push(
            `${path.relative(CORPUS_DIR, f)}:${finding.range.start.line + 1} ${finding.severity} ${finding.ruleId}: ${finding.message}`,
          );
        }
      }
      service.fileChanged(file);
    }
  }
  const total = performance.now() - started;
  t.diagnostic(`${files} corpus files in ${total.toFixed(0)} ms; slowest ${slowest.dir} ${slowest.ms.toFixed(1)} ms`);
  for (const line of listed) t.diagnostic(line);
  t.diagnostic(`${listed.length} error/warning findings`);
  assert.ok(files > 1000, `expected the whole corpus, read ${files} files`);
  assert.ok(slowest.ms < 200, `slowest analysis ${slowest.dir} took ${slowest.ms.toFixed(1)} ms`);
});
