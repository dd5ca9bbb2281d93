/** Shared by several rules (lib/rules/*): moved out of lib/rules/routing/RouteTablesRouteToVpnGateway.ts so that no rule imports another rule file. */
import { listProperty, resourceById, resourcesOfType, targetOf, type CfnResourceView, type CfnView } from '../../check/views/cfn-view';

// ---------------------------------------------------------------------------------------------
// The VPC routing graph of a template, shared by C28, C30–C33. Only what the template holds is
// known: a subnet without an explicit route table association uses the VPC's main route table,
// which CloudFormation cannot describe, so such subnets are left out.
// ---------------------------------------------------------------------------------------------

/** One subnet with what decides where its traffic goes. */
export interface SubnetRouting {
  readonly subnet: CfnResourceView;
  /** The VPC it belongs to (`targetOf(VpcId)`). */
  readonly vpc: string;
  /** Its explicitly associated route table; undefined: the main route table (not in the template). */
  readonly routeTable?: string;
  /** True when its route table has a route to an internet gateway. */
  readonly isPublic: boolean;
}

/** A VPC with an attached virtual private gateway, and the VPN connections on that gateway. */
export interface VpnGatewayVpc {
  readonly vpc: string;
  /** The VGW (`targetOf(VpnGatewayId)` of the attachment). */
  readonly gateway: string;
  readonly connections: readonly CfnResourceView[];
}

function isInternetGateway(view: CfnView, target: string): boolean {
  const resource = resourceById(view, target);
  return resource ? resource.type === 'AWS::EC2::InternetGateway' : target.startsWith('igw-');
}

function routesOf(view: CfnView, routeTable: string): readonly CfnResourceView[] {
  return resourcesOfType(view, 'AWS::EC2::Route').filter((r) => targetOf(r.properties.RouteTableId) === routeTable);
}

export function subnetRoutings(view: CfnView): SubnetRouting[] {
  const routeTableOfSubnet = new Map<string, string>();
  for (const association of resourcesOfType(view, 'AWS::EC2::SubnetRouteTableAssociation')) {
    const subnet = targetOf(association.properties.SubnetId);
    const routeTable = targetOf(association.properties.RouteTableId);
    if (subnet !== undefined && routeTable !== undefined) routeTableOfSubnet.set(subnet, routeTable);
  }
  return resourcesOfType(view, 'AWS::EC2::Subnet').flatMap((subnet): SubnetRouting[] => {
    const vpc = targetOf(subnet.properties.VpcId);
    if (vpc === undefined) return [];
    const routeTable = routeTableOfSubnet.get(subnet.logicalId);
    const isPublic = routeTable !== undefined &&
      routesOf(view, routeTable).some((route) => {
        const gateway = targetOf(route.properties.GatewayId);
        return gateway !== undefined && isInternetGateway(view, gateway);
      });
    return [{ subnet, vpc, routeTable, isPublic }];
  });
}

export function vpnGatewayVpcs(view: CfnView): VpnGatewayVpc[] {
  const connections = resourcesOfType(view, 'AWS::EC2::VPNConnection');
  return resourcesOfType(view, 'AWS::EC2::VPCGatewayAttachment').flatMap((attachment): VpnGatewayVpc[] => {
    const vpc = targetOf(attachment.properties.VpcId);
    const gateway = targetOf(attachment.properties.VpnGatewayId);
    if (vpc === undefined || gateway === undefined) return [];
    return [{ vpc, gateway, connections: connections.filter((c) => targetOf(c.properties.VpnGatewayId) === gateway) }];
  });
}

/** Route tables that send traffic to the gateway: listed by a route propagation, or a route targets it. */
export function routeTablesRoutingTo(view: CfnView, gateway: string): ReadonlySet<string> {
  const tables = new Set<string>();
  for (const propagation of resourcesOfType(view, 'AWS::EC2::VPNGatewayRoutePropagation')) {
    if (targetOf(propagation.properties.VpnGatewayId) !== gateway) continue;
    for (const table of listProperty(propagation, 'RouteTableIds')) {
      const target = targetOf(table);
      if (target !== undefined) tables.add(target);
    }
  }
  for (const route of resourcesOfType(view, 'AWS::EC2::Route')) {
    const table = targetOf(route.properties.RouteTableId);
    if (table !== undefined && targetOf(route.properties.GatewayId) === gateway) tables.add(table);
  }
  return tables;
}

/** A VPC attached to a transit gateway in this template, and the VPN connections on that gateway. */
export interface TransitGatewayVpc {
  readonly vpc: string;
  /** The transit gateway (`targetOf(TransitGatewayId)` of the VPC attachment). */
  readonly gateway: string;
  readonly connections: readonly CfnResourceView[];
}

/** Both CloudFormation types that attach a VPC to a transit gateway. */
const TGW_VPC_ATTACHMENTS = ['AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::TransitGatewayAttachment'];

export function transitGatewayVpcs(view: CfnView): TransitGatewayVpc[] {
  const connections = resourcesOfType(view, 'AWS::EC2::VPNConnection');
  return TGW_VPC_ATTACHMENTS.flatMap((type) => resourcesOfType(view, type)).flatMap((attachment): TransitGatewayVpc[] => {
    const vpc = targetOf(attachment.properties.VpcId);
    const gateway = targetOf(attachment.properties.TransitGatewayId);
    if (vpc === undefined || gateway === undefined) return [];
    return [{ vpc, gateway, connections: connections.filter((c) => targetOf(c.properties.TransitGatewayId) === gateway) }];
  });
}

/** Route tables with an AWS::EC2::Route to the transit gateway (a TGW never propagates into them). */
export function routeTablesRoutingToTransitGateway(view: CfnView, gateway: string): ReadonlySet<string> {
  const tables = new Set<string>();
  for (const route of resourcesOfType(view, 'AWS::EC2::Route')) {
    const table = targetOf(route.properties.RouteTableId);
    if (table !== undefined && targetOf(route.properties.TransitGatewayId) === gateway) tables.add(table);
  }
  return tables;
}

/** Route tables of `vpc`'s subnets with an explicit association, each with its subnets. */
export function subnetsByRouteTable(view: CfnView, vpc: string): Map<string, SubnetRouting[]> {
  const byTable = new Map<string, SubnetRouting[]>();
  for (const routing of subnetRoutings(view)) {
    if (routing.vpc !== vpc || routing.routeTable === undefined) continue;
    byTable.set(routing.routeTable, [...(byTable.get(routing.routeTable) ?? []), routing]);
  }
  return byTable;
}

/**
 * The subnets "meant to reach Azure" (C28's decision, reused by C30): the private subnets (no route
 * to an internet gateway) with an explicit route table, of a VPC whose attached VGW carries at
 * least one VPN connection in this template.
 */
export function vpnFacingSubnets(view: CfnView): { readonly routing: SubnetRouting; readonly vpn: VpnGatewayVpc; }[] {
  const vpns = vpnGatewayVpcs(view).filter((v) => v.connections.length > 0);
  return subnetRoutings(view).flatMap((routing) => {
    const vpn = vpns.find((v) => v.vpc === routing.vpc);
    return vpn && !routing.isPublic && routing.routeTable !== undefined ? [{ routing, vpn }] : [];
  });
}

// ---------------------------------------------------------------------------------------------
