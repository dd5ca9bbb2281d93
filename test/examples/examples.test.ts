/**
 * Every example of examples/ built in-process: the AWS ones synthesized with the rules Aspect (no
 * error annotation expected), the Azure one under Pulumi mocks. Each asserts what the example is
 * there to show.
 */
import { randomInt } from 'node:crypto';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { App, Validations, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { VpnRulesAspect } from '../../lib/enforcement';
import * as customIpsec from '../../examples/custom-ipsec';
import * as existingVgw from '../../examples/existing-vgw';
import * as existingVpc from '../../examples/existing-vpc';
import * as sharedGateway from '../../examples/shared-azure-gateway';
import { buildAzureVpn, EXAMPLE_GATEWAY_SUBNET_ID } from '../../examples/azure-program';
import { writeAwsOutputs } from '../peers/azure/handoff-fixture';

/** Public unicast test addresses (the construct refuses private and documentation ranges). */
const AZURE_IPS: readonly [string, string] = ['20.10.0.1', '20.10.0.2'];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function insideCidrsOf(template: Template): string[] {
  return Object.values(template.findResources('AWS::EC2::VPNConnection'))
    .flatMap((c: Json) => c.Properties.VpnTunnelOptionsSpecifications.map((t: Json) => t.TunnelInsideCidr as string));
}

/** Error annotations of `stack`, as text, after the rules Aspect ran. */
function errorsOf(stack: Stack): string[] {
  return Annotations.fromStack(stack).findError('*', Match.anyValue()).map((e) => String(e.entry.data));
}

/** Pulumi mocks that record each resource's type and inputs; public IPs get 20.20.0.n. */
function recordingMocks(registered: { type: string; inputs: Json; }[]): Promise<void> {
  return pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, inputs: args.inputs });
        return {
          id: `${args.name}-id`,
          state: { ...args.inputs, ...(args.type.endsWith('PublicIPAddress') ? { ipAddress: `20.20.0.${registered.length}` } : {}) },
        };
      },
      call: () => ({ subscriptionId: '00000000-0000-0000-0000-000000000000' }),
    },
    'examples',
    'test',
  );
}

describe('examples/existing-vpc.ts', () => {
  const app = new App();
  const stack = existingVpc.build(app, { azureGatewayPublicIps: AZURE_IPS });
  VpnRulesAspect.enable(app);
  const template = Template.fromStack(stack);

  test('C28: the chosen subnets (App and Data, two AZs) get the Azure routes; the Public ones do not', () => {
    const [propagation] = Object.values(template.findResources('AWS::EC2::VPNGatewayRoutePropagation')) as Json[];
    const tables = (propagation.Properties.RouteTableIds as Json[]).map((r) => r.Ref as string).sort();
    const routeTableOf = (subnet: { routeTable: { routeTableId: string; }; }) => stack.resolve(subnet.routeTable.routeTableId).Ref as string;
    const expected = [...stack.vpc.privateSubnets, ...stack.vpc.isolatedSubnets].map(routeTableOf).sort();
    expect(tables).toEqual(expected);
    expect(tables).toHaveLength(4);
    for (const table of stack.vpc.publicSubnets.map(routeTableOf)) expect(tables).not.toContain(table);
  });

  test('C08, C11: a new gateway with the plan ASN, attached to the VPC', () => {
    template.resourceCountIs('AWS::EC2::VPNGateway', 1);
    template.hasResourceProperties('AWS::EC2::VPNGateway', { AmazonSideAsn: 64512 });
    const vpnAttachments = Object.values(template.findResources('AWS::EC2::VPCGatewayAttachment'))
      .filter((a: Json) => a.Properties.VpnGatewayId !== undefined);
    expect(vpnAttachments).toHaveLength(1); // the other attachment is the internet gateway's
  });

  test('rules Aspect: no error annotation', () => {
    expect(errorsOf(stack)).toEqual([]);
  });

  test("C28: no warning either: the Public route tables' warning is acknowledged with its reason, the others have routes", () => {
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    // Silenced by an acknowledgement on each Public route table (the rule itself warns there: test/rules), with its reason.
    for (const subnet of stack.vpc.publicSubnets) {
      const acks = subnet.node.findChild('RouteTable').node.metadata
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .map((m) => m.data as Record<string, string>);
      expect(acks).toEqual([{ 'Annotation::MultiCloudVpn-RouteTablesRouteToVpnGateway': expect.stringMatching(/^C28: .*do not talk to Azure/) }]);
    }
  });
});

describe('examples/existing-vgw.ts', () => {
  const app = new App();
  const stack = existingVgw.build(app, { azureGatewayPublicIps: AZURE_IPS, vpnGatewayId: 'vgw-0aaaabbbbccccdddd' });
  VpnRulesAspect.enable(app);
  const template = Template.fromStack(stack);

  test('C19: the existing gateway is used: no AWS::EC2::VPNGateway, no attachment, both connections on it', () => {
    template.resourceCountIs('AWS::EC2::VPNGateway', 0);
    template.resourceCountIs('AWS::EC2::VPCGatewayAttachment', 0); // the imported VPC's are not in this stack
    const gateways = Object.values(template.findResources('AWS::EC2::VPNConnection')).map((c: Json) => c.Properties.VpnGatewayId);
    expect(gateways).toEqual(['vgw-0aaaabbbbccccdddd', 'vgw-0aaaabbbbccccdddd']);
  });

  test('C28: enableRoutePropagation false leaves propagation to the stack that owns the gateway', () => {
    template.resourceCountIs('AWS::EC2::VPNGatewayRoutePropagation', 0);
  });

  test('rules Aspect: no error annotation', () => {
    expect(errorsOf(stack)).toEqual([]);
  });
});

describe('examples/shared-azure-gateway.ts', () => {
  const app = new App();
  const [orders, billing] = sharedGateway.build(app, { azureGatewayPublicIps: AZURE_IPS });
  VpnRulesAspect.enable(app);
  const ordersTemplate = Template.fromStack(orders);
  const billingTemplate = Template.fromStack(billing);

  test('C04: the second plan takes the next free /30s, none shared with the first', () => {
    expect(insideCidrsOf(ordersTemplate).sort()).toEqual(['169.254.21.0/30', '169.254.21.4/30', '169.254.22.0/30', '169.254.22.4/30']);
    expect(insideCidrsOf(billingTemplate).sort()).toEqual(['169.254.21.12/30', '169.254.21.8/30', '169.254.22.12/30', '169.254.22.8/30']);
  });

  test('C15: both stacks point at the same Azure IPs with distinct customer gateway device names', () => {
    const devices = [ordersTemplate, billingTemplate].flatMap((t) =>
      Object.values(t.findResources('AWS::EC2::CustomerGateway')).map((c: Json) => `${c.Properties.IpAddress} ${c.Properties.DeviceName}`)
    );
    expect(devices.sort()).toEqual([
      '20.10.0.1 BillingVpcToAzure-AzureVpn-CustomerGatewayInstance0',
      '20.10.0.1 OrdersVpcToAzure-AzureVpn-CustomerGatewayInstance0',
      '20.10.0.2 BillingVpcToAzure-AzureVpn-CustomerGatewayInstance1',
      '20.10.0.2 OrdersVpcToAzure-AzureVpn-CustomerGatewayInstance1',
    ]);
  });

  test('rules Aspect: no error annotation in either stack', () => {
    expect([...errorsOf(orders), ...errorsOf(billing)]).toEqual([]);
  });
});

describe('examples/shared-azure-gateway.ts: the Azure side (Pulumi mocks)', () => {
  const registered: { type: string; inputs: Json; }[] = [];
  beforeAll(() => recordingMocks(registered));
  const ofType = (type: string) => registered.filter((r) => r.type === `azure-native:network:${type}`).map((r) => r.inputs);

  test("C05, C13, C15: one gateway with both plans' APIPA addresses per instance, 8 LNGs and 8 connections", async () => {
    const [orders, billing] = sharedGateway.sharedGatewayPlans();
    const awsOutputsFiles = [
      writeAwsOutputs(orders, {
        Instance0Tunnel1: '192.0.2.10',
        Instance0Tunnel2: '192.0.2.11',
        Instance1Tunnel1: '198.51.100.10',
        Instance1Tunnel2: '198.51.100.11',
      }),
      writeAwsOutputs(billing, {
        Instance0Tunnel1: '192.0.2.20',
        Instance0Tunnel2: '192.0.2.21',
        Instance1Tunnel1: '198.51.100.20',
        Instance1Tunnel2: '198.51.100.21',
      }),
    ];
    const outputs = await sharedGateway.buildSharedAzureGateway({
      awsOutputsFiles,
      // A random valid key per secret: nothing is read from AWS, no key is written here.
      readSecret: async () => 'K' + Array.from({ length: 31 }, () => 'abcdefghijklmnopqrstuvwxyz'[randomInt(26)]).join(''),
    });
    await new Promise((resolve) => pulumi.all([outputs.gatewayId, outputs.connectionIds]).apply(resolve));

    const gateways = ofType('VirtualNetworkGateway');
    expect(gateways).toHaveLength(1);
    expect(gateways[0].bgpSettings.bgpPeeringAddresses.map((b: Json) => b.customBgpIpAddresses)).toEqual([
      ['169.254.21.2', '169.254.22.2', '169.254.21.10', '169.254.22.10'],
      ['169.254.21.6', '169.254.22.6', '169.254.21.14', '169.254.22.14'],
    ]);
    expect(ofType('LocalNetworkGateway')).toHaveLength(8);
    const connections = ofType('VirtualNetworkGatewayConnection');
    expect(connections).toHaveLength(8);
    // C13: billing's tunnels use the second plan's addresses on their own instance.
    const billingI1T2 = connections.find((c) => c.virtualNetworkGatewayConnectionName === 'cn-billing-vpc-Instance1Tunnel2')!;
    expect(billingI1T2.gatewayCustomBgpIpAddresses[1].customBgpIpAddress).toBe('169.254.22.14');
  });
});

describe('examples/custom-ipsec.ts', () => {
  const app = new App();
  const stack = customIpsec.build(app, { azureGatewayPublicIps: AZURE_IPS });
  VpnRulesAspect.enable(app);
  const template = Template.fromStack(stack);

  test('C24: every tunnel carries AES256-GCM-16 and DH group 20 in both phases', () => {
    const tunnels = Object.values(template.findResources('AWS::EC2::VPNConnection'))
      .flatMap((c: Json) => c.Properties.VpnTunnelOptionsSpecifications as Json[]);
    expect(tunnels).toHaveLength(4);
    for (const tunnel of tunnels) {
      expect(tunnel).toMatchObject({
        Phase1EncryptionAlgorithms: [{ Value: 'AES256-GCM-16' }],
        Phase1DHGroupNumbers: [{ Value: 20 }],
        Phase2EncryptionAlgorithms: [{ Value: 'AES256-GCM-16' }],
        Phase2DHGroupNumbers: [{ Value: 20 }],
      });
    }
  });

  test('C24: replacementsBetween says both VPN connections are replaced and Azure must follow', () => {
    const replacements = customIpsec.replacementsOfPolicyChange();
    expect(replacements.map((r) => r.resource)).toEqual(['AWS VPN connection 1', 'AWS VPN connection 2']);
    for (const r of replacements) expect(r.consequence).toMatch(/new tunnel outside IPs.*pulumi up/);
  });

  test('rules Aspect: no error annotation', () => {
    expect(errorsOf(stack)).toEqual([]);
  });
});

describe('examples/azure-program.ts (Pulumi mocks)', () => {
  const registered: { type: string; inputs: Json; }[] = [];
  beforeAll(() => recordingMocks(registered));

  test('C15, C22: with the sample AWS outputs, one LNG per outside IP in my GatewaySubnet; keys only via the reader', async () => {
    const arnsRead: string[] = [];
    const outputs = await buildAzureVpn({
      resourceGroupName: 'network-rg',
      gatewaySubnetId: EXAMPLE_GATEWAY_SUBNET_ID,
      awsOutputsFile: path.resolve(__dirname, '../../samples/aws-outputs.json'),
      // A random valid key per secret: nothing is read from AWS, no key is written here.
      readSecret: async (arn) => {
        arnsRead.push(arn);
        return 'K' + Array.from({ length: 31 }, () => 'abcdefghijklmnopqrstuvwxyz'[randomInt(26)]).join('');
      },
    });
    await new Promise((resolve) => pulumi.all([outputs.gatewayId, outputs.connectionIds]).apply(resolve));

    expect(arnsRead).toHaveLength(4);
    const lngs = registered.filter((r) => r.type === 'azure-native:network:LocalNetworkGateway');
    expect(lngs.map((l) => l.inputs.gatewayIpAddress)).toEqual(['192.0.2.10', '192.0.2.11', '198.51.100.10', '198.51.100.11']);
    expect(registered.filter((r) => r.type === 'azure-native:network:Subnet')).toEqual([]);
    const [gateway] = registered.filter((r) => r.type === 'azure-native:network:VirtualNetworkGateway');
    expect(gateway.inputs.ipConfigurations.map((c: Json) => c.subnet.id)).toEqual([EXAMPLE_GATEWAY_SUBNET_ID, EXAMPLE_GATEWAY_SUBNET_ID]);
  });
});
