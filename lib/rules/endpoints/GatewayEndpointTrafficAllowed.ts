import { contains, mustParseIpv4Cidr, parseIpv4Cidr, type Ipv4Cidr } from '../../core/address';
import { describeTarget, listProperty, resourcesOfType, targetOf, type CfnView } from '../../check/views/cfn-view';
import { gatewayEndpoints } from '../../check/views/endpoints';
import { subnetRoutings } from '../../check/views/routing';
import {
  coversTcpPort,
  deniedTcpPorts,
  formatPorts,
  hasRestrictiveEgress,
  networkAclEntries,
  networkAclOfSubnet,
  securityGroupRules,
  type SecurityGroupRule,
} from '../../check/views/security';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

/** Blocks that are never S3 or DynamoDB service addresses. */
const NON_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8'].map(mustParseIpv4Cidr);

/**
 * The service CIDRs are public and change (they come from the prefix list), so they are not in the
 * template: any block that is not private is taken as possibly covering them, and only a deny on
 * every address (0.0.0.0/0) is taken as certainly blocking them.
 */
const serviceMatches = {
  allow: (c: Ipv4Cidr) => !NON_PUBLIC.some((p) => contains(p, c)),
  deny: (c: Ipv4Cidr) => c.prefix === 0,
};

function allowsServiceHttps(rule: SecurityGroupRule): boolean {
  if (!coversTcpPort(rule, 443)) return false;
  if (rule.DestinationPrefixListId !== undefined) return true;
  if (rule.CidrIp === undefined) return false;
  if (typeof rule.CidrIp !== 'string') return true; // computed: cannot tell, no warning
  const cidr = parseIpv4Cidr(rule.CidrIp);
  return cidr !== undefined && serviceMatches.allow(cidr);
}

function securityGroupViolations(view: CfnView, vpc: string, service: string, endpointPath: string): Violation[] {
  return resourcesOfType(view, 'AWS::EC2::SecurityGroup')
    .filter((group) => targetOf(group.properties.VpcId) === vpc && hasRestrictiveEgress(view, group))
    .filter((group) => !securityGroupRules(view, group, 'egress').some(allowsServiceHttps))
    .map((group) => ({
      path: group.path,
      message: `security group egress is restricted and allows no TCP 443 to the ${service} prefix list, so hosts using it ` +
        `cannot reach ${service} through the gateway endpoint ${endpointPath}.`,
      fix: `an egress rule to the endpoint's prefix list on TCP 443 (ec2.Peer.prefixList('pl-…'), ec2.Port.tcp(443)).`,
    }));
}

export const GatewayEndpointTrafficAllowed: Rule = {
  id: 'GatewayEndpointTrafficAllowed',
  catalogue: ['C32'],
  level: 'warning',
  summary: "Restrictive security groups and network ACLs let traffic reach the gateway endpoint's service (TCP 443 out, 1024–65535 back).",
  explanation: 'Seed 003: a security group stricter than the default outbound rule must allow traffic to the prefix list of ' +
    'the gateway endpoint (AWS manages its addresses); a restrictive network ACL must allow HTTPS out to the service ' +
    'CIDRs and the return traffic on ephemeral TCP ports 1024–65535. Checked in the template: security groups in ' +
    "the endpoint's VPC whose egress rules replace the default need an egress rule covering TCP 443 to a " +
    'prefix list (or a public CIDR); network ACLs associated with subnets whose route tables the endpoint lists are ' +
    'evaluated in rule order. The service CIDRs are not in the template, so any public block counts as allowing ' +
    'them and only a deny of 0.0.0.0/0 as blocking them.',
  fix: 'security groups: egress to the endpoint prefix list on TCP 443; network ACLs: allow TCP 443 out and TCP 1024–65535 in.',
  cfn: (view) => {
    const aclOfSubnet = networkAclOfSubnet(view);
    const routings = subnetRoutings(view);
    return gatewayEndpoints(view).flatMap(({ endpoint, vpc, service }): Violation[] => {
      const violations = securityGroupViolations(view, vpc, service, endpoint.path);
      const tables = new Set(listProperty(endpoint, 'RouteTableIds').flatMap((t) => targetOf(t) ?? []));
      const acls = new Set(
        routings.flatMap((s) => (s.routeTable !== undefined && tables.has(s.routeTable) ? aclOfSubnet.get(s.subnet.logicalId) ?? [] : [])),
      );
      for (const acl of acls) {
        const entries = networkAclEntries(view, acl);
        if (!entries) continue;
        const problems: string[] = [];
        const https = deniedTcpPorts(entries, true, [443, 443], serviceMatches);
        if (https.length > 0) problems.push(`denies TCP 443 outbound to ${service}`);
        const back = deniedTcpPorts(entries, false, [1024, 65535], serviceMatches);
        if (back.length > 0) problems.push(`denies the return traffic from ${service} on TCP ports ${formatPorts(back)}`);
        if (problems.length > 0) {
          violations.push({
            path: describeTarget(view, acl),
            message: `network ACL of subnets using the ${service} gateway endpoint ${endpoint.path} ${problems.join(' and ')}.`,
          });
        }
      }
      return violations;
    });
  },
};
