/**
 * The files the two halves hand each other. Both are written by the clouds' own CLIs:
 *
 * - AWS → Azure: `cdk deploy --outputs-file aws-outputs.json` writes `{ <stackName>: { <outputKey>: value } }`.
 *   Each VPN construct adds one output `<outputPrefix>Handoff` whose value is the JSON of
 *   `AwsHandoff` (plus human-readable per-tunnel outputs). The Azure half matches tunnels to the
 *   plan by inside CIDR, never by position.
 * - Azure → AWS: `pulumi stack output --json > azure-outputs.json` prints `AzureHandoff`.
 */

/** Identifies the AWS hand-off JSON and its version. */
export const AWS_HANDOFF_FORMAT = 'multicloud-vpn/aws-handoff@1';
/** Suffix of the CloudFormation output key that carries the `AwsHandoff` JSON. */
export const AWS_HANDOFF_OUTPUT_SUFFIX = 'Handoff';

export interface AwsHandoffTunnel {
  /** Plan tunnel id, e.g. `Instance0Tunnel1`. */
  readonly id: string;
  readonly awsConnection: 1 | 2;
  readonly awsTunnel: 1 | 2;
  readonly insideCidr: string;
  readonly awsBgpIp: string;
  readonly azureBgpIp: string;
  /** The tunnel's outside IP, read back after deploy (CloudFormation does not return it). */
  readonly outsideIp: string;
  /** ARN of the Secrets Manager secret holding the tunnel's pre-shared key (never the key). */
  readonly presharedKeySecretArn: string;
}

export interface AwsHandoff {
  readonly format: typeof AWS_HANDOFF_FORMAT;
  /** The plan's `name`. */
  readonly plan: string;
  readonly awsAsn: number;
  readonly vpnGatewayId: string;
  readonly tunnels: readonly AwsHandoffTunnel[];
}

/** `pulumi stack output --json` of the Azure program. */
export interface AzureHandoff {
  /** The gateway's two public IPs, instance 0 first. */
  readonly gatewayPublicIps: readonly [string, string];
  readonly gatewayId?: string;
  readonly connectionIds?: readonly string[];
}

export { PEER_TAGS } from '../core/tags';
