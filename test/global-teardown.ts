/** Removes the run's temporary root (test/global-setup.ts) with whatever a test file left in it. */
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const root = process.env.MULTICLOUD_VPN_TEST_TMPDIR;
  if (root) rmSync(root, { recursive: true, force: true });
}
