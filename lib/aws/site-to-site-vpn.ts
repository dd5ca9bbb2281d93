/**
 * The AWS half of the plan (seed 004, "AWS" steps): a gateway target (a virtual private gateway
 * with route propagation today, targets/), two customer gateways (one per peer gateway instance),
 * two BGP VPN connections with the plan's four tunnels, one Secrets Manager key per tunnel, and the
 * outside IPs read back after deploy. Nothing here depends on the peer's cloud or on the gateway
 * kind; the texts written into the template still say "Azure" because changing them would update
 * every deployed 0.1 stack (the only peer so far).
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
import { Construct, type IConstruct } from 'constructs';
import * as ipaddr from 'ipaddr.js';
import { documentationAddressWarnings, gatewayPublicIpProblems } from '../handoff/azure-outputs';
import { AWS_HANDOFF_FORMAT, AWS_HANDOFF_OUTPUT_SUFFIX, PEER_TAGS, type AwsHandoff, type AwsHandoffTunnel } from '../handoff/formats';
import { awsTunnelOptions } from '../plan/ipsec';
import type { AzureInstance, ResolvedPlan, ResolvedTunnel } from '../plan/types';
import { gatewayTargetFor } from './targets';
import { TunnelOutsideIps } from './tunnel-outside-ips';

/** Customer gateway ASNs above this go in `BgpAsnExtended` (C09). */
const MAX_BGP_ASN = 2147483647;
/** The peer gateway's two instances (active/active): customer gateway and connection 1, 2. */
const INSTANCES: readonly PeerInstance[] = [0, 1];
/** Id of the synth warning for peer gateway IPs in RFC 5737 documentation ranges (acknowledge with `Annotations.of(c).acknowledgeWarning`). */
export const DOCUMENTATION_ADDRESSES_WARNING = 'multicloud-vpn:documentation-addresses';

/** Index of a peer gateway instance (Azure: the active/active gateway's instance 0 or 1). */
export type PeerInstance = AzureInstance;

/** Props of `SiteToSiteVpn` except the peer gateway's public IPs (shared with the deprecated `AzureVpnConnectionsProps`). */
export interface SiteToSiteVpnOptions {
  /** The resolved plan (`planVpn` / `loadPlanFile`); already validated. */
  readonly plan: ResolvedPlan;
  /** The VPC that reaches the peer. */
  readonly vpc: ec2.IVpc;
  /**
   * An existing virtual private gateway, already attached to `vpc`. Then no gateway and no
   * attachment are created, and the gateway keeps its own Amazon side ASN, which must equal
   * `plan.aws.asn` (C11). VGW only: refused when `plan.aws.target` is a transit gateway (an existing
   * one is given in `plan.aws.target`).
   * @default - a new gateway with `AmazonSideAsn` = `plan.aws.asn`, attached to `vpc`
   */
  readonly vpnGatewayId?: string;
  /**
   * Whether to enable route propagation from the gateway (C28). Turn it off when another stack
   * already propagates the same gateway to these route tables: deleting either stack would
   * otherwise disable propagation for both. VGW only: `false` is refused with a transit gateway target,
   * whose static routes go where `plan.aws.target.vpcAttachment.subnets` says.
   * @default true
   */
  readonly enableRoutePropagation?: boolean;
  /**
   * Subnets whose route tables learn the Azure routes by propagation (C28). VGW only: refused with a
   * transit gateway target (`plan.aws.target.vpcAttachment.subnets` chooses).
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

/** Props of `SiteToSiteVpn`: the plan, the VPC and the peer gateway's two public IPs. */
export interface SiteToSiteVpnProps extends SiteToSiteVpnOptions {
  /**
   * Public IPs of the peer's VPN gateway, instance 0 then instance 1 (customer gateway/connection
   * 1, 2; C15). Tokens (e.g. CfnParameters) are allowed and skip validation.
   */
  readonly peerGatewayPublicIps: readonly [string, string];
}

/** @deprecated Use `SiteToSiteVpnProps` (`peerGatewayPublicIps` instead of `azureGatewayPublicIps`). */
export interface AzureVpnConnectionsProps extends SiteToSiteVpnOptions {
  /**
   * Public IPs of the Azure gateway, instance 0 then instance 1.
   * @deprecated Use `peerGatewayPublicIps` of `SiteToSiteVpnProps`.
   */
  readonly azureGatewayPublicIps: readonly [string, string];
}

/** The tunnel alarm: `TunnelState` maximum below 1 for three 5-minute periods (15 minutes down). */
const TUNNEL_ALARM_PERIOD = Duration.minutes(5);
const TUNNEL_ALARM_PERIODS = 3;

/** `AWS::EC2::VPNConnection` `PreSharedKeyStorage` allowed values (CloudFormation resource reference). */
export type PresharedKeyStorage = 'Standard' | 'SecretsManager';
const PRESHARED_KEY_STORAGE_VALUES: readonly PresharedKeyStorage[] = ['Standard', 'SecretsManager'];

/** One tunnel as built: the hand-off fields (tokens until deploy) plus its key's secret. */
export interface SiteToSiteVpnTunnel extends AwsHandoffTunnel {
  /** The peer gateway instance the tunnel ends on (connection `peerInstance + 1`). */
  readonly peerInstance: PeerInstance;
  /** @deprecated Use `peerInstance`. */
  readonly azureInstance: AzureInstance;
  /** Holds the tunnel's pre-shared key; the peer half reads it for the matching connection (C22). */
  readonly presharedKeySecret: secretsmanager.ISecret;
}

/** @deprecated Use `SiteToSiteVpnTunnel`. */
export type AzureVpnTunnel = SiteToSiteVpnTunnel;

/**
 * `aws-azure-vpn` → `AwsAzureVpn` (the default `outputPrefix`).
 * @internal exported for its test only; not part of `multicloud-vpn/aws`
 */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** Output prefixes in use per stack, so two instances cannot silently overwrite each other's outputs. */
const outputPrefixesByStack = new WeakMap<Stack, Set<string>>();

/** A site-to-site VPN to a peer gateway, built here or imported with `SiteToSiteVpn.fromAttributes`. */
export interface ISiteToSiteVpn extends IConstruct {
  /** The gateway the connections end on: `vgw-…`, or `tgw-…` with a transit gateway target (`plan.aws.target`). */
  readonly gatewayId: string;
  /** The VPN connection ids (`vpn-…`), connection 1 then connection 2. */
  readonly vpnConnectionIds: readonly string[];
  /** The AWS outside IP of each tunnel, by plan tunnel id (`Instance0Tunnel1` …). */
  readonly tunnelOutsideIps: Readonly<Record<string, string>>;
  /** `AWS/VPN` `TunnelState` of one tunnel: 1 up, 0 down. @default maximum over 5 minutes */
  metricTunnelState(tunnelId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** `AWS/VPN` `TunnelDataIn` of one tunnel: bytes received from the peer. @default sum over 5 minutes */
  metricTunnelDataIn(tunnelId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  /** `AWS/VPN` `TunnelDataOut` of one tunnel: bytes sent to the peer. @default sum over 5 minutes */
  metricTunnelDataOut(tunnelId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;
}

/** One tunnel of an existing VPN, for `SiteToSiteVpn.fromAttributes`. */
export interface SiteToSiteVpnTunnelAttributes {
  /** Plan tunnel id, e.g. `Instance0Tunnel1` (the hand-off's `tunnels[].id`). */
  readonly id: string;
  /** The VPN connection carrying it (`vpn-…`). */
  readonly vpnConnectionId: string;
  /** Its AWS outside IP (the hand-off's `tunnels[].outsideIp`). */
  readonly outsideIp: string;
}

/** What `SiteToSiteVpn.fromAttributes` needs: the AWS hand-off of a deployed VPN carries all of it. */
export interface SiteToSiteVpnAttributes {
  /** The gateway id (the hand-off's `vpnGatewayId`). */
  readonly gatewayId: string;
  /** Every tunnel; the connection ids are taken from them, in order of first appearance. */
  readonly tunnels: readonly SiteToSiteVpnTunnelAttributes[];
}

/** Per-tunnel metrics over `VpnId` and `TunnelIpAddress` (the dimensions AWS documents), for built and imported VPNs. */
abstract class SiteToSiteVpnBase extends Construct implements ISiteToSiteVpn {
  abstract readonly gatewayId: string;
  abstract readonly vpnConnectionIds: readonly string[];
  abstract readonly tunnelOutsideIps: Readonly<Record<string, string>>;
  /** `VpnId` of each tunnel, by plan tunnel id. */
  protected abstract readonly tunnelConnectionIds: Readonly<Record<string, string>>;

  /**
   * `AWS/VPN` `TunnelState` of one tunnel: 1 up, 0 down (dimensions `VpnId`, `TunnelIpAddress`).
   * @see https://docs.aws.amazon.com/vpn/latest/s2svpn/monitoring-cloudwatch-vpn.html
   * @default maximum over 5 minutes
   */
  metricTunnelState(tunnelId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.tunnelMetric(tunnelId, 'TunnelState', { statistic: cloudwatch.Stats.MAXIMUM, ...props });
  }

  /**
   * `AWS/VPN` `TunnelDataIn` of one tunnel: bytes received from the peer through it.
   * @default sum over 5 minutes
   */
  metricTunnelDataIn(tunnelId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.tunnelMetric(tunnelId, 'TunnelDataIn', { statistic: cloudwatch.Stats.SUM, ...props });
  }

  /**
   * `AWS/VPN` `TunnelDataOut` of one tunnel: bytes sent to the peer through it.
   * @default sum over 5 minutes
   */
  metricTunnelDataOut(tunnelId: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.tunnelMetric(tunnelId, 'TunnelDataOut', { statistic: cloudwatch.Stats.SUM, ...props });
  }

  private tunnelMetric(tunnelId: string, metricName: string, props: cloudwatch.MetricOptions): cloudwatch.Metric {
    const vpnId = this.tunnelConnectionIds[tunnelId];
    if (vpnId === undefined || !Object.prototype.hasOwnProperty.call(this.tunnelConnectionIds, tunnelId)) {
      throw new Error(
        `${this.constructor.name} ${this.node.path}: no tunnel ${JSON.stringify(String(tunnelId).slice(0, 40))}; ` +
          `the tunnels are ${Object.keys(this.tunnelConnectionIds).join(', ')}`,
      );
    }
    const dimensionsMap = { VpnId: vpnId, TunnelIpAddress: this.tunnelOutsideIps[tunnelId] };
    return new cloudwatch.Metric({ namespace: 'AWS/VPN', metricName, dimensionsMap, period: TUNNEL_ALARM_PERIOD, ...props });
  }
}

/**
 * BGP active/active site-to-site VPN from an AWS VPC to a peer's active/active VPN gateway (two
 * instances, four tunnels), built from a resolved plan.
 */
export class SiteToSiteVpn extends SiteToSiteVpnBase {
  /**
   * An existing VPN (this construct's in another stack or app, or one made by hand): its ids and
   * per-tunnel metrics, e.g. for dashboards and alarms kept apart from the VPN's stack.
   */
  static fromAttributes(scope: Construct, id: string, attrs: SiteToSiteVpnAttributes): ISiteToSiteVpn {
    const problems = attributeProblems(attrs);
    if (problems.length > 0) {
      throw new Error(`SiteToSiteVpn.fromAttributes ${scope.node.path}/${id}: invalid attributes:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    }
    const tunnelConnectionIds = Object.fromEntries(attrs.tunnels.map((t) => [t.id, t.vpnConnectionId]));
    const tunnelOutsideIps = Object.fromEntries(attrs.tunnels.map((t) => [t.id, t.outsideIp]));
    class ImportedSiteToSiteVpn extends SiteToSiteVpnBase {
      readonly gatewayId = attrs.gatewayId;
      readonly vpnConnectionIds = [...new Set(attrs.tunnels.map((t) => t.vpnConnectionId))];
      readonly tunnelOutsideIps = tunnelOutsideIps;
      protected readonly tunnelConnectionIds = tunnelConnectionIds;
    }
    return new ImportedSiteToSiteVpn(scope, id);
  }

  /** The gateway the connections end on (new or given). */
  readonly gatewayId: string;
  /**
   * The virtual private gateway id (new or given); with a transit gateway target, the TGW's id.
   * @deprecated Use `gatewayId`.
   */
  readonly vpnGatewayId: string;
  /**
   * Created only when no `vpnGatewayId` was given.
   * @deprecated Find it with `node.tryFindChild('VpnGateway')`; the gateway belongs to the target.
   */
  readonly vpnGateway?: ec2.CfnVPNGateway;
  /** Instance 0, instance 1; each with a `DeviceName` unique per stack and construct path. */
  readonly customerGateways: readonly [ec2.CfnCustomerGateway, ec2.CfnCustomerGateway];
  /** Connection 1 (peer instance 0) and connection 2 (instance 1). */
  readonly connections: readonly [ec2.CfnVPNConnection, ec2.CfnVPNConnection];
  /** The VPN connection ids (`vpn-…` at deploy), connection 1 then connection 2. */
  readonly vpnConnectionIds: readonly string[];
  /** Per plan tunnel id (`Instance0Tunnel1` ...). */
  readonly tunnels: Readonly<Record<string, SiteToSiteVpnTunnel>>;
  /** The AWS outside IP of each tunnel (a token until deploy), per plan tunnel id. */
  readonly tunnelOutsideIps: Readonly<Record<string, string>>;
  /** The pre-shared key secret of each tunnel, per plan tunnel id. */
  readonly presharedKeySecrets: Readonly<Record<string, secretsmanager.ISecret>>;
  /** What the `<outputPrefix>Handoff` output carries (tokens resolve at deploy). */
  readonly handoff: AwsHandoff;
  /** Key of the hand-off output in `cdk deploy --outputs-file`. */
  readonly handoffOutputKey: string;
  /** Prefix of this VPN's stack output keys (`outputPrefix` prop, or the plan name in PascalCase). */
  readonly outputPrefix: string;
  /** The `TunnelState` alarm of each tunnel, per plan tunnel id; empty with `tunnelAlarms: false`. */
  readonly tunnelAlarms: Readonly<Record<string, cloudwatch.Alarm>>;
  /** The alarms' action: `alarmTopic`, or the topic made for `createAlarmTopic`. */
  readonly alarmTopic?: sns.ITopic;

  protected readonly tunnelConnectionIds: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: SiteToSiteVpnProps | AzureVpnConnectionsProps) {
    super(scope, id);
    const { plan } = props;
    // The deprecated prop name is accepted (and named in errors) until it is removed.
    const [peerIps, peerIpsField] = 'peerGatewayPublicIps' in props
      ? [props.peerGatewayPublicIps, 'peerGatewayPublicIps']
      : [props.azureGatewayPublicIps, 'azureGatewayPublicIps'];
    const target = gatewayTargetFor(plan, props);
    this.outputPrefix = props.outputPrefix ?? pascalCase(plan.name);
    validateProps(this, props, { ips: peerIps, field: peerIpsField }, target.problems(), this.outputPrefix);

    for (const [key, value] of Object.entries(plan.tags)) Tags.of(this).add(key, value);

    const gateway = target.bind(this, plan);
    this.gatewayId = gateway.gatewayId;
    this.vpnGatewayId = gateway.gatewayId;
    // The 0.1 accessor, without asking the target's kind: the VGW target's child, when it made one.
    this.vpnGateway = this.node.tryFindChild('VpnGateway') as ec2.CfnVPNGateway | undefined;

    // One customer gateway per peer instance; its ASN is the peer gateway's (C11, C09).
    const customerGateways = INSTANCES.map((instance) => {
      const asn = plan.customerGatewayAsn;
      const customerGateway = new ec2.CfnCustomerGateway(this, `CustomerGatewayInstance${instance}`, {
        type: 'ipsec.1',
        ipAddress: peerIps[instance],
        ...(asn > MAX_BGP_ASN ? { bgpAsnExtended: asn } : { bgpAsn: asn }),
      });
      customerGateway.deviceName = customerGatewayDeviceName(customerGateway);
      Tags.of(customerGateway).add('Name', `${plan.name}-azure-instance${instance}`);
      Tags.of(customerGateway).add(PEER_TAGS.peerConnectionMode, plan.azure.connectionMode);
      return customerGateway;
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
        staticRoutesOnly: false, // BGP (C12)
        tunnelInsideIpVersion: plan.aws.tunnelInsideIpVersion,
        enableAcceleration: plan.aws.enableAcceleration,
        // After enableAcceleration: a transit gateway target sets its own (C27).
        ...gateway.connectionProps,
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
    this.vpnConnectionIds = connections.map((c) => c.ref);
    gateway.connectionsCreated?.(this.connections);

    const outsideIps = new TunnelOutsideIps(this, 'TunnelOutsideIps', {
      tunnels: plan.tunnels.map((t) => ({ id: t.id, connectionId: connections[t.azureInstance].ref, insideCidr: t.insideCidr })),
    });

    const tunnels: Record<string, SiteToSiteVpnTunnel> = {};
    for (const t of plan.tunnels) {
      tunnels[t.id] = {
        id: t.id,
        peerInstance: t.azureInstance,
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
    this.tunnelOutsideIps = Object.fromEntries(plan.tunnels.map((t) => [t.id, tunnels[t.id].outsideIp]));
    this.tunnelConnectionIds = Object.fromEntries(plan.tunnels.map((t) => [t.id, connections[t.azureInstance].ref]));
    this.alarmTopic = props.alarmTopic ?? (props.createAlarmTopic ? this.newAlarmTopic(plan.name) : undefined);
    this.tunnelAlarms = (props.tunnelAlarms ?? true) ? this.addTunnelAlarms(plan) : {};

    this.handoff = {
      format: AWS_HANDOFF_FORMAT,
      plan: plan.name,
      awsAsn: gateway.amazonSideAsn,
      vpnGatewayId: this.gatewayId,
      tunnels: plan.tunnels.map((t) => handoffTunnel(tunnels[t.id])),
    };
    this.handoffOutputKey = `${this.outputPrefix}${AWS_HANDOFF_OUTPUT_SUFFIX}`;
    this.addOutputs(plan.tunnels, gateway.output, gateway.additionalOutputs?.() ?? []);
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
  private addOutputs(
    planTunnels: readonly ResolvedTunnel[],
    gatewayOutput: { readonly key: string; readonly description: string; },
    additional: readonly { readonly key: string; readonly value: string; readonly description: string; }[],
  ): void {
    const output = (key: string, value: string, description: string) =>
      new CfnOutput(this, key, { value, description }).overrideLogicalId(`${this.outputPrefix}${key}`);
    output(gatewayOutput.key, this.gatewayId, gatewayOutput.description);
    for (const extra of additional) output(extra.key, extra.value, extra.description);
    for (const t of planTunnels) {
      const tunnel = this.tunnels[t.id];
      const where = `${t.id} (connection ${t.awsConnection} tunnel ${t.awsTunnel}, Azure instance ${t.azureInstance})`;
      output(`${t.id}OutsideIp`, tunnel.outsideIp, `AWS outside IP of ${where}: the Azure local network gateway address`);
      output(`${t.id}BgpPeering`, `inside ${t.insideCidr}: AWS ${t.awsBgpIp}, Azure ${t.azureBgpIp}`, `Inside CIDR and BGP addresses of ${where}`);
      output(`${t.id}PresharedKeySecretArn`, tunnel.presharedKeySecretArn, `Secret holding the pre-shared key of ${where}`);
    }
    output(AWS_HANDOFF_OUTPUT_SUFFIX, Stack.of(this).toJsonString(this.handoff), `${AWS_HANDOFF_FORMAT}: input of the Azure half (JSON)`);
  }
}

function handoffTunnel(t: SiteToSiteVpnTunnel): AwsHandoffTunnel {
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

/** Every problem of the props at once, one Error naming each field. Unresolved tokens are skipped. */
function validateProps(
  scope: Construct,
  props: SiteToSiteVpnOptions,
  peerIps: { readonly ips: unknown; readonly field: string; },
  targetProblems: readonly string[],
  outputPrefix: string,
): void {
  const problems: string[] = [];
  const isToken = (value: unknown) => typeof value === 'string' && Token.isUnresolved(value);
  problems.push(...gatewayPublicIpProblems(peerIps.ips, peerIps.field, isToken));
  problems.push(...targetProblems);
  const storage: unknown = props.presharedKeyStorage;
  if (storage !== undefined && !isToken(storage) && !PRESHARED_KEY_STORAGE_VALUES.includes(storage as PresharedKeyStorage)) {
    problems.push(
      `presharedKeyStorage: ${JSON.stringify(String(storage).slice(0, 40))} is not a value CloudFormation accepts ` +
        `(AWS::EC2::VPNConnection PreSharedKeyStorage); use ${PRESHARED_KEY_STORAGE_VALUES.map((v) => `'${v}'`).join(' or ')}, or leave it out`,
    );
  }
  if (props.alarmTopic !== undefined && props.createAlarmTopic) {
    problems.push('createAlarmTopic: true, but alarmTopic is given too; give one of them (alarmTopic: your topic, createAlarmTopic: a new one)');
  }
  if (props.tunnelAlarms === false && (props.alarmTopic !== undefined || props.createAlarmTopic)) {
    problems.push(
      `${props.alarmTopic !== undefined ? 'alarmTopic' : 'createAlarmTopic'}: given, but tunnelAlarms is false, so no alarm would use it; ` +
        'leave tunnelAlarms on (the default) or drop the topic',
    );
  }
  if (!/^[A-Za-z][A-Za-z0-9]{0,200}$/.test(outputPrefix)) {
    problems.push(
      `outputPrefix: ${JSON.stringify(outputPrefix)} cannot start a CloudFormation output key; use letters and digits, starting with a letter`,
    );
  } else {
    const stack = Stack.of(scope);
    const used = outputPrefixesByStack.get(stack) ?? new Set<string>();
    outputPrefixesByStack.set(stack, used);
    if (used.has(outputPrefix)) {
      problems.push(
        `outputPrefix: ${JSON.stringify(outputPrefix)} is already used by another ${scope.constructor.name} in stack ${stack.stackName}; ` +
          'give each instance its own outputPrefix (the default is the plan name in PascalCase)',
      );
    }
    used.add(outputPrefix);
  }
  if (problems.length > 0) {
    throw new Error(`${scope.constructor.name} ${scope.node.path}: invalid props:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  // Documentation addresses are accepted (samples, reviews) but can never carry a tunnel: say so at synth.
  if (Array.isArray(peerIps.ips)) {
    for (const warning of documentationAddressWarnings(peerIps.ips, peerIps.field, isToken)) {
      Annotations.of(scope).addWarningV2(DOCUMENTATION_ADDRESSES_WARNING, warning);
    }
  }
}

/** Problems of `fromAttributes` input, each naming the field, what is wrong and a valid value. */
function attributeProblems(attrs: SiteToSiteVpnAttributes): string[] {
  const problems: string[] = [];
  const isToken = (value: unknown) => typeof value === 'string' && Token.isUnresolved(value);
  if (typeof attrs.gatewayId !== 'string' || attrs.gatewayId.length === 0) {
    problems.push('gatewayId: missing; give the gateway id (the hand-off\'s vpnGatewayId, e.g. "vgw-0123456789abcdef0")');
  }
  if (!Array.isArray(attrs.tunnels) || attrs.tunnels.length === 0) {
    return [...problems, "tunnels: empty; give each tunnel as { id, vpnConnectionId, outsideIp } (the hand-off's tunnels)"];
  }
  const seen = new Set<string>();
  attrs.tunnels.forEach((t, i) => {
    if (typeof t.id !== 'string' || t.id.length === 0) problems.push(`tunnels[${i}].id: missing; give the plan tunnel id, e.g. "Instance0Tunnel1"`);
    else if (seen.has(t.id)) problems.push(`tunnels[${i}].id: "${t.id.slice(0, 40)}" is given twice; each tunnel once`);
    else seen.add(t.id);
    if (typeof t.vpnConnectionId !== 'string' || t.vpnConnectionId.length === 0) {
      problems.push(`tunnels[${i}].vpnConnectionId: missing; give the VPN connection id, e.g. "vpn-0123456789abcdef0"`);
    }
    const ip: unknown = t.outsideIp;
    if (!isToken(ip) && (typeof ip !== 'string' || !ipaddr.IPv4.isValidFourPartDecimal(ip))) {
      problems.push(
        `tunnels[${i}].outsideIp: ${JSON.stringify(String(ip).slice(0, 40))} is not an IPv4 address; ` +
          'give the tunnel\'s AWS outside IP (the hand-off\'s outsideIp), e.g. "3.120.0.10"',
      );
    }
  });
  return problems;
}
