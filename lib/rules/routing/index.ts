/** The routing rules, one file per rule; lib/check/registry.ts lists them in catalogue order. */
export { RouteTablesRouteToVpnGateway } from './RouteTablesRouteToVpnGateway';
export { SecurityRulesAdmitPeerCidrs } from './SecurityRulesAdmitPeerCidrs';
export { TransitGatewayVpnRouting } from './TransitGatewayVpnRouting';
