import { contains, formatCidr, parseIpv4Cidr } from '../plan/address';
import type { Rule, Violation } from './types';
import { quoted } from '../plan/excerpt';

/** The exact name Azure requires for the subnet that hosts a virtual network gateway. */
export const GATEWAY_SUBNET_NAME = 'GatewaySubnet';
/** Azure's recommended minimum; /28 and /29 work for non-Basic SKUs but leave no room (warning). */
const RECOMMENDED_PREFIX = 27;
const SMALLEST_PREFIX = 29;

/** Size and containment problems of a gateway subnet prefix; `vnet` entries that do not parse are ignored. */
function gatewaySubnetProblems(prefix: string, vnet: readonly string[]): Omit<Violation, 'path'>[] {
  const subnet = parseIpv4Cidr(prefix);
  if (!subnet) {
    return [{ message: `${quoted(prefix)} is not an IPv4 CIDR.`, fix: 'a /27 or larger inside the VNet, e.g. 10.1.1.0/24.' }];
  }
  const problems: Omit<Violation, 'path'>[] = [];
  if (subnet.hostBitsSet) {
    problems.push({ message: `${quoted(prefix)} has host bits set; Azure refuses a subnet prefix that is not its network address.`, fix: `${formatCidr(subnet.first, subnet.prefix)}.` });
  }
  if (subnet.prefix > SMALLEST_PREFIX) {
    problems.push({ message: `${quoted(prefix)} is a /${subnet.prefix}; a gateway subnet is at least a /${SMALLEST_PREFIX}, and /${RECOMMENDED_PREFIX} or larger is recommended.`, fix: `a /${RECOMMENDED_PREFIX} or larger, e.g. ${formatCidr(Math.floor(subnet.first / 32) * 32, RECOMMENDED_PREFIX)}.` });
  } else if (subnet.prefix > RECOMMENDED_PREFIX) {
    problems.push({ level: 'warning', message: `${quoted(prefix)} is a /${subnet.prefix}; it works, but Azure recommends /${RECOMMENDED_PREFIX} or larger so that later configurations (e.g. ExpressRoute coexistence) fit.`, fix: `a /${RECOMMENDED_PREFIX} or larger, e.g. ${formatCidr(Math.floor(subnet.first / 32) * 32, RECOMMENDED_PREFIX)}.` });
  }
  const spaces = vnet.flatMap((cidr) => parseIpv4Cidr(cidr) ?? []);
  if (spaces.length > 0 && !spaces.some((space) => contains(space, subnet))) {
    problems.push({ message: `${quoted(prefix)} is outside the VNet address space ${vnet.join(', ')}.`, fix: 'a block inside the VNet address space that no other subnet uses.' });
  }
  return problems;
}

export const GatewaySubnetNameAndSize: Rule = {
  id: 'GatewaySubnetNameAndSize',
  catalogue: ['C17'],
  level: 'error',
  summary: 'The gateway subnet is named exactly GatewaySubnet, is /27 or larger (/28–/29 warning, smaller error) and lies inside the VNet.',
  explanation:
    "Azure VPN Gateway documentation (\"About gateway subnets\"): the gateway's subnet must be named GatewaySubnet, and a " +
    '/27 or larger is recommended; /28 and /29 are accepted for non-Basic SKUs, anything smaller is refused. Seed 004 ' +
    '(Azure AWS-BGP tutorial) uses 10.1.1.0/24 inside the VNet 10.1.0.0/16.',
  fix: "a subnet named 'GatewaySubnet', a /27 or larger inside the VNet.",
  plan: ({ spec }) => {
    const vnet = parseIpv4Cidr(spec.azure.vnetCidr) ? [spec.azure.vnetCidr] : []; // a malformed VNet is C18's finding
    return gatewaySubnetProblems(spec.azure.gatewaySubnetCidr, vnet).map((p) => ({ path: 'azure.gatewaySubnetCidr', ...p }));
  },
  azure: ({ gatewaySubnet }) => [
    ...(gatewaySubnet.name === undefined || gatewaySubnet.name === GATEWAY_SUBNET_NAME
      ? []
      : [{
        path: 'gatewaySubnet.name',
        message: `${quoted(gatewaySubnet.name)}${gatewaySubnet.name.toLowerCase() === GATEWAY_SUBNET_NAME.toLowerCase() ? ' differs in case' : ''}; Azure places a VPN gateway only in a subnet named exactly '${GATEWAY_SUBNET_NAME}'.`,
        fix: `'${GATEWAY_SUBNET_NAME}'.`,
      }]),
    ...(gatewaySubnet.addressPrefix === undefined
      ? []
      : gatewaySubnetProblems(gatewaySubnet.addressPrefix, gatewaySubnet.vnetAddressSpace ?? []).map((p) => ({ path: 'gatewaySubnet.addressPrefix', ...p }))),
  ],
};
