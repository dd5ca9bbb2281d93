import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Fn, Token, type Stack } from 'aws-cdk-lib';
import { type ResolvedPlan } from '../../../lib/plan';
import { planVpn, validatePlan } from '../../../lib/check/validate';
import { PeerAsnsMatch } from '../../../lib/rules/asn/PeerAsnsMatch';
import { checkCfn } from '../../../lib/check/registry';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView, synthView } from '../fixtures';
import { cfnViewFromTemplate } from '../../../lib/check/views/cfn-view';

const rule = PeerAsnsMatch;
const findingsOf = (input: unknown, sharedGateway: readonly ResolvedPlan[] = []) =>
  validatePlan(input, { sharedGateway }).findings.filter((f) => f.ruleId === rule.id);

function vpn(stack: Stack, gatewayId: string, customerGateway: Partial<ec2.CfnCustomerGatewayProps>) {
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', ipAddress: '192.0.2.1', ...customerGateway });
  new ec2.CfnVPNConnection(stack, 'Conn', { type: 'ipsec.1', customerGatewayId: cgw.ref, vpnGatewayId: gatewayId });
}

describe('C11 PeerAsnsMatch', () => {
  test('C11: the default plan, and plans sharing a gateway with one ASN, have no finding', () => {
    expect(findingsOf({})).toEqual([]);
    expect(findingsOf({ name: 'second' }, [planVpn()])).toEqual([]);
  });

  test('C11: plan refuses an Azure ASN that differs from the one another plan gives the same gateway', () => {
    const findings = findingsOf({ name: 'second', azure: { asn: 65001 } }, [planVpn({ name: 'first' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'azure.asn', ruleId: rule.id, catalogue: ['C11'], level: 'error', fix: '65000.' });
    expect(findings[0].message).toMatch(/65001.*65000.*'first'/);
  });

  test('C11: plan refuses a shared plan whose customer gateway ASN is not its Azure ASN', () => {
    const stored = { ...JSON.parse(JSON.stringify(planVpn({ name: 'stored' }))), customerGatewayAsn: 64512 } as ResolvedPlan;
    const findings = findingsOf({ name: 'second' }, [stored]);
    expect(findings.map((f) => f.path)).toEqual(['sharedGateway[0].customerGatewayAsn']);
  });

  test('C11: cfn accepts a customer gateway with its own ASN, or one computed at deploy time', () => {
    const documented = synthView((stack) => vpn(stack, new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' }).ref, { bgpAsn: 65000 }));
    expect(checkCfn(documented, [rule])).toEqual([]);
    const imported = synthView((stack) =>
      vpn(stack, new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' }).ref, { bgpAsn: Token.asNumber(Fn.importValue('AzureAsn')) })
    );
    expect(checkCfn(imported, [rule])).toEqual([]);
  });

  test('C11: cfn refuses a customer gateway carrying the ASN of the VGW its connection uses (default 64512)', () => {
    const view = synthView((stack) => vpn(stack, new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' }).ref, { bgpAsn: 64512 }));
    const findings = checkCfn(view, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: view.resources.find((r) => r.type === 'AWS::EC2::CustomerGateway')!.path, catalogue: ['C11'] });
    expect(findings[0].message).toContain('64512');
  });

  test("C11: cfn applies CloudFormation's default customer gateway ASN 65000 and follows a transit gateway", () => {
    const onVgw = synthView((stack) => vpn(stack, new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1', amazonSideAsn: 65000 }).ref, {}));
    expect(checkCfn(onVgw, [rule])).toHaveLength(1);
    const onTgw = synthView((stack) => {
      const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', { amazonSideAsn: 64600 });
      const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', ipAddress: '192.0.2.1', bgpAsn: 64600 });
      new ec2.CfnVPNConnection(stack, 'Conn', { type: 'ipsec.1', customerGatewayId: cgw.ref, transitGatewayId: tgw.ref });
    });
    expect(checkCfn(onTgw, [rule])).toMatchObject([{ message: expect.stringContaining('64600') }]);
  });

  test("C11: cfn reads BgpAsnExtended (4-byte ASNs) like BgpAsn: the VGW's ASN there is refused, the peer's accepted", () => {
    const onVgw = (bgpAsnExtended: number) =>
      synthView((stack) => vpn(stack, new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1', amazonSideAsn: 4200000000 }).ref, { bgpAsnExtended }));
    const wrong = onVgw(4200000000);
    expect(wrong.resources.find((r) => r.logicalId === 'Cgw')!.properties).toEqual(expect.objectContaining({ BgpAsnExtended: 4200000000 }));
    const findings = checkCfn(wrong, [rule]);
    expect(findings.map((f) => [f.path, f.catalogue])).toEqual([[wrong.resources.find((r) => r.logicalId === 'Cgw')!.path, ['C11']]]);
    expect(findings[0].message).toContain("the customer gateway's ASN 4200000000 is the Amazon side ASN");
    expect(checkCfn(onVgw(4200000001), [rule])).toEqual([]);
  });

  test("C11: cfn reports each customer gateway carrying its gateway's ASN once, however many connections use the pair", () => {
    const view = synthView((stack) => {
      const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
      const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', { amazonSideAsn: 64512 });
      const cgwA = new ec2.CfnCustomerGateway(stack, 'CgwA', { type: 'ipsec.1', ipAddress: '192.0.2.1', bgpAsn: 64512 });
      const cgwB = new ec2.CfnCustomerGateway(stack, 'CgwB', { type: 'ipsec.1', ipAddress: '192.0.2.2', bgpAsn: 64512 });
      new ec2.CfnVPNConnection(stack, 'ConnA1', { type: 'ipsec.1', customerGatewayId: cgwA.ref, vpnGatewayId: vgw.ref });
      new ec2.CfnVPNConnection(stack, 'ConnA2', { type: 'ipsec.1', customerGatewayId: cgwA.ref, vpnGatewayId: vgw.ref });
      new ec2.CfnVPNConnection(stack, 'ConnB', { type: 'ipsec.1', customerGatewayId: cgwB.ref, vpnGatewayId: vgw.ref });
      new ec2.CfnVPNConnection(stack, 'ConnATgw', { type: 'ipsec.1', customerGatewayId: cgwA.ref, transitGatewayId: tgw.ref });
    });
    const pathOf = (id: string) => view.resources.find((r) => r.logicalId === id)!.path;
    const findings = checkCfn(view, [rule]);
    // CgwA on the VGW (two connections, one finding), CgwB on the VGW, CgwA on the transit gateway.
    expect(findings.map((f) => f.path)).toEqual([pathOf('CgwA'), pathOf('CgwB'), pathOf('CgwA')]);
    expect(findings[0].message).toContain(pathOf('ConnA1'));
    expect(findings[2].message).toContain(pathOf('Tgw'));
  });

  test('C11: azure accepts the documented view', () => {
    expect(checkAzure(compliantAzureView(), [rule])).toEqual([]);
  });

  test("C11: azure refuses a local network gateway carrying the Azure gateway's own ASN", () => {
    const view = compliantAzureView();
    const [, lng, ...rest] = view.localNetworkGateways;
    const changed = { ...view, localNetworkGateways: [view.localNetworkGateways[0], { ...lng, asn: view.gateway.asn }, ...rest] };
    const findings = checkAzure(changed, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: `localNetworkGateway ${lng.name}.bgpSettings.asn`, fix: `${view.awsPeer.asn}.` });
    expect(findings[0].message).toContain("Azure gateway's own ASN");
  });

  describe('C11 cfn, read from template JSON (what a template can hold that the constructs never write)', () => {
    const cgw = (properties: Record<string, unknown>, type = 'AWS::EC2::CustomerGateway') => ({
      Type: type,
      Properties: { Type: 'ipsec.1', ...properties },
    });
    const vgw = (properties: Record<string, unknown> = {}) => ({ Type: 'AWS::EC2::VPNGateway', Properties: { Type: 'ipsec.1', ...properties } });
    const connection = (properties: Record<string, unknown>) => ({ Type: 'AWS::EC2::VPNConnection', Properties: { Type: 'ipsec.1', ...properties } });
    const check = (resources: Record<string, unknown>) => checkCfn(cfnViewFromTemplate({ Resources: resources }), [rule]);
    const clash = { Cgw: cgw({ BgpAsn: 64512 }), Vgw: vgw(), Conn: connection({ CustomerGatewayId: { Ref: 'Cgw' }, VpnGatewayId: { Ref: 'Vgw' } }) };

    test('the finding names the customer gateway, the gateway and the connection, and says what to use', () => {
      const [finding] = check(clash);
      expect(finding).toMatchObject({ ruleId: rule.id, level: 'error', fix: "the Azure gateway's ASN (azure.asn, 65000 in seed 004)." });
      expect(finding.message).toMatch(/^the customer gateway's ASN 64512 is the Amazon side ASN of .*Vgw.*, which its connection .*Conn.* uses/);
    });

    test('only VPN connections are read: the same references on another resource type give nothing', () => {
      expect(check({ ...clash, Conn: { ...clash.Conn, Type: 'AWS::EC2::VPNConnectionRoute' } })).toEqual([]);
    });

    test('a customer gateway reference to something that is not a customer gateway, or to nothing, gives nothing', () => {
      expect(check({ ...clash, Cgw: cgw({ BgpAsn: 64512 }, 'AWS::EC2::VPNGateway') })).toEqual([]);
      expect(check({ ...clash, Conn: connection({ CustomerGatewayId: 'cgw-0123', VpnGatewayId: { Ref: 'Vgw' } }) })).toEqual([]);
    });

    test('a gateway reference of the wrong type is not followed (VpnGatewayId must name a VPNGateway)', () => {
      expect(check({ ...clash, Vgw: { Type: 'AWS::EC2::TransitGateway', Properties: {} } })).toEqual([]);
    });

    test('an ASN computed at deploy time, or not a number, is not compared (C09 reports a malformed one)', () => {
      expect(check({ ...clash, Cgw: cgw({ BgpAsn: { Ref: 'AsnParameter' } }) })).toEqual([]);
      expect(check({ ...clash, Cgw: cgw({ BgpAsn: 'not-a-number' }) })).toEqual([]);
      expect(check({ ...clash, Vgw: vgw({ AmazonSideAsn: { 'Fn::ImportValue': 'Asn' } }) })).toEqual([]);
      // One literal and one computed value: the customer gateway's ASN is not known before deploy.
      expect(check({ ...clash, Cgw: cgw({ BgpAsn: 64512, BgpAsnExtended: { Ref: 'AsnParameter' } }) })).toEqual([]);
    });

    test("a customer gateway ASN other than the gateway's gives nothing; the gateway's own non-default ASN is compared", () => {
      expect(check({ ...clash, Cgw: cgw({ BgpAsn: 65000 }) })).toEqual([]);
      expect(check({ ...clash, Vgw: vgw({ AmazonSideAsn: 64513 }) })).toEqual([]);
      expect(check({ ...clash, Cgw: cgw({ BgpAsn: 64513 }), Vgw: vgw({ AmazonSideAsn: 64513 }) })).toHaveLength(1);
    });
  });

  test('C11: the plan messages name both ASNs and the other plan', () => {
    const stored = { ...JSON.parse(JSON.stringify(planVpn({ name: 'stored' }))), customerGatewayAsn: 64512 } as ResolvedPlan;
    const [finding] = findingsOf({ name: 'second' }, [stored]);
    expect(finding).toMatchObject({
      message: "plan 'stored' gives its customer gateways ASN 64512, not its Azure gateway's 65000.",
      fix: '65000.',
    });
  });

  test("C11: azure says when a local network gateway carries the Azure gateway's own ASN, and not otherwise", () => {
    const view = compliantAzureView();
    const own = { ...view, localNetworkGateways: view.localNetworkGateways.map((l) => ({ ...l, asn: view.gateway.asn })) };
    const other = { ...view, localNetworkGateways: view.localNetworkGateways.map((l) => ({ ...l, asn: 64999 })) };
    expect(rule.azure!(own)[0].message).toMatch(/\(it is the Azure gateway's own ASN\)\.$/);
    expect(rule.azure!(other)[0].message).toBe(`64999 is not the AWS gateway's ASN ${view.awsPeer.asn}.`);
  });
});
