/**
 * Routing between a VPC and the VPN attachments of a transit gateway:
 *
 * - the VPC attachment (`AWS::EC2::TransitGatewayVpcAttachment`, one subnet per Availability Zone:
 *   "You can specify at most one subnet per Availability Zone");
 * - a transit gateway route table (new, or given), with the VPN attachments and the VPC attachment
 *   associated with it (`AWS::EC2::TransitGatewayRouteTableAssociation`) and propagated into it
 *   (`...Propagation`): the VPN propagation installs the routes learned over BGP (seed 000: "for a
 *   dynamic VPN, enable propagation", C29), and the VPC propagation puts the VPC CIDR in the table
 *   that the VPN attachments are associated with, which is what the transit gateway advertises to
 *   the peer over BGP;
 * - a static route to the transit gateway for each peer CIDR in every route table of the chosen
 *   subnets (`AWS::EC2::Route` `TransitGatewayId`): a transit gateway does not propagate into VPC
 *   route tables (seed 000, C28), and a route created before the VPC attachment fails
 *   (`InvalidTransitGatewayID.NotFound`; aws-ia/terraform-aws-vpc#101, hashicorp/terraform-provider-aws#10025),
 *   hence the dependency on the VPC attachment.
 *
 * Why `AWS::EC2::TransitGatewayVpcAttachment` and not `AWS::EC2::TransitGatewayAttachment`: on the
 * latter a tag change replaces the attachment (CloudFormation reference: "To update tags for a VPC
 * attachment after creation without replacing the attachment, use AWS::EC2::TransitGatewayVpcAttachment";
 * cloudformation-coverage-roadmap#986), and a replacement cannot succeed: EC2 refuses a second
 * attachment of the same VPC to the same gateway (`DuplicateTransitGatewayAttachment`) while the old
 * one exists. On the former, tags update in place; only a change of `SubnetIds` replaces it.
 *
 * Associations are declared only where the gateway does not associate by itself: with
 * `DefaultRouteTableAssociation` on, EC2 associates each new attachment with the default table and
 * a second association fails (`Resource.AlreadyAssociated`); likewise a propagation into the default
 * propagation table when `DefaultRouteTablePropagation` is on.
 */
import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { formatCidr, parseIpv4Cidr } from '../../core/address';
import type { IVpnTransitGateway } from './tgw-gateway';

export interface TransitGatewayVpnRoutingProps {
  /** The gateway the VPN connections end on (new or existing, ./tgw-gateway.ts). */
  readonly transitGateway: IVpnTransitGateway;
  /**
   * The VPN connections' attachment ids (tokens of `TransitGatewayAttachmentReader`), by a key of
   * letters and digits (`Connection1`) that names their association and propagation.
   */
  readonly vpnAttachmentIds: Readonly<Record<string, string>>;
  /**
   * A transit gateway route table of `transitGateway` to associate and propagate into.
   * @default - a new route table, or the gateway's default table when the gateway both associates
   *   and propagates by itself
   */
  readonly routeTableId?: string;
  /** The VPC that reaches the peer. */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets whose route tables get a route to the transit gateway for each peer CIDR (C28).
   * @default - the private subnets with egress; all subnets (public, private, isolated) if the VPC has none
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Subnets of the VPC attachment; one per Availability Zone is taken.
   * @default - `subnets`
   */
  readonly attachmentSubnets?: ec2.SubnetSelection;
  /**
   * An existing attachment of `vpc` to the gateway: none is created (a VPC has at most one attachment
   * per transit gateway). It is still associated and propagated unless the gateway does so itself.
   * @default - a new `AWS::EC2::TransitGatewayVpcAttachment`
   */
  readonly vpcAttachmentId?: string;
  /** The peer's address space (the Azure VNet CIDR, …): one static route each per route table. */
  readonly peerCidrs: readonly string[];
}

/** The route table choice and what must be declared on it. */
interface RouteTablePlan {
  /** Undefined: the gateway's default table, which CloudFormation cannot name (new gateway). */
  readonly tableId?: string;
  readonly create: boolean;
  readonly associate: boolean;
  readonly propagate: boolean;
}

const KEY = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/**
 * Decides the route table and whether associations and propagations are declared, or why the
 * combination cannot work (an explicit association next to a default association fails).
 */
export function planRouteTable(gateway: IVpnTransitGateway, routeTableId: string | undefined): RouteTablePlan | string {
  const autoAssociates = gateway.defaultRouteTableAssociation;
  const autoPropagates = gateway.defaultRouteTablePropagation;
  if (routeTableId === undefined) {
    if (!autoAssociates) return { create: true, associate: true, propagate: true };
    // Attachments land in the default association table by themselves; propagation into it must be
    // automatic too, or declared on a table CloudFormation can name.
    // A new gateway has one default table for both; an existing one is taken to, unless both ids say otherwise.
    const tableId = gateway.associationDefaultRouteTableId;
    const propagationTableId = gateway.propagationDefaultRouteTableId;
    const sameDefault = gateway.isNew || tableId === undefined || propagationTableId === undefined || tableId === propagationTableId;
    if (autoPropagates && sameDefault) return { tableId, create: false, associate: false, propagate: false };
    if (tableId === undefined) {
      return 'routeTableId: not given, and the gateway associates attachments with its default route table by itself ' +
        '(DefaultRouteTableAssociation enable) but does not propagate into it, and CloudFormation does not return that ' +
        "table's id; set defaultRouteTablePropagation too (both 'enable'), or both 'disable' for a route table of this construct" +
        (gateway.isNew ? '' : ', or give associationDefaultRouteTableId');
    }
    return { tableId, create: false, associate: false, propagate: true };
  }
  if (autoAssociates && routeTableId !== gateway.associationDefaultRouteTableId) {
    return `routeTableId: ${routeTableId} is not the gateway's default association route table` +
      `${gateway.associationDefaultRouteTableId === undefined ? ' (unknown)' : ` (${gateway.associationDefaultRouteTableId})`}, ` +
      'but the gateway associates every new attachment with that default table (DefaultRouteTableAssociation enable), so an ' +
      'association with this one fails (Resource.AlreadyAssociated: one route table per attachment); give the default table ' +
      "(and associationDefaultRouteTableId), or use a gateway with defaultRouteTableAssociation 'disable'";
  }
  if (autoPropagates && gateway.propagationDefaultRouteTableId === undefined) {
    return `routeTableId: ${routeTableId} given, and the gateway propagates into its default propagation route table by itself, ` +
      'but that table is unknown, so a propagation into this one may repeat it and fail; give propagationDefaultRouteTableId';
  }
  return {
    tableId: routeTableId,
    create: false,
    associate: !autoAssociates,
    propagate: !(autoPropagates && routeTableId === gateway.propagationDefaultRouteTableId),
  };
}

/** VPC attachment, route table associations and propagations, and VPC routes to the gateway. */
export class TransitGatewayVpnRouting extends Construct {
  /** The transit gateway route table in use; undefined when it is the gateway's unnamed default table. */
  readonly routeTableId?: string;
  /** Created only when no `routeTableId` was given and the gateway does not associate by itself. */
  readonly routeTable?: ec2.CfnTransitGatewayRouteTable;
  /** The VPC attachment id (new or given). */
  readonly vpcAttachmentId: string;
  /** Created only when no `vpcAttachmentId` was given. */
  readonly vpcAttachment?: ec2.CfnTransitGatewayVpcAttachment;
  /** Per VPN attachment key, then `Vpc`; empty when the gateway associates by itself. */
  readonly associations: Readonly<Record<string, ec2.CfnTransitGatewayRouteTableAssociation>>;
  /** Per VPN attachment key, then `Vpc`; empty when the gateway propagates by itself into the table. */
  readonly propagations: Readonly<Record<string, ec2.CfnTransitGatewayRouteTablePropagation>>;
  /** The VPC routes to the gateway, one per route table and peer CIDR. */
  readonly routes: readonly ec2.CfnRoute[];

  constructor(scope: Construct, id: string, props: TransitGatewayVpnRoutingProps) {
    super(scope, id);
    const plan = validateRoutingProps(this, props);
    const transitGatewayId = props.transitGateway.transitGatewayId;

    if (plan.create) {
      this.routeTable = new ec2.CfnTransitGatewayRouteTable(this, 'RouteTable', { transitGatewayId });
      this.routeTableId = this.routeTable.ref;
    } else {
      this.routeTableId = plan.tableId;
    }

    const attachmentSubnets = onePerAz(this, props.vpc.selectSubnets(props.attachmentSubnets ?? props.subnets ?? defaultSubnets(props.vpc)).subnets);
    if (props.vpcAttachmentId === undefined) {
      this.vpcAttachment = new ec2.CfnTransitGatewayVpcAttachment(this, 'VpcAttachment', {
        transitGatewayId,
        vpcId: props.vpc.vpcId,
        subnetIds: attachmentSubnets.map((subnet) => subnet.subnetId),
      });
      this.vpcAttachmentId = this.vpcAttachment.ref;
    } else {
      this.vpcAttachmentId = props.vpcAttachmentId;
    }

    const attachments: [string, string][] = [
      ...Object.entries(props.vpnAttachmentIds).map(([key, value]): [string, string] => [`Vpn${key}`, value]),
      ['Vpc', this.vpcAttachmentId],
    ];
    const associations: Record<string, ec2.CfnTransitGatewayRouteTableAssociation> = {};
    const propagations: Record<string, ec2.CfnTransitGatewayRouteTablePropagation> = {};
    const tableId = this.routeTableId;
    for (const [key, attachmentId] of attachments) {
      if (plan.associate && tableId !== undefined) {
        associations[key] = new ec2.CfnTransitGatewayRouteTableAssociation(this, `${key}Association`, {
          transitGatewayAttachmentId: attachmentId,
          transitGatewayRouteTableId: tableId,
        });
      }
      if (plan.propagate && tableId !== undefined) {
        propagations[key] = new ec2.CfnTransitGatewayRouteTablePropagation(this, `${key}Propagation`, {
          transitGatewayAttachmentId: attachmentId,
          transitGatewayRouteTableId: tableId,
        });
      }
    }
    this.associations = associations;
    this.propagations = propagations;

    // One route per route table (subnets may share one) and peer CIDR, named after the first subnet
    // using the table and the CIDR, so adding a subnet or a CIDR adds routes and renames none.
    const routes: ec2.CfnRoute[] = [];
    const seenTables = new Set<string>();
    const subnets = props.vpc.selectSubnets(props.subnets ?? defaultSubnets(props.vpc)).subnets;
    for (const subnet of subnets) {
      const routeTableId = subnet.routeTable.routeTableId;
      if (seenTables.has(routeTableId)) continue;
      seenTables.add(routeTableId);
      props.peerCidrs.forEach((cidr, i) => {
        const name = Token.isUnresolved(cidr) ? `Cidr${i}` : cidr.replace(/[./]/g, 'x');
        const route = new ec2.CfnRoute(this, `${subnet.node.id}To${name}`, {
          routeTableId,
          destinationCidrBlock: cidr,
          transitGatewayId,
        });
        // A route to a transit gateway before the VPC is attached to it fails (InvalidTransitGatewayID.NotFound).
        if (this.vpcAttachment) route.node.addDependency(this.vpcAttachment);
        routes.push(route);
      });
    }
    this.routes = routes;
  }
}

/**
 * The first subnet of each Availability Zone, in selection order. Done here rather than with
 * `SubnetSelection.onePerAz`, which an explicit `subnets` list (the default selection) bypasses.
 * Zones are compared resolved (an environment-agnostic stack has `Fn::Select` of `Fn::GetAZs`); a
 * subnet whose zone is not known (imported by id alone) is kept.
 */
function onePerAz(scope: Construct, subnets: readonly ec2.ISubnet[]): ec2.ISubnet[] {
  const zones = new Set<string>();
  return subnets.filter((subnet) => {
    let zone: string;
    try {
      zone = JSON.stringify(Stack.of(scope).resolve(subnet.availabilityZone));
    } catch {
      return true; // ec2.Subnet.fromSubnetId without availabilityZone throws on access
    }
    if (zones.has(zone)) return false;
    zones.add(zone);
    return true;
  });
}

/** The construct's default subnets, as the VGW variant's route propagation (`AzureVpnConnections`). */
function defaultSubnets(vpc: ec2.IVpc): ec2.SubnetSelection {
  return vpc.privateSubnets.length > 0
    ? { subnets: vpc.privateSubnets }
    : { subnets: [...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets] };
}

/** Every problem at once, naming the field; tokens are skipped. Returns the route table plan. */
function validateRoutingProps(scope: Construct, props: TransitGatewayVpnRoutingProps): RouteTablePlan {
  const problems: string[] = [];
  const keys = Object.keys(props.vpnAttachmentIds);
  if (keys.length === 0) {
    problems.push("vpnAttachmentIds: empty; give each VPN connection's attachment id, e.g. { Connection1: reader.attachmentId('Connection1') }");
  }
  for (const key of keys) {
    if (!KEY.test(key)) {
      problems.push(
        `vpnAttachmentIds: key ${
          JSON.stringify(key.slice(0, 40))
        } cannot be part of a logical id; use letters and digits, starting with a letter (e.g. Connection1)`,
      );
    }
  }
  if (props.peerCidrs.length === 0) {
    problems.push("peerCidrs: empty; give the address space of the peer, e.g. ['10.1.0.0/16'] (C28: each needs a route to the transit gateway)");
  }
  props.peerCidrs.forEach((cidr, i) => {
    if (Token.isUnresolved(cidr)) return;
    const parsed = parseIpv4Cidr(cidr);
    if (parsed === undefined) {
      problems.push(`peerCidrs[${i}]: ${JSON.stringify(String(cidr).slice(0, 40))} is not an IPv4 CIDR; use one such as 10.1.0.0/16`);
    } else if (parsed.hostBitsSet) {
      // EC2 would store the network address instead, so the template and the route table would differ.
      problems.push(`peerCidrs[${i}]: ${JSON.stringify(cidr)} has host bits set; use ${formatCidr(parsed.first, parsed.prefix)}`);
    }
  });
  const plan = planRouteTable(props.transitGateway, props.routeTableId);
  if (typeof plan === 'string') problems.push(plan);
  if (problems.length > 0) {
    throw new Error(`TransitGatewayVpnRouting ${scope.node.path}: invalid props:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return plan as RouteTablePlan;
}
