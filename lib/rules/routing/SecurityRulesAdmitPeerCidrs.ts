import { PEER_TAGS } from '../../handoff/formats';
import { contains, formatCidr, overlaps, parseIpv4Cidr, type Ipv4Cidr } from '../../core/address';
import { describeTarget, resourcesOfType, tagValue, targetOf, type CfnResourceView, type CfnView } from '../../check/views/cfn-view';
import { vpnFacingSubnets, vpnGatewayVpcs } from '../../check/views/routing';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import {
  literalCidrs,
  securityGroupRules,
  hasRestrictiveEgress,
  type AclEntry,
  networkAclEntries,
  deniedTcpPorts,
  formatPorts,
  networkAclOfSubnet,
} from '../../check/views/security';

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
            message: `security group ingress admits ${ingress.map(cidrText).join(', ')} but not the Azure VNet ` +
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
  explanation: 'Seed 000: the security groups and network ACLs of the instances must allow the traffic on the ports in use; ' +
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
