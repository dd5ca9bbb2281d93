/** The asn rules, one file per rule; lib/check/registry.ts lists them in catalogue order. */
export { AzureAndAwsAsnsDiffer } from './AzureAndAwsAsnsDiffer';
export { AzureAsnNotReserved } from './AzureAsnNotReserved';
export { CustomerGatewayAsnValid } from './CustomerGatewayAsnValid';
export { PeerAsnsMatch } from './PeerAsnsMatch';
export { VgwAsnIsPrivate } from './VgwAsnIsPrivate';
