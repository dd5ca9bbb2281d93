import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { quoted } from '../../core/excerpt';

/** Azure VPN gateway SKUs with BGP and active/active, per generation (Azure VPN Gateway SKU documentation). */
export const VPN_GATEWAY_SKUS_BY_GENERATION: Readonly<Record<string, readonly string[]>> = {
  Generation1: ['VpnGw1', 'VpnGw2', 'VpnGw3', 'VpnGw1AZ', 'VpnGw2AZ', 'VpnGw3AZ'],
  Generation2: ['VpnGw2', 'VpnGw3', 'VpnGw4', 'VpnGw5', 'VpnGw2AZ', 'VpnGw3AZ', 'VpnGw4AZ', 'VpnGw5AZ'],
};

/** Problems of a SKU / generation pair, keyed by the field to blame. */
function gatewaySkuProblems(sku: string, generation: string): { field: 'sku' | 'generation'; message: string; fix: string; }[] {
  const skus = VPN_GATEWAY_SKUS_BY_GENERATION[generation];
  if (skus === undefined) {
    return [{
      field: 'generation',
      message: `${quoted(generation)} is not a VPN gateway generation.`,
      fix: `one of ${Object.keys(VPN_GATEWAY_SKUS_BY_GENERATION).join(', ')}.`,
    }];
  }
  if (skus.includes(sku)) return [];
  if (sku.toLowerCase() === 'basic') {
    return [{
      field: 'sku',
      message: "'Basic' supports neither BGP nor active/active.",
      fix: `one of ${skus.join(', ')} (VpnGw2AZ by default; the seed's VpnGw2 can no longer be created, C38).`,
    }];
  }
  const otherGeneration = Object.keys(VPN_GATEWAY_SKUS_BY_GENERATION).find((g) => VPN_GATEWAY_SKUS_BY_GENERATION[g].includes(sku));
  return [{
    field: 'sku',
    message: otherGeneration
      ? `${quoted(sku)} exists only in ${otherGeneration}, not in ${generation}.`
      : `${quoted(sku)} is not a VPN gateway SKU with BGP and active/active.`,
    fix: `one of ${skus.join(', ')} for ${generation}${otherGeneration ? `, or generation ${otherGeneration}` : ''}.`,
  }];
}

export const AzureGatewayRouteBasedBgpSku: Rule = {
  id: 'AzureGatewayRouteBasedBgpSku',
  catalogue: ['C16'],
  level: 'error',
  summary: 'The Azure gateway is type Vpn, RouteBased, with a SKU and generation that support BGP and active/active.',
  explanation: 'Seed 004 (Azure AWS-BGP tutorial) creates a route-based VPN gateway, SKU VpnGw2, Generation2. The Azure VPN Gateway ' +
    'SKU documentation: Basic has neither BGP nor active/active; Generation1 offers VpnGw1–VpnGw3 (and the AZ variants), ' +
    'Generation2 VpnGw2–VpnGw5 (and AZ). A policy-based gateway supports neither BGP nor several tunnels. The non-AZ ' +
    'SKUs stay in this table for existing gateways; a new gateway needs an AZ SKU (C38), VpnGw2AZ Generation2 by default.',
  fix: 'gatewayType Vpn, vpnType RouteBased, SKU VpnGw2AZ with Generation2 (or another valid pair).',
  plan: ({ spec }) => gatewaySkuProblems(spec.azure.sku, spec.azure.generation).map(({ field, ...p }) => ({ path: `azure.${field}`, ...p })),
  azure: ({ gateway }) => {
    const at = (field: string) => `gateway ${gateway.name}.${field}`;
    const violations: Violation[] = [];
    if (gateway.gatewayType !== 'Vpn') {
      violations.push({
        path: at('gatewayType'),
        message: `${quoted(gateway.gatewayType)}; an ExpressRoute or LocalGateway gateway does not terminate IPsec.`,
        fix: 'Vpn.',
      });
    }
    if (gateway.vpnType !== 'RouteBased') {
      violations.push({
        path: at('vpnType'),
        message: `${quoted(gateway.vpnType)}; a policy-based gateway supports neither BGP nor active/active.`,
        fix: 'RouteBased.',
      });
    }
    return [...violations, ...gatewaySkuProblems(gateway.sku, gateway.generation).map(({ field, ...p }) => ({ path: at(field), ...p }))];
  },
};
