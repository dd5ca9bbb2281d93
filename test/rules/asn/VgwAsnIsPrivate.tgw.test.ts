/** C08 VgwAsnIsPrivate on transit gateways: the same private ranges for AWS::EC2::TransitGateway AmazonSideAsn (EC2 API TransitGatewayRequestOptions). */
import { VgwAsnIsPrivate } from '../../../lib/rules/asn/VgwAsnIsPrivate';
import { checkCfn } from '../../../lib/check/registry';
import { tgwStack } from '../../aws/targets/tgw-stacks';

describe('C08 VgwAsnIsPrivate on transit gateways', () => {
  test('C08: a private transit gateway ASN (16- and 32-bit) passes', () => {
    expect(checkCfn(tgwStack().view, [VgwAsnIsPrivate])).toEqual([]);
    expect(checkCfn(tgwStack({ gatewayProps: { amazonSideAsn: 4200000001 } }).view, [VgwAsnIsPrivate])).toEqual([]);
  });
  test('C08: a public transit gateway ASN is an error on the gateway', () => {
    const findings = checkCfn(tgwStack({ gatewayProps: { amazonSideAsn: 7224 } }).view, [VgwAsnIsPrivate]);
    expect(findings.map((f) => [f.catalogue.join(), f.level, f.path.replace(/[0-9A-F]{8}$/, '')])).toEqual([['C08', 'error', 'Tgw']]);
    expect(findings[0].message).toMatch(/AmazonSideAsn 7224 is not a private ASN/);
  });
});
