import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, VERBS } from '../../lib/cli/cli';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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
    expect(JSON.parse(stdout).tunnels.map((t: { insideCidr: string; }) => t.insideCidr)).toEqual([
      '169.254.21.0/30',
      '169.254.22.0/30',
      '169.254.21.4/30',
      '169.254.22.4/30',
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

  test('azure lists the Azure resources of the example with the AWS hand-off, every key masked', async () => {
    const { code, stdout, stderr } = await run('azure', example, '--aws-outputs', join(__dirname, '../../samples/aws-outputs.json'));
    expect(code).toBe(0);
    expect(stderr).toMatch(/stand-in pre-shared key/);
    const resources: { type: string; inputs: Record<string, unknown>; }[] = JSON.parse(stdout);
    const count = (type: string) => resources.filter((r) => r.type === `azure-native:network:${type}`).length;
    expect([count('PublicIPAddress'), count('VirtualNetworkGateway'), count('LocalNetworkGateway'), count('VirtualNetworkGatewayConnection')])
      .toEqual([2, 1, 4, 4]);
    const connections = resources.filter((r) => r.type.endsWith('VirtualNetworkGatewayConnection'));
    expect(connections.every((c) => c.inputs.sharedKey === '[secret]')).toBe(true);
  }, 60_000);

  test('azure without a hand-off file lists the first run: public IPs and the gateway only', async () => {
    const { code, stdout } = await run('azure', example);
    expect(code).toBe(0);
    const types = JSON.parse(stdout).map((r: { type: string; }) => r.type);
    expect(types).toContain('azure-native:network:VirtualNetworkGateway');
    expect(types).not.toContain('azure-native:network:LocalNetworkGateway');
  }, 60_000);

  test('azure with a missing hand-off file exits 1 naming the file', async () => {
    const { code, stderr } = await run('azure', example, '--aws-outputs', join(dir, 'absent.json'));
    expect(code).toBe(1);
    expect(stderr).toContain('absent.json');
  }, 60_000);

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

  test('diff --fail exits 1 when a VPN connection is replaced and 0 when nothing is; --json lists the replacements', async () => {
    const moved = planFile('moved-fail.json', { tunnels: [{ azureInstance: 1, awsTunnel: 2, insideCidr: '169.254.22.8/30' }] });
    expect(await run('diff', example, moved, '--fail')).toMatchObject({ code: 1, stdout: expect.stringContaining('REPLACED AWS VPN connection 2') });
    expect(await run('diff', example, planFile('renamed-fail.json', { name: 'renamed' }), '--fail')).toMatchObject({ code: 0 });
    const json = await run('diff', example, moved, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).replacements.map((r: { resource: string; }) => r.resource)).toEqual(['AWS VPN connection 2']);
  });

  test('diagram --json prints the diagram inside a JSON object', async () => {
    const { code, stdout } = await run('diagram', example, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).mermaid.startsWith('flowchart LR')).toBe(true);
  });

  test.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'Plan'])('unknown verb %s exits 2 with the usage', async (verb) => {
    const { code, stdout, stderr } = await run(verb, example);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`unknown verb '${verb}'`);
    expect(stderr).toContain('Usage: multicloud-vpn');
  });

  test.each([
    ['plan', '--aws-outputs', 'x.json'],
    ['diagram', '--fail'],
    ['plan', '--fail'],
    ['diff', '--aws-outputs', 'x.json'],
  ])('%s %s: an option that does not apply to the verb exits 2', async (verb, ...options) => {
    const files = verb === 'diff' ? [example, example] : [example];
    const { code, stderr } = await run(verb, ...files, ...options);
    expect(code).toBe(2);
    expect(stderr).toContain(`option '${options[0]}' does not apply to '${verb}'`);
  });

  test('an empty --aws-outputs says which option is empty', async () => {
    expect(await run('azure', example, '--aws-outputs=')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("option '--aws-outputs' is empty"),
    });
  });

  test('every verb is declared once with its usage, and every verb that prints data takes --json', () => {
    expect([...VERBS.keys()]).toEqual(['plan', 'diagram', 'azure', 'alibaba', 'diff', 'peers']);
    for (const verb of VERBS.values()) expect(Object.keys(verb.options)).toContain('json');
  });

  test("--version prints package.json's version", async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(await run('--version')).toMatchObject({ code: 0, stdout: version });
  });

  test('azure without --aws-outputs says what the listing leaves out', async () => {
    const { code, stderr } = await run('azure', example);
    expect(code).toBe(0);
    expect(stderr).toMatch(/no --aws-outputs given.*Left out: the four local network gateways.*the four connections/s);
  }, 60_000);
});

describe('Alibaba plans (issue 10): plan, diagram and the offline listing', () => {
  const alibabaPlan = join(__dirname, '../../examples/alibaba-plan.json');

  test('C39: plan prints the four-tunnel table: connection, role active/standby, gateway IP, the AWS tunnel faced, tunnel CIDR, BGP addresses', async () => {
    const { code, stdout, stderr } = await run('plan', alibabaPlan);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain('Alibaba Cloud ASN 45104');
    expect(stdout).toContain('BGP ASN 45104');
    const rows = stdout.split('\n').filter((l) => l.startsWith('| aws-alibaba-vpn-ipsec-')).map((l) =>
      l.split('|').slice(1, -1).map((c) => c.trim())
    );
    expect(rows).toEqual([
      ['aws-alibaba-vpn-ipsec-1', '1', 'active (master)', 'IP 1', 'AWS connection 1 tunnel 1', '169.254.21.0/30', '169.254.21.2', '169.254.21.1'],
      ['aws-alibaba-vpn-ipsec-1', '2', 'standby (slave)', 'IP 2', 'AWS connection 2 tunnel 1', '169.254.21.4/30', '169.254.21.6', '169.254.21.5'],
      ['aws-alibaba-vpn-ipsec-2', '1', 'active (master)', 'IP 1', 'AWS connection 1 tunnel 2', '169.254.22.0/30', '169.254.22.2', '169.254.22.1'],
      ['aws-alibaba-vpn-ipsec-2', '2', 'standby (slave)', 'IP 2', 'AWS connection 2 tunnel 2', '169.254.22.4/30', '169.254.22.6', '169.254.22.5'],
    ]);
  });

  test('diagram draws both gateway IPs and each AWS tunnel to its Alibaba connection with role, CIDR and BGP addresses', async () => {
    const { code, stdout } = await run('diagram', alibabaPlan);
    expect(code).toBe(0);
    expect(stdout).toContain('IP 1 · IP 2');
    expect(stdout).toContain('VPN2 <-->|"tunnel 1 ⇄ Alibaba tunnel 2 standby (slave): 169.254.21.4/30<br/>169.254.21.5 ⇄ 169.254.21.6"| CONN1');
    expect(stdout).not.toContain('Azure');
  });

  test('C39: alibaba lists one gateway, four customer gateways and two connections with paired tunnels; keys masked', async () => {
    const { code, stdout } = await run('alibaba', alibabaPlan, '--aws-outputs', join(__dirname, '../../samples/alibaba-aws-outputs.json'), '--json');
    expect(code).toBe(0);
    const listing = JSON.parse(stdout) as {
      resources: { type: string; }[];
      tunnels: { connection: string; role: string; gatewayIp: string; tunnelCidr: string; presharedKey: string; }[];
    };
    const count = (type: string) => listing.resources.filter((r) => r.type === `alicloud:vpn/${type}`).length;
    expect([count('gateway:Gateway'), count('customerGateway:CustomerGateway'), count('connection:Connection')]).toEqual([1, 4, 2]);
    expect(listing.tunnels.map((t) => [t.role, t.tunnelCidr])).toEqual([
      ['master', '169.254.21.0/30'],
      ['slave', '169.254.21.4/30'],
      ['master', '169.254.22.0/30'],
      ['slave', '169.254.22.4/30'],
    ]);
    expect(new Set(listing.tunnels.map((t) => t.presharedKey))).toEqual(new Set(['[secret]']));
    expect(stdout).not.toMatch(/"psk": "(?!\[secret\])/);
  });

  test('alibaba on an Azure plan exits 1 and points at the azure verb', async () => {
    expect(await run('alibaba', example)).toMatchObject({ code: 1, stderr: expect.stringContaining('has no `alibaba` peer') });
  });
});

describe('peers (issue 9: the CLI listing of the peer-kind registry)', () => {
  test('C13, C22: lists the azure peer kind with the rules of its scope; --json gives the same rows', async () => {
    const text = await run('peers');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^azure: \d+ rules; the Azure resource arguments/m);
    const json = await run('peers', '--json');
    const rows = JSON.parse(json.stdout) as { kind: string; rules: string[]; }[];
    expect(rows.map((r) => r.kind)).toEqual(['azure', 'alibaba']);
    // Issue 10: the alibaba scope lists exactly the Alibaba rules (C34–C37, C39–C42).
    expect(rows[1].rules).toEqual([
      'AlibabaDualTunnel',
      'AlibabaTunnelCidr',
      'AlibabaBgpAsn',
      'AlibabaSeveralCidrsNeedIkeV2',
      'AlibabaAwsPairing',
      'AlibabaIkeIpsecExplicit',
      'AlibabaCustomerGatewayAsn',
      'AlibabaOneOperationAtATime',
    ]);
    // Rules with an Azure check are listed; a CloudFormation-only rule is not.
    expect(rows[0].rules).toEqual(expect.arrayContaining(['ConnectionCustomBgpIpPerInstance', 'PresharedKeyFormat']));
    expect(rows[0].rules).not.toContain('RouteTablesRouteToVpnGateway');
    expect(text.stdout).toContain(`azure: ${rows[0].rules.length} rules`);
  });
  test('peers takes no file: an argument is a usage error (exit 2)', async () => {
    expect(await run('peers', 'vpn-plan.json')).toMatchObject({ code: 2, stderr: expect.stringContaining("unexpected argument 'vpn-plan.json'") });
  });
});
