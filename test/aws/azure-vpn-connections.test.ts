import { App, CfnParameter, CfnResource, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { AzureVpnConnections, DOCUMENTATION_ADDRESSES_WARNING } from '../../lib/aws-entry';
import { pascalCase } from '../../lib/aws/site-to-site-vpn';
import { AWS_HANDOFF_FORMAT, PEER_TAGS, type AwsHandoff } from '../../lib/handoff';
import { AZURE_IPS, build, documentedPlan, onlyLogicalId, planWith, resolveIntrinsics, valuesOfKey } from './helpers';

type Resource = { Properties: Record<string, unknown>; DependsOn?: string[]; };
type TunnelSpec = Record<string, unknown>;

/** The seed 004 table: AWS connection → its tunnels' inside CIDRs in AWS tunnel order. */
const DOCUMENTED_INSIDE_CIDRS = {
  1: ['169.254.21.0/30', '169.254.22.0/30'],
  2: ['169.254.21.4/30', '169.254.22.4/30'],
};

function connectionsByCustomerGateway(template: Template) {
  const gateways = template.findResources('AWS::EC2::CustomerGateway') as Record<string, Resource>;
  const connections = template.findResources('AWS::EC2::VPNConnection') as Record<string, Resource>;
  return Object.values(connections).map((c) => {
    const cgwId = (c.Properties.CustomerGatewayId as { 'Fn::GetAtt': [string, string]; })['Fn::GetAtt'][0];
    return { connection: c.Properties, gateway: gateways[cgwId].Properties };
  });
}

function tunnelSpecs(connection: Record<string, unknown>): TunnelSpec[] {
  return connection.VpnTunnelOptionsSpecifications as TunnelSpec[];
}

function tagsOf(properties: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries((properties.Tags as { Key: string; Value: string; }[]).map((t) => [t.Key, t.Value]));
}

describe('AzureVpnConnections on the documented plan (seed 004)', () => {
  const { template, stack, vpc, vpn } = build();

  test('C08: one virtual private gateway with AmazonSideAsn 64512, attached to the VPC once', () => {
    template.resourceCountIs('AWS::EC2::VPNGateway', 1);
    template.hasResourceProperties('AWS::EC2::VPNGateway', { Type: 'ipsec.1', AmazonSideAsn: 64512 });
    const vgw = onlyLogicalId(template, 'AWS::EC2::VPNGateway');
    // The VPC's internet gateway has its own attachment; exactly one carries the VGW.
    template.resourcePropertiesCountIs('AWS::EC2::VPCGatewayAttachment', { VpnGatewayId: Match.anyValue() }, 1);
    template.hasResourceProperties('AWS::EC2::VPCGatewayAttachment', {
      VpcId: stack.resolve(vpc.vpcId),
      VpnGatewayId: { 'Fn::GetAtt': [vgw, 'VPNGatewayId'] },
    });
  });

  test("C28: route propagation covers the private subnets' route tables and waits for the attachment", () => {
    const expected = vpc.privateSubnets.map((s) => stack.resolve(s.routeTable.routeTableId));
    expect(expected).toHaveLength(2);
    const propagations = template.findResources('AWS::EC2::VPNGatewayRoutePropagation') as Record<string, Resource>;
    const [propagation] = Object.values(propagations);
    expect(Object.keys(propagations)).toHaveLength(1);
    expect(propagation.Properties.RouteTableIds).toEqual(expect.arrayContaining(expected));
    expect(propagation.Properties.RouteTableIds).toHaveLength(expected.length);
    const attachment = Object.keys(template.findResources('AWS::EC2::VPCGatewayAttachment', { Properties: { VpnGatewayId: Match.anyValue() } }));
    expect(propagation.DependsOn).toEqual(expect.arrayContaining(attachment));
  });

  test('C11, C15: two customer gateways with the Azure ASN 65000, instance 0 on connection 1, instance 1 on connection 2', () => {
    template.resourceCountIs('AWS::EC2::CustomerGateway', 2);
    template.resourceCountIs('AWS::EC2::VPNConnection', 2);
    const pairs = connectionsByCustomerGateway(template);
    for (const { gateway } of pairs) {
      expect(gateway).toMatchObject({ Type: 'ipsec.1', BgpAsn: 65000 });
      expect(gateway).not.toHaveProperty('BgpAsnExtended');
    }
    // Connection n's first tunnel CIDR tells which connection it is; its gateway must be instance n - 1.
    const byFirstCidr = Object.fromEntries(pairs.map((p) => [tunnelSpecs(p.connection)[0].TunnelInsideCidr, p.gateway.IpAddress]));
    expect(byFirstCidr[DOCUMENTED_INSIDE_CIDRS[1][0]]).toBe(AZURE_IPS[0]);
    expect(byFirstCidr[DOCUMENTED_INSIDE_CIDRS[2][0]]).toBe(AZURE_IPS[1]);
  });

  test('C01-C05, C12: the four tunnels carry exactly the documented inside CIDRs, in AWS tunnel order, over BGP', () => {
    const carried = Object.fromEntries(
      connectionsByCustomerGateway(template).map(({ connection, gateway }) => [
        gateway.IpAddress === AZURE_IPS[0] ? 1 : 2,
        tunnelSpecs(connection).map((t) => t.TunnelInsideCidr),
      ]),
    );
    expect(carried).toEqual(DOCUMENTED_INSIDE_CIDRS);
    template.allResourcesProperties('AWS::EC2::VPNConnection', {
      Type: 'ipsec.1',
      StaticRoutesOnly: false,
      TunnelInsideIpVersion: 'ipv4',
      VpnGatewayId: { 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::EC2::VPNGateway'), 'VPNGatewayId'] },
    });
  });

  test("C20, C21, C24, C25: every tunnel starts IKE and carries the plan's IKEv2 / IPsec / DPD options", () => {
    const specs = connectionsByCustomerGateway(template).flatMap((p) => tunnelSpecs(p.connection));
    expect(specs).toHaveLength(4);
    for (const spec of specs) {
      // The documented defaults (schema.ts @default): IKEv2, AES256, SHA2-256, DH 14, 28800 / 3600 s, DPD 30 s restart.
      expect(spec).toMatchObject({
        StartupAction: 'start',
        IKEVersions: [{ Value: 'ikev2' }],
        Phase1EncryptionAlgorithms: [{ Value: 'AES256' }],
        Phase1IntegrityAlgorithms: [{ Value: 'SHA2-256' }],
        Phase1DHGroupNumbers: [{ Value: 14 }],
        Phase1LifetimeSeconds: 28800,
        Phase2EncryptionAlgorithms: [{ Value: 'AES256' }],
        Phase2IntegrityAlgorithms: [{ Value: 'SHA2-256' }],
        Phase2DHGroupNumbers: [{ Value: 14 }],
        Phase2LifetimeSeconds: 3600,
        DPDTimeoutSeconds: 30,
        DPDTimeoutAction: 'restart',
      });
    }
  });

  test("C22, C23: one generated secret per tunnel; each PreSharedKey is a dynamic reference to its own tunnel's secret", () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 4);
    template.allResourcesProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 32, ExcludePunctuation: true, IncludeSpace: false, ExcludeCharacters: '0' },
    });
    // No secret value is ever put into the template.
    expect(valuesOfKey(template.toJSON(), 'SecretString')).toEqual([]);
    const keys = valuesOfKey(template.toJSON(), 'PreSharedKey');
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(resolveIntrinsics(key)).toMatch(/^\{\{resolve:secretsmanager:<[A-Za-z0-9]+>:SecretString:::\}\}$/);
    for (const t of documentedPlan().tunnels) {
      const secretLogicalId = stack.getLogicalId(vpn.presharedKeySecrets[t.id].node.defaultChild as CfnResource);
      const spec = connectionsByCustomerGateway(template)
        .flatMap((p) => tunnelSpecs(p.connection))
        .find((s) => s.TunnelInsideCidr === t.insideCidr)!;
      expect(resolveIntrinsics(spec.PreSharedKey)).toBe(`{{resolve:secretsmanager:<${secretLogicalId}>:SecretString:::}}`);
    }
  });

  test('C20, C30: peer tags name the Azure connection mode, the VNet CIDR and the tunnel ids; every resource has a Name', () => {
    for (const { connection, gateway } of connectionsByCustomerGateway(template)) {
      expect(tagsOf(gateway)[PEER_TAGS.peerConnectionMode]).toBe('ResponderOnly');
      expect(tagsOf(gateway).Name).toMatch(/^aws-azure-vpn-azure-instance[01]$/);
      const tags = tagsOf(connection);
      expect(tags[PEER_TAGS.remoteCidrs]).toBe('10.1.0.0/16');
      const instance = gateway.IpAddress === AZURE_IPS[0] ? 0 : 1;
      expect(tags[PEER_TAGS.tunnelIds]).toBe(`Instance${instance}Tunnel1 Instance${instance}Tunnel2`);
      expect(tags.Name).toBe(`aws-azure-vpn-connection${instance + 1}`);
    }
    template.hasResourceProperties('AWS::EC2::VPNGateway', { Tags: [{ Key: 'Name', Value: 'aws-azure-vpn-vgw' }] });
  });

  test('outputs have fixed keys derived from the plan name, per tunnel and for the hand-off', () => {
    const outputs = Object.keys(template.toJSON().Outputs);
    expect(vpn.outputPrefix).toBe('AwsAzureVpn');
    for (const id of ['Instance0Tunnel1', 'Instance0Tunnel2', 'Instance1Tunnel1', 'Instance1Tunnel2']) {
      expect(outputs).toEqual(
        expect.arrayContaining([`AwsAzureVpn${id}OutsideIp`, `AwsAzureVpn${id}BgpPeering`, `AwsAzureVpn${id}PresharedKeySecretArn`]),
      );
    }
    expect(outputs).toEqual(expect.arrayContaining(['AwsAzureVpnHandoff', 'AwsAzureVpnVpnGatewayId']));
    expect(vpn.handoffOutputKey).toBe('AwsAzureVpnHandoff');
    template.hasOutput('AwsAzureVpnInstance1Tunnel2BgpPeering', { Value: 'inside 169.254.22.4/30: AWS 169.254.22.5, Azure 169.254.22.6' });
  });

  test("C05, C15: the Handoff output resolves to an AwsHandoff with each tunnel's addresses, outside IP and secret", () => {
    const value = resolveIntrinsics(template.toJSON().Outputs.AwsAzureVpnHandoff.Value) as string;
    const handoff = JSON.parse(value) as AwsHandoff;
    const reader = onlyLogicalId(template, 'Custom::VpnTunnelOutsideIps');
    const vgw = onlyLogicalId(template, 'AWS::EC2::VPNGateway');
    expect(handoff).toMatchObject({ format: AWS_HANDOFF_FORMAT, plan: 'aws-azure-vpn', awsAsn: 64512, vpnGatewayId: `<${vgw}.VPNGatewayId>` });
    expect(handoff.tunnels.map((t) => [t.id, t.awsConnection, t.awsTunnel, t.insideCidr, t.awsBgpIp, t.azureBgpIp])).toEqual([
      ['Instance0Tunnel1', 1, 1, '169.254.21.0/30', '169.254.21.1', '169.254.21.2'],
      ['Instance0Tunnel2', 1, 2, '169.254.22.0/30', '169.254.22.1', '169.254.22.2'],
      ['Instance1Tunnel1', 2, 1, '169.254.21.4/30', '169.254.21.5', '169.254.21.6'],
      ['Instance1Tunnel2', 2, 2, '169.254.22.4/30', '169.254.22.5', '169.254.22.6'],
    ]);
    for (const t of handoff.tunnels) {
      expect(t.outsideIp).toBe(`<${reader}.${t.id}>`);
      const secret = stack.getLogicalId(vpn.presharedKeySecrets[t.id].node.defaultChild as CfnResource);
      expect(t.presharedKeySecretArn).toBe(`<${secret}>`);
    }
  });

  test("construct attributes expose each tunnel's addresses, outside IP token and secret ARN", () => {
    const tunnel = vpn.tunnels.Instance1Tunnel1;
    expect(tunnel).toMatchObject({
      awsConnection: 2,
      awsTunnel: 1,
      insideCidr: '169.254.21.4/30',
      awsBgpIp: '169.254.21.5',
      azureBgpIp: '169.254.21.6',
    });
    expect(stack.resolve(tunnel.outsideIp)).toEqual({ 'Fn::GetAtt': [onlyLogicalId(template, 'Custom::VpnTunnelOutsideIps'), 'Instance1Tunnel1'] });
    expect(stack.resolve(tunnel.presharedKeySecretArn)).toEqual(stack.resolve(vpn.presharedKeySecrets.Instance1Tunnel1.secretArn));
  });
});

describe('AzureVpnConnections options', () => {
  test('C09: a customer gateway ASN above 2147483647 goes in BgpAsnExtended', () => {
    const { template } = build({
      plan: planWith((p) => {
        p.azure!.asn = 4200000001;
      }),
    });
    template.allResourcesProperties('AWS::EC2::CustomerGateway', { BgpAsnExtended: 4200000001, BgpAsn: Match.absent() });
  });

  test('C24: a non-default IPsec policy reaches every tunnel', () => {
    const plan = planWith((p) => {
      p.ipsec = { phase1: { encryption: 'AES128-GCM-16', dhGroup: 20 }, phase2: { lifetimeSeconds: 1800 }, dpdTimeoutSeconds: 40 };
    });
    const { template } = build({ plan });
    const specs = valuesOfKey(template.toJSON(), 'VpnTunnelOptionsSpecifications').flat() as TunnelSpec[];
    expect(specs).toHaveLength(4);
    for (const spec of specs) {
      expect(spec).toMatchObject({
        Phase1EncryptionAlgorithms: [{ Value: 'AES128-GCM-16' }],
        Phase1DHGroupNumbers: [{ Value: 20 }],
        Phase2LifetimeSeconds: 1800,
        DPDTimeoutSeconds: 40,
      });
    }
  });

  test('plan tags go on the VPN resources and the secrets', () => {
    const { template } = build({
      plan: planWith((p) => {
        p.tags = { project: 'vpn-test' };
      }),
    });
    for (const type of ['AWS::EC2::VPNGateway', 'AWS::EC2::CustomerGateway', 'AWS::EC2::VPNConnection', 'AWS::SecretsManager::Secret']) {
      template.allResourcesProperties(type, { Tags: Match.arrayWith([{ Key: 'project', Value: 'vpn-test' }]) });
    }
  });

  test("C28: with no private-with-egress subnets, route propagation covers every subnet's route table", () => {
    const { template, stack, vpc } = build({}, {
      natGateways: 0,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });
    const all = [...vpc.publicSubnets, ...vpc.isolatedSubnets].map((s) => stack.resolve(s.routeTable.routeTableId));
    expect(all).toHaveLength(4);
    const [propagation] = Object.values(template.findResources('AWS::EC2::VPNGatewayRoutePropagation')) as Resource[];
    expect(propagation.Properties.RouteTableIds).toEqual(expect.arrayContaining(all));
    expect(propagation.Properties.RouteTableIds).toHaveLength(4);
  });

  test('C28: routePropagationSubnets picks the route tables', () => {
    const { template, stack, vpc } = build({ routePropagationSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    const [propagation] = Object.values(template.findResources('AWS::EC2::VPNGatewayRoutePropagation')) as Resource[];
    expect(propagation.Properties.RouteTableIds).toEqual(vpc.publicSubnets.map((s) => stack.resolve(s.routeTable.routeTableId)));
  });

  test('C28: enableRoutePropagation false creates no propagation', () => {
    const { template } = build({ enableRoutePropagation: false });
    template.resourceCountIs('AWS::EC2::VPNGatewayRoutePropagation', 0);
  });

  test('C19: an existing gateway (vpnGatewayId) creates no gateway and no attachment; connections and propagation use it', () => {
    const { template } = build({ vpnGatewayId: 'vgw-0123456789abcdef0' });
    template.resourceCountIs('AWS::EC2::VPNGateway', 0);
    template.resourcePropertiesCountIs('AWS::EC2::VPCGatewayAttachment', { VpnGatewayId: Match.anyValue() }, 0);
    template.allResourcesProperties('AWS::EC2::VPNConnection', { VpnGatewayId: 'vgw-0123456789abcdef0' });
    template.hasResource('AWS::EC2::VPNGatewayRoutePropagation', {
      Properties: { VpnGatewayId: 'vgw-0123456789abcdef0' },
      DependsOn: Match.absent(),
    });
    const handoff = JSON.parse(resolveIntrinsics(template.toJSON().Outputs.AwsAzureVpnHandoff.Value) as string) as AwsHandoff;
    expect(handoff.vpnGatewayId).toBe('vgw-0123456789abcdef0');
  });

  test('C19: a VPC that already has a gateway needs vpnGatewayId (a VPC holds one)', () => {
    expect(() => build({}, { vpnGateway: true })).toThrow(/vpnGatewayId: .*already has a virtual private gateway.*C19/);
  });

  test('C15: two instances in one stack (two VPCs, two plans) do not collide', () => {
    const app = new App();
    const stack = new Stack(app, 'Two');
    const plans = [
      documentedPlan(),
      planWith((p) => {
        p.name = 'second-vpn';
        p.aws!.vpcCidr = '10.3.0.0/16';
      }),
    ];
    const vpns = plans.map((plan, i) => {
      const vpc = new ec2.Vpc(stack, `Vpc${i}`, { ipAddresses: ec2.IpAddresses.cidr(plan.aws.vpcCidr), maxAzs: 2, natGateways: 0 });
      return new AzureVpnConnections(stack, `AzureVpn${i}`, { plan, vpc, azureGatewayPublicIps: i === 0 ? AZURE_IPS : ['20.20.0.1', '20.20.0.2'] });
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::VPNGateway', 2);
    template.resourceCountIs('AWS::EC2::VPNConnection', 4);
    template.resourceCountIs('AWS::SecretsManager::Secret', 8);
    template.resourceCountIs('Custom::VpnTunnelOutsideIps', 2);
    expect(vpns.map((v) => v.handoffOutputKey)).toEqual(['AwsAzureVpnHandoff', 'SecondVpnHandoff']);
    expect(Object.keys(template.toJSON().Outputs)).toHaveLength(2 * 14);
  });

  test('C15: two instances with the same output prefix fail with a clear message', () => {
    const app = new App();
    const stack = new Stack(app, 'Same');
    const plan = documentedPlan();
    const vpcs = [0, 1].map((i) => new ec2.Vpc(stack, `Vpc${i}`, { natGateways: 0 }));
    new AzureVpnConnections(stack, 'First', { plan, vpc: vpcs[0], azureGatewayPublicIps: AZURE_IPS });
    expect(() => new AzureVpnConnections(stack, 'Second', { plan, vpc: vpcs[1], azureGatewayPublicIps: AZURE_IPS }))
      .toThrow(/outputPrefix: "AwsAzureVpn" is already used .*give each instance its own outputPrefix/);
  });

  test('pascalCase turns a plan name into an output prefix', () => {
    expect(pascalCase('aws-azure-vpn')).toBe('AwsAzureVpn');
    expect(pascalCase('vpn2-prod')).toBe('Vpn2Prod');
  });
});

describe('AzureVpnConnections props validation', () => {
  test('C14, C15: private, duplicate and malformed Azure IPs are all reported in one error naming each field', () => {
    let message = '';
    try {
      build({ azureGatewayPublicIps: ['10.0.0.4', '10.0.0.4'] });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/azureGatewayPublicIps\[0\]: "10\.0\.0\.4" is not a public address \(range: private\)/);
    expect(message).toMatch(/azureGatewayPublicIps\[1\]: "10\.0\.0\.4" is not a public address/);
    expect(message).toMatch(/azureGatewayPublicIps: both instances have "10\.0\.0\.4".*C14/);
    expect(() => build({ azureGatewayPublicIps: ['20.10.0.1', '20.10.0.300'] })).toThrow(
      /azureGatewayPublicIps\[1\]: "20\.10\.0\.300" is not an IPv4 address/,
    );
    expect(() => build({ azureGatewayPublicIps: ['20.10.0.1', '100.64.0.1'] })).toThrow(/range: carrierGradeNat/);
  });

  test('C15: Azure gateway IPs in an RFC 5737 documentation range synthesize, with one warning per address naming its range', () => {
    const { stack, template } = build({ azureGatewayPublicIps: ['203.0.113.10', '198.51.100.7'] });
    template.hasResourceProperties('AWS::EC2::CustomerGateway', { IpAddress: '203.0.113.10' });
    const warnings = Annotations.fromStack(stack).findWarning('/Test/AzureVpn', Match.stringLikeRegexp('documentation'));
    expect(warnings.map((w) => String(w.entry.data))).toEqual([
      expect.stringMatching(
        /^azureGatewayPublicIps\[0\]: 203\.0\.113\.10 is in 203\.0\.113\.0\/24, an RFC 5737 documentation range: this template targets documentation addresses/,
      ),
      expect.stringMatching(/^azureGatewayPublicIps\[1\]: 198\.51\.100\.7 is in 198\.51\.100\.0\/24.*pulumi stack output --json/),
    ]);
    expect(warnings.every((w) => String(w.entry.data).includes(DOCUMENTATION_ADDRESSES_WARNING))).toBe(true);
  });

  test('C15: public Azure gateway IPs, and IPs just outside the documentation ranges, give no such warning', () => {
    for (const ips of [AZURE_IPS, ['192.0.3.1', '203.0.114.1'] as const]) {
      const { stack } = build({ azureGatewayPublicIps: ips });
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('documentation'))).toEqual([]);
    }
  });

  test('C15: unresolved tokens (CfnParameters) skip the IP checks', () => {
    const app = new App();
    const stack = new Stack(app, 'Tokens');
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    const ips = [0, 1].map((i) => new CfnParameter(stack, `Ip${i}`).valueAsString) as [string, string];
    new AzureVpnConnections(stack, 'AzureVpn', { plan: documentedPlan(), vpc, azureGatewayPublicIps: ips });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::CustomerGateway', { IpAddress: { Ref: 'Ip0' } });
    template.hasResourceProperties('AWS::EC2::CustomerGateway', { IpAddress: { Ref: 'Ip1' } });
  });

  test('outputPrefix must be usable in an output key', () => {
    expect(() => build({ outputPrefix: 'my-vpn' })).toThrow(/outputPrefix: "my-vpn" cannot start a CloudFormation output key/);
  });
});

/** `DeviceName` of each customer gateway of a template, in logical-id order. */
function deviceNames(template: Template): string[] {
  return Object.entries(template.findResources('AWS::EC2::CustomerGateway') as Record<string, Resource>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, r]) => r.Properties.DeviceName as string);
}

describe('C15: customer gateway device names', () => {
  // EC2 CreateCustomerGateway returns the EXISTING customer gateway for the same type, IP and ASN
  // unless the device name differs: two plans facing one Azure gateway must not end up sharing one.
  test('C15: two plans facing the same Azure gateway IPs in one stack get four distinct device names', () => {
    const app = new App();
    const stack = new Stack(app, 'Shared');
    const plans = [
      documentedPlan(),
      planWith((p) => {
        p.name = 'second-vpn';
        p.aws!.vpcCidr = '10.3.0.0/16';
      }),
    ];
    plans.forEach((plan, i) => {
      const vpc = new ec2.Vpc(stack, `Vpc${i}`, { ipAddresses: ec2.IpAddresses.cidr(plan.aws.vpcCidr), maxAzs: 1, natGateways: 0 });
      new AzureVpnConnections(stack, `AzureVpn${i}`, { plan, vpc, azureGatewayPublicIps: AZURE_IPS });
    });
    const template = Template.fromStack(stack);
    const gateways = Object.values(template.findResources('AWS::EC2::CustomerGateway') as Record<string, Resource>);
    // Same IP, ASN and type twice each: only the device name tells them apart.
    expect(new Set(gateways.map((g) => `${g.Properties.IpAddress} ${g.Properties.BgpAsn} ${g.Properties.Type}`)).size).toBe(2);
    expect(new Set(deviceNames(template)).size).toBe(4);
  });

  test('C15: the same plan in two stacks (one account and region) gets distinct device names that name the stack', () => {
    const names = ['VpnTeamA', 'VpnTeamB'].map((stackName) => deviceNames(build({}, {}, stackName).template));
    expect(names[0][0]).toContain('VpnTeamA');
    expect(names[1][0]).toContain('VpnTeamB');
    expect(new Set([...names[0], ...names[1]]).size).toBe(4);
  });

  test('C08: renaming the plan keeps the device names (DeviceName cannot change without replacing the gateway and its connection)', () => {
    const before = deviceNames(build().template);
    const after = deviceNames(
      build({
        plan: planWith((p) => {
          p.name = 'renamed-plan';
        }),
      }).template,
    );
    expect(after).toEqual(before);
    // Within the 255 characters that CreateCustomerGateway accepts, and naming the Azure instance.
    for (const [instance, name] of before.entries()) {
      expect(name.length).toBeLessThanOrEqual(255);
      expect(name).toMatch(new RegExp(`Instance${instance}$`));
    }
  });

  test('C08: a very deep construct path still gives a device name of at most 255 characters', () => {
    const app = new App();
    const stack = new Stack(app, 'Deep');
    let scope: Construct = stack;
    for (let i = 0; i < 12; i++) scope = new Construct(scope, `AVeryLongConstructIdUsedToNestTheVpn${i}`);
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    new AzureVpnConnections(scope, 'AzureVpn', { plan: documentedPlan(), vpc, azureGatewayPublicIps: AZURE_IPS });
    const names = deviceNames(Template.fromStack(stack));
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(255);
  });
});
