/** Shared by several rules (lib/rules/*): moved out of lib/rules/routing/SecurityRulesAdmitPeerCidrs.ts so that no rule imports another rule file. */
import { parseIpv4Cidr, type Ipv4Cidr } from '../../core/address';
import { booleanProperty, listProperty, resourcesOfType, targetOf, type CfnResourceView, type CfnView } from '../../check/views/cfn-view';

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
export function literalCidrs(rules: readonly SecurityGroupRule[]): Ipv4Cidr[] | undefined {
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
    if (!cidr || !Number.isInteger(ruleNumber) || !Number.isInteger(protocol) || (p.RuleAction !== 'allow' && p.RuleAction !== 'deny')) {
      return undefined;
    }
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
  matches: { readonly allow: (cidr: Ipv4Cidr) => boolean; readonly deny: (cidr: Ipv4Cidr) => boolean; },
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
