/** The ipsec rules, one file per rule; lib/check/registry.ts lists them in catalogue order. */
export { DeadPeerDetectionOnBothEnds } from './DeadPeerDetectionOnBothEnds';
export { IkeParametersMatch } from './IkeParametersMatch';
export { NoPlaintextPresharedKey } from './NoPlaintextPresharedKey';
export { PresharedKeyFormat } from './PresharedKeyFormat';
export { RouteBasedSingleSaPair } from './RouteBasedSingleSaPair';
export { TunnelHasInitiator } from './TunnelHasInitiator';
export { UsesIkeV2 } from './UsesIkeV2';
