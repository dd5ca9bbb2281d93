/** The endpoints rules, one file per rule; lib/check/registry.ts lists them in catalogue order. */
export { GatewayEndpointNotReachableOverVpn } from './GatewayEndpointNotReachableOverVpn';
export { GatewayEndpointRouteTablesAndDns } from './GatewayEndpointRouteTablesAndDns';
export { GatewayEndpointTrafficAllowed } from './GatewayEndpointTrafficAllowed';
