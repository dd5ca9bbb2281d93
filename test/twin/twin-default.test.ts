/**
 * The twin on the documented example plan (vpn-plan.json): four tunnels and their BGP sessions up
 * between strongSwan and FRR, configured only from the emitted halves, the VPC and VNet prefixes
 * exchanged; nothing left behind, even after an interrupt. Root and the Debian packages (gate.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlanFile } from '../../lib/check/file';
import type { TwinResult } from '../../lib/twin';
import { twinNamespaces } from '../../lib/twin/lab';
import { twinSummary, twinTable } from '../../lib/twin/report';
import { describeTwin, stillRunning } from './gate';

const ROOT = join(__dirname, '..', '..');
/** A pre-shared key as generated (32 letters and digits); none may appear in any output (C23). */
const KEY_LIKE = /(?<![A-Za-z0-9])[A-Za-z0-9]{32}(?![A-Za-z0-9])/;

describeTwin('digital twin: the example plan comes up (C05, C11, C13, C15, C20, C22, C24)', () => {
  let result: TwinResult;
  const lines: string[] = [];

  beforeAll(async () => {
    // Loaded here: a skipped suite must not pay for CDK and Pulumi.
    const { runTwin } = await import('../../lib/twin/twin');
    result = await runTwin({ plan: loadPlanFile(join(ROOT, 'vpn-plan.json')), log: (line) => lines.push(line) });
  }, 150_000);

  test('every tunnel: IKE SA established, child SA installed, BGP Established, a prefix each way', () => {
    expect(
      result.tunnels.map((
        t,
      ) => [t.tunnel, t.observation.ike, t.observation.child, t.observation.bgp, t.routes.aws >= 1, t.routes.azure >= 1, t.diagnosis]),
    ).toEqual([
      ['Instance0Tunnel1', 'ESTABLISHED', 'INSTALLED', 'Established', true, true, undefined],
      ['Instance0Tunnel2', 'ESTABLISHED', 'INSTALLED', 'Established', true, true, undefined],
      ['Instance1Tunnel1', 'ESTABLISHED', 'INSTALLED', 'Established', true, true, undefined],
      ['Instance1Tunnel2', 'ESTABLISHED', 'INSTALLED', 'Established', true, true, undefined],
    ]);
    expect(result.allUp).toBe(true);
  });

  test('each AWS tunnel has its own outside address and reaches the Azure instance of its customer gateway (C15)', () => {
    expect(new Set(result.tunnels.map((t) => t.awsOutside)).size).toBe(4);
    expect(result.tunnels.map((t) => t.azureInstance)).toEqual([0, 0, 1, 1]);
    expect(new Set(result.tunnels.map((t) => t.azureOutside)).size).toBe(2);
    expect(result.tunnels.map((t) => `${t.awsBgpIp}-${t.azureBgpIp}`)).toEqual([
      '169.254.21.1-169.254.21.2',
      '169.254.22.1-169.254.22.2',
      '169.254.21.5-169.254.21.6',
      '169.254.22.5-169.254.22.6',
    ]);
  });

  test("the negotiated algorithms are the plan's, and the child SAs rekey with its PFS group (C24)", () => {
    for (const t of result.tunnels) {
      expect(t.ikeAlgorithms).toBe('AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048');
      expect(t.ipsecDetail).toBe('TUNNEL-in-UDP ESP:AES_CBC-256/HMAC_SHA2_256_128/MODP_2048');
    }
    expect(result.pfsRekeyed).toBe(true);
  });

  test("the VNet prefix is in the AWS routing table and the VPC prefix in both Azure instances'; a ping crosses", () => {
    expect(result.prefixesInFib).toBe(true);
    expect(result.dataPlane).toBe(true);
  });

  test('the table and the log name every tunnel and never print a key (C23)', () => {
    const table = twinTable(result);
    for (const t of result.tunnels) expect(table).toContain(`| ${t.tunnel} |`);
    const everything = [...lines, table, twinSummary(result), JSON.stringify(result)].join('\n');
    expect(everything).not.toMatch(KEY_LIKE);
  });

  test('nothing is left: every daemon stopped by its PID, every namespace and the run directory removed', () => {
    expect(result.lab.daemons.map((d) => d.name).sort()).toEqual(['bgpd', 'bgpd', 'bgpd', 'charon', 'charon', 'charon', 'zebra', 'zebra', 'zebra']);
    expect(stillRunning(result.lab.daemons)).toEqual([]);
    expect(twinNamespaces().filter((n) => result.lab.namespaces.includes(n))).toEqual([]);
    expect(existsSync(result.lab.runDir)).toBe(false);
  });

  test('an interrupt (SIGINT) of `multicloud-vpn twin` still tears everything down', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'multicloud-vpn.js'), 'twin', join(ROOT, 'vpn-plan.json')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const started = new Promise<void>((resolve) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/daemons started/.test(stderr)) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await Promise.race([started, exited]);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const namespaces = /namespaces (\S+), (\S+), (\S+) up/.exec(stderr)!.slice(1);
    const daemons = [...stderr.matchAll(/(aws|az0|az1) (charon|zebra|bgpd) (\d+)/g)].map((m) => ({ name: m[2], pid: Number(m[3]) }));
    expect(daemons).toHaveLength(9);
    expect(stillRunning(daemons)).toEqual([]);
    expect(twinNamespaces().filter((n) => namespaces.includes(n))).toEqual([]);
  }, 150_000);
}, { announce: true });
