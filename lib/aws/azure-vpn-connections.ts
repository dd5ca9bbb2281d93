/**
 * The AWS half of the plan (seed 004, "AWS" steps): a virtual private gateway, two customer
 * gateways (one per Azure gateway instance), two BGP VPN connections with the plan's four tunnels,
 * one Secrets Manager key per tunnel, route propagation, and the outside IPs read back after deploy.
 *
 * Everything that can be decided is decided by `planVpn` (lib/plan); this construct only wires
 * resources. Logical IDs come from the tunnel identity (`Instance0Tunnel1`) and connection number,
 * never from the plan name or an array index, so renaming a plan or reordering its tunnel list
 * replaces nothing.
 */
import { Annotations, CfnOutput, Duration, Names, Stack, Tags, Token, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { documentationAddressWarnings, gatewayPublicIpProblems } from '../handoff/azure-outputs';
import { AWS_HANDOFF_FORMAT, AWS_HANDOFF_OUTPUT_SUFFIX, PEER_TAGS, type AwsHandoff, type AwsHandoffTunnel } from '../handoff/formats';
import { awsTunnelOptions } from '../plan/ipsec';
import type { AzureInstance, ResolvedPlan, ResolvedTunnel } from '../plan/types';
import { TunnelOutsideIps } from './tunnel-outside-ips';

/** Customer gateway ASNs above this go in `BgpAsnExtended` (C09). */
const MAX_BGP_ASN = 2147483647;
const INSTANCES: readonly AzureInstance[] = [0, 1];
/** Id of the synth warning for Azure gateway IPs in RFC 5737 documentation ranges (acknowledge with `Annotations.of(c).acknowledgeWarning`). */
export const DOCUMENTATION_ADDRESSES_WARNING = 'multicloud-vpn:documentation-addresses';

export interface AzureVpnConnectionsProps {
  /** The resolved plan (`planVpn` / `loadPlanFile`); already validated. */
  readonly plan: ResolvedPlan;
  /** The VPC that reaches Azure. */
  readonly vpc: ec2.IVpc;
  /**
   * Public IPs of the Azure gateway, instance 0 then instance 1 (customer gateway/connection 1, 2;
   * C15). Tokens (e.g. CfnParameters) are allowed and skip validation.
   */
  readonly azureGatewayPublicIps: readonly [string, string];
  /**
   * An existing virtual private gateway, already attached to `vpc`. Then no gateway and no
   * attachment are created, and the gateway keeps its own Amazon side ASN, which must equal
   * `plan.aws.asn` (C11).
   * @default - a new gateway with `AmazonSideAsn` = `plan.aws.asn`, attached to `vpc`
   */
  readonly vpnGatewayId?: string;
  /**
   * Whether to enable route propagation from the gateway (C28). Turn it off when another stack
   * already propagates the same gateway to these route tables: deleting either stack would
   * otherwise disable propagation for both.
   * @default true
   */
  readonly enableRoutePropagation?: boolean;
  /**
   * Subnets whose route tables learn the Azure routes by propagation (C28).
   * @default - the private subnets with egress; all subnets (public, private, isolated) if the VPC has none
   */
  readonly routePropagationSubnets?: ec2.SubnetSelection;
  /**
   * Prefix of the stack output keys (`<prefix>Handoff`, `<prefix>Instance0Tunnel1OutsideIp`, ...).
   * Letters and digits, starting with a letter; distinct per instance within a stack.
   * @default - the plan name in PascalCase (`aws-azure-vpn` → `AwsAzureVpn`)
   */
  readonly outputPrefix?: string;
  /**
   * Where AWS keeps the tunnels' pre-shared keys (`AWS::EC2::VPNConnection` `PreSharedKeyStorage`).
   * `SecretsManager`: the Site-to-Site VPN service stores the keys in a Secrets Manager secret of its
   * own (ARN in `DescribeVpnConnections` `PreSharedKeyArn`) instead of in the VPN service, so they are
   * read with `secretsmanager:GetSecretValue` rather than `ec2:DescribeVpnConnections`. The keys are
   * still this construct's (one secret per tunnel), and the Azure half still reads those, so the
   * hand-off does not change.
   *
   * Opt-in because CloudFormation replaces a VPN connection when this property changes ("Update
   * requires: Replacement", AWS::EC2::VPNConnection): setting it on a deployed stack replaces both
   * connections, which get new outside IPs, so steps 3 to 5 of the deploy must run again.
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpnconnection.html#cfn-ec2-vpnconnection-presharedkeystorage
   * @default - the property is not set: keys stored in the VPN service (`Standard`), template unchanged
   */
  readonly presharedKeyStorage?: PresharedKeyStorage;
  /**
   * One CloudWatch alarm per tunnel on `AWS/VPN` `TunnelState` (dimensions `VpnId` and
   * `TunnelIpAddress`), missing data counted as breaching (C43). Turn it off only when the tunnels
   * are watched elsewhere: the rules then warn (C43).
   * @see https://docs.aws.amazon.com/vpn/latest/s2svpn/monitoring-cloudwatch-vpn.html
   * @default true
   */
  readonly tunnelAlarms?: boolean;
  /**
   * Where the tunnel alarms notify (alarm and OK). Give your topic, or `createAlarmTopic: true`.
   * @default - no action: the alarms only change state
   */
  readonly alarmTopic?: sns.ITopic;
  /**
   * Create an SNS topic for the tunnel alarms (encrypted with a new customer managed KMS key that
   * CloudWatch may use, SSL enforced); subscribe to it yourself (`alarmTopic` attribute).
   * @default false
   */
  readonly createAlarmTopic?: boolean;
}

/** The tunnel alarm: `TunnelState` maximum below 1 for three 5-minute periods (15 minutes down). */
const TUNNEL_ALARM_PERIOD = Duration.minutes(5);
const TUNNEL_ALARM_PERIODS = 3;

/** `AWS::EC2::VPNConnection` `PreSharedKeyStorage` allowed values (CloudFormation resource reference). */
export type PresharedKeyStorage = 'Standard' | 'SecretsManager';
export const PRESHARED_KEY_STORAGE_VALUES: readonly PresharedKeyStorage[] = ['Standard', 'SecretsManager'];

/** One tunnel as built: the hand-off fields (tokens until deploy) plus its key's secret. */
export interface AzureVpnTunnel extends AwsHandoffTunnel {
  readonly azureInstance: AzureInstance;
  /** Holds the tunnel's pre-shared key; the Azure half reads it for the matching connection (C22). */
  readonly presharedKeySecret: secretsmanager.ISecret;
}

/** `aws-azure-vpn` → `AwsAzureVpn`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** Output prefixes in use per stack, so two instances cannot silently overwrite each other's outputs. */
const outputPrefixesByStack = new WeakMap<Stack, Set<string>>();

/**
 * BGP active/active site-to-site VPN from an AWS VPC to an Azure VPN gateway (two instances,
 * four tunnels), built from a resolved plan.
 */
export class AzureVpnConnections extends Construct {
  /** The virtual private gateway id (new or given). */
  readonly vpnGatewayId: string;
  /** Created only when no `vpnGatewayId` was given. */
  readonly vpnGateway?: ec2.CfnVPNGateway;
  /** Instance 0, instance 1; each with a `DeviceName` unique per stack and construct path. */
  readonly customerGateways: readonly [ec2.CfnCustomerGateway, ec2.CfnCustomerGateway];
  /** Connection 1 (Azure instance 0) and connection 2 (instance 1). */
  readonly connections: readonly [ec2.CfnVPNConnection, ec2.CfnVPNConnection];
  /** Per plan tunnel id (`Instance0Tunnel1` ...). */
  readonly tunnels: Readonly<Record<string, AzureVpnTunnel>>;
  /** The pre-shared key secret of each tunnel, per plan tunnel id. */
  readonly presharedKeySecrets: Readonly<Record<string, secretsmanager.ISecret>>;
  /** What the `<outputPrefix>Handoff` output carries (tokens resolve at deploy). */
  readonly handoff: AwsHandoff;
  /** Key of the hand-off output in `cdk deploy --outputs-file`. */
  readonly handoffOutputKey: string;
  readonly outputPrefix: string;
  /** The `TunnelState` alarm of each tunnel, per plan tunnel id; empty with `tunnelAlarms: false`. */
  readonly tunnelAlarms: Readonly<Record<string, cloudwatch.Alarm>>;
  /** The alarms' action: `alarmTopic`, or the topic made for `createAlarmTopic`. */
  readonly alarmTopic?: sns.ITopic;

  /** `VpnId` and `TunnelIpAddress` of each tunnel (tokens until deploy). */
  private readonly tunnelDimensions: Record<string, { VpnId: string; TunnelIpAddress: string }> = {};

  constructor(scope: Construct, id: string, props: AzureVpnConnectionsProps) {
    super(scope, id);
    const { plan, vpc } = props;
    this.outputPrefix = props.outputPrefix ?? pascalCase(plan.name);
    validateProps(this, props, this.outputPrefix);

    for (const [key, value] of Object.entries(plan.tags)) Tags.of(this).add(key, value);

    // The gateway: new (with the plan's ASN, C08) or the VPC's existing one (a VPC has one, C19).
    let attachment: ec2.CfnVPCGatewayAttachment | undefined;
    if (props.vpnGatewayId === undefined) {
      this.vpnGateway = new ec2.CfnVPNGateway(this, 'VpnGateway', { type: 'ipsec.1', amazonSideAsn: plan.aws.asn });
      Tags.of(this.vpnGateway).add('Name', `${plan.name}-vgw`);
      attachment = new ec2.CfnVPCGatewayAttachment(this, 'VpnGatewayAttachment', {
        vpcId: vpc.vpcId,
        vpnGatewayId: this.vpnGateway.attrVpnGatewayId,
      });
      this.vpnGatewayId = this.vpnGateway.attrVpnGatewayId;
    } else {
      this.vpnGatewayId = props.vpnGatewayId;
    }

    if (props.enableRoutePropagation ?? true) {
      const propagation = new ec2.CfnVPNGatewayRoutePropagation(this, 'RoutePropagation', {
        routeTableIds: routeTableIdsOf(vpc, props.routePropagationSubnets),
        vpnGatewayId: this.vpnGatewayId,
      });
      // Propagation fails until the gateway is attached to the VPC. A construct dependency (DependsOn
      // in the template) rather than CfnResource.addResourceDependency, which aws-cdk-lib 2.258 (the
      // peer range's floor) does not have; its older name addDependency is deprecated in later 2.x.
      if (attachment) propagation.node.addDependency(attachment);
    }

    // One customer gateway per Azure instance; its ASN is the Azure gateway's (C11, C09).
    const customerGateways = INSTANCES.map((instance) => {
      const asn = plan.customerGatewayAsn;
      const gateway = new ec2.CfnCustomerGateway(this, `CustomerGatewayInstance${instance}`, {
        type: 'ipsec.1',
        ipAddress: props.azureGatewayPublicIps[instance],
        ...(asn > MAX_BGP_ASN ? { bgpAsnExtended: asn } : { bgpAsn: asn }),
      });
      gateway.deviceName = customerGatewayDeviceName(gateway);
      Tags.of(gateway).add('Name', `${plan.name}-azure-instance${instance}`);
      Tags.of(gateway).add(PEER_TAGS.peerConnectionMode, plan.azure.connectionMode);
      return gateway;
    });
    this.customerGateways = [customerGateways[0], customerGateways[1]];

    // One secret per tunnel (C22), referenced dynamically so no key reaches the template (C23).
    const secrets: Record<string, secretsmanager.Secret> = {};
    for (const tunnel of plan.tunnels) {
      secrets[tunnel.id] = new secretsmanager.Secret(this, `${tunnel.id}PresharedKey`, {
        description: `Pre-shared key of VPN tunnel ${tunnel.id} to Azure, plan ${plan.name}`,
        generateSecretString: {
          passwordLength: plan.aws.presharedKeyLength,
          // AWS allows letters, digits, '.' and '_' and no leading '0' (C22). Secrets Manager cannot
          // constrain the first character alone, so '0' is excluded everywhere: a key can never start
          // with it, at the cost of one of 62 characters.
          excludePunctuation: true,
          includeSpace: false,
          excludeCharacters: '0',
        },
      });
      Tags.of(secrets[tunnel.id]).add('Name', `${plan.name}-${tunnel.id}-psk`);
      Validations.of(secrets[tunnel.id]).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason: 'A pre-shared key cannot be rotated by Secrets Manager alone: both ends of the tunnel (the AWS VPN ' +
          'connection and the Azure connection) must change together, or the tunnel drops (C22); a key change is ' +
          'a planned update of both halves, not a scheduled rotation.',
      });
    }
    this.presharedKeySecrets = { ...secrets };

    const ipsecOptions = tunnelIpsecOptions(plan);
    const connections = INSTANCES.map((instance) => {
      const number = instance + 1;
      // Tunnel specifications in AWS tunnel order; the plan's order is not relied on.
      const carried = plan.tunnels.filter((t) => t.awsConnection === number).sort((a, b) => a.awsTunnel - b.awsTunnel);
      const connection = new ec2.CfnVPNConnection(this, `Connection${number}`, {
        type: 'ipsec.1',
        customerGatewayId: customerGateways[instance].attrCustomerGatewayId,
        vpnGatewayId: this.vpnGatewayId,
        staticRoutesOnly: false, // BGP (C12)
        tunnelInsideIpVersion: plan.aws.tunnelInsideIpVersion,
        enableAcceleration: plan.aws.enableAcceleration,
        ...(props.presharedKeyStorage === undefined ? {} : { preSharedKeyStorage: props.presharedKeyStorage }),
        vpnTunnelOptionsSpecifications: carried.map((t) => ({
          tunnelInsideCidr: t.insideCidr,
          startupAction: plan.aws.startupAction,
          preSharedKey: secrets[t.id].secretValue.unsafeUnwrap(), // a {{resolve:secretsmanager:...}} reference
          ...ipsecOptions,
        })),
      });
      Tags.of(connection).add('Name', `${plan.name}-connection${number}`);
      Tags.of(connection).add(PEER_TAGS.remoteCidrs, plan.azure.vnetCidr);
      Tags.of(connection).add(PEER_TAGS.tunnelIds, carried.map((t) => t.id).join(' '));
      Tags.of(connection).add(PEER_TAGS.plan, plan.name);
      return connection;
    });
    this.connections = [connections[0], connections[1]];

    const outsideIps = new TunnelOutsideIps(this, 'TunnelOutsideIps', {
      tunnels: plan.tunnels.map((t) => ({ id: t.id, connectionId: connections[t.azureInstance].ref, insideCidr: t.insideCidr })),
    });

    const tunnels: Record<string, AzureVpnTunnel> = {};
    for (const t of plan.tunnels) {
      tunnels[t.id] = {
        id: t.id,
        azureInstance: t.azureInstance,
        awsConnection: t.awsConnection,
        awsTunnel: t.awsTunnel,
        insideCidr: t.insideCidr,
        awsBgpIp: t.awsBgpIp,
        azureBgpIp: t.azureBgpIp,
        outsideIp: outsideIps.outsideIp(t.id),
        presharedKeySecret: secrets[t.id],
        presharedKeySecretArn: secrets[t.id].secretArn,
      };
    }
    this.tunnels = tunnels;
    for (const t of plan.tunnels) {
      this.tunnelDimensions[t.id] = { VpnId: connections[t.azureInstance].ref, TunnelIpAddress: tunnels[t.id].outsideIp };
    }
    this.alarmTopic = props.alarmTopic ?? (props.createAlarmTopic ? this.newAlarmTopic(plan.name) : undefined);
    this.tunnelAlarms = (props.tunnelAlarms ?? true) ? this.addTunnelAlarms(plan) : {};

    this.handoff = {
      format: AWS_HANDOFF_FORMAT,
      plan: plan.name,
      awsAsn: plan.aws.asn,
      vpnGatewayId: this.vpnGatewayId,
      tunnels: plan.tunnels.map((t) => handoffTunnel(tunnels[t.id])),
    };
    this.handoffOutputKey = `${this.outputPrefix}${AWS_HANDOFF_OUTPUT_SUFFIX}`;
    this.addOutputs(plan.tunnels);
  }

  /**
   * `AWS/VPN` `TunnelState` of one tunnel: 1 up, 0 down (dimensions `VpnId`, `TunnelIpAddress`).
   * @default maximum over 5 minutes
   */
  metricTunnelState(tunnelId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.tunnelMetric(tunnelId, 'TunnelState', { statistic: cloudwatch.Stats.MAXIMUM, ...props });
  }

  /**
   * `AWS/VPN` `TunnelDataIn` of one tunnel: bytes received from Azure through it.
   * @default sum over 5 minutes
   */
  metricTunnelDataIn(tunnelId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.tunnelMetric(tunnelId, 'TunnelDataIn', { statistic: cloudwatch.Stats.SUM, ...props });
  }

  /**
   * `AWS/VPN` `TunnelDataOut` of one tunnel: bytes sent to Azure through it.
   * @default sum over 5 minutes
   */
  metricTunnelDataOut(tunnelId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.tunnelMetric(tunnelId, 'TunnelDataOut', { statistic: cloudwatch.Stats.SUM, ...props });
  }

  private tunnelMetric(tunnelId: string, metricName: string, props: cloudwatch.MetricOptions): cloudwatch.Metric {
    const dimensionsMap = this.tunnelDimensions[tunnelId];
    if (dimensionsMap === undefined) {
      throw new Error(`AzureVpnConnections ${this.node.path}: no tunnel ${JSON.stringify(String(tunnelId).slice(0, 40))}; ` +
        `the tunnels are ${Object.keys(this.tunnelDimensions).join(', ')}`);
    }
    return new cloudwatch.Metric({ namespace: 'AWS/VPN', metricName, dimensionsMap, period: TUNNEL_ALARM_PERIOD, ...props });
  }

  /** One `TunnelState` alarm per tunnel (C43); missing data is a tunnel that reports nothing: breaching. */
  private addTunnelAlarms(plan: ResolvedPlan): Record<string, cloudwatch.Alarm> {
    const alarms: Record<string, cloudwatch.Alarm> = {};
    for (const t of plan.tunnels) {
      const alarm = new cloudwatch.Alarm(this, `${t.id}TunnelStateAlarm`, {
        metric: this.metricTunnelState(t.id),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: TUNNEL_ALARM_PERIODS,
        datapointsToAlarm: TUNNEL_ALARM_PERIODS,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
        alarmDescription: `VPN tunnel ${t.id} to Azure (plan ${plan.name}, connection ${t.awsConnection} tunnel ${t.awsTunnel}) ` +
          `has been DOWN or silent for ${TUNNEL_ALARM_PERIODS * TUNNEL_ALARM_PERIOD.toMinutes()} minutes (C43). ` +
          'Check the key (C22), the IKE parameters (C24), then BGP (C05, C11, C13).',
      });
      if (this.alarmTopic) {
        const action = new cloudwatchActions.SnsAction(this.alarmTopic);
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
      }
      alarms[t.id] = alarm;
    }
    return alarms;
  }

  /**
   * A topic CloudWatch can publish to: encrypted (AwsSolutions-SNS2) with a customer managed key,
   * since CloudWatch alarms cannot use the AWS managed `alias/aws/sns` key; SSL only (SNS3).
   */
  private newAlarmTopic(planName: string): sns.Topic {
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: `Encrypts the VPN tunnel alarm topic of plan ${planName}`,
      enableKeyRotation: true,
    });
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    return new sns.Topic(this, 'AlarmTopic', {
      displayName: `VPN tunnel alarms (${planName})`,
      masterKey: key,
      enforceSSL: true,
    });
  }

  /** Fixed output keys (overrideLogicalId), so `cdk deploy --outputs-file` keys are predictable. */
  private addOutputs(planTunnels: readonly ResolvedTunnel[]): void {
    const output = (key: string, value: string, description: string) =>
      new CfnOutput(this, key, { value, description }).overrideLogicalId(`${this.outputPrefix}${key}`);
    output('VpnGatewayId', this.vpnGatewayId, 'Virtual private gateway of the Azure VPN connections');
    for (const t of planTunnels) {
      const tunnel = this.tunnels[t.id];
      const where = `${t.id} (connection ${t.awsConnection} tunnel ${t.awsTunnel}, Azure instance ${t.azureInstance})`;
      output(`${t.id}OutsideIp`, tunnel.outsideIp, `AWS outside IP of ${where}: the Azure local network gateway address`);
      output(`${t.id}BgpPeering`, `inside ${t.insideCidr}: AWS ${t.awsBgpIp}, Azure ${t.azureBgpIp}`,
        `Inside CIDR and BGP addresses of ${where}`);
      output(`${t.id}PresharedKeySecretArn`, tunnel.presharedKeySecretArn, `Secret holding the pre-shared key of ${where}`);
    }
    output(AWS_HANDOFF_OUTPUT_SUFFIX, Stack.of(this).toJsonString(this.handoff),
      `${AWS_HANDOFF_FORMAT}: input of the Azure half (JSON)`);
  }
}

function handoffTunnel(t: AzureVpnTunnel): AwsHandoffTunnel {
  return {
    id: t.id,
    awsConnection: t.awsConnection,
    awsTunnel: t.awsTunnel,
    insideCidr: t.insideCidr,
    awsBgpIp: t.awsBgpIp,
    azureBgpIp: t.azureBgpIp,
    outsideIp: t.outsideIp,
    presharedKeySecretArn: t.presharedKeySecretArn,
  };
}

/** The plan's IPsec policy (C24) and DPD (C21) as L1 tunnel option props. */
function tunnelIpsecOptions(plan: ResolvedPlan) {
  const o = awsTunnelOptions(plan.ipsec);
  return {
    ikeVersions: o.IKEVersions.map((v) => ({ value: v.Value })),
    phase1EncryptionAlgorithms: o.Phase1EncryptionAlgorithms.map((v) => ({ value: v.Value })),
    phase1IntegrityAlgorithms: o.Phase1IntegrityAlgorithms.map((v) => ({ value: v.Value })),
    phase1DhGroupNumbers: o.Phase1DHGroupNumbers.map((v) => ({ value: v.Value })),
    phase1LifetimeSeconds: o.Phase1LifetimeSeconds,
    phase2EncryptionAlgorithms: o.Phase2EncryptionAlgorithms.map((v) => ({ value: v.Value })),
    phase2IntegrityAlgorithms: o.Phase2IntegrityAlgorithms.map((v) => ({ value: v.Value })),
    phase2DhGroupNumbers: o.Phase2DHGroupNumbers.map((v) => ({ value: v.Value })),
    phase2LifetimeSeconds: o.Phase2LifetimeSeconds,
    dpdTimeoutSeconds: o.DPDTimeoutSeconds,
    dpdTimeoutAction: o.DPDTimeoutAction,
  };
}

/**
 * The customer gateway's device name: `<stack name>-<path in the stack>`, e.g.
 * `MulticloudVpnAws-AzureVpn-CustomerGatewayInstance0`. EC2 returns the EXISTING customer gateway
 * when one with the same type, IP and ASN exists, unless the device names differ
 * (CreateCustomerGateway), so two plans facing the same Azure gateway in one account and region
 * would share one gateway, and deleting either stack would break the other. A stack name is unique
 * per account and region, and the path per stack. Not the plan name: `DeviceName` cannot be updated,
 * so a plan rename would replace both customer gateways and both VPN connections (new outside IPs).
 */
function customerGatewayDeviceName(gateway: Construct): string {
  const stack = Stack.of(gateway);
  const name = [stack.stackName, ...gateway.node.scopes.slice(stack.node.scopes.length).map((s) => s.node.id)].join('-');
  // DeviceName takes up to 255 characters: a longer path gets CDK's shortened unique name of it.
  return Token.isUnresolved(name) || name.length <= 255 ? name : Names.uniqueResourceName(gateway, { maxLength: 255, separator: '-' });
}

/** Route tables of the chosen subnets, once each (subnets may share a table). */
function routeTableIdsOf(vpc: ec2.IVpc, selection: ec2.SubnetSelection | undefined): string[] {
  const subnets = selection
    ? vpc.selectSubnets(selection).subnets
    : vpc.privateSubnets.length > 0
      ? vpc.privateSubnets
      : [...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets];
  return [...new Set(subnets.map((s) => s.routeTable.routeTableId))];
}

/** Every problem of the props at once, one Error naming each field. Unresolved tokens are skipped. */
function validateProps(scope: Construct, props: AzureVpnConnectionsProps, outputPrefix: string): void {
  const problems: string[] = [];
  const isToken = (value: unknown) => typeof value === 'string' && Token.isUnresolved(value);
  problems.push(...gatewayPublicIpProblems(props.azureGatewayPublicIps, 'azureGatewayPublicIps', isToken));
  if (props.vpnGatewayId === undefined && props.vpc.vpnGatewayId !== undefined) {
    problems.push('vpnGatewayId: not given, but the VPC already has a virtual private gateway and a VPC holds only one (C19); ' +
      'pass vpnGatewayId: vpc.vpnGatewayId (its Amazon side ASN must equal plan.aws.asn, C11)');
  }
  const storage: unknown = props.presharedKeyStorage;
  if (storage !== undefined && !isToken(storage) && !PRESHARED_KEY_STORAGE_VALUES.includes(storage as PresharedKeyStorage)) {
    problems.push(`presharedKeyStorage: ${JSON.stringify(String(storage).slice(0, 40))} is not a value CloudFormation accepts ` +
      `(AWS::EC2::VPNConnection PreSharedKeyStorage); use ${PRESHARED_KEY_STORAGE_VALUES.map((v) => `'${v}'`).join(' or ')}, or leave it out`);
  }
  if (props.alarmTopic !== undefined && props.createAlarmTopic) {
    problems.push('createAlarmTopic: true, but alarmTopic is given too; give one of them (alarmTopic: your topic, createAlarmTopic: a new one)');
  }
  if (props.tunnelAlarms === false && (props.alarmTopic !== undefined || props.createAlarmTopic)) {
    problems.push(`${props.alarmTopic !== undefined ? 'alarmTopic' : 'createAlarmTopic'}: given, but tunnelAlarms is false, so no alarm would use it; ` +
      'leave tunnelAlarms on (the default) or drop the topic');
  }
  if (!/^[A-Za-z][A-Za-z0-9]{0,200}$/.test(outputPrefix)) {
    problems.push(`outputPrefix: ${JSON.stringify(outputPrefix)} cannot start a CloudFormation output key; use letters and digits, starting with a letter`);
  } else {
    const stack = Stack.of(scope);
    const used = outputPrefixesByStack.get(stack) ?? new Set<string>();
    outputPrefixesByStack.set(stack, used);
    if (used.has(outputPrefix)) {
      problems.push(`outputPrefix: ${JSON.stringify(outputPrefix)} is already used by another AzureVpnConnections in stack ${stack.stackName}; ` +
        'give each instance its own outputPrefix (the default is the plan name in PascalCase)');
    }
    used.add(outputPrefix);
  }
  if (problems.length > 0) {
    throw new Error(`AzureVpnConnections ${scope.node.path}: invalid props:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  // Documentation addresses are accepted (samples, reviews) but can never carry a tunnel: say so at synth.
  for (const warning of documentationAddressWarnings(props.azureGatewayPublicIps, 'azureGatewayPublicIps', isToken)) {
    Annotations.of(scope).addWarningV2(DOCUMENTATION_ADDRESSES_WARNING, warning);
  }
}
