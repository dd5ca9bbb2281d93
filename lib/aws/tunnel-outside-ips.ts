/**
 * Reads the tunnels' outside IPs back after deploy: CloudFormation's `AWS::EC2::VPNConnection`
 * returns no outside address, yet the Azure local network gateways need them.
 *
 * Why a `Provider` with an inline Lambda rather than `AwsCustomResource`: AwsCustomResource can only
 * pick response fields by array position (`VpnConnections.0.Options.TunnelOptions.1.OutsideIpAddress`),
 * and EC2 does not promise that `TunnelOptions` follows the order of the tunnel specifications. Here
 * the handler matches each tunnel by its inside CIDR. The code is inline (no bundling, no asset of our
 * own) and uses the SDK v3 that the Node.js 24 runtime ships.
 *
 * The Lambda, its Provider, log group and roles (nothing logged, AwsSolutions satisfied in the library)
 * are built by `./ec2-reader.ts`, shared with the transit gateway attachment reader.
 */
import { type CustomResource, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { addEc2Reader, EC2_MAX_ATTEMPTS, FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, RESERVED_FOR_LAST_CALL_MS } from './ec2-reader';

/**
 * The custom resource type, shown in the console and the template.
 * @internal not part of `multicloud-vpn/aws` (bench/hand-written-stack.ts reads it)
 */
export const TUNNEL_OUTSIDE_IPS_RESOURCE_TYPE = 'Custom::VpnTunnelOutsideIps';

/** The handler's timeout: room for the reads with backoff (the Provider framework waits up to 15 minutes). */
const HANDLER_TIMEOUT = Duration.minutes(3);

/**
 * The Lambda source (CommonJS, `index.handler`). Event properties: `Tunnels: [{ Id, ConnectionId,
 * InsideCidr }]`. Create and Update call `DescribeVpnConnections` and answer `Data: { <Id>: outside IP }`;
 * Delete does nothing (nothing was created). A tunnel without an outside IP yet is read again with
 * backoff within the Lambda's timeout, then fails naming the connection and tunnel. The physical id is the connection ids, so a replaced
 * connection also replaces this resource's id and the old one's Delete is a no-op.
 * @internal not part of `multicloud-vpn/aws` (its test and bench/hand-written-stack.ts read it)
 */
export const TUNNEL_OUTSIDE_IPS_HANDLER_SOURCE = `'use strict';
const { EC2Client, DescribeVpnConnectionsCommand } = require('@aws-sdk/client-ec2');
// Throttling (EC2's RequestLimitExceeded) is retried by the SDK's standard strategy with backoff;
// its default is 3 attempts in all, too few when a stack creates many connections at once.
const ec2 = new EC2Client({ maxAttempts: ${EC2_MAX_ATTEMPTS} });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const describe = (t) => 'VPN connection ' + t.ConnectionId + ' tunnel ' + t.Id + ' (inside CIDR ' + t.InsideCidr + ')';
exports.handler = async (event, context) => {
  // No logging here: the event and the answer stay out of CloudWatch.
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const tunnels = event.ResourceProperties.Tunnels || [];
  const connectionIds = [...new Set(tunnels.map((t) => t.ConnectionId))];
  let delay = ${FIRST_RETRY_DELAY_MS};
  for (let attempt = 1; ; attempt++) {
    const response = await ec2.send(new DescribeVpnConnectionsCommand({ VpnConnectionIds: connectionIds }));
    const connections = response.VpnConnections || [];
    const data = {};
    const missing = [];
    const unassigned = [];
    for (const tunnel of tunnels) {
      const connection = connections.find((c) => c.VpnConnectionId === tunnel.ConnectionId);
      const options = (connection && connection.Options && connection.Options.TunnelOptions) || [];
      // Matched by inside CIDR, never by position: EC2 does not promise the order of TunnelOptions.
      const match = options.find((o) => o.TunnelInsideCidr === tunnel.InsideCidr);
      if (!match) missing.push(tunnel.Id + ' (' + tunnel.InsideCidr + ' on ' + tunnel.ConnectionId + ')');
      else if (!match.OutsideIpAddress || match.OutsideIpAddress === '0.0.0.0') unassigned.push(describe(tunnel));
      else data[tunnel.Id] = match.OutsideIpAddress;
    }
    if (missing.length > 0) throw new Error('no tunnel with inside CIDR ' + missing.join(', '));
    if (unassigned.length === 0) return { PhysicalResourceId: connectionIds.join(','), Data: data };
    // Not assigned yet: read again with backoff while the Lambda's time allows one more wait and call.
    const remaining = context && typeof context.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : 0;
    if (remaining < delay + ${RESERVED_FOR_LAST_CALL_MS}) {
      throw new Error(unassigned.join(', ') + ': outside IP not assigned yet after ' + attempt + ' reads; deploy again in a few minutes.');
    }
    await sleep(delay);
    delay = Math.min(delay * 2, ${MAX_RETRY_DELAY_MS});
  }
};
`;

/** One tunnel to read: its plan id, its VPN connection and its inside CIDR. */
export interface TunnelToRead {
  /** Plan tunnel id, e.g. `Instance0Tunnel1`; the attribute name of its outside IP. */
  readonly id: string;
  /** The VPN connection's id (usually a `Ref` token). */
  readonly connectionId: string;
  /** The tunnel's inside CIDR (`169.254.x.y/30`): how the handler finds it among the connection's tunnels. */
  readonly insideCidr: string;
}

/** Props of `TunnelOutsideIps`. */
export interface TunnelOutsideIpsProps {
  /** The tunnels whose outside IPs to read, each one attribute of the resource. */
  readonly tunnels: readonly TunnelToRead[];
}

/** A custom resource whose attribute `<tunnel id>` is that tunnel's outside IP. */
export class TunnelOutsideIps extends Construct {
  /** The Lambda that calls `DescribeVpnConnections`. */
  readonly handler: lambda.Function;
  /** The custom resource: `resource.getAttString(<tunnel id>)` is that tunnel's outside IP. */
  readonly resource: CustomResource;
  /** Where the handler and the Provider framework Lambda log (errors only). */
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: TunnelOutsideIpsProps) {
    super(scope, id);
    ({ handler: this.handler, logGroup: this.logGroup, resource: this.resource } = addEc2Reader(this, {
      handlerSource: TUNNEL_OUTSIDE_IPS_HANDLER_SOURCE,
      handlerTimeout: HANDLER_TIMEOUT,
      handlerDescription: 'Reads VPN tunnel outside IPs by inside CIDR (multicloud-vpn)',
      handlerRoleDescription: 'Reads VPN tunnel outside IPs (multicloud-vpn)',
      providerRoleDescription: 'Custom resource provider framework of the VPN tunnel outside IP reader (multicloud-vpn)',
      // DescribeVpnConnections supports no resource-level permissions: "*" is the narrowest resource.
      readStatement: new iam.PolicyStatement({ actions: ['ec2:DescribeVpnConnections'], resources: ['*'] }),
      readWildcardReason:
        'ec2:DescribeVpnConnections supports no resource-level permissions or condition keys that name a connection: "*" is the narrowest resource, and it is the only action with it.',
      resourceType: TUNNEL_OUTSIDE_IPS_RESOURCE_TYPE,
      properties: {
        // Connection ids are in the properties, so a replaced connection triggers an Update (a re-read).
        Tunnels: props.tunnels.map((t) => ({ Id: t.id, ConnectionId: t.connectionId, InsideCidr: t.insideCidr })),
      },
    }));
  }

  /** The outside IP of tunnel `tunnelId` (a token, known after deploy). */
  outsideIp(tunnelId: string): string {
    return this.resource.getAttString(tunnelId);
  }
}
