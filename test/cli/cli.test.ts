import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../lib/cli/cli';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'cli-'));
const example = join(__dirname, '../../vpn-plan.json');
function planFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('multicloud-vpn CLI', () => {
  test('plan prints the documented table rows and both ASNs', async () => {
    const { code, stdout, stderr } = await run('plan', example);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/AWS tunnel 1 to Azure instance 0 \| 169\.254\.21\.2 +\| 169\.254\.21\.1 +\| 169\.254\.21\.0\/30/);
    expect(stdout).toMatch(/AWS tunnel 2 to Azure instance 1 \| 169\.254\.22\.6 +\| 169\.254\.22\.5 +\| 169\.254\.22\.4\/30/);
    expect(stdout).toContain('AWS ASN 64512');
    expect(stdout).toContain('Azure ASN 65000');
    // seed 004 part 3: a tunnel to instance 1 leaves the primary at 169.254.21.2
    expect(stdout).toMatch(/AWS tunnel 1 to Azure instance 1 \| not used \(169\.254\.21\.2\) +\| 169\.254\.21\.6/);
  });

  test('plan --json prints the resolved plan', async () => {
    const { code, stdout } = await run('plan', example, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).tunnels.map((t: { insideCidr: string }) => t.insideCidr)).toEqual([
      '169.254.21.0/30', '169.254.22.0/30', '169.254.21.4/30', '169.254.22.4/30',
    ]);
  });

  test('an invalid plan prints every finding on stderr, nothing on stdout, and exits 1', async () => {
    const file = planFile('bad.json', { aws: { asn: 65000 }, tunnels: [{ azureInstance: 0, awsTunnel: 1, insideCidr: '169.254.21.1/30' }] });
    const { code, stdout, stderr } = await run('plan', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('tunnels[0].insideCidr');
    expect(stderr).toContain('C01');
    expect(stderr).toContain('aws.asn');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('usage errors exit 2 with the usage on stderr; --help exits 0 on stdout', async () => {
    expect(await run('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown verb 'frobnicate'") });
    expect(await run()).toMatchObject({ code: 2, stderr: expect.stringContaining('no verb given') });
    expect(await run('plan', example, 'extra')).toMatchObject({ code: 2 });
    expect(await run('--bogus')).toMatchObject({ code: 2 });
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: multicloud-vpn');
  });

  test('diagram prints a Mermaid flowchart with all four tunnels', async () => {
    const { code, stdout } = await run('diagram', example);
    expect(code).toBe(0);
    expect(stdout.startsWith('flowchart LR')).toBe(true);
    for (const cidr of ['169.254.21.0/30', '169.254.22.0/30', '169.254.21.4/30', '169.254.22.4/30']) expect(stdout).toContain(cidr);
  });

  test('diff says when a change replaces a VPN connection, and when it does not', async () => {
    const same = await run('diff', example, planFile('renamed.json', { name: 'renamed' }));
    expect(same.stdout).toMatch(/No AWS VPN connection is replaced/);
    const moved = planFile('moved.json', { tunnels: [{ azureInstance: 1, awsTunnel: 2, insideCidr: '169.254.22.8/30' }] });
    const changed = await run('diff', example, moved);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('REPLACED AWS VPN connection 2');
    expect(changed.stdout).toContain('Instance1Tunnel2 inside CIDR → 169.254.22.8/30');
    expect(changed.stdout).not.toContain('VPN connection 1');
    expect(await run('diff', example)).toMatchObject({ code: 2 });
  });
});
