/** The inside-cidr rules, one file per rule; lib/check/registry.ts lists them in catalogue order. */
export { AwsFirstHostAzureSecondHost } from './AwsFirstHostAzureSecondHost';
export { InsideCidrInAzureApipaRange } from './InsideCidrInAzureApipaRange';
export { InsideCidrIsApipaSlash30 } from './InsideCidrIsApipaSlash30';
export { InsideCidrNotReserved } from './InsideCidrNotReserved';
export { InsideCidrUnique } from './InsideCidrUnique';
export { TunnelInsideIpv4OnVgw } from './TunnelInsideIpv4OnVgw';
