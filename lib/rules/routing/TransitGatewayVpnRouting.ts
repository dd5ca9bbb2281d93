import {
  booleanProperty,
  describeTarget,
  listProperty,
  resourceById,
  resourcesOfType,
  targetOf,
  type CfnResourceView,
  type CfnView,
} from '../../check/views/cfn-view';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { transitGatewayRoutingViolations, violationsOwnedBy } from '../../plan/aws-target';

/**
 * True when a transit gateway route table id belongs to the gateway, or cannot be told: a literal
 * id or a computed value may be the gateway's default route table, which CloudFormation does not
 * expose, so it is given the benefit of the doubt.
 */
function mayBelongTo(view: CfnView, tableValue: unknown, transitGateway: string): boolean {
  const table = targetOf(tableValue);
  const resource = table === undefined ? undefined : resourceById(view, table);
  if (!resource || resource.type !== 'AWS::EC2::TransitGatewayRouteTable') return true;
  return targetOf(resource.properties.TransitGatewayId) === transitGateway;
}

/**
 * The resource type of this library's attachment-id reader (lib/aws/targets/tgw-attachment-reader.ts):
 * attribute `<Id>` is the attachment of the connection its `Connections` entry `{ Id, ConnectionId }` names.
 * CloudFormation returns no attachment id for a VPN connection, so this is how a template links the two.
 */
const TGW_ATTACHMENT_READER_TYPE = 'Custom::VpnTransitGatewayAttachmentIds';
/** Attachments that are never a VPN connection's. */
const NON_VPN_ATTACHMENTS = [
  'AWS::EC2::TransitGatewayVpcAttachment',
  'AWS::EC2::TransitGatewayAttachment',
  'AWS::EC2::TransitGatewayPeeringAttachment',
  'AWS::EC2::TransitGatewayConnect',
];

/**
 * False when an attachment id is known not to be the connection's: an attachment of another kind
 * in the template, or the reader's attribute for another connection. Anything else (a literal id,
 * an import, an unknown resource) may be, and is given the benefit of the doubt.
 */
function mayBeAttachmentOf(view: CfnView, value: unknown, connection: CfnResourceView): boolean {
  const target = targetOf(value);
  const resource = target === undefined ? undefined : resourceById(view, target);
  if (!resource) return true;
  if (NON_VPN_ATTACHMENTS.includes(resource.type)) return false;
  if (resource.type !== TGW_ATTACHMENT_READER_TYPE) return true;
  const getAtt = (value as Record<string, unknown>)['Fn::GetAtt'];
  const attribute = Array.isArray(getAtt) ? getAtt[1] : typeof getAtt === 'string' ? getAtt.split('.')[1] : undefined;
  const entry = listProperty(resource, 'Connections').find((e) => (e as Record<string, unknown> | null)?.Id === attribute) as
    | Record<string, unknown>
    | undefined;
  const readConnection = entry === undefined ? undefined : targetOf(entry.ConnectionId);
  return readConnection === undefined || readConnection === connection.logicalId;
}

function staticRouteExists(view: CfnView, transitGateway: string, connection: CfnResourceView): boolean {
  return resourcesOfType(view, 'AWS::EC2::TransitGatewayRoute').some(
    (route) =>
      booleanProperty(route, 'Blackhole') !== true &&
      mayBelongTo(view, route.properties.TransitGatewayRouteTableId, transitGateway) &&
      mayBeAttachmentOf(view, route.properties.TransitGatewayAttachmentId, connection),
  );
}

function propagationExists(
  view: CfnView,
  transitGateway: string,
  gatewayResource: CfnResourceView | undefined,
  connection: CfnResourceView,
): boolean {
  // DefaultRouteTablePropagation is `enable` unless set otherwise (AWS::EC2::TransitGateway).
  if (gatewayResource && gatewayResource.properties.DefaultRouteTablePropagation !== 'disable') return true;
  return resourcesOfType(view, 'AWS::EC2::TransitGatewayRouteTablePropagation').some((p) =>
    mayBelongTo(view, p.properties.TransitGatewayRouteTableId, transitGateway) &&
    mayBeAttachmentOf(view, p.properties.TransitGatewayAttachmentId, connection)
  );
}

export const TransitGatewayVpnRouting: Rule = {
  id: 'TransitGatewayVpnRouting',
  catalogue: ['C29'],
  level: 'error',
  summary: 'A VPN on a transit gateway has a static TGW route (static VPN) or route propagation (BGP), and ECMP on.',
  explanation: 'Seed 000: with a static Site-to-Site VPN on a transit gateway, add a static route to the VPN attachment in the ' +
    'transit gateway route table; with a dynamic (BGP) VPN, enable propagation so that the learned routes are ' +
    'installed. With both tunnels active and ECMP off, AWS prefers one tunnel for traffic towards the peer; ' +
    'ECMP on a transit gateway applies to BGP VPN attachments (AWS Transit Gateway docs). Checked in the template: ' +
    'a static VPN (StaticRoutesOnly true) needs an AWS::EC2::TransitGatewayRoute (not a blackhole) in a route table ' +
    'of that gateway; a dynamic one needs DefaultRouteTablePropagation left enabled on the AWS::EC2::TransitGateway ' +
    'or an AWS::EC2::TransitGatewayRouteTablePropagation; a route table given by literal id is accepted (it may be ' +
    'the default one, which CloudFormation does not expose). A route or propagation counts only if its attachment may be ' +
    "the connection's: not a VPC, peering or Connect attachment of the template, and for this library's attachment-id reader " +
    '(Custom::VpnTransitGatewayAttachmentIds; CloudFormation returns no VPN attachment id) the attribute of that connection. ' +
    'A gateway outside the template is only checked for ' +
    'routes. Missing routes or propagation is an error; VpnEcmpSupport disable is a warning.',
  fix: 'static VPN: a CfnTransitGatewayRoute to the VPN attachment in the TGW route table; dynamic VPN: keep ' +
    "defaultRouteTablePropagation 'enable' or add a CfnTransitGatewayRouteTablePropagation; and vpnEcmpSupport 'enable'.",
  plan: ({ spec }) => violationsOwnedBy(transitGatewayRoutingViolations(spec.aws.target, spec), 'TransitGatewayVpnRouting'),
  cfn: (view) =>
    resourcesOfType(view, 'AWS::EC2::VPNConnection').flatMap((connection): Violation[] => {
      const transitGateway = targetOf(connection.properties.TransitGatewayId);
      if (transitGateway === undefined) return [];
      const gatewayResource = resourceById(view, transitGateway);
      const gatewayName = describeTarget(view, transitGateway);
      const isStatic = booleanProperty(connection, 'StaticRoutesOnly') === true;
      if (isStatic) {
        return staticRouteExists(view, transitGateway, connection)
          ? []
          : [{
            path: connection.path,
            message: `static VPN (StaticRoutesOnly true) on transit gateway ${gatewayName}, but no ` +
              "AWS::EC2::TransitGatewayRoute to this connection's attachment in a route table of that gateway: traffic never enters the tunnels.",
            fix: 'a CfnTransitGatewayRoute for the Azure VNet CIDR to the VPN attachment, or StaticRoutesOnly false (BGP, the documented design).',
          }];
      }
      const violations: Violation[] = [];
      if (gatewayResource === undefined) return violations; // propagation and ECMP unknown outside the template
      if (!propagationExists(view, transitGateway, gatewayResource, connection)) {
        violations.push({
          path: connection.path,
          message: `dynamic (BGP) VPN on transit gateway ${gatewayName}, whose DefaultRouteTablePropagation is 'disable', and ` +
            "no AWS::EC2::TransitGatewayRouteTablePropagation of this connection's attachment: the routes learned over BGP are never installed.",
          fix: "defaultRouteTablePropagation 'enable' on the transit gateway, or a CfnTransitGatewayRouteTablePropagation for the VPN attachment.",
        });
      }
      if (gatewayResource.properties.VpnEcmpSupport === 'disable') {
        violations.push({
          path: connection.path,
          level: 'warning',
          message: `transit gateway ${gatewayName} has VpnEcmpSupport 'disable': with both tunnels active, traffic towards ` +
            'Azure prefers one tunnel instead of spreading over all of them.',
          fix: "vpnEcmpSupport 'enable' (the default) on the transit gateway.",
        });
      }
      return violations;
    }),
};
