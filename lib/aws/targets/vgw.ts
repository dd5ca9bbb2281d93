/**
 * The virtual private gateway target: today's (0.1) resources with today's logical ids, so that a
 * deployed stack sees no change: `VpnGateway` and `VpnGatewayAttachment` unless an existing gateway
 * is given, and `RoutePropagation` into the chosen route tables (C28).
 */
import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { ResolvedPlan } from '../../plan/types';
import type { BoundGatewayTarget, GatewayTarget } from './target';

export interface VgwTargetProps {
  /** The VPC the gateway is attached to. */
  readonly vpc: ec2.IVpc;
  /** @default - a new gateway with `AmazonSideAsn` = `plan.aws.asn`, attached to `vpc` */
  readonly vpnGatewayId?: string;
  /** @default true */
  readonly enableRoutePropagation?: boolean;
  /** @default - the private subnets with egress; all subnets if the VPC has none */
  readonly routePropagationSubnets?: ec2.SubnetSelection;
}

export class VgwTarget implements GatewayTarget {
  constructor(private readonly props: VgwTargetProps) {}

  problems(): string[] {
    if (this.props.vpnGatewayId === undefined && this.props.vpc.vpnGatewayId !== undefined) {
      return [
        'vpnGatewayId: not given, but the VPC already has a virtual private gateway and a VPC holds only one (C19); ' +
        'pass vpnGatewayId: vpc.vpnGatewayId (its Amazon side ASN must equal plan.aws.asn, C11)',
      ];
    }
    return [];
  }

  bind(scope: Construct, plan: ResolvedPlan): BoundGatewayTarget {
    const { vpc } = this.props;
    // New (with the plan's ASN, C08) or the VPC's existing one (a VPC has one, C19).
    let gatewayId = this.props.vpnGatewayId;
    let attachment: ec2.CfnVPCGatewayAttachment | undefined;
    if (gatewayId === undefined) {
      const gateway = new ec2.CfnVPNGateway(scope, 'VpnGateway', { type: 'ipsec.1', amazonSideAsn: plan.aws.asn });
      Tags.of(gateway).add('Name', `${plan.name}-vgw`);
      attachment = new ec2.CfnVPCGatewayAttachment(scope, 'VpnGatewayAttachment', { vpcId: vpc.vpcId, vpnGatewayId: gateway.attrVpnGatewayId });
      gatewayId = gateway.attrVpnGatewayId;
    }
    if (this.props.enableRoutePropagation ?? true) {
      const propagation = new ec2.CfnVPNGatewayRoutePropagation(scope, 'RoutePropagation', {
        routeTableIds: routeTableIdsOf(vpc, this.props.routePropagationSubnets),
        vpnGatewayId: gatewayId,
      });
      // Propagation fails until the gateway is attached to the VPC. A construct dependency (DependsOn
      // in the template) rather than CfnResource.addResourceDependency, which aws-cdk-lib 2.258 (the
      // peer range's floor) does not have; its older name addDependency is deprecated in later 2.x.
      if (attachment) propagation.node.addDependency(attachment);
    }
    return {
      gatewayId,
      // An existing gateway keeps its own ASN, which must equal the plan's (C11, checked by the rules).
      amazonSideAsn: plan.aws.asn,
      connectionProps: { vpnGatewayId: gatewayId },
      output: { key: 'VpnGatewayId', description: 'Virtual private gateway of the Azure VPN connections' },
    };
  }
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
