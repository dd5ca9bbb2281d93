import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AWS_ENCRYPTION, AWS_IKE_VERSIONS, AWS_INTEGRITY, AWS_PHASE1_DH, AWS_PHASE2_DH, azureIpsecPolicy } from '../../../lib/plan';
import { planVpn, validatePlan } from '../../../lib/check/validate';
import type { AzureIpsecPolicyView, AzureView } from '../../../lib/peers/azure/view';
import { IkeParametersMatch } from '../../../lib/rules/ipsec/IkeParametersMatch';
import { checkCfn } from '../../../lib/check/registry';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView, synthView } from '../fixtures';

const rule = [IkeParametersMatch];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === IkeParametersMatch.id);

function connection(stack: Stack, spec: ec2.CfnVPNConnection.VpnTunnelOptionsSpecificationProperty): void {
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65000, ipAddress: '203.0.113.10' });
  new ec2.CfnVPNConnection(stack, 'Connection', {
    type: 'ipsec.1',
    customerGatewayId: cgw.ref,
    vpnGatewayId: vgw.ref,
    vpnTunnelOptionsSpecifications: [spec],
  });
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

  test('C24: lifetimes outside AWS ranges or phase 2 not below phase 1 are errors', () => {
    expect(ofRule({ ipsec: { phase2: { lifetimeSeconds: 7200 } } }).map((f) => f.message)).toEqual([
      expect.stringContaining("outside AWS's phase2 range 900–3600"),
    ]);
    const phase1 = ofRule({ ipsec: { phase1: { lifetimeSeconds: 3600 } } });
    expect(phase1.map((f) => f.path)).toEqual(['ipsec.phase2.lifetimeSeconds']);
    expect(phase1[0].message).toContain('not below the phase 1 lifetime 3600');
  });

  test("C24: any phase 1 lifetime AWS accepts (900–28800 s) is valid: Azure's fixed 28800 s IKE SA lifetime is local and need not match", () => {
    expect(ofRule({ ipsec: { phase1: { lifetimeSeconds: 900 }, phase2: { lifetimeSeconds: 899 } } }).map((f) => f.path)).toEqual([
      'ipsec.phase2.lifetimeSeconds',
    ]);
    expect(ofRule({ ipsec: { phase1: { lifetimeSeconds: 14400 } } })).toEqual([]);
    expect(ofRule({ ipsec: { phase1: { lifetimeSeconds: 28800 } } })).toEqual([]);
    // Exactly 900 s is AWS's minimum; phase 2 must still be below it, and phase 2's own minimum is 900 s too.
    const at900 = ofRule({ ipsec: { phase1: { lifetimeSeconds: 900 }, phase2: { lifetimeSeconds: 900 } } });
    expect(at900.map((f) => [f.path, f.level])).toEqual([['ipsec.phase2.lifetimeSeconds', 'error']]);
    expect(at900[0].message).toContain('not below the phase 1 lifetime 900');
  });

  test('C24: a phase 1 lifetime under 900 s or over 28800 s is refused, as AWS refuses it', () => {
    const under = ofRule({ ipsec: { phase1: { lifetimeSeconds: 899 } } });
    expect(under.map((f) => f.path)).toEqual(['ipsec.phase1.lifetimeSeconds', 'ipsec.phase2.lifetimeSeconds']);
    expect(under[0]).toMatchObject({ level: 'error', catalogue: ['C24'] });
    expect(under[0].message).toContain("899 s is outside AWS's phase1 range 900–28800");
    expect(under[0].fix).toContain('900–28800');
    expect(ofRule({ ipsec: { phase1: { lifetimeSeconds: 28801 } } }).map((f) => f.message)).toEqual([expect.stringContaining('28801 s is outside')]);
  });

  test('C24: tunnel options in AWS lists with phase 2 below phase 1 pass', () => {
    expect(checkCfn(
      synthView((s) =>
        connection(s, {
          phase1DhGroupNumbers: [{ value: 14 }, { value: 20 }],
          phase2EncryptionAlgorithms: [{ value: 'AES256-GCM-16' }],
          phase1LifetimeSeconds: 28800,
          phase2LifetimeSeconds: 3600,
        })
      ),
      rule,
    )).toEqual([]);
  });

  test('C24: a phase 1 DH group outside the AWS list and phase 2 lifetime ≥ phase 1 are errors', () => {
    // CDK's own template validation also warns about group 5 on the console; the rule must report it as an error.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const findings = checkCfn(
      synthView((s) =>
        connection(s, {
          phase1DhGroupNumbers: [{ value: 14 }, { value: 5 }],
          phase1LifetimeSeconds: 1800,
          phase2LifetimeSeconds: 1800,
        })
      ),
      rule,
    );
    expect(findings.map((f) => f.path)).toEqual(['Connection', 'Connection']);
    expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications[0].Phase1DHGroupNumbers contains 5');
    expect(findings[1].message).toContain('Phase2LifetimeSeconds (1800) is not below Phase1LifetimeSeconds (1800)');
    consoleError.mockRestore();
  });

  test("C24: Azure SA lifetimes are local: 300 s (Azure's minimum), under AWS's 900 s, and Azure's default 27000 s are accepted", () => {
    for (const saLifeTimeSeconds of [300, 600, 899, 27000]) {
      expect(checkAzure(withPolicy({ saLifeTimeSeconds }), rule)).toEqual([]);
    }
  });

  test('C24: cfn: lifetimes at AWS bounds pass; under 900 s or over the maximum are errors', () => {
    expect(checkCfn(synthView((s) => connection(s, { phase1LifetimeSeconds: 900, phase2LifetimeSeconds: 899 })), rule).map((f) => f.message))
      .toEqual([expect.stringContaining('Phase2LifetimeSeconds is 899, outside 900–3600')]);
    expect(checkCfn(synthView((s) => connection(s, { phase1LifetimeSeconds: 28800, phase2LifetimeSeconds: 900 })), rule)).toEqual([]);
    const findings = checkCfn(synthView((s) => connection(s, { phase1LifetimeSeconds: 899, phase2LifetimeSeconds: 3601 })), rule);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('Phase1LifetimeSeconds is 899, outside 900–28800'),
      expect.stringContaining('Phase2LifetimeSeconds is 3601, outside 900–3600'),
      expect.stringContaining('Phase2LifetimeSeconds (3601) is not below Phase1LifetimeSeconds (899)'),
    ]);
    expect(findings.every((f) => f.level === 'error' && f.catalogue.includes('C24'))).toBe(true);
  });

  test('C24: cfn: unknown algorithm and IKE version names are errors naming the property and the values AWS accepts', () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const findings = checkCfn(
      synthView((s) =>
        connection(s, {
          ikeVersions: [{ value: 'ikev3' }],
          phase1EncryptionAlgorithms: [{ value: '3DES' }],
          phase2IntegrityAlgorithms: [{ value: 'MD5' }],
        })
      ),
      rule,
    );
    quiet.mockRestore();
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('[0].IKEVersions contains "ikev3"'),
      expect.stringContaining('[0].Phase1EncryptionAlgorithms contains "3DES"'),
      expect.stringContaining('[0].Phase2IntegrityAlgorithms contains "MD5"'),
    ]);
    expect(findings[0].fix).toBe('values from ikev1, ikev2.');
    expect(findings[2].fix).toContain('SHA2-256');
  });

  test('C24: cfn: rekey margin (60 to half the phase 2 lifetime), fuzz (0–100) and replay window (64–2048) at their bounds pass', () => {
    expect(checkCfn(synthView((s) => connection(s, { rekeyMarginTimeSeconds: 60, rekeyFuzzPercentage: 0, replayWindowSize: 64 })), rule)).toEqual([]);
    expect(checkCfn(synthView((s) => connection(s, { rekeyMarginTimeSeconds: 1800, rekeyFuzzPercentage: 100, replayWindowSize: 2048 })), rule))
      .toEqual([]);
    expect(checkCfn(synthView((s) => connection(s, { phase2LifetimeSeconds: 1200, rekeyMarginTimeSeconds: 600 })), rule)).toEqual([]);
  });

  test('C24: cfn: rekey margin, fuzz and replay window outside what AWS accepts are errors', () => {
    const findings = checkCfn(
      synthView((s) => connection(s, { rekeyMarginTimeSeconds: 59, rekeyFuzzPercentage: 101, replayWindowSize: 4096 })),
      rule,
    );
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('RekeyMarginTimeSeconds is 59; AWS accepts 60 to half of Phase2LifetimeSeconds (3600 s → 1800)'),
      expect.stringContaining('RekeyFuzzPercentage is 101, outside 0–100'),
      expect.stringContaining('ReplayWindowSize is 4096, outside 64–2048'),
    ]);
    // Half the phase 2 lifetime bounds the margin: 601 s with a 1200 s phase 2 lifetime is refused.
    const margin = checkCfn(synthView((s) => connection(s, { phase2LifetimeSeconds: 1200, rekeyMarginTimeSeconds: 601 })), rule);
    expect(margin.map((f) => f.fix)).toEqual(["a value in 60–600; AWS's default is 270."]);
  });

  test('C24: an Azure DH group or PFS None that AWS does not offer is an error with the valid values', () => {
    const findings = checkAzure(withPolicy({ dhGroup: 'DHGroup1', pfsGroup: 'None' }), rule);
    expect(findings.map((f) => f.path)).toEqual([
      'connection cn-Instance0Tunnel1.ipsecPolicies[0].dhGroup',
      'connection cn-Instance0Tunnel1.ipsecPolicies[0].pfsGroup',
    ]);
    expect(findings[0].fix).toContain('DHGroup14');
    expect(findings[1].fix).toContain('PFS2048');
  });

  test('C24: GCM encryption with non-GCM integrity, an SA lifetime Azure refuses, or no policy at all are errors', () => {
    const gcm = checkAzure(withPolicy({ ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'SHA256', saLifeTimeSeconds: 299 }), rule);
    expect(gcm.map((f) => f.path)).toEqual([
      'connection cn-Instance0Tunnel1.ipsecPolicies[0].ipsecEncryption',
      'connection cn-Instance0Tunnel1.ipsecPolicies[0].saLifeTimeSeconds',
    ]);
    expect(gcm[0].fix).toContain('GCMAES256/GCMAES256');
    expect(gcm[1].message).toContain("below Azure's minimum Quick Mode SA lifetime of 300 s");
    const view = compliantAzureView();
    const none = checkAzure({ ...view, connections: view.connections.map((c) => ({ ...c, ipsecPolicies: [] })) }, rule);
    expect(none).toHaveLength(4);
  });

  test('C24: cfn: a value AWS does not allow is reported in each of the seven tunnel-option lists, naming the list', () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const findings = checkCfn(
      synthView((s) =>
        connection(s, {
          ikeVersions: [{ value: 'ikev3' }],
          phase1EncryptionAlgorithms: [{ value: 'DES' }],
          phase1IntegrityAlgorithms: [{ value: 'MD5' }],
          phase1DhGroupNumbers: [{ value: 1 }],
          phase2EncryptionAlgorithms: [{ value: '3DES' }],
          phase2IntegrityAlgorithms: [{ value: 'SHA2-224' }],
          phase2DhGroupNumbers: [{ value: 13 }],
        })
      ),
      rule,
    );
    quiet.mockRestore();
    expect(findings.map((f) => f.message.replace(/,.*$/, ''))).toEqual([
      'VpnTunnelOptionsSpecifications[0].IKEVersions contains "ikev3"',
      'VpnTunnelOptionsSpecifications[0].Phase1EncryptionAlgorithms contains "DES"',
      'VpnTunnelOptionsSpecifications[0].Phase1IntegrityAlgorithms contains "MD5"',
      'VpnTunnelOptionsSpecifications[0].Phase1DHGroupNumbers contains 1',
      'VpnTunnelOptionsSpecifications[0].Phase2EncryptionAlgorithms contains "3DES"',
      'VpnTunnelOptionsSpecifications[0].Phase2IntegrityAlgorithms contains "SHA2-224"',
      'VpnTunnelOptionsSpecifications[0].Phase2DHGroupNumbers contains 13',
    ]);
    expect(findings.map((f) => f.fix)).toEqual([
      'values from ikev1, ikev2.',
      'values from AES128, AES256, AES128-GCM-16, AES256-GCM-16.',
      'values from SHA1, SHA2-256, SHA2-384, SHA2-512.',
      'values from 2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24.',
      'values from AES128, AES256, AES128-GCM-16, AES256-GCM-16.',
      'values from SHA1, SHA2-256, SHA2-384, SHA2-512.',
      'values from 2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24.',
    ]);
    // Every value AWS lists passes: the lists hold the allowed values, not a subset.
    expect(checkCfn(synthView((s) => connection(s, awsEverywhere())), rule)).toEqual([]);
  });
});

/** Tunnel options listing every value AWS allows in each list (lib/plan/ipsec.ts), lifetimes at their defaults. */
function awsEverywhere(): ec2.CfnVPNConnection.VpnTunnelOptionsSpecificationProperty {
  const list = <T>(values: readonly T[]) => values.map((value) => ({ value }));
  return {
    ikeVersions: list(AWS_IKE_VERSIONS),
    phase1EncryptionAlgorithms: list(AWS_ENCRYPTION),
    phase1IntegrityAlgorithms: list(AWS_INTEGRITY),
    phase1DhGroupNumbers: list(AWS_PHASE1_DH),
    phase2EncryptionAlgorithms: list(AWS_ENCRYPTION),
    phase2IntegrityAlgorithms: list(AWS_INTEGRITY),
    phase2DhGroupNumbers: list(AWS_PHASE2_DH),
  };
}
