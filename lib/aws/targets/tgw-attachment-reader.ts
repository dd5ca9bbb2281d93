/**
 * Reads back, after deploy, the transit gateway attachment id of each VPN connection on a transit
 * gateway. Associations (`AWS::EC2::TransitGatewayRouteTableAssociation`), propagations
 * (`...Propagation`) and static routes (`AWS::EC2::TransitGatewayRoute`) all need that id
 * (`TransitGatewayAttachmentId`, required), yet CloudFormation never returns it:
 * `AWS::EC2::VPNConnection` has `Ref` (the connection id) and `VpnConnectionId` only, and
 * `AWS::EC2::TransitGatewayAttachment` attaches VPCs only. Open CloudFormation coverage issues:
 * aws-cloudformation/cloudformation-coverage-roadmap#183 ("AWS::EC2::VPNConnection with TransitGatewayId
 * creates an attachment but doesn't return TGW AttachmentId", open), #308 (closed, reopen asked in
 * 2023–2024: "That only works for VPC TGW-A, not VPN"), #785 and #1564 (open).
 *
 * EC2 does return it: `DescribeTransitGatewayAttachments` with the filters `resource-type` = `vpn`
 * and `resource-id` = the VPN connection id (EC2 API Reference, DescribeTransitGatewayAttachments,
 * Filter.N: "resource-id - The ID of the resource", "resource-type - ... vpc | vpn |
 * direct-connect-gateway | peering | connect", "transit-gateway-id"). The answer's
 * `TransitGatewayAttachmentId`, `ResourceId` and `State` are read.
 *
 * Same kind of custom resource as `../tunnel-outside-ips.ts`, built by the same `../ec2-reader.ts` (a `Provider` with an inline Lambda,
 * own log group and roles, no log line, SDK v3 of the Node.js 24 runtime, throttling retried by the
 * SDK, backoff while the attachment is not `available` yet), for the same reasons (AwsSolutions in
 * the library, nothing logged). The connection ids are in the properties, so a replaced connection
 * (new id) triggers an Update, which reads again; the physical id follows the connection ids, so
 * the old resource's Delete is a no-op.
 *
 * IAM: `ec2:DescribeTransitGatewayAttachments` is a List action with no resource type and no
 * action-specific condition key in the Service Authorization Reference ("Actions, resources, and
 * condition keys for Amazon EC2"), so `Resource: "*"` is the narrowest resource; the global key
 * `aws:RequestedRegion` still narrows it to the stack's region.
 */
import { Aws, type CustomResource, Duration, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { addEc2Reader, EC2_MAX_ATTEMPTS, FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, RESERVED_FOR_LAST_CALL_MS } from '../ec2-reader';

/** The custom resource type, shown in the console and the template. */
export const TGW_ATTACHMENT_READER_RESOURCE_TYPE = 'Custom::VpnTransitGatewayAttachmentIds';

/** The handler's timeout (the Provider framework waits up to 15 minutes). */
const HANDLER_TIMEOUT = Duration.minutes(5);

/**
 * The Lambda source (CommonJS, `index.handler`). Event properties: `TransitGatewayId` and
 * `Connections: [{ Id, ConnectionId }]`. Create and Update call `DescribeTransitGatewayAttachments`
 * (filters `resource-type` vpn, `resource-id` the connection ids, `transit-gateway-id`; every page)
 * and answer `Data: { <Id>: attachment id }` once each connection has an `available` attachment;
 * attachments being deleted or failed are ignored. Until then it reads again with backoff within
 * the Lambda's timeout, then fails naming each connection and what was seen. Delete does nothing.
 */
export const TGW_ATTACHMENT_READER_HANDLER_SOURCE = `'use strict';
const { EC2Client, DescribeTransitGatewayAttachmentsCommand } = require('@aws-sdk/client-ec2');
// Throttling (RequestLimitExceeded) is retried by the SDK's standard strategy; 3 attempts (its default) are too few.
const ec2 = new EC2Client({ maxAttempts: ${EC2_MAX_ATTEMPTS} });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// An attachment in one of these states is not the connection's live attachment.
const GONE = ['deleting', 'deleted', 'failing', 'failed', 'rejecting', 'rejected', 'rollingBack'];
async function readAttachments(transitGatewayId, connectionIds) {
  const attachments = [];
  let token;
  do {
    const response = await ec2.send(new DescribeTransitGatewayAttachmentsCommand({
      Filters: [
        { Name: 'resource-type', Values: ['vpn'] },
        { Name: 'resource-id', Values: connectionIds },
        { Name: 'transit-gateway-id', Values: [transitGatewayId] },
      ],
      NextToken: token,
    }));
    attachments.push(...(response.TransitGatewayAttachments || []));
    token = response.NextToken;
  } while (token);
  return attachments;
}
exports.handler = async (event, context) => {
  // No logging here: the event and the answer stay out of CloudWatch.
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };
  const properties = event.ResourceProperties;
  const transitGatewayId = properties.TransitGatewayId;
  const connections = properties.Connections || [];
  const connectionIds = [...new Set(connections.map((c) => c.ConnectionId))];
  let delay = ${FIRST_RETRY_DELAY_MS};
  for (let attempt = 1; ; attempt++) {
    const attachments = await readAttachments(transitGatewayId, connectionIds);
    const data = {};
    const waiting = [];
    for (const connection of connections) {
      const live = attachments.filter((a) => a.ResourceId === connection.ConnectionId && a.TransitGatewayId === transitGatewayId && !GONE.includes(a.State));
      const ready = live.find((a) => a.State === 'available');
      if (ready) data[connection.Id] = ready.TransitGatewayAttachmentId;
      else if (live.length > 0) waiting.push(connection.Id + ' (' + connection.ConnectionId + '): attachment ' + live[0].TransitGatewayAttachmentId + ' is ' + live[0].State + ', not available');
      else waiting.push(connection.Id + ' (' + connection.ConnectionId + '): no VPN attachment on transit gateway ' + transitGatewayId);
    }
    if (waiting.length === 0) return { PhysicalResourceId: connectionIds.join(','), Data: data };
    const remaining = context && typeof context.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : 0;
    if (remaining < delay + ${RESERVED_FOR_LAST_CALL_MS}) {
      throw new Error(waiting.join('; ') + ' after ' + attempt + ' reads. Check that the connection has TransitGatewayId ' + transitGatewayId + '; deploy again in a few minutes.');
    }
    await sleep(delay);
    delay = Math.min(delay * 2, ${MAX_RETRY_DELAY_MS});
  }
};
`;

/** One VPN connection whose attachment id to read. */
export interface VpnConnectionToRead {
  /**
   * A key for the connection, letters and digits (e.g. `Connection1`): the attribute name of its
   * attachment id, and part of the logical ids of what uses it.
   */
  readonly id: string;
  /** The VPN connection id (usually a `Ref` token). */
  readonly connectionId: string;
}

export interface TransitGatewayAttachmentReaderProps {
  /** The transit gateway the connections are on (`TransitGatewayId` of each connection). */
  readonly transitGatewayId: string;
  /** The connections, each once. */
  readonly connections: readonly VpnConnectionToRead[];
}

/** A custom resource whose attribute `<connection key>` is that VPN connection's transit gateway attachment id. */
export class TransitGatewayAttachmentReader extends Construct {
  /** The Lambda that calls `DescribeTransitGatewayAttachments`. */
  readonly handler: lambda.Function;
  readonly resource: CustomResource;
  /** Where the handler and the Provider framework Lambda log (errors only). */
  readonly logGroup: logs.LogGroup;
  private readonly keys: ReadonlySet<string>;

  constructor(scope: Construct, id: string, props: TransitGatewayAttachmentReaderProps) {
    super(scope, id);
    validateReaderProps(this, props);
    this.keys = new Set(props.connections.map((c) => c.id));
    ({ handler: this.handler, logGroup: this.logGroup, resource: this.resource } = addEc2Reader(this, {
      handlerSource: TGW_ATTACHMENT_READER_HANDLER_SOURCE,
      handlerTimeout: HANDLER_TIMEOUT,
      handlerDescription: 'Reads the transit gateway attachment ids of VPN connections (multicloud-vpn)',
      handlerRoleDescription: 'Reads the transit gateway attachment ids of VPN connections (multicloud-vpn)',
      providerRoleDescription: 'Custom resource provider framework of the VPN transit gateway attachment reader (multicloud-vpn)',
      readStatement: new iam.PolicyStatement({
        actions: ['ec2:DescribeTransitGatewayAttachments'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:RequestedRegion': Aws.REGION } },
      }),
      readWildcardReason: 'ec2:DescribeTransitGatewayAttachments supports no resource-level permissions and no action-specific condition key ' +
        '(Service Authorization Reference, Amazon EC2): "*" is the narrowest resource; aws:RequestedRegion limits it to this region.',
      resourceType: TGW_ATTACHMENT_READER_RESOURCE_TYPE,
      properties: {
        TransitGatewayId: props.transitGatewayId,
        // Connection ids are in the properties, so a replaced connection triggers an Update (a re-read).
        Connections: props.connections.map((c) => ({ Id: c.id, ConnectionId: c.connectionId })),
      },
    }));
  }

  /** The transit gateway attachment id of connection `key` (a token, known after deploy). */
  attachmentId(key: string): string {
    if (!this.keys.has(key)) {
      throw new Error(
        `TransitGatewayAttachmentReader ${this.node.path}: no connection ${JSON.stringify(String(key).slice(0, 40))}; ` +
          `the connections are ${[...this.keys].join(', ')}`,
      );
    }
    return this.resource.getAttString(key);
  }
}

/** Every problem at once, naming the field; tokens are skipped. */
function validateReaderProps(scope: Construct, props: TransitGatewayAttachmentReaderProps): void {
  const problems: string[] = [];
  if (props.connections.length === 0) {
    problems.push("connections: empty; give each VPN connection on the transit gateway, e.g. [{ id: 'Connection1', connectionId: connection.ref }]");
  }
  const seen = new Set<string>();
  props.connections.forEach((c, i) => {
    if (!/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(c.id)) {
      problems.push(
        `connections[${i}].id: ${
          JSON.stringify(String(c.id).slice(0, 40))
        } cannot name an attribute and a logical id; use letters and digits, starting with a letter (e.g. Connection1)`,
      );
    } else if (seen.has(c.id)) {
      problems.push(`connections[${i}].id: ${JSON.stringify(c.id)} is given twice; give each connection its own key`);
    }
    seen.add(c.id);
    if (!Token.isUnresolved(c.connectionId) && !/^vpn-[0-9a-f]{8,17}$/.test(c.connectionId)) {
      problems.push(
        `connections[${i}].connectionId: ${
          JSON.stringify(String(c.connectionId).slice(0, 40))
        } is not a VPN connection id; use connection.ref or an id such as vpn-0123456789abcdef0`,
      );
    }
  });
  if (!Token.isUnresolved(props.transitGatewayId) && !/^tgw-[0-9a-f]{8,17}$/.test(props.transitGatewayId)) {
    problems.push(
      `transitGatewayId: ${
        JSON.stringify(String(props.transitGatewayId).slice(0, 40))
      } is not a transit gateway id; use gateway.ref or an id such as tgw-0123456789abcdef0`,
    );
  }
  if (problems.length > 0) {
    throw new Error(`TransitGatewayAttachmentReader ${scope.node.path}: invalid props:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}
