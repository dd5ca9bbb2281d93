/**
 * The "state read": everything `doctor` learned from both clouds, as plain JSON-able data. The
 * diagnosis (`diagnose`) is a pure function of it, so the digital twin can build one from its own
 * simulated state and get the same findings. No field can hold a pre-shared key: the readers
 * copy named fields only (AWS `PreSharedKey` and Azure `sharedKey` are never copied).
 *
 * A section left `undefined` was not read; `unreadable` says why. The diagnosis skips what it
 * has no evidence for and never guesses from an absent section.
 */
import type { AzureIpsecPolicyValues } from '../plan/ipsec';

/** One AWS tunnel: `VgwTelemetry` joined with its `TunnelOptions` entry (by outside IP). */
export interface AwsTunnelState {
  readonly vpnConnectionId: string;
  /** `available`, `pending`, `deleting`, `deleted`. */
  readonly connectionState: string;
  readonly outsideIp: string;
  readonly insideCidr?: string;
  /** `UP` or `DOWN`. */
  readonly status: string;
  /** E.g. `IPSEC IS DOWN`, `2 BGP ROUTES`, or empty. */
  readonly statusMessage: string;
  readonly acceptedRouteCount: number;
  /** ISO 8601. */
  readonly lastStatusChange?: string;
  readonly staticRoutesOnly?: boolean;
  /** The public IP of the connection's customer gateway (`DescribeCustomerGateways`): the Azure instance it faces. */
  readonly customerGatewayIp?: string;
  /** Tunnel options, without the key. Lists are what AWS may negotiate. */
  readonly options: {
    readonly startupAction?: string;
    readonly dpdTimeoutSeconds?: number;
    readonly dpdTimeoutAction?: string;
    readonly ikeVersions: readonly string[];
    readonly phase1Encryption: readonly string[];
    readonly phase1Integrity: readonly string[];
    readonly phase1DhGroups: readonly number[];
    readonly phase2Encryption: readonly string[];
    readonly phase2Integrity: readonly string[];
    readonly phase2DhGroups: readonly number[];
  };
}

/** A route-table route, as EC2 reports it (`DescribeRouteTables`). */
export interface RouteState {
  readonly destination: string;
  /** The target id: `vgw-…`, `tgw-…`, `local`, `igw-…`, `vpce-…` … */
  readonly target: string;
  /** `active` or `blackhole`. */
  readonly state?: string;
  /** `EnableVgwRoutePropagation`, `CreateRoute`, `CreateRouteTable`. */
  readonly origin?: string;
}

export interface RouteTableState {
  readonly id: string;
  /** Subnets explicitly associated, or every subnet without an association for the main table. */
  readonly subnetIds: readonly string[];
  readonly main: boolean;
  /** VGW ids this table propagates from. */
  readonly propagatingGateways: readonly string[];
  readonly routes: readonly RouteState[];
}

export interface SecurityRuleState {
  /** `-1` (all), `tcp`, `udp`, `icmp`, or a protocol number. */
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrs: readonly string[];
  readonly prefixListIds: readonly string[];
  /** Rules naming another security group. */
  readonly groupIds: readonly string[];
}

export interface SecurityGroupState {
  readonly id: string;
  readonly ingress: readonly SecurityRuleState[];
  readonly egress: readonly SecurityRuleState[];
}

export interface NetworkAclEntryState {
  readonly ruleNumber: number;
  readonly egress: boolean;
  readonly allow: boolean;
  readonly cidr: string;
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
}

export interface NetworkAclState {
  readonly id: string;
  readonly subnetIds: readonly string[];
  readonly entries: readonly NetworkAclEntryState[];
}

export interface GatewayEndpointState {
  readonly id: string;
  /** `com.amazonaws.<region>.s3` or `.dynamodb`. */
  readonly serviceName: string;
  readonly routeTableIds: readonly string[];
  /** True when the endpoint policy has a `Deny` statement or does not allow every action. */
  readonly policyRestricts: boolean;
  readonly prefixListId?: string;
}

export interface TransitGatewayRouteTableState {
  readonly id: string;
  /** Routes to the peer's CIDR whose attachment is one of this plan's VPN attachments. */
  readonly routes: readonly RouteState[];
  /** VPN attachments propagating into this table. */
  readonly propagatingAttachments: readonly string[];
  /** VPN attachments associated with this table. */
  readonly associatedAttachments: readonly string[];
}

export interface AwsState {
  readonly region: string;
  /** `vgw` (virtual private gateway) or `tgw` (transit gateway). */
  readonly targetKind: 'vgw' | 'tgw';
  readonly targetId: string;
  readonly vpcId?: string;
  /** By plan tunnel id; a tunnel missing here was not found in the VPN connections read. */
  readonly tunnels?: Readonly<Record<string, AwsTunnelState>>;
  /** Route tables of the chosen subnets (or of the whole VPC when none were chosen). */
  readonly routeTables?: readonly RouteTableState[];
  /** True when the user named the subnets (`--subnet`): then every one of them must reach the peer (C28). */
  readonly subnetsChosen?: boolean;
  readonly securityGroups?: readonly SecurityGroupState[];
  readonly networkAcls?: readonly NetworkAclState[];
  readonly transitGateway?: {
    readonly vpnEcmpSupport: boolean;
    readonly vpnAttachmentIds: readonly string[];
    readonly routeTables: readonly TransitGatewayRouteTableState[];
  };
  readonly gatewayEndpoints?: readonly GatewayEndpointState[];
  readonly enableDnsSupport?: boolean;
}

/** An Azure connection's IPsec policy as read: the algorithm names of the plan's mapping, no lifetimes. */
export type AzureIpsecPolicyState = Omit<AzureIpsecPolicyValues, 'saLifeTimeSeconds' | 'saDataSizeKilobytes'>;

export interface AzureConnectionState {
  readonly name: string;
  /** `Connected`, `Connecting`, `NotConnected`, `Unknown`. */
  readonly connectionStatus: string;
  readonly enableBgp?: boolean;
  readonly usePolicyBasedTrafficSelectors?: boolean;
  readonly connectionProtocol?: string;
  /** `Default`, `InitiatorOnly`, `ResponderOnly`. */
  readonly connectionMode?: string;
  readonly dpdTimeoutSeconds?: number;
  readonly ipsecPolicies: readonly AzureIpsecPolicyState[];
  /** `gatewayCustomBgpIpAddresses`: ip configuration name (last id segment) → address. */
  readonly customBgpIps: readonly { readonly ipConfiguration: string; readonly address: string; }[];
  readonly ingressBytes?: number;
  readonly egressBytes?: number;
}

export interface AzureBgpPeerState {
  readonly localAddress?: string;
  readonly neighbor: string;
  readonly asn?: number;
  /** `Unknown`, `Stopped`, `Idle`, `Connecting`, `Connected`. */
  readonly state: string;
  readonly routesReceived?: number;
  readonly connectedDuration?: string;
}

export interface AzureRouteState {
  readonly network: string;
  readonly sourcePeer?: string;
  readonly origin?: string;
  readonly asPath?: string;
  readonly nextHop?: string;
}

export interface AzureState {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly gatewayName: string;
  /** The gateway's public IPs, instance 0 first (from the peer outputs file). */
  readonly gatewayPublicIps?: readonly [string, string];
  /** By plan tunnel id; a tunnel missing here has no readable connection. */
  readonly connections?: Readonly<Record<string, AzureConnectionState>>;
  readonly bgpPeers?: readonly AzureBgpPeerState[];
  readonly learnedRoutes?: readonly AzureRouteState[];
  /** By AWS BGP peer address (the neighbor asked about). */
  readonly advertisedRoutes?: Readonly<Record<string, readonly AzureRouteState[]>>;
}

/** Something that could not be read, and why: shown in the report, and exit 2 when nothing could. */
export interface Unreadable {
  readonly cloud: 'aws' | 'azure' | 'input';
  /** What was not read, e.g. `ec2:DescribeRouteTables`, `getBgpPeerStatus`. */
  readonly what: string;
  /** The service's error code (`UnauthorizedOperation`, `AuthorizationFailed`, `Throttling` …). */
  readonly code?: string;
  /** One line, never a response body. */
  readonly reason: string;
  /** The permission or credential to grant, when known. */
  readonly needs?: string;
}

export interface StateRead {
  /** ISO 8601: when the state was read (recency of a status change is judged against it). */
  readonly readAt: string;
  readonly aws?: AwsState;
  readonly azure?: AzureState;
  readonly unreadable: readonly Unreadable[];
}
