/**
 * Azure public-cloud regions by programmatic name, each with or without availability zones (C38).
 *
 * Source: Microsoft, "Azure regions list" (https://learn.microsoft.com/azure/reliability/regions-list,
 * ms.date 2025-09-23), the "All" tab: column "Programmatic name" and "Availability zone support".
 * Sovereign clouds (Azure Government, Azure operated by 21Vianet) are not in that list, nor here.
 * Denmark East is listed there as "coming soon", with zones.
 */
export const AZURE_REGIONS: Readonly<Record<string, { readonly availabilityZones: boolean; }>> = {
  australiacentral: { availabilityZones: false },
  australiacentral2: { availabilityZones: false },
  australiaeast: { availabilityZones: true },
  australiasoutheast: { availabilityZones: false },
  austriaeast: { availabilityZones: true },
  belgiumcentral: { availabilityZones: true },
  brazilsouth: { availabilityZones: true },
  brazilsoutheast: { availabilityZones: false },
  canadacentral: { availabilityZones: true },
  canadaeast: { availabilityZones: false },
  centralindia: { availabilityZones: true },
  centralus: { availabilityZones: true },
  chilecentral: { availabilityZones: true },
  denmarkeast: { availabilityZones: true },
  eastasia: { availabilityZones: true },
  eastus: { availabilityZones: true },
  eastus2: { availabilityZones: true },
  francecentral: { availabilityZones: true },
  francesouth: { availabilityZones: false },
  germanynorth: { availabilityZones: false },
  germanywestcentral: { availabilityZones: true },
  indonesiacentral: { availabilityZones: true },
  israelcentral: { availabilityZones: true },
  italynorth: { availabilityZones: true },
  japaneast: { availabilityZones: true },
  japanwest: { availabilityZones: true },
  koreacentral: { availabilityZones: true },
  koreasouth: { availabilityZones: false },
  malaysiawest: { availabilityZones: true },
  mexicocentral: { availabilityZones: true },
  newzealandnorth: { availabilityZones: true },
  northcentralus: { availabilityZones: false },
  northeurope: { availabilityZones: true },
  norwayeast: { availabilityZones: true },
  norwaywest: { availabilityZones: false },
  polandcentral: { availabilityZones: true },
  qatarcentral: { availabilityZones: true },
  southafricanorth: { availabilityZones: true },
  southafricawest: { availabilityZones: false },
  southcentralus: { availabilityZones: true },
  southeastasia: { availabilityZones: true },
  southindia: { availabilityZones: false },
  spaincentral: { availabilityZones: true },
  swedencentral: { availabilityZones: true },
  switzerlandnorth: { availabilityZones: true },
  switzerlandwest: { availabilityZones: false },
  uaecentral: { availabilityZones: false },
  uaenorth: { availabilityZones: true },
  uksouth: { availabilityZones: true },
  ukwest: { availabilityZones: false },
  westcentralus: { availabilityZones: false },
  westeurope: { availabilityZones: true },
  westindia: { availabilityZones: false },
  westus: { availabilityZones: false },
  westus2: { availabilityZones: true },
  westus3: { availabilityZones: true },
};

/** True, false, or undefined for a name that is not a programmatic region name of the table. */
export function regionHasAvailabilityZones(location: string): boolean | undefined {
  return Object.prototype.hasOwnProperty.call(AZURE_REGIONS, location) ? AZURE_REGIONS[location].availabilityZones : undefined;
}

/** Zone-redundant: both gateway public IPs in zones 1, 2 and 3, where the region has zones. */
export const ZONE_REDUNDANT: readonly string[] = ['1', '2', '3'];

/** The public IP zones a region gets by default: zone-redundant where it has zones, none elsewhere (C38). */
export function defaultPublicIpZones(location: string): readonly string[] {
  return regionHasAvailabilityZones(location) === true ? ZONE_REDUNDANT : [];
}
