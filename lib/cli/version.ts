import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The package's version, read from its package.json at run time: that file is two levels above both
 * `lib/cli/` (a checkout) and `dist/cli/` (the installed package), and outside the build's rootDir.
 */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string; }).version;
}
