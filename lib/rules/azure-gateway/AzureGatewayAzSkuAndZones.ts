import { AZURE_REGIONS, regionHasAvailabilityZones } from '../../plan/azure-regions';
import { didYouMean } from '../../core/errors';
import { quoted } from '../../core/excerpt';
import type { AzureView } from '../../peers/azure/view';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

/**
 * The VPN gateway SKUs Azure no longer creates: VpnGw1–5 without "AZ". Azure's "VPN Gateway SKU
 * consolidation and migration" page (https://learn.microsoft.com/azure/vpn-gateway/gateway-sku-consolidation):
 * "Effective January 1, 2025: Creation of new VPN gateways using VpnGw1-5 SKUs (non-AZ) will no longer
 * be possible"; existing ones are migrated to the AZ SKU of the same number.
 */
export const NON_AZ_VPN_SKUS: readonly string[] = ['VpnGw1', 'VpnGw2', 'VpnGw3', 'VpnGw4', 'VpnGw5'];

const nonAz = (sku: string) => NON_AZ_VPN_SKUS.some((s) => s.toLowerCase() === sku.toLowerCase());
const azOf = (sku: string) => `${NON_AZ_VPN_SKUS.find((s) => s.toLowerCase() === sku.toLowerCase()) ?? sku}AZ`;
const REGION_NAMES = Object.keys(AZURE_REGIONS);
const REGIONS_PAGE = 'https://learn.microsoft.com/azure/reliability/regions-list';

function locationProblems(location: string): Omit<Violation, 'path'>[] {
  if (regionHasAvailabilityZones(location) !== undefined) return [];
  return [{
    message: `${
      quoted(location)
    } is not an Azure region name (programmatic name, as in ${REGIONS_PAGE}); the region decides whether the gateway's public IPs get zones.`,
    fix: `${didYouMean(location, REGION_NAMES)}a programmatic region name such as eastus, westeurope or japaneast.`,
  }];
}

function newGatewaySkuProblems(sku: string): Omit<Violation, 'path'>[] {
  if (!nonAz(sku)) return [];
  return [{
    message: `${
      quoted(sku)
    } is a non-AZ SKU: since 1 January 2025 Azure no longer creates VpnGw1–5 gateways (VPN Gateway SKU consolidation; existing ones are migrated to the AZ SKUs). The seed's VpnGw2 is out of date.`,
    fix: `${azOf(sku)} (same size, availability-zone SKU; it is also accepted in regions without zones, where the gateway stays regional).`,
  }];
}

function azureProblems(view: AzureView): Violation[] {
  const { gateway, publicIps, location } = view;
  const violations: Violation[] = locationProblems(location).map((p) => ({ path: 'location', ...p }));
  const existing = gateway.existingId !== undefined;
  if (!existing) violations.push(...newGatewaySkuProblems(gateway.sku).map((p) => ({ path: `gateway ${gateway.name}.sku`, ...p })));
  const zoned = regionHasAvailabilityZones(location);
  for (const ip of publicIps) {
    if (ip.zones.length === 0) continue;
    if (zoned === false) {
      violations.push({
        path: `publicIp ${ip.name}.zones`,
        message: `zones [${ip.zones.join(', ')}] in ${quoted(location)}, a region without availability zones; Azure refuses zones there.`,
        fix: 'no zones ([]): the gateway is regional in this region.',
      });
    } else if (existing && nonAz(gateway.sku)) {
      violations.push({
        path: `publicIp ${ip.name}.zones`,
        message: `zones [${
          ip.zones.join(', ')
        }] on a public IP of the non-AZ gateway ${gateway.name} ('${gateway.sku}'); Azure refuses it (RegionalVmssVpnGatewayPublicIpsMustNotHaveZonesConfigured).`,
        fix: `no zones ([]), or migrate the gateway to ${azOf(gateway.sku)} first.`,
      });
    }
  }
  return violations;
}

export const AzureGatewayAzSkuAndZones: Rule = {
  id: 'AzureGatewayAzSkuAndZones',
  catalogue: ['C38'],
  level: 'error',
  summary:
    'A new Azure VPN gateway uses an AZ SKU (VpnGw1AZ–VpnGw5AZ); its public IPs carry zones only where the region (a known Azure region) has availability zones.',
  explanation: 'Azure "VPN Gateway SKU consolidation and migration": new gateways can no longer use VpnGw1–5 (non-AZ) since ' +
    'January 2025, existing ones are migrated to VpnGw1AZ–5AZ; AZ SKUs can be deployed in all regions, and in a region ' +
    'without availability zones "the deployment will remain regional". Azure "About zone-redundant virtual network ' +
    'gateways": Standard public IPs decide zone redundancy; zones 1, 2, 3 make it zone-redundant. A public IP with zones ' +
    'is refused in a region without zones, and on a non-AZ gateway (RegionalVmssVpnGatewayPublicIpsMustNotHaveZonesConfigured). ' +
    `Seed 004 uses VpnGw2, which new deployments cannot create. Regions: Microsoft's Azure regions list (${REGIONS_PAGE}).`,
  fix:
    "azure.sku VpnGw2AZ (Generation2); azure.location a region's programmatic name; public IPs zones 1, 2, 3 where the region has zones, none elsewhere.",
  plan: ({ spec }) => [
    ...locationProblems(spec.azure.location).map((p) => ({ path: 'azure.location', ...p })),
    ...newGatewaySkuProblems(spec.azure.sku).map((p) => ({ path: 'azure.sku', ...p })),
  ],
  azure: azureProblems,
};
