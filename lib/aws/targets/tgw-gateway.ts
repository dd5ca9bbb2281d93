/**
 * The transit gateway a Site-to-Site VPN ends on: a new one (`AWS::EC2::TransitGateway`) or an
 * existing one by id. What the routing needs to know about it is the same either way: its id,
 * and whether it associates and propagates new attachments by itself (default route table).
 *
 * CloudFormation reference, AWS::EC2::TransitGateway: `AmazonSideAsn` (16-bit 64512–65534, 32-bit
 * 4200000000–4294967294; default 64512), `VpnEcmpSupport`, `DefaultRouteTableAssociation`,
 * `DefaultRouteTablePropagation`, `AutoAcceptSharedAttachments` (`enable` | `disable`; the first
 * three default to `enable`, the last to `disable`). Returns `Ref`/`Id`, `TransitGatewayArn`,
 * `EncryptionSupportState` only: the default route table that CloudFormation makes when default
 * association or propagation is on is never returned, so a template cannot name it.
 *
 * Defaults here differ from CloudFormation's on purpose: default association and propagation are
 * off, because the routing (./tgw-routing.ts) associates the VPN and VPC attachments with a route
 * table of its own; with default association on, EC2 associates every new attachment with the
 * default table first and the explicit association fails (`Resource.AlreadyAssociated`: an
 * attachment is associated with one route table only, AWS Transit Gateway guide, "Associations").
 * ECMP stays on: with it off, traffic towards an active/active peer prefers one tunnel (seed 000, C29).
 */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, type IConstruct } from 'constructs';

/** A transit gateway as the VPN routing sees it. */
export interface IVpnTransitGateway extends IConstruct {
  /** `tgw-…` (a token for a new gateway). */
  readonly transitGatewayId: string;
  /** True when the gateway associates every new attachment with its default association route table. */
  readonly defaultRouteTableAssociation: boolean;
  /** True when the gateway propagates every new attachment into its default propagation route table. */
  readonly defaultRouteTablePropagation: boolean;
  /**
   * The default association route table, when known (an existing gateway, given by the user).
   * Never known for a new gateway: CloudFormation does not return it.
   */
  readonly associationDefaultRouteTableId?: string;
  /** The default propagation route table, when known (see `associationDefaultRouteTableId`). */
  readonly propagationDefaultRouteTableId?: string;
  /** True when made by this library in this stack (a `CfnTransitGateway`). */
  readonly isNew: boolean;
}

export interface VpnTransitGatewayProps {
  /**
   * Amazon side ASN of the BGP sessions (the plan's `aws.asn`). Private: 64512–65534 or
   * 4200000000–4294967294 (AWS::EC2::TransitGateway AmazonSideAsn).
   */
  readonly amazonSideAsn: number;
  /**
   * Equal-cost multi-path routing over the VPN tunnels (`VpnEcmpSupport`). Off, traffic towards an
   * active/active peer prefers one tunnel (seed 000; C29 warns).
   * @default true
   */
  readonly vpnEcmpSupport?: boolean;
  /**
   * Associate every new attachment with the gateway's default route table (`DefaultRouteTableAssociation`).
   * Leave off to let the routing associate the VPN and VPC attachments with its own route table.
   * @default false
   */
  readonly defaultRouteTableAssociation?: boolean;
  /**
   * Propagate every new attachment into the gateway's default route table (`DefaultRouteTablePropagation`).
   * @default false
   */
  readonly defaultRouteTablePropagation?: boolean;
  /**
   * Accept attachment requests from other accounts (RAM shares) without review (`AutoAcceptSharedAttachments`).
   * @default false
   */
  readonly autoAcceptSharedAttachments?: boolean;
  /**
   * @default - no description
   */
  readonly description?: string;
}

/** What is known about an existing transit gateway; the routing cannot read it from EC2 at synth. */
export interface VpnTransitGatewayAttributes {
  /** `tgw-` and 8 or 17 hexadecimal digits (or a token). */
  readonly transitGatewayId: string;
  /**
   * Its `DefaultRouteTableAssociation` is `enable` (the EC2 default). Stated, not guessed: an
   * explicit association then fails for any table but the default one.
   */
  readonly defaultRouteTableAssociation: boolean;
  /** Its `DefaultRouteTablePropagation` is `enable` (the EC2 default). */
  readonly defaultRouteTablePropagation: boolean;
  /**
   * Its association default route table (`AssociationDefaultRouteTableId` in DescribeTransitGateways).
   * @default - unknown
   */
  readonly associationDefaultRouteTableId?: string;
  /**
   * Its propagation default route table (`PropagationDefaultRouteTableId`).
   * @default - unknown
   */
  readonly propagationDefaultRouteTableId?: string;
}

const TGW_ID = /^tgw-([0-9a-f]{8}|[0-9a-f]{17})$/;
const TGW_RTB_ID = /^tgw-rtb-([0-9a-f]{8}|[0-9a-f]{17})$/;
const enableOrDisable = (on: boolean) => (on ? 'enable' : 'disable');

/** A new transit gateway for the VPN, or (`fromTransitGatewayAttributes`) an existing one. */
export class VpnTransitGateway extends Construct implements IVpnTransitGateway {
  /** An existing gateway; nothing is created. Throws naming each wrong attribute. */
  static fromTransitGatewayAttributes(scope: Construct, id: string, attrs: VpnTransitGatewayAttributes): IVpnTransitGateway {
    const problems: string[] = [];
    if (!Token.isUnresolved(attrs.transitGatewayId) && !TGW_ID.test(attrs.transitGatewayId)) {
      problems.push(
        `transitGatewayId: ${
          JSON.stringify(String(attrs.transitGatewayId).slice(0, 40))
        } is not a transit gateway id; use one such as tgw-0123456789abcdef0`,
      );
    }
    for (const field of ['associationDefaultRouteTableId', 'propagationDefaultRouteTableId'] as const) {
      const value = attrs[field];
      if (value !== undefined && !Token.isUnresolved(value) && !TGW_RTB_ID.test(value)) {
        problems.push(
          `${field}: ${
            JSON.stringify(String(value).slice(0, 40))
          } is not a transit gateway route table id; use one such as tgw-rtb-0123456789abcdef0, or leave it out`,
        );
      }
    }
    if (problems.length > 0) {
      throw new Error(
        `VpnTransitGateway.fromTransitGatewayAttributes ${scope.node.path}/${id}: invalid attributes:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      );
    }
    class Imported extends Construct implements IVpnTransitGateway {
      readonly transitGatewayId = attrs.transitGatewayId;
      readonly defaultRouteTableAssociation = attrs.defaultRouteTableAssociation;
      readonly defaultRouteTablePropagation = attrs.defaultRouteTablePropagation;
      readonly associationDefaultRouteTableId = attrs.associationDefaultRouteTableId;
      readonly propagationDefaultRouteTableId = attrs.propagationDefaultRouteTableId;
      readonly isNew = false;
    }
    return new Imported(scope, id);
  }

  readonly transitGatewayId: string;
  readonly defaultRouteTableAssociation: boolean;
  readonly defaultRouteTablePropagation: boolean;
  readonly isNew = true;
  /** The `AWS::EC2::TransitGateway`. */
  readonly resource: ec2.CfnTransitGateway;

  constructor(scope: Construct, id: string, props: VpnTransitGatewayProps) {
    super(scope, id);
    this.defaultRouteTableAssociation = props.defaultRouteTableAssociation ?? false;
    this.defaultRouteTablePropagation = props.defaultRouteTablePropagation ?? false;
    // All stated, even CloudFormation's defaults: the template says what the gateway does.
    this.resource = new ec2.CfnTransitGateway(this, 'Resource', {
      amazonSideAsn: props.amazonSideAsn,
      vpnEcmpSupport: enableOrDisable(props.vpnEcmpSupport ?? true),
      defaultRouteTableAssociation: enableOrDisable(this.defaultRouteTableAssociation),
      defaultRouteTablePropagation: enableOrDisable(this.defaultRouteTablePropagation),
      autoAcceptSharedAttachments: enableOrDisable(props.autoAcceptSharedAttachments ?? false),
      description: props.description,
    });
    this.transitGatewayId = this.resource.ref;
  }
}
