/**
 * The example app's template written by hand in L1 resources, without the library: the comparator
 * of the synthesis benchmarks (bench/synth-cost.ts in-process, bench/cdk-synth.ts through `cdk synth`).
 * It imports only aws-cdk-lib, constructs, the example's VPC (bin/example-vpc.ts) and the outside-IP
 * handler's source text, so a `cdk synth` process of it loads none of the library's modules (plan,
 * zod, rules): the process comparison charges the library for all it loads.
 */
import { App, CfnOutput, CustomResource, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { TUNNEL_OUTSIDE_IPS_HANDLER_SOURCE, TUNNEL_OUTSIDE_IPS_RESOURCE_TYPE } from '../lib/aws/tunnel-outside-ips';
import { exampleVpc } from '../bin/example-vpc';

/** The example app's stack name (EXAMPLE_STACK_NAME), repeated here so as not to load bin/example-stack.ts. */
const HAND_WRITTEN_STACK_NAME = 'MulticloudVpnAws';

/** Public unicast addresses standing for the two Azure gateway instances (documentation ranges are refused as non-public). */
export const BENCH_AZURE_IPS: readonly [string, string] = ['20.10.0.1', '20.10.0.2'];
/** The documented plan's values, written out as someone without the library would (vpn-plan.json, seed 004). */
const HAND_WRITTEN = {
  name: 'aws-azure-vpn',
  vpcCidr: '10.2.0.0/16',
  awsAsn: 64512,
  azureAsn: 65000,
  azureVnetCidr: '10.1.0.0/16',
  tunnels: [
    { id: 'Instance0Tunnel1', connection: 1, tunnel: 1, insideCidr: '169.254.21.0/30', awsBgpIp: '169.254.21.1', azureBgpIp: '169.254.21.2' },
    { id: 'Instance0Tunnel2', connection: 1, tunnel: 2, insideCidr: '169.254.22.0/30', awsBgpIp: '169.254.22.1', azureBgpIp: '169.254.22.2' },
    { id: 'Instance1Tunnel1', connection: 2, tunnel: 1, insideCidr: '169.254.21.4/30', awsBgpIp: '169.254.21.5', azureBgpIp: '169.254.21.6' },
    { id: 'Instance1Tunnel2', connection: 2, tunnel: 2, insideCidr: '169.254.22.4/30', awsBgpIp: '169.254.22.5', azureBgpIp: '169.254.22.6' },
  ],
} as const;

/** The IPsec policy of the documented plan (IKEv2, AES256, SHA2-256, DH 14) and DPD, as L1 tunnel options. */
const HAND_WRITTEN_TUNNEL_OPTIONS = {
  ikeVersions: [{ value: 'ikev2' }],
  phase1EncryptionAlgorithms: [{ value: 'AES256' }],
  phase1IntegrityAlgorithms: [{ value: 'SHA2-256' }],
  phase1DhGroupNumbers: [{ value: 14 }],
  phase1LifetimeSeconds: 28800,
  phase2EncryptionAlgorithms: [{ value: 'AES256' }],
  phase2IntegrityAlgorithms: [{ value: 'SHA2-256' }],
  phase2DhGroupNumbers: [{ value: 14 }],
  phase2LifetimeSeconds: 3600,
  dpdTimeoutSeconds: 30,
  dpdTimeoutAction: 'restart',
  startupAction: 'start',
};

/**
 * The same template as `exampleStack` with the documented plan, written by hand: L1 gateway,
 * attachment, propagation, customer gateways, secrets and connections, the same Lambda-backed
 * custom resource for the outside IPs (its log group and its two roles), the same outputs. No plan,
 * no validation, no Tags aspect, and no acknowledgements of its own: the AwsSolutions findings that
 * the construct acknowledges with reasons (SMG4, the two IAM5 wildcards) are left to the caller.
 */
export function handWrittenStack(app: App, props: StackProps = {}): Stack {
  const stack = new Stack(app, HAND_WRITTEN_STACK_NAME, props);
  const vpc = exampleVpc(stack, HAND_WRITTEN.vpcCidr);
  // A plain scope with the construct's id, so logical ids match the example's.
  const scope = new Construct(stack, 'AzureVpn');
  const { name } = HAND_WRITTEN;

  const vgw = new ec2.CfnVPNGateway(scope, 'VpnGateway', {
    type: 'ipsec.1',
    amazonSideAsn: HAND_WRITTEN.awsAsn,
    tags: [{ key: 'Name', value: `${name}-vgw` }],
  });
  const attachment = new ec2.CfnVPCGatewayAttachment(scope, 'VpnGatewayAttachment', { vpcId: vpc.vpcId, vpnGatewayId: vgw.attrVpnGatewayId });
  const propagation = new ec2.CfnVPNGatewayRoutePropagation(scope, 'RoutePropagation', {
    routeTableIds: [...vpc.publicSubnets, ...vpc.isolatedSubnets].map((s) => s.routeTable.routeTableId),
    vpnGatewayId: vgw.attrVpnGatewayId,
  });
  propagation.addResourceDependency(attachment);

  const customerGateways = [0, 1].map((instance) =>
    new ec2.CfnCustomerGateway(scope, `CustomerGatewayInstance${instance}`, {
      type: 'ipsec.1',
      ipAddress: BENCH_AZURE_IPS[instance],
      bgpAsn: HAND_WRITTEN.azureAsn,
      // Distinct per stack and gateway, or EC2 hands back an existing customer gateway with the same IP and ASN.
      deviceName: `${stack.stackName}-AzureVpn-CustomerGatewayInstance${instance}`,
      tags: [{ key: 'multicloud-vpn:peer-connection-mode', value: 'ResponderOnly' }, { key: 'Name', value: `${name}-azure-instance${instance}` }],
    })
  );

  const secrets = Object.fromEntries(HAND_WRITTEN.tunnels.map((t) => {
    const secret = new secretsmanager.CfnSecret(new Construct(scope, `${t.id}PresharedKey`), 'Resource', {
      description: `Pre-shared key of VPN tunnel ${t.id} to Azure, plan ${name}`,
      generateSecretString: { passwordLength: 32, excludePunctuation: true, includeSpace: false, excludeCharacters: '0' },
      tags: [{ key: 'Name', value: `${name}-${t.id}-psk` }],
    });
    secret.applyRemovalPolicy(RemovalPolicy.DESTROY); // what the L2 Secret sets by default
    return [t.id, secret];
  }));

  const connections = [1, 2].map((number) => {
    const carried = HAND_WRITTEN.tunnels.filter((t) => t.connection === number);
    return new ec2.CfnVPNConnection(scope, `Connection${number}`, {
      type: 'ipsec.1',
      customerGatewayId: customerGateways[number - 1].attrCustomerGatewayId,
      vpnGatewayId: vgw.attrVpnGatewayId,
      staticRoutesOnly: false,
      tunnelInsideIpVersion: 'ipv4',
      enableAcceleration: false,
      vpnTunnelOptionsSpecifications: carried.map((t) => ({
        tunnelInsideCidr: t.insideCidr,
        preSharedKey: `{{resolve:secretsmanager:${secrets[t.id].ref}:SecretString:::}}`,
        ...HAND_WRITTEN_TUNNEL_OPTIONS,
      })),
      tags: [
        { key: 'multicloud-vpn:plan', value: name },
        { key: 'multicloud-vpn:remote-cidrs', value: HAND_WRITTEN.azureVnetCidr },
        { key: 'multicloud-vpn:tunnel-ids', value: carried.map((t) => t.id).join(' ') },
        { key: 'Name', value: `${name}-connection${number}` },
      ],
    });
  });

  // The outside-IP reader: one log group for both Lambdas, a role of their own each that may write
  // only there (no managed policy), the same handler source and Provider settings.
  const outsideIpsScope = new Construct(scope, 'TunnelOutsideIps');
  const logGroup = new logs.LogGroup(outsideIpsScope, 'Logs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
  const lambdaRole = (id: string, description: string) => {
    const role = new iam.Role(outsideIpsScope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description });
    logGroup.grantWrite(role);
    return role;
  };
  const handlerRole = lambdaRole('HandlerRole', 'Reads VPN tunnel outside IPs (multicloud-vpn)');
  handlerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ec2:DescribeVpnConnections'], resources: ['*'] }));
  const handler = new lambda.Function(outsideIpsScope, 'Handler', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(TUNNEL_OUTSIDE_IPS_HANDLER_SOURCE),
    timeout: Duration.seconds(30),
    description: 'Reads VPN tunnel outside IPs by inside CIDR (multicloud-vpn)',
    role: handlerRole,
    logGroup,
    loggingFormat: lambda.LoggingFormat.JSON,
    applicationLogLevelV2: lambda.ApplicationLogLevel.ERROR,
    systemLogLevelV2: lambda.SystemLogLevel.WARN,
  });
  const provider = new cr.Provider(outsideIpsScope, 'Provider', {
    onEventHandler: handler,
    frameworkOnEventRole: lambdaRole('ProviderRole', 'Custom resource provider framework of the VPN tunnel outside IP reader (multicloud-vpn)'),
    logGroup,
    frameworkLambdaLoggingLevel: lambda.ApplicationLogLevel.FATAL,
  });
  const outsideIps = new CustomResource(outsideIpsScope, 'Resource', {
    serviceToken: provider.serviceToken,
    resourceType: TUNNEL_OUTSIDE_IPS_RESOURCE_TYPE,
    properties: {
      Tunnels: HAND_WRITTEN.tunnels.map((t) => ({ Id: t.id, ConnectionId: connections[t.connection - 1].ref, InsideCidr: t.insideCidr })),
    },
  });

  const output = (key: string, value: string, description: string) =>
    new CfnOutput(scope, key, { value, description }).overrideLogicalId(`AwsAzureVpn${key}`);
  output('VpnGatewayId', vgw.attrVpnGatewayId, 'Virtual private gateway of the Azure VPN connections');
  for (const t of HAND_WRITTEN.tunnels) {
    const where = `${t.id} (connection ${t.connection} tunnel ${t.tunnel}, Azure instance ${t.connection - 1})`;
    output(`${t.id}OutsideIp`, outsideIps.getAttString(t.id), `AWS outside IP of ${where}: the Azure local network gateway address`);
    output(`${t.id}BgpPeering`, `inside ${t.insideCidr}: AWS ${t.awsBgpIp}, Azure ${t.azureBgpIp}`, `Inside CIDR and BGP addresses of ${where}`);
    output(`${t.id}PresharedKeySecretArn`, secrets[t.id].ref, `Secret holding the pre-shared key of ${where}`);
  }
  const handoff = {
    format: 'multicloud-vpn/aws-handoff@1',
    plan: name,
    awsAsn: HAND_WRITTEN.awsAsn,
    vpnGatewayId: vgw.attrVpnGatewayId,
    tunnels: HAND_WRITTEN.tunnels.map((t) => ({
      id: t.id,
      awsConnection: t.connection,
      awsTunnel: t.tunnel,
      insideCidr: t.insideCidr,
      awsBgpIp: t.awsBgpIp,
      azureBgpIp: t.azureBgpIp,
      outsideIp: outsideIps.getAttString(t.id),
      presharedKeySecretArn: secrets[t.id].ref,
    })),
  };
  output('Handoff', stack.toJsonString(handoff), 'multicloud-vpn/aws-handoff@1: input of the Azure half (JSON)');
  return stack;
}
