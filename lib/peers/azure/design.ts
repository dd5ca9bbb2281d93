/**
 * The Azure half as plain data: the arguments of every azure-native resource the component creates,
 * derived from the resolved plan alone (pulumi-awsx style: pure planning, the component only wires).
 * The design is also what the Azure rules check before anything exists: each design type extends the
 * view type the rules read (view.ts), so the rules and the component read one value (issue 9, one shape).
 * No Pulumi import here: a design is JSON-like and holds no pre-shared key.
 *
 * Several plans may share one gateway (`planSharedGateway`, one VPC each): the first plan sets the
 * gateway, the others must agree on its settings, and each plan adds its own LNGs and connections.
 */
import { defaultPublicIpZones, ZONE_REDUNDANT } from '../../plan/azure-regions';
import { azureIpsecPolicy, azureUnexpressibleFields, type AzureIpsecPolicyValues } from '../../plan/ipsec';
import type { AzureInstance, ResolvedPlan, ResolvedTunnel } from '../../plan/types';
import type {
  AwsPeerView,
  AzureConnectionView,
  AzureGatewaySubnetView,
  AzureGatewayView,
  AzureIpConfigurationView,
  AzureLocalNetworkGatewayView,
  AzurePublicIpView,
  AzureView,
} from './view';
import type { Finding } from '../../core/finding';
import { excerpt } from '../../core/excerpt';

/** Stands for the subscription id until the component knows it (from the client config or an argument). */
export const SUBSCRIPTION_ID_PLACEHOLDER = '{subscriptionId}';
/** Azure requires exactly this name for the VPN gateway's subnet (C17). */
export const GATEWAY_SUBNET_NAME = 'GatewaySubnet';
/**
 * Zone-redundant public IPs, for regions with availability zones. The default follows the region
 * (`defaultPublicIpZones`): these zones where it has zones, none elsewhere (C38).
 */
export const DEFAULT_PUBLIC_IP_ZONES: readonly string[] = ZONE_REDUNDANT;
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
  /**
   * Other tunnel ids of the same plan given the same key (C22: one key per tunnel), when the values
   * were at hand. @default undefined: not known
   */
  readonly presharedKeySameAs?: readonly string[];
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
  /**
   * Availability zones of both public IPs (identical, C14).
   * @default ['1', '2', '3'] where the region has availability zones, [] elsewhere (C38)
   */
  readonly publicIpZones?: readonly string[];
  /**
   * The AWS tunnels by plan tunnel id. @default undefined: the first run, before AWS exists; the
   * design then has public IPs, the gateway and its subnet only
   */
  readonly awsTunnels?: Readonly<Record<string, AwsTunnelDesignInput>>;
  /**
   * Further plans on the same gateway, in order (`planSharedGateway([first, ...sharedWith])`), each
   * with its own AWS tunnels. @default none: the gateway serves `plan` alone
   */
  readonly sharedWith?: readonly SharedPlanDesignInput[];
}

/** A further plan on the gateway, with what is known of its AWS tunnels. */
export interface SharedPlanDesignInput {
  readonly plan: ResolvedPlan;
  /** Its AWS tunnels by plan tunnel id. @default undefined: its AWS side does not exist yet */
  readonly awsTunnels?: Readonly<Record<string, AwsTunnelDesignInput>>;
}

/** A public IP of the gateway (one per instance). */
export interface PublicIpDesign extends AzurePublicIpView {
  /** Pulumi resource name, relative to the component. */
  readonly resourceName: string;
  readonly name: string;
  readonly sku: 'Standard';
  readonly tier: 'Regional';
  readonly allocationMethod: 'Static';
  readonly zones: readonly string[];
}

/** A gateway IP configuration (one per instance). */
export interface IpConfigurationDesign extends AzureIpConfigurationView {
  readonly name: string;
  /** Full resource id, known before the gateway exists because the gateway's name is explicit. */
  readonly id: string;
  /** The name of its public IP (`publicIps[publicIpIndex].name`), as the rules match it (C14). */
  readonly publicIpName: string;
  /** Index into `AzureDesign.publicIps`. */
  readonly publicIpIndex: AzureInstance;
}

/** The gateway's subnet, created or existing. */
export interface GatewaySubnetDesign extends AzureGatewaySubnetView {
  /** True: the component creates the subnet; false: it exists (`existingId`). */
  readonly create: boolean;
  readonly resourceName: string;
  /** The subnet's name, when known. */
  readonly name?: string;
  readonly virtualNetworkName?: string;
  readonly addressPrefix?: string;
  /** The existing subnet's id, when known at design time. */
  readonly existingId?: string;
  /** The VNet's address space, for a created subnet: the plan's `azure.vnetCidr` (C18). */
  readonly vnetAddressSpace?: readonly string[];
}

/** The active/active VPN gateway. */
export interface GatewayDesign extends AzureGatewayView {
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
  readonly bgpPeeringAddresses: readonly { readonly ipconfigurationId: string; readonly customBgpIpAddresses: readonly string[]; }[];
}

/** A local network gateway: the AWS end of one tunnel. */
export interface LocalNetworkGatewayDesign extends AzureLocalNetworkGatewayView {
  readonly resourceName: string;
  readonly name: string;
  /** The plan whose tunnel this is. */
  readonly planName: string;
  readonly tunnelId: string;
  readonly gatewayIpAddress: string;
  readonly asn: number;
  readonly bgpPeeringAddress: string;
  /** Empty: with BGP the routes come from the session, not from a static address space. */
  readonly addressPrefixes: readonly string[];
  /** The tags of the tunnel's plan. */
  readonly tags: Readonly<Record<string, string>>;
}

/** A connection: one tunnel. */
export interface ConnectionDesign extends AzureConnectionView {
  readonly resourceName: string;
  readonly name: string;
  /** The plan whose tunnel this is. */
  readonly planName: string;
  readonly tunnelId: string;
  readonly localNetworkGatewayName: string;
  readonly connectionType: 'IPsec';
  readonly connectionProtocol: 'IKEv1' | 'IKEv2';
  readonly enableBgp: boolean;
  readonly connectionMode: string;
  readonly usePolicyBasedTrafficSelectors: boolean;
  readonly dpdTimeoutSeconds: number;
  readonly ipsecPolicies: readonly AzureIpsecPolicyValues[];
  readonly gatewayCustomBgpIpAddresses: readonly { readonly ipConfigurationId: string; readonly customBgpIpAddress: string; }[];
  /**
   * What is known of the key, never its value: `isSecret` is true by construction (the component wraps every
   * key in `pulumi.secret`, C23); `formatProblems` (C22) and `sameKeyAs` (C22: one key per tunnel) when the
   * values were at hand.
   */
  readonly sharedKey: { readonly isSecret: true; readonly formatProblems?: readonly string[]; readonly sameKeyAs?: readonly string[]; };
  /** The tags of the tunnel's plan. */
  readonly tags: Readonly<Record<string, string>>;
}

/** Every Azure resource argument of the plans on one gateway; also the value the Azure rules check (`AzureView`). */
export interface AzureDesign extends AzureView {
  /** The first plan: it sets the gateway. */
  readonly plan: ResolvedPlan;
  /** Every plan on the gateway, `plan` first. */
  readonly plans: readonly ResolvedPlan[];
  readonly resourceGroupName: string;
  readonly location: string;
  readonly subscriptionId: string;
  /** The first plan's tags, on the subnet, public IPs and gateway. */
  readonly tags: Readonly<Record<string, string>>;
  readonly gatewaySubnet: GatewaySubnetDesign;
  /** Instance order. */
  readonly publicIps: readonly PublicIpDesign[];
  readonly gateway: GatewayDesign;
  /** Plan order, then plan tunnel order; empty on the first run. */
  readonly localNetworkGateways: readonly LocalNetworkGatewayDesign[];
  /** Plan order, then plan tunnel order; empty on the first run. */
  readonly connections: readonly ConnectionDesign[];
  /** The AWS half of the first plan, as the cross-cloud rules compare it (C11, C20, C24). */
  readonly awsPeer: AwsPeerView;
  /**
   * Problems of the options themselves (tunnels missing or unknown, an algorithm Azure lacks, plans
   * that disagree on the gateway).
   */
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

/** The policy fields Azure has no equal for (C24, decided by azureUnexpressibleFields); the plan's IKE rule normally refuses these first. */
function unmappedIpsecFindings(plan: ResolvedPlan): Finding[] {
  return azureUnexpressibleFields(plan.ipsec).map(({ azureField, path, value }) =>
    designFinding(
      path,
      ['C24'],
      `${excerpt(value)} has no Azure equivalent for the connection's ${azureField}.`,
      'a value both clouds accept (e.g. AES256, SHA2-256, DH group 14).',
    )
  );
}

function tunnelFindings(plan: ResolvedPlan, awsTunnels: Readonly<Record<string, AwsTunnelDesignInput>>, at: string): Finding[] {
  const planIds = plan.tunnels.map((t) => t.id);
  const unknown = Object.keys(awsTunnels).filter((id) => !planIds.includes(id));
  const missing = planIds.filter((id) => awsTunnels[id] === undefined);
  return [
    ...unknown.map((id) =>
      designFinding(
        `${at}awsTunnels.${id}`,
        ['C15'],
        `'${id}' is not a tunnel of plan '${plan.name}'.`,
        `tunnel ids of the plan: ${planIds.join(', ')}.`,
      )
    ),
    ...missing.map((id) =>
      designFinding(
        `${at}awsTunnels.${id}`,
        ['C15'],
        `the AWS side of tunnel ${id} of plan '${plan.name}' is missing; an active/active gateway needs all four tunnels.`,
        'the outside IP and key of every plan tunnel (from the AWS hand-off), or none for the first run.',
      )
    ),
  ];
}

/**
 * The gateway settings every plan on one gateway must share: one gateway has one SKU, name …
 * The catalogue number is the constraint a disagreement would break. The ASN is not here: the
 * PeerAsnsMatch rule's plan check (C11) compares it, run across the plans by `azureDesignFindings`.
 */
const SHARED_GATEWAY_SETTINGS: readonly { field: keyof ResolvedPlan['azure']; catalogue: Finding['catalogue']; why: string; }[] = [
  { field: 'sku', catalogue: ['C16'], why: 'a gateway has one SKU' },
  { field: 'generation', catalogue: ['C16'], why: 'a gateway has one generation' },
  { field: 'activeActive', catalogue: ['C14'], why: 'the gateway is active/active for every plan or for none' },
  { field: 'gatewayName', catalogue: ['C15'], why: "another name is another gateway, whose public IPs the plan's customer gateways do not point at" },
  { field: 'resourceGroupName', catalogue: ['C15'], why: 'the gateway lives in one resource group' },
  { field: 'location', catalogue: ['C15'], why: 'the gateway lives in one region' },
  { field: 'vnetName', catalogue: ['C17'], why: 'the gateway sits in one VNet' },
  { field: 'gatewaySubnetCidr', catalogue: ['C17'], why: 'the gateway sits in one GatewaySubnet' },
  { field: 'vnetCidr', catalogue: ['C18'], why: "each plan's VPC was checked against its vnetCidr, which must be the VNet's" },
];

/** Plans that disagree with the first on the gateway, or reuse a name (their Azure names would collide). */
function sharedPlanFindings(plans: readonly ResolvedPlan[]): Finding[] {
  const [first] = plans;
  const findings: Finding[] = [];
  plans.forEach((plan, k) => {
    if (k === 0) return;
    const at = sharedPlanPath(k);
    for (const { field, catalogue, why } of SHARED_GATEWAY_SETTINGS) {
      const [mine, theirs] = [plan.azure[field], first.azure[field]];
      if (mine === theirs) continue;
      findings.push(
        designFinding(
          `${at}azure.${field}`,
          catalogue,
          `plan '${plan.name}' gives the shared gateway ${field} ${excerpt(mine)}, plan '${first.name}' (the first) ${excerpt(theirs)}; ${why}.`,
          `${excerpt(theirs)}, as plan '${first.name}', or a gateway of its own (not in sharedWith).`,
        ),
      );
    }
    const earlier = plans.findIndex((p) => p.name === plan.name);
    if (earlier < k) {
      findings.push(
        designFinding(
          `${at}name`,
          ['C15'],
          `plan name '${plan.name}' is also the name of ${
            earlier === 0 ? 'the first plan' : `sharedWith[${earlier - 1}]`
          }; the local network gateways and connections of both would have the same names.`,
          'a name of its own per plan (it names the Azure resources and the AWS stack outputs).',
        ),
      );
    }
  });
  return findings;
}

/** Where the options of plan k are: `` for the first plan, `sharedWith[k-1].` for the others. */
export function sharedPath(planIndex: number): string {
  return planIndex === 0 ? '' : `sharedWith[${planIndex - 1}].`;
}

/** Where plan k itself is: `` for the first plan (its paths stay as they were), `sharedWith[k-1].plan.` for the others. */
export function sharedPlanPath(planIndex: number): string {
  return planIndex === 0 ? '' : `${sharedPath(planIndex)}plan.`;
}

/**
 * Every Azure resource argument of `plan` (and of the plans in `options.sharedWith`), as plain
 * data. Pure; never throws on resolved plans.
 */
export function azureDesign(plan: ResolvedPlan, options: AzureDesignOptions = {}): AzureDesign {
  const members: readonly SharedPlanDesignInput[] = [{ plan, awsTunnels: options.awsTunnels }, ...(options.sharedWith ?? [])];
  const plans = members.map((m) => m.plan);
  const resourceGroupName = options.resourceGroupName ?? plan.azure.resourceGroupName;
  const subscriptionId = options.subscriptionId ?? SUBSCRIPTION_ID_PLACEHOLDER;
  const location = options.location ?? plan.azure.location;
  // C38: zone-redundant where the region has zones; Azure refuses zones in a region without them,
  // where an AZ SKU is still created and stays regional (VPN Gateway SKU consolidation FAQ).
  const zones = [...(options.publicIpZones ?? defaultPublicIpZones(location))];
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
    publicIpName: publicIps[i].name,
  }));
  const existing = options.existingGatewaySubnet;
  const gatewaySubnet: GatewaySubnetDesign = existing === undefined
    ? {
      create: true,
      resourceName: 'gateway-subnet',
      name: GATEWAY_SUBNET_NAME,
      virtualNetworkName: options.virtualNetworkName ?? plan.azure.vnetName,
      addressPrefix: plan.azure.gatewaySubnetCidr,
      vnetAddressSpace: [plan.azure.vnetCidr],
    }
    : {
      create: false,
      resourceName: 'gateway-subnet',
      ...(typeof existing === 'string' ? { existingId: existing, name: subnetNameOf(existing) } : {}),
    };

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
    // C05: instance i answers on every plan's addresses of instance i; plan order keeps the list
    // stable when a plan is added at the end.
    bgpPeeringAddresses: ipConfigurations.map((c, i) => ({
      ipconfigurationId: c.id,
      customBgpIpAddresses: plans.flatMap((p) => p.azure.apipaByInstance[i]),
    })),
  };

  const findings: Finding[] = [...sharedPlanFindings(plans)];
  if (existing !== undefined && options.virtualNetworkName !== undefined) {
    findings.push(
      designFinding(
        'virtualNetworkName',
        ['C17'],
        `both an existing gateway subnet and virtualNetworkName '${options.virtualNetworkName}' (to create ${GATEWAY_SUBNET_NAME} in) were given.`,
        `either gatewaySubnetId (an existing ${GATEWAY_SUBNET_NAME}) or virtualNetworkName, not both.`,
      ),
    );
  }
  const localNetworkGateways: LocalNetworkGatewayDesign[] = [];
  const connections: ConnectionDesign[] = [];
  members.forEach(({ plan: member, awsTunnels }, k) => {
    const ipsecPolicy = azureIpsecPolicy(member.ipsec);
    findings.push(...unmappedIpsecFindings(member).map((f) => ({ ...f, path: `${sharedPlanPath(k)}${f.path}` })));
    if (awsTunnels === undefined) return;
    findings.push(...tunnelFindings(member, awsTunnels, sharedPath(k)));
    // The first plan keeps the Pulumi names it had alone, so adding a plan never replaces its resources.
    const prefix = k === 0 ? '' : `${member.name}-`;
    for (const t of member.tunnels.filter((tunnel) => awsTunnels[tunnel.id] !== undefined)) {
      localNetworkGateways.push(localNetworkGatewayOf(member, t, awsTunnels[t.id], prefix));
      connections.push(connectionOf(member, t, ipConfigurations, ipsecPolicy, awsTunnels[t.id], prefix));
    }
  });

  return {
    plan,
    plans,
    resourceGroupName,
    location,
    subscriptionId,
    tags: { ...plan.tags },
    gatewaySubnet,
    publicIps,
    gateway,
    localNetworkGateways,
    connections,
    awsPeer: awsPeerOf(plan),
    findings,
  };
}

/** What the AWS half of `plan` has (or will have), for the cross-cloud rules. */
function awsPeerOf(plan: ResolvedPlan): AwsPeerView {
  return {
    asn: plan.aws.asn,
    startupAction: plan.aws.startupAction,
    insideCidrs: Object.fromEntries(plan.tunnels.map((t) => [t.id, t.insideCidr])),
    ikeVersion: plan.ipsec.ikeVersion,
    dpdTimeoutAction: plan.ipsec.dpdTimeoutAction,
  };
}

function localNetworkGatewayOf(plan: ResolvedPlan, tunnel: ResolvedTunnel, aws: AwsTunnelDesignInput, prefix: string): LocalNetworkGatewayDesign {
  return {
    resourceName: `lng-${prefix}${tunnel.id}`,
    name: azureNames.localNetworkGateway(plan, tunnel.id),
    planName: plan.name,
    tunnelId: tunnel.id,
    gatewayIpAddress: aws.outsideIp,
    // C11: the LNG speaks for the AWS side of the session.
    asn: plan.aws.asn,
    bgpPeeringAddress: tunnel.awsBgpIp,
    addressPrefixes: [],
    tags: { ...plan.tags },
  };
}

function connectionOf(
  plan: ResolvedPlan,
  tunnel: ResolvedTunnel,
  ipConfigurations: readonly IpConfigurationDesign[],
  ipsecPolicy: AzureIpsecPolicyValues,
  aws: AwsTunnelDesignInput,
  prefix: string,
): ConnectionDesign {
  return {
    resourceName: `cn-${prefix}${tunnel.id}`,
    name: azureNames.connection(plan, tunnel.id),
    planName: plan.name,
    tunnelId: tunnel.id,
    localNetworkGatewayName: azureNames.localNetworkGateway(plan, tunnel.id),
    connectionType: 'IPsec',
    connectionProtocol: plan.ipsec.ikeVersion === 'ikev1' ? 'IKEv1' : 'IKEv2',
    enableBgp: true,
    connectionMode: plan.azure.connectionMode,
    usePolicyBasedTrafficSelectors: false,
    dpdTimeoutSeconds: plan.ipsec.dpdTimeoutSeconds,
    ipsecPolicies: [ipsecPolicy],
    // C13: both IP configurations, or Azure uses the first APIPA address for every connection. The
    // other instance's address is the plan's own first one there, which the union list holds too.
    gatewayCustomBgpIpAddresses: ipConfigurations.map((c, i) => ({
      ipConfigurationId: c.id,
      customBgpIpAddress: tunnel.azureCustomBgpIps[i],
    })),
    sharedKey: {
      isSecret: true,
      ...(aws.presharedKeyProblems !== undefined ? { formatProblems: [...aws.presharedKeyProblems] } : {}),
      ...(aws.presharedKeySameAs !== undefined ? { sameKeyAs: [...aws.presharedKeySameAs] } : {}),
    },
    tags: { ...plan.tags },
  };
}

/** `…/subnets/GatewaySubnet` → `GatewaySubnet`; undefined for anything else. */
function subnetNameOf(subnetId: string): string | undefined {
  return /\/subnets\/([^/]+)$/i.exec(subnetId)?.[1];
}

/**
 * The design as the Azure rules check it, once per plan on the gateway: the rules speak of one plan's four
 * tunnels (C15). A gateway serving one plan is checked as it is; for a shared gateway, plan k's check sees the
 * whole gateway (every plan's APIPA addresses) with only that plan's local network gateways, connections, AWS
 * peer and VNet space.
 */
export function azureDesignPerPlan(design: AzureDesign): AzureView[] {
  if (design.plans.length <= 1) return [design];
  return design.plans.map((plan, k) => {
    if (k === 0) return { ...design, localNetworkGateways: own(design.localNetworkGateways, plan), connections: own(design.connections, plan) };
    const subnet = design.gatewaySubnet;
    return {
      ...design,
      gatewaySubnet: subnet.create ? { ...subnet, vnetAddressSpace: [plan.azure.vnetCidr] } : subnet,
      localNetworkGateways: own(design.localNetworkGateways, plan),
      connections: own(design.connections, plan),
      awsPeer: awsPeerOf(plan),
    };
  });
}

const own = <T extends { readonly planName: string; }>(items: readonly T[], plan: ResolvedPlan) =>
  items.filter((item) => item.planName === plan.name);
