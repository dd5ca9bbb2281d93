/**
 * The Azure half as plain data: the arguments of every azure-native resource the component creates,
 * derived from the resolved plan alone (pulumi-awsx style: pure planning, the component only wires).
 * `azureViewOf` turns a design into the `AzureView` that the rules check before anything exists.
 * No Pulumi import here: a design is JSON-like and holds no pre-shared key.
 */
import { azureIpsecPolicy, type AzureIpsecPolicyValues } from '../plan/ipsec';
import type { AzureInstance, ResolvedPlan, ResolvedTunnel } from '../plan/types';
import type { AzureView } from '../rules/azure-view';
import type { Finding } from '../rules/types';

/** Stands for the subscription id until the component knows it (from the client config or an argument). */
export const SUBSCRIPTION_ID_PLACEHOLDER = '{subscriptionId}';
/** Azure requires exactly this name for the VPN gateway's subnet (C17). */
export const GATEWAY_SUBNET_NAME = 'GatewaySubnet';
/** Zone-redundant, Azure's default for Standard public IPs in regions with zones. */
export const DEFAULT_PUBLIC_IP_ZONES: readonly string[] = ['1', '2', '3'];
const INSTANCES: readonly AzureInstance[] = [0, 1];

/** What the design needs to know of one AWS tunnel (from the hand-off); never the key itself. */
export interface AwsTunnelDesignInput {
  /** The AWS tunnel's outside IP: the local network gateway's `gatewayIpAddress`. */
  readonly outsideIp: string;
  /**
   * Format problems of the tunnel's pre-shared key (C22) when its value was at hand.
   * @default undefined: the value is not known yet; the component checks it inside an apply
   */
  readonly presharedKeyProblems?: readonly string[];
}

export interface AzureDesignOptions {
  /** @default plan.azure.resourceGroupName */
  readonly resourceGroupName?: string;
  /** @default plan.azure.location */
  readonly location?: string;
  /**
   * Subscription of the resource group; it is part of every IP configuration id.
   * @default SUBSCRIPTION_ID_PLACEHOLDER (the component substitutes the real one)
   */
  readonly subscriptionId?: string;
  /**
   * Use an existing `GatewaySubnet` instead of creating one: its resource id, or `true` when the id is
   * only known at deploy time. @default undefined: create `GatewaySubnet` (plan.azure.gatewaySubnetCidr)
   */
  readonly existingGatewaySubnet?: string | true;
  /** The VNet to create `GatewaySubnet` in. @default plan.azure.vnetName */
  readonly virtualNetworkName?: string;
  /** Availability zones of both public IPs (identical, C14). @default ['1', '2', '3'] */
  readonly publicIpZones?: readonly string[];
  /**
   * The AWS tunnels by plan tunnel id. @default undefined: the first run, before AWS exists; the
   * design then has public IPs, the gateway and its subnet only
   */
  readonly awsTunnels?: Readonly<Record<string, AwsTunnelDesignInput>>;
}

export interface PublicIpDesign {
  /** Pulumi resource name, relative to the component. */
  readonly resourceName: string;
  readonly name: string;
  readonly sku: 'Standard';
  readonly tier: 'Regional';
  readonly allocationMethod: 'Static';
  readonly zones: readonly string[];
}

export interface IpConfigurationDesign {
  readonly name: string;
  /** Full resource id, known before the gateway exists because the gateway's name is explicit. */
  readonly id: string;
  /** Index into `AzureDesign.publicIps`. */
  readonly publicIpIndex: AzureInstance;
}

export interface GatewaySubnetDesign {
  /** True: the component creates the subnet; false: it exists (`existingId`). */
  readonly create: boolean;
  readonly resourceName: string;
  /** The subnet's name, when known. */
  readonly name?: string;
  readonly virtualNetworkName?: string;
  readonly addressPrefix?: string;
  /** The existing subnet's id, when known at design time. */
  readonly existingId?: string;
}

export interface GatewayDesign {
  readonly resourceName: string;
  readonly name: string;
  readonly id: string;
  readonly gatewayType: 'Vpn';
  readonly vpnType: 'RouteBased';
  readonly sku: string;
  readonly generation: string;
  readonly activeActive: boolean;
  readonly enableBgp: boolean;
  readonly asn: number;
  readonly ipConfigurations: readonly IpConfigurationDesign[];
  readonly bgpPeeringAddresses: readonly { readonly ipconfigurationId: string; readonly customBgpIpAddresses: readonly string[] }[];
}

export interface LocalNetworkGatewayDesign {
  readonly resourceName: string;
  readonly name: string;
  readonly tunnelId: string;
  readonly gatewayIpAddress: string;
  readonly asn: number;
  readonly bgpPeeringAddress: string;
  /** Empty: with BGP the routes come from the session, not from a static address space. */
  readonly addressPrefixes: readonly string[];
}

export interface ConnectionDesign {
  readonly resourceName: string;
  readonly name: string;
  readonly tunnelId: string;
  readonly localNetworkGatewayName: string;
  readonly connectionType: 'IPsec';
  readonly connectionProtocol: 'IKEv1' | 'IKEv2';
  readonly enableBgp: boolean;
  readonly connectionMode: string;
  readonly usePolicyBasedTrafficSelectors: boolean;
  readonly dpdTimeoutSeconds: number;
  readonly ipsecPolicies: readonly AzureIpsecPolicyValues[];
  readonly gatewayCustomBgpIpAddresses: readonly { readonly ipConfigurationId: string; readonly customBgpIpAddress: string }[];
  /** C22 problems of the key, when its value was at hand. */
  readonly presharedKeyProblems?: readonly string[];
}

export interface AzureDesign {
  readonly plan: ResolvedPlan;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly subscriptionId: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly gatewaySubnet: GatewaySubnetDesign;
  /** Instance order. */
  readonly publicIps: readonly PublicIpDesign[];
  readonly gateway: GatewayDesign;
  /** Plan tunnel order; empty on the first run. */
  readonly localNetworkGateways: readonly LocalNetworkGatewayDesign[];
  /** Plan tunnel order; empty on the first run. */
  readonly connections: readonly ConnectionDesign[];
  /** Problems of the options themselves (tunnels missing or unknown, an algorithm Azure lacks). */
  readonly findings: readonly Finding[];
}

/** Azure names, stable across runs: derived from the plan only. */
export const azureNames = {
  publicIp: (plan: ResolvedPlan, instance: AzureInstance) => `${plan.azure.gatewayName}-pip${instance}`,
  ipConfiguration: (instance: AzureInstance) => `ipconfig${instance}`,
  localNetworkGateway: (plan: ResolvedPlan, tunnelId: string) => `lng-${plan.name}-${tunnelId}`,
  connection: (plan: ResolvedPlan, tunnelId: string) => `cn-${plan.name}-${tunnelId}`,
};

/** `/subscriptions/…/virtualNetworkGateways/<gateway>`. */
export function gatewayResourceId(subscriptionId: string, resourceGroupName: string, gatewayName: string): string {
  return (
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}` +
    `/providers/Microsoft.Network/virtualNetworkGateways/${gatewayName}`
  );
}

function designFinding(path: string, catalogue: Finding['catalogue'], message: string, fix: string): Finding {
  return { path, ruleId: 'AzureDesign', catalogue, level: 'error', message, fix };
}

/** The policy fields Azure has no equal for; the plan's IKE rule normally refuses these first (C24). */
function unmappedIpsecFindings(plan: ResolvedPlan, policy: AzureIpsecPolicyValues): Finding[] {
  const fields: [keyof AzureIpsecPolicyValues, string, string | number][] = [
    ['ikeEncryption', 'ipsec.phase1.encryption', plan.ipsec.phase1.encryption],
    ['ikeIntegrity', 'ipsec.phase1.integrity', plan.ipsec.phase1.integrity],
    ['dhGroup', 'ipsec.phase1.dhGroup', plan.ipsec.phase1.dhGroup],
    ['ipsecEncryption', 'ipsec.phase2.encryption', plan.ipsec.phase2.encryption],
    ['ipsecIntegrity', 'ipsec.phase2.integrity', plan.ipsec.phase2.integrity],
    ['pfsGroup', 'ipsec.phase2.dhGroup', plan.ipsec.phase2.dhGroup],
  ];
  return fields
    .filter(([field]) => policy[field] === undefined)
    .map(([field, path, value]) =>
      designFinding(path, ['C24'], `${JSON.stringify(value)} has no Azure equivalent for the connection's ${field}.`,
        'a value both clouds accept (e.g. AES256, SHA2-256, DH group 14).'),
    );
}

function tunnelFindings(plan: ResolvedPlan, awsTunnels: Readonly<Record<string, AwsTunnelDesignInput>>): Finding[] {
  const planIds = plan.tunnels.map((t) => t.id);
  const unknown = Object.keys(awsTunnels).filter((id) => !planIds.includes(id));
  const missing = planIds.filter((id) => awsTunnels[id] === undefined);
  return [
    ...unknown.map((id) =>
      designFinding(`awsTunnels.${id}`, ['C15'], `'${id}' is not a tunnel of plan '${plan.name}'.`, `tunnel ids of the plan: ${planIds.join(', ')}.`)),
    ...missing.map((id) =>
      designFinding(`awsTunnels.${id}`, ['C15'], `the AWS side of tunnel ${id} is missing; an active/active gateway needs all four tunnels.`,
        'the outside IP and key of every plan tunnel (from the AWS hand-off), or none for the first run.')),
  ];
}

/** Every Azure resource argument of `plan`, as plain data. Pure; never throws on a resolved plan. */
export function azureDesign(plan: ResolvedPlan, options: AzureDesignOptions = {}): AzureDesign {
  const resourceGroupName = options.resourceGroupName ?? plan.azure.resourceGroupName;
  const subscriptionId = options.subscriptionId ?? SUBSCRIPTION_ID_PLACEHOLDER;
  const zones = [...(options.publicIpZones ?? DEFAULT_PUBLIC_IP_ZONES)];
  const gatewayId = gatewayResourceId(subscriptionId, resourceGroupName, plan.azure.gatewayName);

  const publicIps: PublicIpDesign[] = INSTANCES.map((i) => ({
    resourceName: `pip${i}`,
    name: azureNames.publicIp(plan, i),
    sku: 'Standard',
    tier: 'Regional',
    allocationMethod: 'Static',
    zones,
  }));
  const ipConfigurations: IpConfigurationDesign[] = INSTANCES.map((i) => ({
    name: azureNames.ipConfiguration(i),
    id: `${gatewayId}/ipConfigurations/${azureNames.ipConfiguration(i)}`,
    publicIpIndex: i,
  }));
  const existing = options.existingGatewaySubnet;
  const gatewaySubnet: GatewaySubnetDesign =
    existing === undefined
      ? {
          create: true,
          resourceName: 'gateway-subnet',
          name: GATEWAY_SUBNET_NAME,
          virtualNetworkName: options.virtualNetworkName ?? plan.azure.vnetName,
          addressPrefix: plan.azure.gatewaySubnetCidr,
        }
      : { create: false, resourceName: 'gateway-subnet', ...(typeof existing === 'string' ? { existingId: existing, name: subnetNameOf(existing) } : {}) };

  const gateway: GatewayDesign = {
    resourceName: 'gateway',
    name: plan.azure.gatewayName,
    id: gatewayId,
    gatewayType: 'Vpn',
    vpnType: 'RouteBased',
    sku: plan.azure.sku,
    generation: plan.azure.generation,
    activeActive: plan.azure.activeActive,
    enableBgp: true,
    asn: plan.azure.asn,
    ipConfigurations,
    bgpPeeringAddresses: ipConfigurations.map((c, i) => ({
      ipconfigurationId: c.id,
      customBgpIpAddresses: [...plan.azure.apipaByInstance[i]],
    })),
  };

  const ipsecPolicy = azureIpsecPolicy(plan.ipsec);
  const findings: Finding[] = [...unmappedIpsecFindings(plan, ipsecPolicy)];
  if (existing !== undefined && options.virtualNetworkName !== undefined) {
    findings.push(designFinding('virtualNetworkName', ['C17'],
      `both an existing gateway subnet and virtualNetworkName '${options.virtualNetworkName}' (to create ${GATEWAY_SUBNET_NAME} in) were given.`,
      `either gatewaySubnetId (an existing ${GATEWAY_SUBNET_NAME}) or virtualNetworkName, not both.`));
  }
  const awsTunnels = options.awsTunnels;
  let localNetworkGateways: LocalNetworkGatewayDesign[] = [];
  let connections: ConnectionDesign[] = [];
  if (awsTunnels !== undefined) {
    findings.push(...tunnelFindings(plan, awsTunnels));
    const present = plan.tunnels.filter((t) => awsTunnels[t.id] !== undefined);
    localNetworkGateways = present.map((t) => localNetworkGatewayOf(plan, t, awsTunnels[t.id]));
    connections = present.map((t) => connectionOf(plan, t, ipConfigurations, ipsecPolicy, awsTunnels[t.id]));
  }

  return {
    plan,
    resourceGroupName,
    location: options.location ?? plan.azure.location,
    subscriptionId,
    tags: { ...plan.tags },
    gatewaySubnet,
    publicIps,
    gateway,
    localNetworkGateways,
    connections,
    findings,
  };
}

function localNetworkGatewayOf(plan: ResolvedPlan, tunnel: ResolvedTunnel, aws: AwsTunnelDesignInput): LocalNetworkGatewayDesign {
  return {
    resourceName: `lng-${tunnel.id}`,
    name: azureNames.localNetworkGateway(plan, tunnel.id),
    tunnelId: tunnel.id,
    gatewayIpAddress: aws.outsideIp,
    // C11: the LNG speaks for the AWS side of the session.
    asn: plan.aws.asn,
    bgpPeeringAddress: tunnel.awsBgpIp,
    addressPrefixes: [],
  };
}

function connectionOf(
  plan: ResolvedPlan,
  tunnel: ResolvedTunnel,
  ipConfigurations: readonly IpConfigurationDesign[],
  ipsecPolicy: AzureIpsecPolicyValues,
  aws: AwsTunnelDesignInput,
): ConnectionDesign {
  return {
    resourceName: `cn-${tunnel.id}`,
    name: azureNames.connection(plan, tunnel.id),
    tunnelId: tunnel.id,
    localNetworkGatewayName: azureNames.localNetworkGateway(plan, tunnel.id),
    connectionType: 'IPsec',
    connectionProtocol: plan.ipsec.ikeVersion === 'ikev1' ? 'IKEv1' : 'IKEv2',
    enableBgp: true,
    connectionMode: plan.azure.connectionMode,
    usePolicyBasedTrafficSelectors: false,
    dpdTimeoutSeconds: plan.ipsec.dpdTimeoutSeconds,
    ipsecPolicies: [ipsecPolicy],
    // C13: both IP configurations, or Azure uses the first APIPA address for every connection.
    gatewayCustomBgpIpAddresses: ipConfigurations.map((c, i) => ({
      ipConfigurationId: c.id,
      customBgpIpAddress: tunnel.azureCustomBgpIps[i],
    })),
    ...(aws.presharedKeyProblems !== undefined ? { presharedKeyProblems: [...aws.presharedKeyProblems] } : {}),
  };
}

/** `…/subnets/GatewaySubnet` → `GatewaySubnet`; undefined for anything else. */
function subnetNameOf(subnetId: string): string | undefined {
  return /\/subnets\/([^/]+)$/i.exec(subnetId)?.[1];
}

/**
 * The design as the rules read it. `sharedKey.isSecret` is true by construction: the component wraps
 * every key in `pulumi.secret` whatever it was given (C23).
 */
export function azureViewOf(design: AzureDesign): AzureView {
  const { plan, gateway, gatewaySubnet } = design;
  return {
    publicIps: design.publicIps.map((p) => ({ name: p.name, sku: p.sku, allocationMethod: p.allocationMethod, zones: p.zones })),
    gateway: {
      name: gateway.name,
      gatewayType: gateway.gatewayType,
      vpnType: gateway.vpnType,
      sku: gateway.sku,
      generation: gateway.generation,
      activeActive: gateway.activeActive,
      enableBgp: gateway.enableBgp,
      asn: gateway.asn,
      ipConfigurations: gateway.ipConfigurations.map((c) => ({ name: c.name, id: c.id, publicIpName: design.publicIps[c.publicIpIndex].name })),
      bgpPeeringAddresses: gateway.bgpPeeringAddresses,
    },
    gatewaySubnet: gatewaySubnet.create
      ? { name: gatewaySubnet.name, addressPrefix: gatewaySubnet.addressPrefix, vnetAddressSpace: [plan.azure.vnetCidr] }
      : gatewaySubnet.name !== undefined ? { name: gatewaySubnet.name } : {},
    localNetworkGateways: design.localNetworkGateways.map((l) => ({
      name: l.name,
      tunnelId: l.tunnelId,
      gatewayIpAddress: l.gatewayIpAddress,
      asn: l.asn,
      bgpPeeringAddress: l.bgpPeeringAddress,
      addressPrefixes: l.addressPrefixes,
    })),
    connections: design.connections.map((c) => ({
      name: c.name,
      tunnelId: c.tunnelId,
      localNetworkGatewayName: c.localNetworkGatewayName,
      connectionType: c.connectionType,
      connectionProtocol: c.connectionProtocol,
      enableBgp: c.enableBgp,
      connectionMode: c.connectionMode,
      usePolicyBasedTrafficSelectors: c.usePolicyBasedTrafficSelectors,
      dpdTimeoutSeconds: c.dpdTimeoutSeconds,
      // An algorithm Azure lacks is a design finding (C24); the view shows it as unsupported.
      ipsecPolicies: c.ipsecPolicies.map((p) => ({
        ikeEncryption: p.ikeEncryption ?? 'unsupported',
        ikeIntegrity: p.ikeIntegrity ?? 'unsupported',
        dhGroup: p.dhGroup ?? 'unsupported',
        ipsecEncryption: p.ipsecEncryption ?? 'unsupported',
        ipsecIntegrity: p.ipsecIntegrity ?? 'unsupported',
        pfsGroup: p.pfsGroup ?? 'unsupported',
        saLifeTimeSeconds: p.saLifeTimeSeconds,
        saDataSizeKilobytes: p.saDataSizeKilobytes,
      })),
      gatewayCustomBgpIpAddresses: c.gatewayCustomBgpIpAddresses,
      sharedKey: { isSecret: true, ...(c.presharedKeyProblems !== undefined ? { formatProblems: c.presharedKeyProblems } : {}) },
    })),
    awsPeer: {
      asn: plan.aws.asn,
      startupAction: plan.aws.startupAction,
      insideCidrs: Object.fromEntries(plan.tunnels.map((t) => [t.id, t.insideCidr])),
      ikeVersion: plan.ipsec.ikeVersion,
    },
  };
}
