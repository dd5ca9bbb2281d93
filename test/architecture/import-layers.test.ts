/**
 * The import-direction check (scripts/import-layers.mjs, run by `npm test` through scripts/static-checks.mjs):
 * it passes on this tree and reports a planted loop and a planted upward import in a scratch copy of a small
 * lib/ tree. Issue 9: "a check in npm test fails on a folder-level loop".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/import-layers.mjs');

function runOn(root: string) {
  return spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8' });
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'import-layers-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

test('the real lib/ has no folder-level loop and no upward import', () => {
  const run = runOn(ROOT);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});

test('a planted loop core → plan → core is reported with both folders, and the exit status is 1', () => {
  const root = tree({
    'lib/core/finding.ts': "import { x } from '../plan/x';\nexport const y = x;\n",
    'lib/plan/x.ts': "import { y } from '../core/finding';\nexport const x = 1; export const z = y;\n",
  });
  const run = runOn(root);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('folder-level loop: core ⇄ plan');
  expect(run.stderr).toContain('core → plan: upward import');
});

test('an upward import without a loop (a rule importing a peer component) is reported; a downward one is not', () => {
  const root = tree({
    'lib/rules/asn/A.ts': "import { B } from '../../peers/azure/pulumi/component';\nexport const A = B;\n",
    'lib/peers/azure/pulumi/component.ts': "import { f } from '../../../core/finding';\nexport const B = f;\n",
    'lib/core/finding.ts': 'export const f = 1;\n',
  });
  const run = runOn(root);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('rules/asn → peers/azure/pulumi: upward import');
  expect(run.stderr).not.toContain('peers/azure/pulumi → core');
});

test('two rule areas importing each other (siblings of one layer) are reported', () => {
  const root = tree({
    'lib/rules/endpoints/E.ts': "import { R } from '../routing/R';\nexport const E = R;\n",
    'lib/rules/routing/R.ts': 'export const R = 1;\n',
  });
  const run = runOn(root);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('rules/endpoints → rules/routing: sibling folders of one layer import each other');
});
