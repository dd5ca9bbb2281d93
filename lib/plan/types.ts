/** The resolved plan: what both halves build from. Immutable; produced by `planVpn`. */
import type { AlibabaPeerSpec } from './alibaba';
import type { IpsecPolicy, PlanSpec } from './schema';
import type { ResolvedAwsTarget } from './aws-target';

export type AzureInstance = 0 | 1;
export type AwsTunnelNumber = 1 | 2;
export type AwsConnectionNumber = 1 | 2;

/** One of the four tunnels: AWS tunnel `awsTunnel` of connection `awsConnection`, to `azureInstance`. */
export interface ResolvedTunnel {
  /** Stable identity, used for logical IDs and Azure names: `Instance0Tunnel1` … `Instance1Tunnel2`. */
  readonly id: string;
  readonly azureInstance: AzureInstance;
  /** Instance i faces AWS VPN connection i + 1 (C15). */
  readonly awsConnection: AwsConnectionNumber;
  readonly awsTunnel: AwsTunnelNumber;
  /** The tunnel's inside /30 (C01–C04). */
  readonly insideCidr: string;
  /** First host of the /30: the AWS end of the BGP session (C05). */
  readonly awsBgpIp: string;
  /** Second host of the /30: the Azure end, one of the instance's custom APIPA addresses (C05). */
  readonly azureBgpIp: string;
  /** True when the allocator chose the CIDR, false when the plan file gave it. */
  readonly allocated: boolean;
  /**
   * The Azure connection's `gatewayCustomBgpIpAddresses`, indexed by gateway instance: the tunnel's
   * own address on its instance, the other instance's first address on the other (C13).
   */
  readonly azureCustomBgpIps: readonly [string, string];
}

export interface ResolvedPlan {
  readonly name: string;
  /** The plan's AWS section; `target` resolved (new or existing gateway, route table, subnets). */
  readonly aws: Readonly<Omit<PlanSpec['aws'], 'target'>> & { readonly target: ResolvedAwsTarget; };
  readonly azure: Readonly<PlanSpec['azure']> & {
    /** Custom APIPA BGP addresses per gateway instance, in AWS tunnel order (C05). */
    readonly apipaByInstance: readonly [readonly string[], readonly string[]];
  };
  /**
   * The Alibaba Cloud peer, when the plan names one instead of Azure (issue 10): then `azure` holds unused
   * defaults and the AWS customer gateways carry `alibaba.localAsn`. @default absent: the Azure peer
   */
  readonly alibaba?: Readonly<AlibabaPeerSpec>;
  /** BGP ASN of both AWS customer gateways: the Azure gateway's ASN (C11), or the Alibaba local ASN (C39, C41). */
  readonly customerGatewayAsn: number;
  /** Ordered Instance0Tunnel1, Instance0Tunnel2, Instance1Tunnel1, Instance1Tunnel2. */
  readonly tunnels: readonly ResolvedTunnel[];
  /** Applied to both halves: AWS tunnel options and the Azure connection's IPsec policy (C24). */
  readonly ipsec: Readonly<IpsecPolicy>;
  readonly tags: Readonly<Record<string, string>>;
}

export function tunnelId(azureInstance: AzureInstance, awsTunnel: AwsTunnelNumber): string {
  return `Instance${azureInstance}Tunnel${awsTunnel}`;
}
