import { validatePlan } from '../../../lib/check/validate';
import { VpcVnetNoOverlap } from '../../../lib/rules/topology/VpcVnetNoOverlap';

const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === VpcVnetNoOverlap.id);

describe('VpcVnetNoOverlap', () => {
  test('C18: the default plan (VPC 10.2.0.0/16, VNet 10.1.0.0/16) has no finding', () => {
    expect(ofRule({})).toEqual([]);
  });

  test('C18: a VPC inside the VNet is an error with a free block as suggestion', () => {
    const findings = ofRule({ aws: { vpcCidr: '10.1.128.0/17' } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'aws.vpcCidr', ruleId: 'VpcVnetNoOverlap', catalogue: ['C18'], level: 'error' });
    expect(findings[0].message).toContain("'10.1.128.0/17' overlaps the Azure VNet '10.1.0.0/16'");
    // The suggestion is the first /17 of 10.0.0.0/8 that does not overlap 10.1.0.0/16.
    expect(findings[0].fix).toContain('10.0.0.0/17');
  });

  test('C18: malformed CIDRs are reported on their own field, without crashing', () => {
    const findings = ofRule({ aws: { vpcCidr: '10.2.0.256/16' }, azure: { vnetCidr: 'VNet1' } });
    expect(findings.map((f) => f.path)).toEqual(['aws.vpcCidr', 'azure.vnetCidr']);
  });

  test('C18: a gateway subnet outside the VNet that overlaps the VPC is an error on azure.gatewaySubnetCidr', () => {
    const findings = ofRule({ azure: { gatewaySubnetCidr: '10.2.5.0/27' } });
    expect(findings.map((f) => f.path)).toEqual(['azure.gatewaySubnetCidr']);
    expect(findings[0].message).toContain("overlaps the AWS VPC '10.2.0.0/16'");
  });

  test.each([
    ['172.16.0.0/12', 'is a /12; an AWS VPC CIDR block is a /16 to a /28', '172.16.0.0/16.'],
    ['10.2.0.0/29', 'is a /29', '10.2.0.0/28.'],
    ['10.2.0.1/16', 'has host bits set', '10.2.0.0/16.'],
  ])('C18: a VPC CIDR %s that AWS cannot create is an error with a usable block', (vpcCidr, message, fix) => {
    const findings = ofRule({ aws: { vpcCidr } });
    expect(findings).toEqual([expect.objectContaining({ path: 'aws.vpcCidr', catalogue: ['C18'], message: expect.stringContaining(message), fix })]);
  });
});
