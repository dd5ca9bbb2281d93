import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, USAGE } from '../../lib/cli/cli';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

// The installed package's --version is checked by scripts/package-check (dist/cli, npx).
describe('multicloud-vpn --version', () => {
  const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string; };

  test("prints package.json's version alone on stdout and exits 0, without reading a plan", async () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await run('--version')).toEqual({ code: 0, stdout: version, stderr: '' });
  });

  test('is listed in the usage, and is not an option of a verb (usage error, exit 2)', async () => {
    expect(USAGE).toMatch(/^ {2}--version +print the package version$/m);
    const { code, stdout, stderr } = await run('plan', '--version');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain("'--version'");
  });
});
