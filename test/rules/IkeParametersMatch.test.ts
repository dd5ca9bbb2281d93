import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AWS_PHASE1_DH, azureIpsecPolicy, planVpn, validatePlan } from '../../lib/plan';
import type { AzureIpsecPolicyView, AzureView } from '../../lib/rules/azure-view';
import { IkeParametersMatch } from '../../lib/rules/IkeParametersMatch';
import { checkAzure, checkCfn } from '../../lib/rules/registry';
import { compliantAzureView, synthView } from './fixtures';

const rule = [IkeParametersMatch];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === IkeParametersMatch.id);

function connection(stack: Stack, spec: ec2.CfnVPNConnection.VpnTunnelOptionsSpecificationProperty): void {
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65000, ipAddress: '203.0.113.10' });
  new ec2.CfnVPNConnection(stack, 'Connection', { type: 'ipsec.1', customerGatewayId: cgw.ref, vpnGatewayId: vgw.ref, vpnTunnelOptionsSpecifications: [spec] });
}

function withPolicy(change: Partial<AzureIpsecPolicyView>): AzureView {
  const view = compliantAzureView();
  return { ...view, connections: view.connections.map((c, i) => (i === 0 ? { ...c, ipsecPolicies: [{ ...c.ipsecPolicies[0], ...change }] } : c)) };
}

describe('IkeParametersMatch', () => {
  test('C24: the default plan and the compliant Azure view have no finding', () => {
    expect(ofRule({})).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test('C24: the Azure policy the plan maps to is accepted for every phase 1 DH group both clouds know', () => {
    for (const dhGroup of [2, 14, 19, 20, 24]) {
      const plan = planVpn({ ipsec: { phase1: { dhGroup }, phase2: { dhGroup } } });
      const mapped = azureIpsecPolicy(plan.ipsec) as AzureIpsecPolicyView;
      expect(checkAzure(withPolicy(mapped), rule)).toEqual([]);
    }
  });

  test('C24: a DH group AWS refuses is an error listing the values both accept', () => {
    const findings = ofRule({ ipsec: { phase1: { dhGroup: 5 } } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'ipsec.phase1.dhGroup', ruleId: 'IkeParametersMatch', catalogue: ['C24'], level: 'error' });
    expect(findings[0].message).toContain('5 is not allowed by AWS for phase1');
    expect(findings[0].fix).toBe('one of 2, 14, 19, 20, 24.');
    expect(AWS_PHASE1_DH).not.toContain(5);
  });

  test('C24: an AWS value Azure cannot express is an error on its path', () => {
    const findings = ofRule({ ipsec: { phase1: { integrity: 'SHA2-512' }, phase2: { dhGroup: 5 } } });
    expect(findings.map((f) => f.path)).toEqual(['ipsec.phase1.integrity', 'ipsec.phase2.dhGroup']);
    expect(findings[0].message).toContain('no Azure equivalent');
  });

  test('C24: an unknown algorithm name is an error', () => {
    expect(ofRule({ ipsec: { phase2: { encryption: '3DES' } } }).map((f) => f.path)).toEqual(['ipsec.phase2.encryption']);
  });

  test('C24: lifetimes outside AWS ranges, different from Azure 28800 or phase 2 not below phase 1 are errors', () => {
    expect(ofRule({ ipsec: { phase2: { lifetimeSeconds: 7200 } } }).map((f) => f.message)).toEqual([expect.stringContaining('outside AWS\'s phase2 range 900–3600')]);
    const phase1 = ofRule({ ipsec: { phase1: { lifetimeSeconds: 3600 } } });
    expect(phase1.map((f) => f.path)).toEqual(['ipsec.phase1.lifetimeSeconds', 'ipsec.phase2.lifetimeSeconds']);
    expect(phase1[0].message).toContain('fixed at 28800');
    expect(phase1[1].message).toContain('not below the phase 1 lifetime 3600');
  });

  test('C24: tunnel options in AWS lists with phase 2 below phase 1 pass', () => {
    expect(checkCfn(synthView((s) => connection(s, {
      phase1DhGroupNumbers: [{ value: 14 }, { value: 20 }], phase2EncryptionAlgorithms: [{ value: 'AES256-GCM-16' }],
      phase1LifetimeSeconds: 28800, phase2LifetimeSeconds: 3600,
    })), rule)).toEqual([]);
  });

  test('C24: a phase 1 DH group outside the AWS list and phase 2 lifetime ≥ phase 1 are errors', () => {
    // CDK's own template validation also warns about group 5 on the console; the rule must report it as an error.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const findings = checkCfn(synthView((s) => connection(s, {
      phase1DhGroupNumbers: [{ value: 14 }, { value: 5 }], phase1LifetimeSeconds: 1800, phase2LifetimeSeconds: 1800,
    })), rule);
    expect(findings.map((f) => f.path)).toEqual(['Connection', 'Connection']);
    expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications[0].Phase1DHGroupNumbers contains 5');
    expect(findings[1].message).toContain('Phase2LifetimeSeconds (1800) is not below Phase1LifetimeSeconds (1800)');
    consoleError.mockRestore();
  });

  test('C24: an Azure DH group or PFS None that AWS does not offer is an error with the valid values', () => {
    const findings = checkAzure(withPolicy({ dhGroup: 'DHGroup1', pfsGroup: 'None' }), rule);
    expect(findings.map((f) => f.path)).toEqual(['connection cn-Instance0Tunnel1.ipsecPolicies[0].dhGroup', 'connection cn-Instance0Tunnel1.ipsecPolicies[0].pfsGroup']);
    expect(findings[0].fix).toContain('DHGroup14');
    expect(findings[1].fix).toContain('PFS2048');
  });

  test('C24: GCM encryption with non-GCM integrity, a too long SA lifetime, or no policy at all are errors', () => {
    const gcm = checkAzure(withPolicy({ ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'SHA256', saLifeTimeSeconds: 27000 }), rule);
    expect(gcm.map((f) => f.path)).toEqual(['connection cn-Instance0Tunnel1.ipsecPolicies[0].ipsecEncryption', 'connection cn-Instance0Tunnel1.ipsecPolicies[0].saLifeTimeSeconds']);
    expect(gcm[0].fix).toContain('GCMAES256/GCMAES256');
    const view = compliantAzureView();
    const none = checkAzure({ ...view, connections: view.connections.map((c) => ({ ...c, ipsecPolicies: [] })) }, rule);
    expect(none).toHaveLength(4);
  });
});
