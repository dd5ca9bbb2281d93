import { PEER_TAGS } from '../../handoff/formats';
import { contains, formatCidr, overlaps, parseIpv4Cidr, type Ipv4Cidr } from '../../core/address';
import {
  booleanProperty,
  describeTarget,
  listProperty,
  resourcesOfType,
  tagValue,
  targetOf,
  type CfnResourceView,
  type CfnView,
} from '../../check/views/cfn-view';
import { vpnFacingSubnets, vpnGatewayVpcs } from './RouteTablesRouteToVpnGateway';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

// ---------------------------------------------------------------------------------------------
// Security groups and network ACLs as the template states them, shared by C30 and C32.
// ---------------------------------------------------------------------------------------------

/** One security group rule (inline, or an AWS::EC2::SecurityGroupIngress/Egress of that group). */
export type SecurityGroupRule = Readonly<Record<string, unknown>>;

export function securityGroupRules(view: CfnView, group: CfnResourceView, direction: 'ingress' | 'egress'): SecurityGroupRule[] {
  const inline = listProperty(group, direction === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress');
  const standalone = resourcesOfType(view, direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress')
    .filter((r) => targetOf(r.properties.GroupId) === group.logicalId)
    .map((r) => r.properties);
  return [...inline.filter((r): r is SecurityGroupRule => !!r && typeof r === 'object'), ...standalone];
}

function isAllProtocols(rule: SecurityGroupRule): boolean {
  return rule.IpProtocol === '-1' || rule.IpProtocol === -1;
}

/**
 * True when the group's egress is narrower than "all outbound". A VPC security group starts with an
 * allow-all egress rule that CloudFormation strips as soon as any egress rule is given, inline or as
 * an AWS::EC2::SecurityGroupEgress (aws-cdk#987); CDK's `allowAllOutbound: false` writes a placeholder
 * rule that matches no traffic for that purpose.
 */
export function hasRestrictiveEgress(view: CfnView, group: CfnResourceView): boolean {
  const egress = securityGroupRules(view, group, 'egress');
  return egress.length > 0 && !egress.some((r) => r.CidrIp === '0.0.0.0/0' && isAllProtocols(r));
}

/** True when a rule lets TCP `port` through (all protocols, or TCP with the port in range). */
export function coversTcpPort(rule: SecurityGroupRule, port: number): boolean {
  if (isAllProtocols(rule)) return true;
  if (!['tcp', '6', 6].includes(rule.IpProtocol as string | number)) return false;
  const from = Number(rule.FromPort);
  const to = Number(rule.ToPort);
  return from <= port && port <= to;
}

/** Literal CIDRs of the rules; undefined when a rule's CIDR is computed (then nothing can be said). */
function literalCidrs(rules: readonly SecurityGroupRule[]): Ipv4Cidr[] | undefined {
  const cidrs: Ipv4Cidr[] = [];
  for (const rule of rules) {
    if (rule.CidrIp === undefined) continue;
    if (typeof rule.CidrIp !== 'string') return undefined;
    const parsed = parseIpv4Cidr(rule.CidrIp);
    if (parsed) cidrs.push(parsed);
  }
  return cidrs;
}

export type PortRange = readonly [number, number];

/** A network ACL entry reduced to what TCP evaluation needs. */
export interface AclEntry {
  readonly ruleNumber: number;
  readonly allow: boolean;
  readonly egress: boolean;
  /** -1 for all protocols, else the IP protocol number. */
  readonly protocol: number;
  readonly cidr: Ipv4Cidr;
  readonly ports: PortRange;
}

const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = { all: -1, tcp: 6, udp: 17, icmp: 1 };

/**
 * The IPv4 entries of a network ACL, or undefined when one of them is computed at deploy time (rule
 * number, CIDR, action or protocol): an ACL is evaluated in rule order, so one unknown entry makes
 * the outcome unknown. IPv6 entries are skipped.
 */
export function networkAclEntries(view: CfnView, acl: string): AclEntry[] | undefined {
  const entries: AclEntry[] = [];
  for (const entry of resourcesOfType(view, 'AWS::EC2::NetworkAclEntry')) {
    if (targetOf(entry.properties.NetworkAclId) !== acl) continue;
    const p = entry.properties;
    if (p.CidrBlock === undefined && p.Ipv6CidrBlock !== undefined) continue;
    const cidr = typeof p.CidrBlock === 'string' ? parseIpv4Cidr(p.CidrBlock) : undefined;
    const ruleNumber = Number(p.RuleNumber);
    const protocol = typeof p.Protocol === 'string' && p.Protocol in PROTOCOL_NUMBERS ? PROTOCOL_NUMBERS[p.Protocol] : Number(p.Protocol);
    if (!cidr || !Number.isInteger(ruleNumber) || !Number.isInteger(protocol) || (p.RuleAction !== 'allow' && p.RuleAction !== 'deny')) return undefined;
    const range = p.PortRange as Record<string, unknown> | undefined;
    const ports: PortRange = protocol === -1 || !range ? [0, 65535] : [Number(range.From), Number(range.To)];
    entries.push({ ruleNumber, allow: p.RuleAction === 'allow', egress: booleanProperty(entry, 'Egress') === true, protocol, cidr, ports });
  }
  return entries.sort((a, b) => a.ruleNumber - b.ruleNumber);
}

/**
 * The TCP ports of `ports` that the ACL denies in one direction, evaluating entries in rule-number
 * order as AWS does (first match wins, then the implicit `*` deny). `matches` says whether an entry's
 * CIDR applies to the traffic: an allow must cover all of it, a deny applies as soon as it overlaps.
 */
export function deniedTcpPorts(
  entries: readonly AclEntry[],
  egress: boolean,
  ports: PortRange,
  matches: { readonly allow: (cidr: Ipv4Cidr) => boolean; readonly deny: (cidr: Ipv4Cidr) => boolean },
): PortRange[] {
  let undecided: PortRange[] = [ports];
  const denied: PortRange[] = [];
  for (const entry of entries) {
    if (entry.egress !== egress || (entry.protocol !== -1 && entry.protocol !== 6)) continue;
    if (!(entry.allow ? matches.allow(entry.cidr) : matches.deny(entry.cidr))) continue;
    const next: PortRange[] = [];
    for (const [from, to] of undecided) {
      const lo = Math.max(from, entry.ports[0]);
      const hi = Math.min(to, entry.ports[1]);
      if (lo > hi) {
        next.push([from, to]);
        continue;
      }
      if (!entry.allow) denied.push([lo, hi]);
      if (from < lo) next.push([from, lo - 1]);
      if (hi < to) next.push([hi + 1, to]);
    }
    undecided = next;
  }
  return [...denied, ...undecided].sort((a, b) => a[0] - b[0]);
}

export function formatPorts(ranges: readonly PortRange[]): string {
  return ranges.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
}

/** The network ACL explicitly associated with each subnet (absent: the VPC's default ACL, allow all). */
export function networkAclOfSubnet(view: CfnView): ReadonlyMap<string, string> {
  const acls = new Map<string, string>();
  for (const association of resourcesOfType(view, 'AWS::EC2::SubnetNetworkAclAssociation')) {
    const subnet = targetOf(association.properties.SubnetId);
    const acl = targetOf(association.properties.NetworkAclId);
    if (subnet !== undefined && acl !== undefined) acls.set(subnet, acl);
  }
  return acls;
}

// ---------------------------------------------------------------------------------------------

/** The peer address space a VPN connection declares in its `multicloud-vpn:remote-cidrs` tag. */
function peerCidrsOf(connection: CfnResourceView): Ipv4Cidr[] {
  const tag = tagValue(connection, PEER_TAGS.remoteCidrs) ?? '';
  return tag.split(/\s+/).flatMap((text) => {
    const parsed = text === '' ? undefined : parseIpv4Cidr(text);
    return parsed ? [parsed] : [];
  });
}

const cidrText = (c: Ipv4Cidr): string => formatCidr(c.first, c.prefix);

function uniqueCidrs(cidrs: readonly Ipv4Cidr[]): Ipv4Cidr[] {
  return [...new Map(cidrs.map((c) => [cidrText(c), c])).values()];
}

function securityGroupViolations(view: CfnView, vpc: string, peers: readonly Ipv4Cidr[]): Violation[] {
  return resourcesOfType(view, 'AWS::EC2::SecurityGroup')
    .filter((group) => targetOf(group.properties.VpcId) === vpc)
    .flatMap((group): Violation[] => {
      const violations: Violation[] = [];
      // A group with no address-based ingress faces no network by address: nothing to say.
      const ingress = literalCidrs(securityGroupRules(view, group, 'ingress'));
      if (ingress && ingress.length > 0) {
        const missing = peers.filter((peer) => !ingress.some((c) => overlaps(c, peer)));
        if (missing.length > 0) {
          violations.push({
            path: group.path,
            message:
              `security group ingress admits ${ingress.map(cidrText).join(', ')} but not the Azure VNet ` +
              `${missing.map(cidrText).join(', ')}: connections from Azure are dropped.`,
            fix: `an ingress rule from ${missing.map(cidrText).join(', ')} (ec2.Peer.ipv4) on the ports the Azure hosts use.`,
          });
        }
      }
      const egress = literalCidrs(securityGroupRules(view, group, 'egress'));
      if (hasRestrictiveEgress(view, group) && egress) {
        const missing = peers.filter((peer) => !egress.some((c) => overlaps(c, peer)));
        if (missing.length > 0) {
          violations.push({
            path: group.path,
            message: `security group egress is restricted and allows nothing towards the Azure VNet ${missing.map(cidrText).join(', ')}.`,
            fix: `an egress rule to ${missing.map(cidrText).join(', ')}, or allowAllOutbound.`,
          });
        }
      }
      return violations;
    });
}

function networkAclProblems(entries: readonly AclEntry[], peer: Ipv4Cidr): string[] {
  const matches = { allow: (c: Ipv4Cidr) => contains(c, peer), deny: (c: Ipv4Cidr) => overlaps(c, peer) };
  const problems: string[] = [];
  for (const egress of [false, true]) {
    const direction = egress ? `to ${cidrText(peer)} (outbound)` : `from ${cidrText(peer)} (inbound)`;
    const all = deniedTcpPorts(entries, egress, [0, 65535], matches);
    if (all.length === 1 && all[0][0] === 0 && all[0][1] === 65535) {
      problems.push(`denies all TCP ${direction}`);
      continue;
    }
    const ephemeral = deniedTcpPorts(entries, egress, [1024, 65535], matches);
    if (ephemeral.length > 0) problems.push(`denies TCP ports ${formatPorts(ephemeral)} ${direction}, needed by return traffic`);
  }
  return problems;
}

export const SecurityRulesAdmitPeerCidrs: Rule = {
  id: 'SecurityRulesAdmitPeerCidrs',
  catalogue: ['C30'],
  level: 'warning',
  summary: 'Security groups and network ACLs of the VPN-facing subnets admit the Azure VNet CIDR and its return traffic.',
  explanation:
    'Seed 000: the security groups and network ACLs of the instances must allow the traffic on the ports in use; ' +
    'seed 003: network ACLs are stateless, so return traffic on ephemeral TCP ports 1024–65535 needs its own rule. ' +
    `The Azure VNet address space is read from the VPN connection's \`${PEER_TAGS.remoteCidrs}\` tag (set by this ` +
    "library's construct; a hand-written stack may set it too); without the tag nothing is checked. Only what the " +
    'template holds is checked: security groups in the VPC of the virtual private gateway that admit some literal ' +
    'CIDR but no Azure one, or whose restricted egress allows nothing to Azure; network ACLs associated with the ' +
    'VPN-facing subnets (see C28) evaluated in rule order for TCP in both directions. Groups and ACLs in other ' +
    'stacks, or with computed CIDRs, are not checked.',
  fix: 'allow the Azure VNet CIDR in the security groups, and in the network ACLs both ways including TCP 1024–65535.',
  cfn: (view) => {
    const violations: Violation[] = [];
    const aclOfSubnet = networkAclOfSubnet(view);
    for (const vpn of vpnGatewayVpcs(view)) {
      const peers = uniqueCidrs(vpn.connections.flatMap(peerCidrsOf));
      if (peers.length === 0) continue;
      violations.push(...securityGroupViolations(view, vpn.vpc, peers));
      const acls = new Set(
        vpnFacingSubnets(view)
          .filter((s) => s.vpn.vpc === vpn.vpc)
          .flatMap((s) => aclOfSubnet.get(s.routing.subnet.logicalId) ?? []),
      );
      for (const acl of acls) {
        const entries = networkAclEntries(view, acl);
        if (!entries) continue;
        const problems = peers.flatMap((peer) => networkAclProblems(entries, peer));
        if (problems.length > 0) {
          violations.push({
            path: describeTarget(view, acl),
            message: `network ACL of the VPN-facing subnets ${problems.join('; ')}.`,
          });
        }
      }
    }
    return violations;
  },
};
