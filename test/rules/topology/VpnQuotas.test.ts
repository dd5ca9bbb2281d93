import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validatePlan } from '../../../lib/check/validate';
import { checkCfn } from '../../../lib/check/registry';
import { VpnQuotas } from '../../../lib/rules/topology/VpnQuotas';
import { synthView } from '../fixtures';

const rule = [VpnQuotas];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === VpnQuotas.id);

/** `connections` VPN connections on one VGW, each to its own customer gateway. */
function vgwWithConnections(stack: Stack, connections: number): void {
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
  for (let i = 0; i < connections; i++) {
    const cgw = new ec2.CfnCustomerGateway(stack, `Cgw${i}`, { type: 'ipsec.1', bgpAsn: 65000, ipAddress: `203.0.113.${i + 1}` });
    new ec2.CfnVPNConnection(stack, `Connection${i}`, { type: 'ipsec.1', customerGatewayId: cgw.ref, vpnGatewayId: vgw.ref });
  }
}

describe('VpnQuotas', () => {
  test('C19: the default plan and 8 existing connections (8 + 2 = 10) have no finding', () => {
    expect(ofRule({})).toEqual([]);
    expect(ofRule({ aws: { existingVpnConnections: 8 } })).toEqual([]);
  });

  test("C19: 9 existing connections plus the plan's 2 exceed 10: an error", () => {
    const findings = ofRule({ aws: { existingVpnConnections: 9 } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'aws.existingVpnConnections', ruleId: 'VpnQuotas', catalogue: ['C19'], level: 'error' });
    expect(findings[0].message).toContain('9 existing + 2 new = 11');
    expect(findings[0].fix).toContain('at most 8');
  });

  test('C19: 10 connections on a VGW pass, 11 are an error on the VGW', () => {
    expect(checkCfn(synthView((s) => vgwWithConnections(s, 10)), rule)).toEqual([]);
    const findings = checkCfn(synthView((s) => vgwWithConnections(s, 11)), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'Vgw', level: 'error' });
    expect(findings[0].message).toContain('11 VPN connections');
  });

  test('C19: 51 customer gateways and 6 VGWs in one template are warnings', () => {
    const findings = checkCfn(
      synthView((s) => {
        for (let i = 0; i < 51; i++) new ec2.CfnCustomerGateway(s, `Cgw${i}`, { type: 'ipsec.1', bgpAsn: 65000, ipAddress: `203.0.113.${i + 1}` });
        for (let i = 0; i < 6; i++) new ec2.CfnVPNGateway(s, `Vgw${i}`, { type: 'ipsec.1' });
      }),
      rule,
    );
    expect(findings.map((f) => [f.path, f.level])).toEqual([['Cgw50', 'warning'], ['Vgw5', 'warning']]);
    expect(findings[0].message).toContain('51 customer gateways');
  });

  test('C19: two VGWs attached to one VPC are an error; an internet gateway attachment does not count', () => {
    const findings = checkCfn(
      synthView((s) => {
        const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.2.0.0/16' });
        const igw = new ec2.CfnInternetGateway(s, 'Igw');
        new ec2.CfnVPCGatewayAttachment(s, 'IgwAttachment', { vpcId: vpc.ref, internetGatewayId: igw.ref });
        for (const id of ['A', 'B']) {
          const vgw = new ec2.CfnVPNGateway(s, `Vgw${id}`, { type: 'ipsec.1' });
          new ec2.CfnVPCGatewayAttachment(s, `Attachment${id}`, { vpcId: vpc.ref, vpnGatewayId: vgw.ref });
        }
      }),
      rule,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'AttachmentB', level: 'error' });
    expect(findings[0].message).toContain('a second virtual private gateway attached to VPC Vpc');
  });
});
