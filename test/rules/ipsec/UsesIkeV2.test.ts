import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validatePlan } from '../../../lib/check/validate';
import { checkCfn } from '../../../lib/check/registry';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { UsesIkeV2 } from '../../../lib/rules/ipsec/UsesIkeV2';
import { compliantAzureView, synthView } from '../fixtures';

const rule = [UsesIkeV2];

function connection(stack: Stack, ikeVersions?: string[]): void {
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65000, ipAddress: '203.0.113.10' });
  new ec2.CfnVPNConnection(stack, 'Connection', {
    type: 'ipsec.1',
    customerGatewayId: cgw.ref,
    vpnGatewayId: vgw.ref,
    vpnTunnelOptionsSpecifications: [{ ikeVersions: ikeVersions?.map((value) => ({ value })) }, {}],
  });
}

describe('UsesIkeV2', () => {
  test('C25: the default plan (ikev2) and the compliant view have no finding', () => {
    expect(validatePlan({}).findings.filter((f) => f.ruleId === UsesIkeV2.id)).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test('C25: ikeVersion ikev1 is a plan error', () => {
    const findings = validatePlan({ ipsec: { ikeVersion: 'ikev1' } }).findings.filter((f) => f.ruleId === UsesIkeV2.id);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'ipsec.ikeVersion', catalogue: ['C25'], level: 'error' });
    expect(findings[0].message).toContain("'ikev1'");
    expect(findings[0].fix).toContain("'ikev2'");
  });

  test('C25: IKEVersions with ikev2, both, or absent pass', () => {
    expect(checkCfn(synthView((s) => connection(s, ['ikev2'])), rule)).toEqual([]);
    expect(checkCfn(synthView((s) => connection(s, ['ikev1', 'ikev2'])), rule)).toEqual([]);
    expect(checkCfn(synthView((s) => connection(s)), rule)).toEqual([]);
  });

  test('C25: IKEVersions with ikev1 only is an error', () => {
    const findings = checkCfn(synthView((s) => connection(s, ['ikev1'])), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'Connection', ruleId: 'UsesIkeV2' });
    expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications[0].IKEVersions is [ikev1]');
  });

  test('C25: an IKEv1 Azure connection is an error', () => {
    const view = compliantAzureView();
    const findings = checkAzure(
      { ...view, connections: view.connections.map((c, i) => (i === 1 ? { ...c, connectionProtocol: 'IKEv1' } : c)) },
      rule,
    );
    expect(findings.map((f) => f.path)).toEqual(['connection cn-Instance0Tunnel2.connectionProtocol']);
  });
});
