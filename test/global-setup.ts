/**
 * One temporary root for the whole jest run, made before the workers start so that they and every
 * process they start inherit it as TMPDIR; each test file works in a directory of its own below it
 * (test/temp-dirs.ts) and test/global-teardown.ts removes it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup(): void {
  const root = mkdtempSync(join(tmpdir(), 'multicloud-vpn-jest-'));
  process.env.MULTICLOUD_VPN_TEST_TMPDIR = root;
  process.env.TMPDIR = root;
}
