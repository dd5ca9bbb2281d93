/**
 * The Azure resources as the rules read them: the plain arguments the Azure component is about to
 * pass to azure-native, before anything is created. Values unknown until deploy are `undefined`.
 * Pre-shared keys never appear here in plain text; only whether they are Pulumi secrets and, when
 * the value is at hand (config or Secrets Manager), whether it has the documented format.
 */
export interface AzurePublicIpView {
  readonly name: string;
  readonly sku: string; // Standard
  readonly allocationMethod: string; // Static
  readonly zones: readonly string[];
}

export interface AzureIpConfigurationView {
  readonly name: string;
  /** Full resource id, known before the gateway exists because its name is explicit. */
  readonly id: string;
  readonly publicIpName: string;
}

export interface AzureGatewayView {
  readonly name: string;
  /**
   * The resource id of a gateway that already exists and is not created (C38: its SKU is not
   * refused, since Azure only refuses creating non-AZ gateways). @default undefined: a new gateway
   */
  readonly existingId?: string;
  readonly gatewayType: string; // Vpn
  readonly vpnType: string; // RouteBased
  readonly sku: string;
  readonly generation: string;
  readonly activeActive: boolean;
  readonly enableBgp: boolean;
  readonly asn: number;
  readonly ipConfigurations: readonly AzureIpConfigurationView[];
  /** `bgpSettings.bgpPeeringAddresses`: one per IP configuration, with its custom APIPA list. */
  readonly bgpPeeringAddresses: readonly {
    readonly ipconfigurationId: string;
    readonly customBgpIpAddresses: readonly string[];
  }[];
}

export interface AzureGatewaySubnetView {
  /** Undefined when an existing subnet is given by id and its details are not known. */
  readonly name?: string;
  readonly addressPrefix?: string;
  /** The VNet's address space, when known. */
  readonly vnetAddressSpace?: readonly string[];
}

export interface AzureLocalNetworkGatewayView {
  readonly name: string;
  /** The plan tunnel this LNG stands for (`Instance0Tunnel1`). */
  readonly tunnelId: string;
  /** The AWS tunnel outside IP; undefined when not known yet. */
  readonly gatewayIpAddress?: string;
  readonly asn: number;
  readonly bgpPeeringAddress: string;
  readonly addressPrefixes: readonly string[];
}

export interface AzureIpsecPolicyView {
  readonly ikeEncryption: string;
  readonly ikeIntegrity: string;
  readonly dhGroup: string;
  readonly ipsecEncryption: string;
  readonly ipsecIntegrity: string;
  readonly pfsGroup: string;
  readonly saLifeTimeSeconds: number;
  readonly saDataSizeKilobytes: number;
}

export interface AzureConnectionView {
  readonly name: string;
  readonly tunnelId: string;
  readonly localNetworkGatewayName: string;
  readonly connectionType: string; // IPsec
  readonly connectionProtocol: string; // IKEv2
  readonly enableBgp: boolean;
  readonly connectionMode: string; // ResponderOnly
  readonly usePolicyBasedTrafficSelectors: boolean;
  readonly dpdTimeoutSeconds: number;
  readonly ipsecPolicies: readonly AzureIpsecPolicyView[];
  /** One entry per gateway IP configuration. */
  readonly gatewayCustomBgpIpAddresses: readonly {
    readonly ipConfigurationId: string;
    readonly customBgpIpAddress: string;
  }[];
  readonly sharedKey: {
    /** True when the key reaches azure-native as a Pulumi secret (C23). */
    readonly isSecret: boolean;
    /** Format findings of the key when its value was at hand (C22); never the value itself. */
    readonly formatProblems?: readonly string[];
    /**
     * Tunnel ids of the plan's other connections that were given the same key (C22: one key per
     * tunnel), when the values were at hand; never the value or anything derived from it.
     */
    readonly sameKeyAs?: readonly string[];
  };
}

/** What the AWS half has (or will have), for the cross-cloud rules (C11, C20, C24). */
export interface AwsPeerView {
  readonly asn: number;
  readonly startupAction: string; // start | add
  /** Inside CIDR per tunnel id. */
  readonly insideCidrs: Readonly<Record<string, string>>;
  readonly ikeVersion: string;
  /** The AWS tunnels' DPDTimeoutAction (clear | none | restart), when known (C20, C21). */
  readonly dpdTimeoutAction?: string;
}

export interface AzureView {
  /** The Azure region (programmatic name, `eastus`) of the gateway and its public IPs (C38). */
  readonly location: string;
  readonly publicIps: readonly AzurePublicIpView[];
  readonly gateway: AzureGatewayView;
  readonly gatewaySubnet: AzureGatewaySubnetView;
  /** Empty on the first run, when the AWS tunnels are not known yet. */
  readonly localNetworkGateways: readonly AzureLocalNetworkGatewayView[];
  readonly connections: readonly AzureConnectionView[];
  readonly awsPeer: AwsPeerView;
}

// The rule-scope registration of the Azure peer kind: this one declaration gives every Rule an optional
// `azure` check over AzureView (lib/check/kit/peer-kinds.ts).
declare module '../../check/kit/peer-kinds' {
  interface PeerViews {
    /** The Azure half's resource arguments, checked before anything is created. */
    azure: AzureView;
  }
}
