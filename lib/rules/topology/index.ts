/** The topology rules, one file per rule; lib/check/registry.ts lists them in catalogue order. */
export { ConnectionCustomBgpIpPerInstance } from './ConnectionCustomBgpIpPerInstance';
export { FourTunnelTopology } from './FourTunnelTopology';
export { NoAccelerationOnVgw } from './NoAccelerationOnVgw';
export { RoutingIsDynamicBgp } from './RoutingIsDynamicBgp';
export { TunnelAlarmsConfigured } from './TunnelAlarmsConfigured';
export { VpcVnetNoOverlap } from './VpcVnetNoOverlap';
export { VpnQuotas } from './VpnQuotas';
