/**
 * The transit gateway target (issue 11): the VPN connections end on a transit gateway (new, with VPN
 * ECMP support, or existing), so that all four tunnels to an active/active peer carry traffic and
 * acceleration is possible. Built from `plan.aws.target` (kind `tgw`, lib/plan/aws-target.ts):
 *
 * - `bind`: the gateway (`TransitGateway`, ./tgw-gateway.ts) and the connection options
 *   (`TransitGatewayId`, `EnableAcceleration`, `TunnelBandwidth`, ./tgw-connection-options.ts);
 * - `connectionsCreated`: the attachment-id reader (`TransitGatewayAttachmentIds`; CloudFormation
 *   returns no attachment id for a VPN connection), then the VPC attachment, the route table, the
 *   associations and propagations of both VPN attachments and the VPC attachment, and a static route
 *   to the gateway for the peer CIDR in every route table of the chosen subnets (`TransitGatewayRouting`,
 *   ./tgw-routing.ts; C28, C29).
 *
 * None of the VGW target's ids (`VpnGateway`, `VpnGatewayAttachment`, `RoutePropagation`) is used.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { ResolvedTransitGatewayTarget } from '../../plan/aws-target';
import type { ResolvedPlan } from '../../plan/types';
import type { BoundGatewayTarget, GatewayTarget } from './target';
import { TransitGatewayAttachmentReader } from './tgw-attachment-reader';
import { transitGatewayConnectionProps } from './tgw-connection-options';
import { VpnTransitGateway, type IVpnTransitGateway } from './tgw-gateway';
import { TransitGatewayVpnRouting } from './tgw-routing';

export interface TgwTargetProps {
  /** The VPC attached to the transit gateway. */
  readonly vpc: ec2.IVpc;
  /** VGW-only; refused with a transit gateway target. @default - none */
  readonly vpnGatewayId?: string;
  /** VGW-only; refused (false) with a transit gateway target: the static routes are the TGW's C28 routing. @default true */
  readonly enableRoutePropagation?: boolean;
  /** VGW-only; refused with a transit gateway target: `plan.aws.target.vpcAttachment.subnets` chooses. @default - none */
  readonly routePropagationSubnets?: ec2.SubnetSelection;
}

/** What `connectionsCreated` made, for the construct's readers (report, tests). */
export interface TgwTargetParts {
  readonly transitGateway: IVpnTransitGateway;
  readonly attachmentReader: TransitGatewayAttachmentReader;
  readonly routing: TransitGatewayVpnRouting;
}

const TGW_ONLY_FIX =
  "plan.aws.target.vpcAttachment.subnets chooses the subnets whose route tables get a route to the transit gateway (C28); leave it out, or use aws.target { kind: 'vgw' }";

export class TgwTarget implements GatewayTarget {
  constructor(private readonly target: ResolvedTransitGatewayTarget, private readonly props: TgwTargetProps) {}

  problems(): string[] {
    const problems: string[] = [];
    if (this.props.vpnGatewayId !== undefined) {
      problems.push(
        `vpnGatewayId: ${JSON.stringify(String(this.props.vpnGatewayId).slice(0, 40))} given, but plan.aws.target is a transit gateway; ` +
          "leave vpnGatewayId out (an existing transit gateway is plan.aws.target.transitGatewayId), or use aws.target { kind: 'vgw' }",
      );
    }
    if (this.props.enableRoutePropagation === false) problems.push(`enableRoutePropagation: false is a VGW setting; ${TGW_ONLY_FIX}`);
    if (this.props.routePropagationSubnets !== undefined) problems.push(`routePropagationSubnets: a VGW setting; ${TGW_ONLY_FIX}`);
    return problems;
  }

  bind(scope: Construct, plan: ResolvedPlan): BoundGatewayTarget {
    const t = this.target;
    const transitGateway = t.gateway.kind === 'new'
      ? new VpnTransitGateway(scope, 'TransitGateway', {
        amazonSideAsn: t.gateway.amazonSideAsn,
        vpnEcmpSupport: t.vpnEcmpSupport,
        defaultRouteTableAssociation: t.defaultRouteTableAssociation,
        defaultRouteTablePropagation: t.defaultRouteTablePropagation,
        description: `multicloud-vpn: VPN to the peer of plan ${plan.name}`,
      })
      : VpnTransitGateway.fromTransitGatewayAttributes(scope, 'TransitGateway', {
        transitGatewayId: t.gateway.transitGatewayId,
        defaultRouteTableAssociation: t.defaultRouteTableAssociation,
        defaultRouteTablePropagation: t.defaultRouteTablePropagation,
        // The plan refuses a given table that is not the default while the gateway associates by
        // itself (C29), so a given table is the default one then; a gateway whose default association
        // and propagation tables differ needs `routeTable: { id }` of the association table and
        // defaultRouteTablePropagation 'disable'.
        ...(t.routeTable.kind === 'existing' && t.defaultRouteTableAssociation ? { associationDefaultRouteTableId: t.routeTable.id } : {}),
        ...(t.routeTable.kind === 'existing' && t.defaultRouteTablePropagation ? { propagationDefaultRouteTableId: t.routeTable.id } : {}),
      });
    const vpc = this.props.vpc;
    const subnets = subnetSelection(vpc, t.subnets);
    let parts: TgwTargetParts | undefined;
    return {
      gatewayId: transitGateway.transitGatewayId,
      // An existing gateway keeps its own ASN, which must equal the plan's (C11: the plan says so).
      amazonSideAsn: t.gateway.kind === 'new' ? t.gateway.amazonSideAsn : plan.aws.asn,
      connectionProps: transitGatewayConnectionProps(transitGateway.transitGatewayId, {
        enableAcceleration: t.enableAcceleration,
        // Only `large` is written: `standard` is AWS's default, and an absent property is the same tunnel.
        ...(t.tunnelBandwidth === 'large' ? { tunnelBandwidth: 'large' as const } : {}),
      }),
      output: { key: 'TransitGatewayId', description: 'Transit gateway of the VPN connections to the peer' },
      connectionsCreated(connections) {
        const attachmentReader = new TransitGatewayAttachmentReader(scope, 'TransitGatewayAttachmentIds', {
          transitGatewayId: transitGateway.transitGatewayId,
          connections: connections.map((c, i) => ({ id: `Connection${i + 1}`, connectionId: c.ref })),
        });
        const routing = new TransitGatewayVpnRouting(scope, 'TransitGatewayRouting', {
          transitGateway,
          vpnAttachmentIds: Object.fromEntries(
            connections.map((_, i) => [`Connection${i + 1}`, attachmentReader.attachmentId(`Connection${i + 1}`)]),
          ),
          routeTableId: t.routeTable.kind === 'existing' ? t.routeTable.id : undefined,
          vpc,
          subnets,
          peerCidrs: [plan.azure.vnetCidr],
        });
        parts = { transitGateway, attachmentReader, routing };
      },
      additionalOutputs() {
        const tableId = parts?.routing.routeTableId;
        return tableId === undefined
          ? []
          : [{ key: 'TransitGatewayRouteTableId', value: tableId, description: 'Transit gateway route table of the VPN and VPC attachments' }];
      },
    };
  }
}

/**
 * The plan's subnet choice as a selection of `vpc`. `private` is C28's "private": no route to an
 * internet gateway, so the private subnets with egress, else the isolated ones.
 */
export function subnetSelection(vpc: ec2.IVpc, subnets: ResolvedTransitGatewayTarget['subnets']): ec2.SubnetSelection {
  if ('ids' in subnets) return { subnetFilters: [ec2.SubnetFilter.byIds([...subnets.ids])] };
  switch (subnets.type) {
    case 'public':
      return { subnetType: ec2.SubnetType.PUBLIC };
    case 'isolated':
      return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    case 'private':
      return { subnetType: vpc.privateSubnets.length > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED };
  }
}
