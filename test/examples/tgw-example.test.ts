/**
 * Issue 11 "done when", in-process (npm test's budget has no room for another `cdk synth`):
 * examples/tgw-plan.json with samples/azure-outputs.json builds the example app's stack as
 * `npx cdk synth -c plan=examples/tgw-plan.json -c azureOutputs=samples/azure-outputs.json` does
 * (bin/app.ts: loadPlanFile, readAzureOutputs, ExampleStack, enableExampleChecks), and the template has
 * a transit gateway with VPN ECMP support enable, two VPN connections on it, the attachment-id reader
 * with the association and propagation, a VPC attachment, static routes to the TGW in the chosen
 * subnets' route tables, and no VGW; our rule pack, the Aspect and AwsSolutions pass (C27, C28, C29).
 * The default plan's template does not change with the field (target vgw).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { EXAMPLE_STACK_NAME, ExampleStack, enableExampleChecks } from '../../bin/example-stack';
import { checkCfn } from '../../lib/check/registry';
import { loadPlanFile } from '../../lib/check/file';
import { planVpn } from '../../lib/check/validate';
import { cfnViewFromTemplate } from '../../lib/check/views/cfn-view';
import { readAzureOutputs } from '../../lib/handoff/azure-outputs';
import type { ResolvedPlan } from '../../lib/plan';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ROOT = join(__dirname, '..', '..');
const TGW_PLAN = join(ROOT, 'examples', 'tgw-plan.json');
const AZURE_IPS = readAzureOutputs(join(ROOT, 'samples', 'azure-outputs.json')).gatewayPublicIps;

function synthExample(plan: ResolvedPlan): { template: Template; stack: ExampleStack; json: Json; } {
  const app = new App();
  const stack = new ExampleStack(app, EXAMPLE_STACK_NAME, { plan, azureGatewayPublicIps: AZURE_IPS });
  enableExampleChecks(app);
  app.synth(); // throws on any error of our rule pack or AwsSolutions
  const template = Template.fromStack(stack);
  return { stack, template, json: template.toJSON() };
}

const ofType = (json: Json, type: string): [string, Json][] =>
  Object.entries(json.Resources as Record<string, Json>).filter(([, r]) => r.Type === type);

describe('examples/tgw-plan.json synthesized (issue 11; C27 C28 C29)', () => {
  let built: ReturnType<typeof synthExample>;
  let tgwId: string;
  beforeAll(() => {
    built = synthExample(loadPlanFile(TGW_PLAN));
    tgwId = ofType(built.json, 'AWS::EC2::TransitGateway')[0]?.[0];
  });

  test('C29: one transit gateway, VPN ECMP support enable, its own route table (default association and propagation off)', () => {
    built.template.resourceCountIs('AWS::EC2::TransitGateway', 1);
    built.template.hasResourceProperties('AWS::EC2::TransitGateway', {
      AmazonSideAsn: 64512,
      VpnEcmpSupport: 'enable',
      DefaultRouteTableAssociation: 'disable',
      DefaultRouteTablePropagation: 'disable',
    });
    built.template.hasResourceProperties('AWS::EC2::TransitGatewayRouteTable', { TransitGatewayId: { Ref: tgwId } });
  });

  test('two VPN connections on the transit gateway, BGP, acceleration off, and no virtual private gateway anywhere', () => {
    const connections = ofType(built.json, 'AWS::EC2::VPNConnection');
    expect(connections).toHaveLength(2);
    for (const [, c] of connections) {
      expect(c.Properties.TransitGatewayId).toEqual({ Ref: tgwId });
      expect(c.Properties.VpnGatewayId).toBeUndefined();
      expect(c.Properties.StaticRoutesOnly).toBe(false);
      expect(c.Properties.EnableAcceleration).toBe(false);
    }
    built.template.resourceCountIs('AWS::EC2::VPNGateway', 0);
    built.template.resourceCountIs('AWS::EC2::VPNGatewayRoutePropagation', 0);
    expect(ofType(built.json, 'AWS::EC2::VPCGatewayAttachment').every(([, a]) => a.Properties.VpnGatewayId === undefined)).toBe(true);
  });

  test('C29: the attachment-id reader reads both connections; each VPN attachment and the VPC attachment are associated with and propagated into the route table', () => {
    const [readerId, reader] = ofType(built.json, 'Custom::VpnTransitGatewayAttachmentIds')[0];
    const connectionIds = ofType(built.json, 'AWS::EC2::VPNConnection').map(([id]) => id).sort();
    expect(reader.Properties.TransitGatewayId).toEqual({ Ref: tgwId });
    expect(reader.Properties.Connections.map((c: Json) => c.ConnectionId.Ref).sort()).toEqual(connectionIds);
    const [tableId] = ofType(built.json, 'AWS::EC2::TransitGatewayRouteTable')[0];
    const [vpcAttachmentId] = ofType(built.json, 'AWS::EC2::TransitGatewayVpcAttachment')[0];
    for (const type of ['AWS::EC2::TransitGatewayRouteTableAssociation', 'AWS::EC2::TransitGatewayRouteTablePropagation']) {
      const attached = ofType(built.json, type).map(([, r]) => {
        expect(r.Properties.TransitGatewayRouteTableId).toEqual({ Ref: tableId });
        return r.Properties.TransitGatewayAttachmentId;
      });
      expect(attached).toEqual(expect.arrayContaining([
        { 'Fn::GetAtt': [readerId, 'Connection1'] },
        { 'Fn::GetAtt': [readerId, 'Connection2'] },
        { Ref: vpcAttachmentId },
      ]));
      expect(attached).toHaveLength(3);
    }
  });

  test('C28: a VPC attachment in the private subnets (one per AZ) and a route to the TGW for the Azure VNet in each of their route tables, after the attachment', () => {
    const privateSubnets = built.stack.vpc.isolatedSubnets;
    built.template.hasResourceProperties('AWS::EC2::TransitGatewayVpcAttachment', {
      TransitGatewayId: { Ref: tgwId },
      SubnetIds: privateSubnets.map((s) => built.stack.resolve(s.subnetId)),
    });
    const [vpcAttachmentId] = ofType(built.json, 'AWS::EC2::TransitGatewayVpcAttachment')[0];
    const routes = ofType(built.json, 'AWS::EC2::Route').filter(([, r]) => r.Properties.TransitGatewayId !== undefined);
    expect(routes.map(([, r]) => r.Properties.RouteTableId).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))))
      .toEqual(
        privateSubnets.map((s) => built.stack.resolve(s.routeTable.routeTableId)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      );
    for (const [, route] of routes) {
      expect(route.Properties).toMatchObject({ DestinationCidrBlock: '10.1.0.0/16', TransitGatewayId: { Ref: tgwId } });
      expect(route.DependsOn).toContain(vpcAttachmentId);
    }
  });

  test('outputs name the transit gateway and its route table; the hand-off carries the gateway id', () => {
    built.template.hasOutput('AwsAzureVpnTransitGatewayId', { Value: { Ref: tgwId } });
    const [tableId] = ofType(built.json, 'AWS::EC2::TransitGatewayRouteTable')[0];
    built.template.hasOutput('AwsAzureVpnTransitGatewayRouteTableId', { Value: { Ref: tableId } });
    expect(built.json.Outputs.AwsAzureVpnVpnGatewayId).toBeUndefined();
    expect(built.stack.vpn.gatewayId).toBe(built.stack.vpn.handoff.vpnGatewayId);
  });

  test('our whole rule pack: no error; only the C28 warnings on the public route tables, which the example acknowledges; no other annotation', () => {
    const findings = checkCfn(cfnViewFromTemplate(built.json));
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
    const publicTables = built.stack.vpc.publicSubnets.map((s) => built.stack.resolve(s.routeTable.routeTableId).Ref).sort();
    expect(findings.map((f) => [f.catalogue.join(), f.path]).sort()).toEqual(publicTables.map((t) => ['C28', t]));
    expect(Annotations.fromStack(built.stack).findError('*', Match.anyValue())).toEqual([]);
    // samples/azure-outputs.json holds RFC 5737 addresses: the only warnings, the same as on the VGW example.
    const warnings = Annotations.fromStack(built.stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
    expect(warnings).toHaveLength(2);
    for (const warning of warnings) expect(warning).toMatch(/documentation-addresses/);
  });
});

describe('default plan (target vgw) unchanged by aws.target', () => {
  test('vpn-plan.json with and without aws.target { kind: "vgw" } synthesizes the same template, with a VGW and no TGW', () => {
    const input = JSON.parse(readFileSync(join(ROOT, 'vpn-plan.json'), 'utf8'));
    const without = synthExample(planVpn(input)).json;
    const explicit = synthExample(planVpn({ ...input, aws: { ...input.aws, target: { kind: 'vgw' } } })).json;
    expect(JSON.stringify(explicit)).toBe(JSON.stringify(without));
    expect(ofType(without, 'AWS::EC2::VPNGateway')).toHaveLength(1);
    expect(ofType(without, 'AWS::EC2::TransitGateway')).toHaveLength(0);
    expect(JSON.stringify(without)).not.toMatch(/TransitGateway|TunnelBandwidth/);
  });
});
