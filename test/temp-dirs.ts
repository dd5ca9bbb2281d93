/**
 * Every test file gets a temporary directory of its own as the OS temp dir, removed when the file
 * ends. `new App()` without `outdir` makes a `cdk.out*` directory there (aws-cdk-lib's default,
 * through `os.tmpdir()`), and so do the tests' own mkdtemp calls: nothing is left behind, even by a
 * test that forgets. Jest gives each test file a copy of `process.env`, which Node's `os.tmpdir()`
 * does not read, so the file's directory is set on `os.tmpdir` itself (core modules are shared by
 * the files of a worker: it is put back when the file ends). Child processes inherit the run's root
 * (TMPDIR, test/global-setup.ts), which the global teardown removes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const root = process.env.MULTICLOUD_VPN_TEST_TMPDIR;
if (root) {
  const dir = mkdtempSync(join(root, 'file-'));
  const osTmpdir = os.tmpdir;
  os.tmpdir = () => dir;
  afterAll(() => {
    os.tmpdir = osTmpdir;
    rmSync(dir, { recursive: true, force: true });
  });
}
