/**
 * The transit gateway target on the seam (lib/aws/targets/tgw.ts): `SiteToSiteVpn` with
 * `plan.aws.target.kind 'tgw'`. C27 (acceleration on the connections), C28 (routes in the chosen
 * subnets' route tables), C29 (ECMP, association and propagation), existing gateways and tables,
 * large tunnels, and the VGW-only props refused.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { SiteToSiteVpn } from '../../../lib/aws-entry';
import { checkCfn } from '../../../lib/check/registry';
import { cfnViewFromTemplate } from '../../../lib/check/views/cfn-view';
import { AZURE_IPS, build, planWith } from '../helpers';

const EXISTING = { kind: 'tgw', transitGatewayId: 'tgw-0123456789abcdef0' };
const tgwPlan = (target: Record<string, unknown> = {}) =>
  planWith((input) => {
    input.aws = { ...(input.aws ?? {}), target: { kind: 'tgw', ...target } };
  });
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ofType = (template: Template, type: string) =>
  Object.entries(template.toJSON().Resources as Record<string, Json>).filter(([, r]) => r.Type === type);

describe('TGW target (issue 11)', () => {
  test('C27: acceleration and large tunnels reach both connections; off by default (no TunnelBandwidth written)', () => {
    const off = build({ plan: tgwPlan() }).template;
    for (const [, c] of ofType(off, 'AWS::EC2::VPNConnection')) {
      expect(c.Properties.EnableAcceleration).toBe(false);
      expect(c.Properties.TunnelBandwidth).toBeUndefined();
    }
    const accelerated = build({ plan: tgwPlan({ enableAcceleration: true }) }).template;
    expect(ofType(accelerated, 'AWS::EC2::VPNConnection').map(([, c]) => c.Properties.EnableAcceleration)).toEqual([true, true]);
    const large = build({ plan: tgwPlan({ tunnelBandwidth: 'large' }) }).template;
    expect(ofType(large, 'AWS::EC2::VPNConnection').map(([, c]) => c.Properties.TunnelBandwidth)).toEqual(['large', 'large']);
    // Our rule pack has nothing against acceleration on a TGW (C27 refuses it on a VGW only).
    expect(checkCfn(cfnViewFromTemplate(accelerated.toJSON())).filter((f) => f.catalogue.includes('C27'))).toEqual([]);
  });

  test("C28: routes in the private-with-egress subnets' route tables only, VPC attachment one subnet per AZ", () => {
    const { template, stack, vpc } = build({ plan: tgwPlan() });
    const routes = ofType(template, 'AWS::EC2::Route').filter(([, r]) => r.Properties.TransitGatewayId !== undefined);
    expect(routes.map(([, r]) => r.Properties.RouteTableId)).toEqual(vpc.privateSubnets.map((s) => stack.resolve(s.routeTable.routeTableId)));
    expect(ofType(template, 'AWS::EC2::TransitGatewayVpcAttachment')[0][1].Properties.SubnetIds).toEqual(
      vpc.privateSubnets.map((s) => stack.resolve(s.subnetId)),
    );
    // …and 'public' chooses the public ones instead.
    const pub = build({ plan: tgwPlan({ vpcAttachment: { subnets: { type: 'public' } } }) });
    expect(
      ofType(pub.template, 'AWS::EC2::Route').filter(([, r]) => r.Properties.TransitGatewayId !== undefined).map(([, r]) =>
        r.Properties.RouteTableId
      ),
    )
      .toEqual(pub.vpc.publicSubnets.map((s) => pub.stack.resolve(s.routeTable.routeTableId)));
  });

  test('C29: ECMP disable reaches the gateway, and our rule pack warns about it', () => {
    const { template } = build({ plan: tgwPlan({ vpnEcmpSupport: 'disable' }) });
    template.hasResourceProperties('AWS::EC2::TransitGateway', { VpnEcmpSupport: 'disable' });
    const c29 = checkCfn(cfnViewFromTemplate(template.toJSON())).filter((f) => f.catalogue.includes('C29'));
    expect(c29.map((f) => f.level)).toEqual(['warning', 'warning']); // one per connection
  });

  test('C29: the default route table (both defaults enable): no table, no association or propagation declared; no route table output', () => {
    const { template } = build({
      plan: tgwPlan({ routeTable: 'default', defaultRouteTableAssociation: 'enable', defaultRouteTablePropagation: 'enable' }),
    });
    template.hasResourceProperties('AWS::EC2::TransitGateway', { DefaultRouteTableAssociation: 'enable', DefaultRouteTablePropagation: 'enable' });
    template.resourceCountIs('AWS::EC2::TransitGatewayRouteTable', 0);
    template.resourceCountIs('AWS::EC2::TransitGatewayRouteTableAssociation', 0);
    template.resourceCountIs('AWS::EC2::TransitGatewayRouteTablePropagation', 0);
    expect(Object.keys(template.toJSON().Outputs).filter((k) => k.endsWith('TransitGatewayRouteTableId'))).toEqual([]);
    expect(checkCfn(cfnViewFromTemplate(template.toJSON())).filter((f) => f.catalogue.includes('C29'))).toEqual([]);
  });

  test('an existing gateway and route table: nothing of the gateway created; connections, reader, associations and routes use the ids', () => {
    const { template } = build({
      plan: tgwPlan({
        ...EXISTING,
        defaultRouteTableAssociation: 'disable',
        defaultRouteTablePropagation: 'disable',
        routeTable: { id: 'tgw-rtb-0123456789abcdef0' },
      }),
    });
    template.resourceCountIs('AWS::EC2::TransitGateway', 0);
    template.resourceCountIs('AWS::EC2::TransitGatewayRouteTable', 0);
    expect(ofType(template, 'AWS::EC2::VPNConnection').map(([, c]) => c.Properties.TransitGatewayId)).toEqual([
      EXISTING.transitGatewayId,
      EXISTING.transitGatewayId,
    ]);
    template.hasResourceProperties('Custom::VpnTransitGatewayAttachmentIds', { TransitGatewayId: EXISTING.transitGatewayId });
    for (const [, a] of ofType(template, 'AWS::EC2::TransitGatewayRouteTableAssociation')) {
      expect(a.Properties.TransitGatewayRouteTableId).toBe('tgw-rtb-0123456789abcdef0');
    }
    template.hasOutput('*', { Value: 'tgw-0123456789abcdef0' });
  });

  test('VGW-only props with a TGW plan are refused, naming each field', () => {
    const plan = tgwPlan();
    const stack = new Stack(new App(), 'Refused');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    expect(() =>
      new SiteToSiteVpn(stack, 'Vpn', {
        plan,
        vpc,
        peerGatewayPublicIps: AZURE_IPS,
        vpnGatewayId: 'vgw-0123456789abcdef0',
        routePropagationSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      })
    )
      .toThrow(
        /vpnGatewayId: "vgw-0123456789abcdef0" given, but plan\.aws\.target is a transit gateway[\s\S]*routePropagationSubnets: a VGW setting/,
      );
  });

  test('AwsSolutions: the TGW stack (gateway, reader, routing) has no unacknowledged finding', () => {
    const app = new App();
    const stack = new Stack(app, 'Nag');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, flowLogs: { All: {} } });
    new SiteToSiteVpn(stack, 'Vpn', { plan: tgwPlan({ enableAcceleration: true }), vpc, peerGatewayPublicIps: AZURE_IPS });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    let failure: string | undefined;
    try {
      app.synth();
    } catch (e) {
      failure = (e as Error).message;
    }
    expect(failure ?? '').not.toMatch(/AwsSolutions-/);
  });
});
