import { contains, formatCidr, parseIpv4Cidr } from '../../core/address';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { quoted } from '../../core/excerpt';

/** The exact name Azure requires for the subnet that hosts a virtual network gateway. */
export const GATEWAY_SUBNET_NAME = 'GatewaySubnet';
/**
 * Azure VPN Gateway settings, "Gateway subnet": "as small as /29, applicable to the Basic SKU only;
 * all other SKUs require /27 or larger" (https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub).
 */
const REQUIRED_PREFIX = 27;
/** The smallest gateway subnet Azure accepts at all, and only for the Basic SKU. */
const BASIC_SMALLEST_PREFIX = 29;

const isBasic = (sku: string | undefined) => sku !== undefined && sku.toLowerCase() === 'basic';

/**
 * Size and containment problems of a gateway subnet prefix for a gateway of `sku`; `vnet` entries
 * that do not parse are ignored.
 */
function gatewaySubnetProblems(prefix: string, vnet: readonly string[], sku: string | undefined): Omit<Violation, 'path'>[] {
  const subnet = parseIpv4Cidr(prefix);
  if (!subnet) {
    return [{ message: `${quoted(prefix)} is not an IPv4 CIDR.`, fix: 'a /27 or larger inside the VNet, e.g. 10.1.1.0/24.' }];
  }
  const problems: Omit<Violation, 'path'>[] = [];
  if (subnet.hostBitsSet) {
    problems.push({
      message: `${quoted(prefix)} has host bits set; Azure refuses a subnet prefix that is not its network address.`,
      fix: `${formatCidr(subnet.first, subnet.prefix)}.`,
    });
  }
  const larger = `a /${REQUIRED_PREFIX} or larger, e.g. ${formatCidr(Math.floor(subnet.first / 32) * 32, REQUIRED_PREFIX)}.`;
  if (subnet.prefix > BASIC_SMALLEST_PREFIX) {
    problems.push({
      message: `${
        quoted(prefix)
      } is a /${subnet.prefix}; Azure accepts no gateway subnet smaller than a /${BASIC_SMALLEST_PREFIX} (Basic SKU only), and /${REQUIRED_PREFIX} or larger for every other SKU.`,
      fix: larger,
    });
  } else if (subnet.prefix > REQUIRED_PREFIX && !isBasic(sku)) {
    problems.push({
      message: `${
        quoted(prefix)
      } is a /${subnet.prefix}; Azure allows a gateway subnet smaller than /${REQUIRED_PREFIX} for the Basic SKU only, and this gateway is ${
        sku === undefined ? 'not Basic' : `'${sku}'`
      }.`,
      fix: larger,
    });
  }
  const spaces = vnet.flatMap((cidr) => parseIpv4Cidr(cidr) ?? []);
  if (spaces.length > 0 && !spaces.some((space) => contains(space, subnet))) {
    problems.push({
      message: `${quoted(prefix)} is outside the VNet address space ${vnet.join(', ')}.`,
      fix: 'a block inside the VNet address space that no other subnet uses.',
    });
  }
  return problems;
}

export const GatewaySubnetNameAndSize: Rule = {
  id: 'GatewaySubnetNameAndSize',
  catalogue: ['C17'],
  level: 'error',
  summary: 'The gateway subnet is named exactly GatewaySubnet, is /27 or larger (/28 and /29 for the Basic SKU only) and lies inside the VNet.',
  explanation: 'Azure VPN Gateway settings ("Gateway subnet"): the gateway\'s subnet must be named GatewaySubnet; it can be "as ' +
    'small as /29, applicable to the Basic SKU only; all other SKUs require /27 or larger". Seed 004 (Azure AWS-BGP ' +
    'tutorial) uses 10.1.1.0/24 inside the VNet 10.1.0.0/16.',
  fix: "a subnet named 'GatewaySubnet', a /27 or larger inside the VNet.",
  plan: ({ spec }) => {
    const vnet = parseIpv4Cidr(spec.azure.vnetCidr) ? [spec.azure.vnetCidr] : []; // a malformed VNet is C18's finding
    return gatewaySubnetProblems(spec.azure.gatewaySubnetCidr, vnet, spec.azure.sku).map((p) => ({ path: 'azure.gatewaySubnetCidr', ...p }));
  },
  azure: ({ gatewaySubnet, gateway }) => [
    ...(gatewaySubnet.name === undefined || gatewaySubnet.name === GATEWAY_SUBNET_NAME
      ? []
      : [{
        path: 'gatewaySubnet.name',
        message: `${quoted(gatewaySubnet.name)}${
          gatewaySubnet.name.toLowerCase() === GATEWAY_SUBNET_NAME.toLowerCase() ? ' differs in case' : ''
        }; Azure places a VPN gateway only in a subnet named exactly '${GATEWAY_SUBNET_NAME}'.`,
        fix: `'${GATEWAY_SUBNET_NAME}'.`,
      }]),
    ...(gatewaySubnet.addressPrefix === undefined
      ? []
      : gatewaySubnetProblems(gatewaySubnet.addressPrefix, gatewaySubnet.vnetAddressSpace ?? [], gateway.sku).map((p) => ({
        path: 'gatewaySubnet.addressPrefix',
        ...p,
      }))),
  ],
};
