import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlan } from '../../lib/plan';
import { RULES, checkAzure, checkPlan } from '../../lib/rules/registry';
import { compliantAzureView } from './fixtures';

const CATALOGUE = join(__dirname, '../../../shared/CONSTRAINTS.md');

describe('rule registry', () => {
  test('pins the list of rule ids, in catalogue order', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'InsideCidrIsApipaSlash30', 'InsideCidrNotReserved', 'InsideCidrInAzureApipaRange', 'InsideCidrUnique',
      'AwsFirstHostAzureSecondHost', 'TunnelInsideIpv4OnVgw', 'AzureAndAwsAsnsDiffer', 'VgwAsnIsPrivate',
      'CustomerGatewayAsnValid', 'AzureAsnNotReserved', 'PeerAsnsMatch',
      'RoutingIsDynamicBgp', 'ConnectionCustomBgpIpPerInstance', 'AzureGatewayActiveActive', 'FourTunnelTopology',
      'AzureGatewayRouteBasedBgpSku', 'GatewaySubnetNameAndSize', 'VpcVnetNoOverlap', 'VpnQuotas', 'TunnelHasInitiator',
      'DeadPeerDetectionOnBothEnds', 'PresharedKeyFormat', 'NoPlaintextPresharedKey', 'IkeParametersMatch', 'UsesIkeV2',
      'RouteBasedSingleSaPair', 'NoAccelerationOnVgw',
      'RouteTablesRouteToVpnGateway', 'TransitGatewayVpnRouting', 'SecurityRulesAdmitPeerCidrs',
      'GatewayEndpointRouteTablesAndDns', 'GatewayEndpointTrafficAllowed', 'GatewayEndpointNotReachableOverVpn',
      'TunnelAlarmsConfigured', // C43: a README row, not in CONSTRAINTS.md
    ]);
  });

  test('every rule is complete: catalogue numbers, text, at least one check', () => {
    for (const rule of RULES) {
      expect(rule.catalogue.length).toBeGreaterThan(0);
      rule.catalogue.forEach((c) => expect(c).toMatch(/^C\d{2}$/));
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.explanation).toMatch(/seed|AWS|Azure/);
      expect(rule.fix.length).toBeGreaterThan(5);
      expect(Boolean(rule.plan || rule.cfn || rule.azure)).toBe(true);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  test('the documented example passes every plan and azure rule', () => {
    const { plan, findings } = validatePlan({});
    expect(findings).toEqual([]);
    expect(checkAzure(compliantAzureView(plan))).toEqual([]);
  });

  test('checkPlan attaches the rule id, catalogue numbers and level to each violation (C07)', () => {
    const { findings } = validatePlan({ aws: { asn: 65000 } });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'AzureAndAwsAsnsDiffer', catalogue: ['C07'], level: 'error', path: 'azure.asn' })]);
  });

  test('a subset of rules can be run on its own', () => {
    const { findings } = validatePlan({});
    expect(findings).toEqual([]);
    const onlyC01 = RULES.filter((r) => r.id === 'InsideCidrIsApipaSlash30');
    const context = { spec: {} as never, sharedGateway: [], tunnels: [{ azureInstance: 0 as const, awsTunnel: 1 as const, insideCidr: '169.254.21.3/30', path: 'tunnels[0]', allocated: false }] };
    expect(checkPlan(context, onlyC01).map((f) => f.ruleId)).toEqual(['InsideCidrIsApipaSlash30']);
  });

  // The catalogue lives beside the repository (../shared), as in CI.
  (existsSync(CATALOGUE) ? test : test.skip)('every catalogue row whose "where" names cfn, azure or plan has a rule with that scope', () => {
    const rows = readFileSync(CATALOGUE, 'utf8')
      .split('\n')
      .map((line) => /^\| (C\d{2}) \|.*\| ([a-z, ]+) \| [^|]+\|$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ number: m[1], where: m[2].split(',').map((s) => s.trim()) }));
    expect(rows.length).toBeGreaterThanOrEqual(37);
    const missing: string[] = [];
    for (const { number, where } of rows) {
      // C34–C37 describe an Alibaba Cloud peer, which a plan cannot express (see README, "Coverage").
      if (['C34', 'C35', 'C36', 'C37'].includes(number)) continue;
      for (const scope of where as ('plan' | 'cfn' | 'azure')[]) {
        if (!RULES.some((r) => r.catalogue.includes(number as `C${number}`) && r[scope])) missing.push(`${number} ${scope}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
