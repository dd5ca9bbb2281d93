/**
 * The Azure half of the VPN as a Pulumi component: an active/active, BGP, route-based VPN gateway
 * with two public IPs and, once the AWS tunnels are known, one local network gateway and one
 * connection per AWS tunnel (seed 004). Several plans (one VPC each, `planSharedGateway`) may share
 * the gateway: `sharedWith`. All values come from `azureDesign`; this file only wires resources,
 * after the design passed every rule.
 */
import * as authorization from '@pulumi/azure-native/authorization';
import * as monitor from '@pulumi/azure-native/monitor';
import * as network from '@pulumi/azure-native/network';
import * as pulumi from '@pulumi/pulumi';
import type { AzureIpsecPolicyValues } from '../../../plan/ipsec';
import type { ResolvedPlan } from '../../../plan/types';
import { sameKeyViolation } from '../../../rules/ipsec/PresharedKeyFormat';
import { type Rule } from '../../../check/kit/rule';
import { formatFinding, type Finding } from '../../../core/finding';
import { TunnelAlarmsConfigured } from '../../../rules/topology/TunnelAlarmsConfigured';
import { ALERT_EVALUATION_FREQUENCY, ALERT_WINDOW, metricAlertDesigns, VIRTUAL_NETWORK_GATEWAY_METRIC_NAMESPACE } from './alerts';
import { AzureDesignError, assertAzureDesign } from './check';
import { azureDesign, sharedPath, SUBSCRIPTION_ID_PLACEHOLDER, type AwsTunnelDesignInput, type AzureDesign } from '../design';
import { PRESHARED_KEY_FIX, presharedKeyProblems, tunnelsSharingKeys } from '../../../core/preshared-key';

/** The component's Pulumi type token. */
export const AZURE_VPN_GATEWAY_TYPE = 'multicloud-vpn:azure:VpnGateway';

/** Gateways take 45 minutes or more to create or resize; azure-native's default would give up first. */
export const GATEWAY_TIMEOUT = '90m';

/** One AWS tunnel as the Azure side needs it (from the AWS hand-off). */
export interface AwsTunnelEndpoint {
  /** The AWS tunnel's outside IP. */
  readonly outsideIp: string;
  /**
   * The tunnel's pre-shared key. The component wraps it in `pulumi.secret` whatever it is given (C23).
   * A plain string is checked for the documented format now (C22); an Output inside an `apply`,
   * unless `presharedKeyProblems` says it was checked before wrapping.
   */
  readonly presharedKey: pulumi.Input<string>;
  /** C22 problems found when the key's value was at hand (never the value). @default checked by the component */
  readonly presharedKeyProblems?: readonly string[];
  /**
   * Other tunnel ids of the plan given the same key (C22: one key per tunnel), found when the values
   * were at hand (`awsTunnelEndpoints`). @default checked by the component
   */
  readonly presharedKeySameAs?: readonly string[];
}

export interface AzureVpnGatewayArgs {
  /** The resolved plan (`planVpn`, `loadPlanFile`). */
  readonly plan: ResolvedPlan;
  /** @default plan.azure.resourceGroupName */
  readonly resourceGroupName?: string;
  /** @default plan.azure.location */
  readonly location?: string;
  /**
   * An existing `GatewaySubnet` (resource id). @default undefined: create `GatewaySubnet`
   * (plan.azure.gatewaySubnetCidr) in `virtualNetworkName`
   */
  readonly gatewaySubnetId?: pulumi.Input<string>;
  /** The VNet to create `GatewaySubnet` in; not with `gatewaySubnetId`. @default plan.azure.vnetName */
  readonly virtualNetworkName?: string;
  /** The subscription of the resource group. @default the provider's (`authorization.getClientConfig`) */
  readonly subscriptionId?: pulumi.Input<string>;
  /**
   * Availability zones of both public IPs (identical, C14).
   * @default ['1', '2', '3'] where the region has availability zones, none elsewhere (C38)
   */
  readonly publicIpZones?: readonly string[];
  /**
   * The AWS tunnels by plan tunnel id (`Instance0Tunnel1` …). @default undefined: the first run,
   * which creates the public IPs, the gateway (and subnet) only
   */
  readonly awsTunnels?: Readonly<Record<string, AwsTunnelEndpoint>>;
  /**
   * Further plans on the same gateway, in `planSharedGateway` order after `plan`, each with its AWS
   * tunnels. The gateway then answers on every plan's APIPA addresses; the plans must agree on the
   * gateway (SKU, ASN, names …) and never overlap (C04). @default none: the gateway serves `plan` alone
   */
  readonly sharedWith?: readonly SharedPlanArgs[];
  /** The rules the design must pass. @default RULES (lib/check/registry.ts) */
  readonly rules?: readonly Rule[];
  /**
   * Azure Monitor metric alerts on the gateway, two per connection: its BGP peer (`BgpPeerStatus`,
   * dimension `BgpPeerAddress`) and its ingress (`TunnelIngressBytes`, dimension `ConnectionName`)
   * (C43). Turn off only when the gateway is watched elsewhere: the component then warns (C43).
   * @default true
   */
  readonly alerts?: boolean;
  /** An action group (resource id) the alerts notify. @default none: the alerts fire without an action */
  readonly alertActionGroupId?: pulumi.Input<string>;
}

/** A further plan on the gateway (`AzureVpnGatewayArgs.sharedWith`). */
export interface SharedPlanArgs {
  /** The resolved plan, from the same `planSharedGateway` call (or plan files) as the AWS side's. */
  readonly plan: ResolvedPlan;
  /** Its AWS tunnels by plan tunnel id. @default undefined: its AWS side does not exist yet, no LNG or connection */
  readonly awsTunnels?: Readonly<Record<string, AwsTunnelEndpoint>>;
}

interface CheckedKey {
  readonly value: pulumi.Output<string>;
  readonly problems?: readonly string[];
}

function keyFindings(at: string, tunnelId: string, problems: readonly string[]): Finding[] {
  return problems.map((problem) => ({
    path: `${at}awsTunnels.${tunnelId}.presharedKey`,
    ruleId: 'PresharedKeyFormat',
    catalogue: ['C22'],
    level: 'error',
    message: `the pre-shared key of tunnel ${tunnelId} ${problem}`,
    fix: PRESHARED_KEY_FIX,
  }));
}

/** The key as a secret; its format checked now when it is a string, else inside an apply (C22, C23). */
function checkedKey(at: string, tunnelId: string, endpoint: AwsTunnelEndpoint): CheckedKey {
  const key = endpoint.presharedKey;
  if (typeof key === 'string') return { value: pulumi.secret(key), problems: presharedKeyProblems(key) };
  if (endpoint.presharedKeyProblems !== undefined) return { value: pulumi.secret(key), problems: endpoint.presharedKeyProblems };
  // The value arrives later: a wrong format fails the connection's inputs, so it is never created.
  const value = pulumi.secret(key).apply((k) => {
    const problems = presharedKeyProblems(k);
    if (problems.length > 0) throw new AzureDesignError(keyFindings(at, tunnelId, problems), `pre-shared key of ${tunnelId}`);
    return k;
  });
  return { value };
}

function sameKeyFindings(at: string, sameAs: ReadonlyMap<string, string[]>): Finding[] {
  return [...sameAs].flatMap(([tunnelId, others]) =>
    sameKeyViolation(`${at}awsTunnels.${tunnelId}`, tunnelId, others).map((v) => ({
      path: `${at}awsTunnels.${tunnelId}.presharedKey`,
      ruleId: 'PresharedKeyFormat',
      catalogue: ['C22'] as const,
      level: 'error' as const,
      message: v.message,
      fix: v.fix ?? PRESHARED_KEY_FIX,
    }))
  );
}

/**
 * The keys of one plan with their C22 checks: format and one key per tunnel. Values at hand (strings)
 * are checked now; Outputs without a prior check are checked together inside an apply, so a reused
 * key fails every connection's inputs and none is created.
 */
function checkedPlanKeys(
  at: string,
  endpoints: Readonly<Record<string, AwsTunnelEndpoint>>,
): Map<string, CheckedKey & { sameAs?: readonly string[]; }> {
  const checked = new Map<string, CheckedKey & { sameAs?: readonly string[]; }>();
  const plain = new Map(Object.entries(endpoints).flatMap(([id, e]) => (typeof e.presharedKey === 'string' ? [[id, e.presharedKey] as const] : [])));
  const plainSameAs = tunnelsSharingKeys(plain);
  const later = Object.entries(endpoints).filter(([, e]) => typeof e.presharedKey !== 'string' && e.presharedKeySameAs === undefined);
  const laterCheck = later.length < 2
    ? undefined
    : pulumi.all(later.map(([, e]) => pulumi.secret(e.presharedKey))).apply((values) => {
      const sameAs = tunnelsSharingKeys(new Map(later.map(([id], i) => [id, values[i]])));
      if (sameAs.size > 0) throw new AzureDesignError(sameKeyFindings(at, sameAs), 'pre-shared keys');
      return true;
    });
  for (const [tunnelId, endpoint] of Object.entries(endpoints)) {
    const key = checkedKey(at, tunnelId, endpoint);
    const value = laterCheck !== undefined && later.some(([id]) => id === tunnelId)
      ? pulumi.all([key.value, laterCheck]).apply(([k]) => k)
      : key.value;
    const sameAs = typeof endpoint.presharedKey === 'string' ? plainSameAs.get(tunnelId) ?? [] : endpoint.presharedKeySameAs;
    checked.set(tunnelId, { ...key, value, ...(sameAs !== undefined ? { sameAs } : {}) });
  }
  return checked;
}

/** The IPsec policy with every field set; the design check has refused a missing one already (C24). */
function ipsecPolicyArgs(policy: AzureIpsecPolicyValues) {
  const required = (value: string | undefined, field: string): string => {
    if (value === undefined) throw new Error(`C24: the IPsec policy has no Azure value for ${field}.`);
    return value;
  };
  return {
    ikeEncryption: required(policy.ikeEncryption, 'ikeEncryption'),
    ikeIntegrity: required(policy.ikeIntegrity, 'ikeIntegrity'),
    dhGroup: required(policy.dhGroup, 'dhGroup'),
    ipsecEncryption: required(policy.ipsecEncryption, 'ipsecEncryption'),
    ipsecIntegrity: required(policy.ipsecIntegrity, 'ipsecIntegrity'),
    pfsGroup: required(policy.pfsGroup, 'pfsGroup'),
    saLifeTimeSeconds: policy.saLifeTimeSeconds,
    saDataSizeKilobytes: policy.saDataSizeKilobytes,
  };
}

/**
 * The design of `args`, checked: throws an `AzureDesignError` listing every finding (catalogue
 * numbers included) when any is an error. Pure apart from wrapping keys in `pulumi.secret`.
 */
export function checkedAzureDesign(
  args: AzureVpnGatewayArgs,
): { design: AzureDesign; keys: Map<string, pulumi.Output<string>>; warnings: Finding[]; } {
  const keys = new Map<string, pulumi.Output<string>>();
  const designTunnels = (k: number, plan: ResolvedPlan, endpoints: SharedPlanArgs['awsTunnels']) => {
    if (endpoints === undefined) return undefined;
    const awsTunnels: Record<string, AwsTunnelDesignInput> = {};
    for (const [tunnelId, key] of checkedPlanKeys(sharedPath(k), endpoints)) {
      keys.set(keyOf(plan.name, tunnelId), key.value);
      awsTunnels[tunnelId] = {
        outsideIp: endpoints[tunnelId].outsideIp,
        ...(key.problems !== undefined ? { presharedKeyProblems: key.problems } : {}),
        ...(key.sameAs !== undefined ? { presharedKeySameAs: key.sameAs } : {}),
      };
    }
    return awsTunnels;
  };
  const awsTunnels = designTunnels(0, args.plan, args.awsTunnels);
  const sharedWith = (args.sharedWith ?? []).map((shared, i) => ({
    plan: shared.plan,
    awsTunnels: designTunnels(i + 1, shared.plan, shared.awsTunnels),
  }));
  const design = azureDesign(args.plan, {
    resourceGroupName: args.resourceGroupName,
    location: args.location,
    subscriptionId: typeof args.subscriptionId === 'string' ? args.subscriptionId : undefined,
    existingGatewaySubnet: args.gatewaySubnetId === undefined ? undefined : typeof args.gatewaySubnetId === 'string' ? args.gatewaySubnetId : true,
    virtualNetworkName: args.virtualNetworkName,
    publicIpZones: args.publicIpZones,
    awsTunnels,
    sharedWith,
  });
  const warnings = assertAzureDesign(design, args.rules);
  return { design, keys, warnings };
}

/** Keys are per plan and tunnel: every plan has an `Instance0Tunnel1`. */
function keyOf(planName: string, tunnelId: string): string {
  return JSON.stringify([planName, tunnelId]);
}

export class AzureVpnGateway extends pulumi.ComponentResource {
  /** The checked design the resources were made from (no keys in it). */
  readonly design: AzureDesign;
  /** The gateway's public IPs, instance 0 first. */
  readonly gatewayPublicIps: pulumi.Output<string[]>;
  readonly gatewayId: pulumi.Output<string>;
  /** Connection ids in plan order, then plan tunnel order; empty on the first run. */
  readonly connectionIds: pulumi.Output<string[]>;
  /** The metric alerts (C43), two per connection; none on the first run or with `alerts: false`. */
  readonly metricAlerts: readonly monitor.MetricAlert[];

  constructor(name: string, args: AzureVpnGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    // Checked before the component registers, so an invalid design creates nothing at all.
    const { design, keys, warnings } = checkedAzureDesign(args);
    super(AZURE_VPN_GATEWAY_TYPE, name, {}, opts);
    this.design = design;
    for (const warning of warnings) void pulumi.log.warn(formatFinding(warning), this);

    const { resourceGroupName, location } = design;
    const tags = design.tags;
    let subscription: pulumi.Output<string> | undefined;
    const resolveId = (id: string): pulumi.Input<string> => {
      if (!id.includes(SUBSCRIPTION_ID_PLACEHOLDER)) return id;
      subscription ??= pulumi.output(args.subscriptionId ?? authorization.getClientConfigOutput({ parent: this }).subscriptionId);
      return subscription.apply((s) => id.split(SUBSCRIPTION_ID_PLACEHOLDER).join(s));
    };

    let subnetId: pulumi.Input<string>;
    const subnetDesign = design.gatewaySubnet;
    if (subnetDesign.create) {
      const subnet = new network.Subnet(`${name}-${subnetDesign.resourceName}`, {
        resourceGroupName,
        virtualNetworkName: subnetDesign.virtualNetworkName!,
        subnetName: subnetDesign.name,
        addressPrefix: subnetDesign.addressPrefix,
      }, { parent: this });
      subnetId = subnet.id;
    } else {
      subnetId = args.gatewaySubnetId!;
    }

    const publicIps = design.publicIps.map((p) =>
      new network.PublicIPAddress(`${name}-${p.resourceName}`, {
        resourceGroupName,
        location,
        publicIpAddressName: p.name,
        sku: { name: p.sku, tier: p.tier },
        publicIPAllocationMethod: p.allocationMethod,
        publicIPAddressVersion: 'IPv4',
        // No zones at all in a region without them (C38): Azure refuses any zone there.
        ...(p.zones.length > 0 ? { zones: [...p.zones] } : {}),
        tags,
      }, { parent: this })
    );

    const g = design.gateway;
    const gateway = new network.VirtualNetworkGateway(`${name}-${g.resourceName}`, {
      resourceGroupName,
      location,
      // Explicit, so the IP configuration ids below are known before the gateway exists.
      virtualNetworkGatewayName: g.name,
      gatewayType: g.gatewayType,
      vpnType: g.vpnType,
      sku: { name: g.sku, tier: g.sku },
      vpnGatewayGeneration: g.generation,
      activeActive: g.activeActive,
      enableBgp: g.enableBgp,
      ipConfigurations: g.ipConfigurations.map((c) => ({
        name: c.name,
        privateIPAllocationMethod: 'Dynamic',
        publicIPAddress: { id: publicIps[c.publicIpIndex].id },
        subnet: { id: subnetId },
      })),
      bgpSettings: {
        asn: g.asn,
        bgpPeeringAddresses: g.bgpPeeringAddresses.map((b) => ({
          ipconfigurationId: resolveId(b.ipconfigurationId),
          customBgpIpAddresses: [...b.customBgpIpAddresses],
        })),
      },
      tags,
    }, { parent: this, customTimeouts: { create: GATEWAY_TIMEOUT, update: GATEWAY_TIMEOUT, delete: GATEWAY_TIMEOUT } });

    const localNetworkGateways = new Map(
      design.localNetworkGateways.map((l) => [
        l.name,
        new network.LocalNetworkGateway(`${name}-${l.resourceName}`, {
          resourceGroupName,
          location,
          localNetworkGatewayName: l.name,
          gatewayIpAddress: l.gatewayIpAddress,
          // No address space: the routes come from BGP.
          bgpSettings: { asn: l.asn, bgpPeeringAddress: l.bgpPeeringAddress },
          tags: l.tags,
        }, { parent: this }),
      ]),
    );

    const connections = design.connections.map((c) =>
      new network.VirtualNetworkGatewayConnection(`${name}-${c.resourceName}`, {
        resourceGroupName,
        location,
        virtualNetworkGatewayConnectionName: c.name,
        connectionType: c.connectionType,
        connectionProtocol: c.connectionProtocol,
        enableBgp: c.enableBgp,
        connectionMode: c.connectionMode,
        usePolicyBasedTrafficSelectors: c.usePolicyBasedTrafficSelectors,
        dpdTimeoutSeconds: c.dpdTimeoutSeconds,
        ipsecPolicies: c.ipsecPolicies.map(ipsecPolicyArgs),
        gatewayCustomBgpIpAddresses: c.gatewayCustomBgpIpAddresses.map((e) => ({
          ipConfigurationId: resolveId(e.ipConfigurationId),
          customBgpIpAddress: e.customBgpIpAddress,
        })),
        sharedKey: keys.get(keyOf(c.planName, c.tunnelId)),
        virtualNetworkGateway1: { id: gateway.id },
        localNetworkGateway2: { id: localNetworkGateways.get(c.localNetworkGatewayName)!.id },
        tags: c.tags,
      }, { parent: this })
    );

    // Registered after the connections: adding the alerts renames nothing that exists.
    const alertsOn = args.alerts ?? true;
    if (!alertsOn) {
      void pulumi.log.warn(
        formatFinding({
          path: 'alerts',
          ruleId: TunnelAlarmsConfigured.id,
          catalogue: TunnelAlarmsConfigured.catalogue,
          level: 'warning',
          message: 'false: no metric alert watches the BGP peers and tunnels of this gateway; a tunnel down goes unnoticed.',
          fix: "leave `alerts` on (the default), or alert on the gateway's BgpPeerStatus and TunnelIngressBytes elsewhere.",
        }),
        this,
      );
    }
    this.metricAlerts = alertsOn ?
      metricAlertDesigns(design).map((a) =>
        new monitor.MetricAlert(`${name}-${a.resourceName}`, {
          resourceGroupName,
          ruleName: a.ruleName,
          location: 'global',
          description: a.description,
          severity: a.severity,
          enabled: true,
          autoMitigate: true,
          scopes: [gateway.id],
          evaluationFrequency: ALERT_EVALUATION_FREQUENCY,
          windowSize: ALERT_WINDOW,
          criteria: {
            odataType: 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria',
            allOf: [{
              criterionType: 'StaticThresholdCriterion',
              name: a.metricName,
              metricNamespace: VIRTUAL_NETWORK_GATEWAY_METRIC_NAMESPACE,
              metricName: a.metricName,
              dimensions: [{ name: a.dimension.name, operator: 'Include', values: [a.dimension.value] }],
              timeAggregation: a.timeAggregation,
              operator: a.operator,
              threshold: a.threshold,
            }],
          },
          ...(args.alertActionGroupId === undefined ? {} : { actions: [{ actionGroupId: args.alertActionGroupId }] }),
          tags: design.plans.find((p) => p.name === a.planName)?.tags ?? tags,
        }, { parent: this })
      ) :
      [];

    this.gatewayPublicIps = pulumi.all(publicIps.map((p) => p.ipAddress)).apply((ips) => ips.map((ip) => ip ?? ''));
    this.gatewayId = gateway.id;
    this.connectionIds = pulumi.all(connections.map((c) => c.id));
    this.registerOutputs({
      gatewayPublicIps: this.gatewayPublicIps,
      gatewayId: this.gatewayId,
      connectionIds: this.connectionIds,
    });
  }
}
