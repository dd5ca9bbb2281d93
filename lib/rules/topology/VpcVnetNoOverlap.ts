import { formatCidr, overlaps, parseIpv4Cidr, type Ipv4Cidr } from '../../core/address';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { quoted } from '../../core/excerpt';

/** The first block of the same size in 10.0.0.0/8 that overlaps none of `taken`, as a suggestion. */
function freeBlockLike(block: Ipv4Cidr, taken: readonly Ipv4Cidr[]): string | undefined {
  if (block.prefix < 8) return undefined;
  const size = 2 ** (32 - block.prefix);
  const base = 10 * 2 ** 24;
  for (let first = base; first < base + 2 ** 24; first += size) {
    const candidate = { first, last: first + size - 1 };
    if (!taken.some((t) => overlaps(t, candidate))) return formatCidr(first, block.prefix);
  }
  return undefined;
}

/** AWS: a VPC's IPv4 CIDR block is a /16 to a /28 (Amazon VPC user guide, VPC CIDR blocks). */
const VPC_PREFIX = { min: 16, max: 28 } as const;

export const VpcVnetNoOverlap: Rule = {
  id: 'VpcVnetNoOverlap',
  catalogue: ['C18'],
  level: 'error',
  summary: 'The AWS VPC CIDR and the Azure VNet address space (gateway subnet included) do not overlap.',
  explanation: 'Seed 004 (Azure AWS-BGP tutorial) creates the VPC 10.2.0.0/16 and warns that its CIDR must not overlap the Azure ' +
    'virtual network (10.1.0.0/16): BGP would advertise the same prefixes from both sides and traffic for them would ' +
    'never cross the tunnels. Both must be usable address spaces first: an AWS VPC CIDR block is a /16 to a /28 ' +
    '(Amazon VPC user guide), host bits clear.',
  fix: 'address spaces that do not overlap, e.g. VPC 10.2.0.0/16 and VNet 10.1.0.0/16.',
  plan: ({ spec }) => {
    // An Alibaba plan has no Azure side: azure.* are unused defaults there (issue 10).
    if (spec.alibaba !== undefined) return [];
    const { vpcCidr } = spec.aws;
    const { vnetCidr, gatewaySubnetCidr } = spec.azure;
    const vpc = parseIpv4Cidr(vpcCidr);
    const vnet = parseIpv4Cidr(vnetCidr);
    const violations: Violation[] = [];
    if (!vpc) violations.push({ path: 'aws.vpcCidr', message: `${quoted(vpcCidr)} is not an IPv4 CIDR.`, fix: 'an IPv4 CIDR such as 10.2.0.0/16.' });
    if (!vnet) {
      violations.push({ path: 'azure.vnetCidr', message: `${quoted(vnetCidr)} is not an IPv4 CIDR.`, fix: 'an IPv4 CIDR such as 10.1.0.0/16.' });
    }
    if (!vpc || !vnet) return violations;
    if (vpc.prefix < VPC_PREFIX.min || vpc.prefix > VPC_PREFIX.max || vpc.hostBitsSet) {
      violations.push({
        path: 'aws.vpcCidr',
        message: vpc.hostBitsSet
          ? `${quoted(vpcCidr)} has host bits set.`
          : `${quoted(vpcCidr)} is a /${vpc.prefix}; an AWS VPC CIDR block is a /${VPC_PREFIX.min} to a /${VPC_PREFIX.max}.`,
        fix: `${formatCidr(vpc.first, Math.min(Math.max(vpc.prefix, VPC_PREFIX.min), VPC_PREFIX.max))}.`,
      });
    }
    if (overlaps(vpc, vnet)) {
      const free = freeBlockLike(vpc, [vnet]);
      violations.push({
        path: 'aws.vpcCidr',
        message: `${quoted(vpcCidr)} overlaps the Azure VNet ${quoted(vnetCidr)}.`,
        fix: free ? `a VPC CIDR outside ${quoted(vnetCidr)}, e.g. ${free}.` : `a VPC CIDR outside ${quoted(vnetCidr)}.`,
      });
      return violations;
    }
    // The gateway subnet belongs inside the VNet (C17); when it does not, it may still hit the VPC.
    const subnet = parseIpv4Cidr(gatewaySubnetCidr);
    if (subnet && overlaps(vpc, subnet)) {
      violations.push({
        path: 'azure.gatewaySubnetCidr',
        message: `${quoted(gatewaySubnetCidr)} overlaps the AWS VPC ${quoted(vpcCidr)}.`,
        fix: `a gateway subnet inside ${quoted(vnetCidr)}.`,
      });
    }
    return violations;
  },
};
