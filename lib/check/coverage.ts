/**
 * What the rules cannot see, per catalogue number: the part of a documented constraint that no plan,
 * template or Azure argument holds. Rendered into RULES.md next to the rules that enforce the rest,
 * so a reader knows what still needs a person (or `cdk diff`, or the cloud's own checks).
 */
import type { CatalogueNumber } from '../core/finding';

export const ENFORCEMENT_LIMITS: Readonly<Partial<Record<CatalogueNumber, string>>> = {
  C04:
    'Per transit gateway, other VPN connections on an existing gateway are in no template: list their inside CIDRs in `aws.target.insideCidrsInUse` (the allocator skips them, the plan refuses overlaps); a template is checked for the connections it holds, per gateway.',
  C05: 'In a template alone, which gateway instance a tunnel lands on is unknown (it is in the plan and the Azure arguments, where it is checked).',
  C08:
    'A change of the Amazon side ASN needs the deployed value: `npx multicloud-vpn diff old.json new.json` (or `cdk diff`) says the gateway is replaced.',
  C09:
    'An environment-agnostic stack (no `env.region`) or a template alone does not say its region: region-specific refused ASNs are warnings there, errors in a stack with a resolved region and in a plan with `aws.region`.',
  C11:
    "A template does not hold the Azure ASN: the cfn check catches a customer gateway carrying its own VGW's ASN; the plan and Azure scopes check the rest.",
  C19: 'Regional quotas (5 VGWs, 50 customer gateways) count only what one template holds; other stacks and the console are invisible.',
  C22:
    'That both ends hold the same key is true by construction (Azure reads the AWS secret); no check can compare the values without reading secrets.',
  C27: 'Whether UDP 500 and 4500 reach the gateways depends on networks outside both templates (on-premises firewalls); not checkable. ' +
    "Acceleration is allowed on a transit gateway target (`aws.target.enableAcceleration`); whether the peer admits NAT-T (UDP 4500) is the peer's side.",
  C28: 'Subnets on the VPC main route table, imported VPCs and route tables in other stacks are not in the template. ' +
    'On a transit gateway, routes to it are static (a TGW does not propagate into VPC route tables): one per chosen route table and peer CIDR; ' +
    'subnets outside `aws.target.vpcAttachment.subnets` get a warning when public, an error when private.',
  C29: "An existing transit gateway's default association/propagation settings cannot be read at synth: the plan requires them " +
    '(`aws.target.defaultRouteTableAssociation`/`Propagation`) and trusts them; ECMP use is checked after deploy with the AWS CLI (README, "Transit gateway target").',
  C30: 'Only security groups and network ACLs in the same template; groups are not mapped to subnets; NACLs are evaluated for TCP only.',
  C32: 'Service prefix-list CIDRs are not in a template: any public block or prefix list on TCP 443 is accepted.',
  C34:
    'Plan: both vSwitches distinct; alibaba: both tunnels of each connection, roles fixed (master on IP 1, slave on IP 2). Whether the region really has two zones is not in the plan.',
  C35:
    'The plan scope checks each tunnel inside /30 of an Alibaba plan (it is the Alibaba tunnel CIDR); allocation takes all of 169.254.0.0/16 but the reserved blocks.',
  C36: "Plan: alibaba.localAsn in range; alibaba: every BGP tunnel's customer gateway has an ASN.",
  C37: 'Alibaba scope only: the design protects one CIDR block each side (0.0.0.0/0, BGP), so a plan cannot name several.',
  C39:
    "Alibaba scope: the pairing needs the AWS tunnel outside IPs (the AWS hand-off); the plan sets the AWS customer gateways' ASN to alibaba.localAsn by construction.",
  C40: "Plan: the policy must be expressible in Alibaba's vocabulary; alibaba: every IKE/IPsec field set on every tunnel.",
  C41:
    "Plan: alibaba.localAsn ≠ aws.asn, aws.asn ≠ 45104; alibaba: each customer gateway's ASN. An existing customer gateway without an ASN (made outside the program) is not visible.",
  C42: "Alibaba scope: the design's connection chain and, in tests, the registered dependsOn graph. Operations started outside Pulumi are not seen.",
  C43: 'Not in CONSTRAINTS.md: added here (issue 12). Alarms in other stacks or made in the console are not in the template; ' +
    'whether anyone receives the notifications is not checkable. The Azure component warns when built with `alerts: false`.',
};
