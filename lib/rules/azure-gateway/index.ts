/** The azure-gateway rules, one file per rule; lib/check/registry.ts lists them in catalogue order. */
export { AzureGatewayActiveActive } from './AzureGatewayActiveActive';
export { AzureGatewayAzSkuAndZones } from './AzureGatewayAzSkuAndZones';
export { AzureGatewayRouteBasedBgpSku } from './AzureGatewayRouteBasedBgpSku';
export { GatewaySubnetNameAndSize } from './GatewaySubnetNameAndSize';
