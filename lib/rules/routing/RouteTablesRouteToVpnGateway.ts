import { describeTarget } from '../../check/views/cfn-view';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import {
  routeTablesRoutingTo,
  routeTablesRoutingToTransitGateway,
  subnetsByRouteTable,
  transitGatewayVpcs,
  vpnGatewayVpcs,
} from '../../check/views/routing';

export const RouteTablesRouteToVpnGateway: Rule = {
  id: 'RouteTablesRouteToVpnGateway',
  catalogue: ['C28'],
  level: 'error',
  summary: 'Every route table of the subnets meant to reach Azure routes to the AWS gateway (VGW or transit gateway).',
  explanation: 'Seed 000 (AWS knowledge center, "why can I not reach my on-premises network over Site-to-Site VPN"): the ' +
    'route table of the instances must point at the virtual private gateway, by route propagation (dynamic, BGP) ' +
    'or a static route. Which subnets are meant to reach Azure is decided from the template: in a VPC with an ' +
    'attached VGW that carries a VPN connection in the same template, the route tables of private subnets (no ' +
    'route to an internet gateway) must be covered, an error otherwise; route tables of public subnets, or of a ' +
    'VPC whose VGW has no VPN connection in this template, get a warning. A route table counts as covered when an ' +
    'AWS::EC2::VPNGatewayRoutePropagation of that VGW lists it, or an AWS::EC2::Route in it has GatewayId = the ' +
    'VGW. A transit gateway does not propagate into VPC route tables (seed 000): in a VPC attached to a transit gateway ' +
    '(AWS::EC2::TransitGatewayVpcAttachment or TransitGatewayAttachment) that carries a VPN connection in the template, ' +
    'each such route table needs an AWS::EC2::Route with TransitGatewayId = that gateway, with the same error and ' +
    'warning levels. Subnets on the main route table (no explicit association) are not in the template and are not checked.',
  fix: 'propagate the VGW routes to the route table (ec2.Vpc `vpnRoutePropagation: [{ subnetType: … }]`, or ' +
    'CfnVPNGatewayRoutePropagation `routeTableIds`), or add a CfnRoute with `gatewayId` = the VGW for the Azure VNet CIDR; ' +
    'on a transit gateway, a CfnRoute with `transitGatewayId` for each Azure CIDR, after the VPC attachment.',
  cfn: (view) =>
    vpnGatewayVpcs(view).flatMap((vpn): Violation[] => {
      const covered = routeTablesRoutingTo(view, vpn.gateway);
      return [...subnetsByRouteTable(view, vpn.vpc)].flatMap(([table, subnets]): Violation[] => {
        if (covered.has(table)) return [];
        const chosen = vpn.connections.length > 0 && subnets.some((s) => !s.isPublic);
        const why = chosen
          ? 'these private subnets of a VPC with a VPN connection cannot reach Azure'
          : vpn.connections.length > 0
          ? 'these public subnets cannot reach Azure; acknowledge the warning if that is intended'
          : 'no VPN connection on this gateway is in the template; if one exists elsewhere, these subnets cannot reach it';
        return [{
          path: describeTarget(view, table),
          level: chosen ? 'error' : 'warning',
          message: `route table ${describeTarget(view, table)} (subnets ${subnets.map((s) => s.subnet.path).join(', ')}) has ` +
            `no route to the virtual private gateway ${describeTarget(view, vpn.gateway)}: no VPNGatewayRoutePropagation ` +
            `lists it and no AWS::EC2::Route in it targets the gateway; ${why}.`,
        }];
      });
    }).concat(
      transitGatewayVpcs(view).flatMap((tgw): Violation[] => {
        const covered = routeTablesRoutingToTransitGateway(view, tgw.gateway);
        return [...subnetsByRouteTable(view, tgw.vpc)].flatMap(([table, subnets]): Violation[] => {
          if (covered.has(table)) return [];
          const chosen = tgw.connections.length > 0 && subnets.some((s) => !s.isPublic);
          const why = chosen
            ? 'these private subnets of a VPC attached to a transit gateway with a VPN connection cannot reach Azure'
            : tgw.connections.length > 0
            ? 'these public subnets cannot reach Azure; acknowledge the warning if that is intended'
            : 'no VPN connection on this transit gateway is in the template; if one exists elsewhere, these subnets cannot reach it';
          return [{
            path: describeTarget(view, table),
            level: chosen ? 'error' : 'warning',
            message: `route table ${describeTarget(view, table)} (subnets ${subnets.map((s) => s.subnet.path).join(', ')}) has ` +
              `no route to the transit gateway ${describeTarget(view, tgw.gateway)}: no AWS::EC2::Route in it has that ` +
              `TransitGatewayId, and a transit gateway does not propagate into VPC route tables; ${why}.`,
            fix: 'an AWS::EC2::Route with transitGatewayId for each Azure CIDR in this route table, after the VPC attachment (DependsOn).',
          }];
        });
      }),
    ),
};
