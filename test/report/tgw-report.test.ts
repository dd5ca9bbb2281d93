/**
 * Issue 11, report and CLI: `plan` and `diagram` show the transit gateway, its route table and the
 * ECMP state (C29), and print nothing new for a VGW plan; `diff` says that VGW → TGW and acceleration
 * on/off (C27) replace both VPN connections (new outside IPs), once, and what to do.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../lib/cli/cli';
import { planVpn } from '../../lib/check/validate';
import { loadPlanFile } from '../../lib/check/file';
import { replacementsBetween } from '../../lib/plan';
import { mermaidDiagram } from '../../lib/report/mermaid';
import { planSummary } from '../../lib/report/table';

const ROOT = join(__dirname, '..', '..');
const VGW_FILE = join(ROOT, 'vpn-plan.json');
const TGW_FILE = join(ROOT, 'examples', 'tgw-plan.json');
const tgwInput = JSON.parse(readFileSync(TGW_FILE, 'utf8'));
const tgwWith = (target: Record<string, unknown>) =>
  planVpn({ ...tgwInput, aws: { ...tgwInput.aws, target: { ...tgwInput.aws.target, ...target } } });

async function run(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
  return { code, stdout: out.join('\n') };
}

describe('plan and diagram (C29: ECMP state shown)', () => {
  test('the TGW plan names the transit gateway, ECMP enable, its route table and the VPC attachment; no VGW in the diagram', () => {
    const plan = loadPlanFile(TGW_FILE);
    const summary = planSummary(plan);
    expect(summary).toContain('Transit gateway (new, ASN 64512): VPN ECMP enable (all four tunnels carry traffic)');
    expect(summary).toMatch(
      /Transit gateway route table: new .*VPC attachment: private subnets, one per AZ, with a route to 10\.1\.0\.0\/16 via the TGW/,
    );
    const diagram = mermaidDiagram(plan);
    expect(diagram).toContain('TGW["Transit gateway (new)<br/>ASN 64512<br/>VPN ECMP enable"]');
    expect(diagram).toContain('TGWRT["TGW route table (new)');
    expect(diagram).toContain('TGW --- VPN1 & VPN2');
    expect(diagram).not.toContain('VGW');
  });

  test('ECMP disable, an existing gateway and table, and acceleration are shown as such', () => {
    const plan = tgwWith({
      transitGatewayId: 'tgw-0123456789abcdef0',
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      routeTable: { id: 'tgw-rtb-0123456789abcdef0' },
      vpnEcmpSupport: 'disable',
      enableAcceleration: true,
    });
    expect(planSummary(plan)).toMatch(/Transit gateway \(existing tgw-0123456789abcdef0, ASN 64512\): VPN ECMP disable \(one tunnel preferred\)/);
    expect(planSummary(plan)).toMatch(/route table: tgw-rtb-0123456789abcdef0 .*acceleration on/);
    expect(mermaidDiagram(plan)).toMatch(/VPN ECMP disable<br\/>accelerated/);
  });

  test('a VGW plan: no transit gateway line, the VGW node as before', () => {
    const plan = loadPlanFile(VGW_FILE);
    expect(planSummary(plan)).not.toMatch(/[Tt]ransit gateway/);
    expect(mermaidDiagram(plan)).toContain('VGW["Virtual private gateway<br/>ASN 64512"]');
    expect(mermaidDiagram(plan)).not.toContain('TGW');
  });
});

describe('diff: changes that replace both VPN connections (C27, aws.target)', () => {
  test('VGW → TGW replaces both connections once, with the reason and what to do next; TGW → VGW likewise', () => {
    const vgw = loadPlanFile(VGW_FILE);
    const tgw = loadPlanFile(TGW_FILE);
    const there = replacementsBetween(vgw, tgw);
    expect(there.map((r) => r.resource)).toEqual(['AWS VPN connections 1 and 2']);
    expect(there[0].reasons[0]).toMatch(/a virtual private gateway → a new transit gateway/);
    expect(there[0].consequence).toMatch(/new tunnel outside IPs.*pulumi up/);
    expect(replacementsBetween(tgw, vgw).map((r) => r.resource)).toEqual(['AWS VPN connections 1 and 2']);
  });

  test('acceleration on and off replaces both connections; the same TGW plan replaces nothing', () => {
    const off = loadPlanFile(TGW_FILE);
    const on = tgwWith({ enableAcceleration: true });
    expect(replacementsBetween(off, on)).toEqual([
      expect.objectContaining({ resource: 'AWS VPN connections 1 and 2', reasons: [expect.stringMatching(/enableAcceleration false → true/)] }),
    ]);
    expect(replacementsBetween(on, off)[0].reasons).toEqual([expect.stringMatching(/enableAcceleration true → false/)]);
    expect(replacementsBetween(off, loadPlanFile(TGW_FILE))).toEqual([]);
  });

  test('the CLI verb prints it and --fail exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tgw-diff-'));
    try {
      const accelerated = join(dir, 'accelerated.json');
      writeFileSync(
        accelerated,
        JSON.stringify({ ...tgwInput, aws: { ...tgwInput.aws, target: { ...tgwInput.aws.target, enableAcceleration: true } } }),
      );
      const toTgw = await run('diff', VGW_FILE, TGW_FILE);
      expect(toTgw.code).toBe(0);
      expect(toTgw.stdout).toMatch(/^REPLACED AWS VPN connections 1 and 2:\n {2}- aws\.target: a virtual private gateway → a new transit gateway/);
      expect(await run('diff', TGW_FILE, accelerated, '--fail')).toMatchObject({
        code: 1,
        stdout: expect.stringContaining('aws.target.enableAcceleration false → true'),
      });
      expect(await run('plan', TGW_FILE)).toMatchObject({ code: 0, stdout: expect.stringContaining('VPN ECMP enable') });
      expect(await run('diagram', TGW_FILE)).toMatchObject({ code: 0, stdout: expect.stringContaining('TGW --- TGWRT') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
