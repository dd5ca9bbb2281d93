/**
 * Reading VPN resources out of a template, shared by the VPN connection rules (C15, C19, C20,
 * C22–C27). Unknowable values (intrinsics) come back as undefined so that callers skip them.
 */
import { PEER_TAGS } from '../../handoff/formats';
import { isUnresolved, resourcesOfType, tagValue, targetOf, type CfnResourceView, type CfnView } from './cfn-view';

export const VPN_CONNECTION = 'AWS::EC2::VPNConnection';
export const CUSTOMER_GATEWAY = 'AWS::EC2::CustomerGateway';
export const VPN_GATEWAY = 'AWS::EC2::VPNGateway';

function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnresolved(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A VPN connection's tunnel specifications; undefined when absent or computed at deploy time. */
export function tunnelSpecsOf(connection: CfnResourceView): readonly Readonly<Record<string, unknown>>[] | undefined {
  const specs = connection.properties.VpnTunnelOptionsSpecifications;
  if (!Array.isArray(specs)) return undefined;
  // An unresolved entry is kept as an empty spec, so that indexes in messages stay right.
  return specs.map((spec) => asRecord(spec) ?? {});
}

/** Literal values of a `[{ Value: x }]` list (IKEVersions, Phase1DHGroupNumbers, …); undefined when absent or computed. */
export function listValues(value: unknown): readonly unknown[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const values = value.map((entry) => asRecord(entry)?.Value);
  return values.some((v) => v === undefined || isUnresolved(v)) ? undefined : values;
}

/** A literal number (or numeric string) of a template; undefined for an absent or computed value. */
export function literalNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/** The customer gateway a connection refers to, when it is in the same template. */
function customerGatewayOf(view: CfnView, connection: CfnResourceView): CfnResourceView | undefined {
  const target = targetOf(connection.properties.CustomerGatewayId);
  return target === undefined ? undefined : resourcesOfType(view, CUSTOMER_GATEWAY).find((r) => r.logicalId === target);
}

/** The Azure connection mode a connection's customer gateway is tagged with, if any (PEER_TAGS). */
export function peerConnectionModeOf(view: CfnView, connection: CfnResourceView): string | undefined {
  const gateway = customerGatewayOf(view, connection);
  return gateway && tagValue(gateway, PEER_TAGS.peerConnectionMode);
}

/** True for a connection this library's tags mark as facing an Azure gateway. */
export function facesAzure(view: CfnView, connection: CfnResourceView): boolean {
  return peerConnectionModeOf(view, connection) !== undefined || tagValue(connection, PEER_TAGS.tunnelIds) !== undefined;
}

/** A stable key for the gateway a connection terminates on (logical id, or the literal / intrinsic JSON). */
function vpnGatewayKey(connection: CfnResourceView): string | undefined {
  const id = connection.properties.VpnGatewayId;
  if (id === undefined) return undefined;
  return targetOf(id) ?? JSON.stringify(id);
}

/** Where to report a gateway-wide finding: the VGW resource when in the template, else the first connection. */
export function vpnGatewayPath(view: CfnView, key: string, fallback: CfnResourceView): string {
  return resourcesOfType(view, VPN_GATEWAY).find((r) => r.logicalId === key)?.path ?? fallback.path;
}

/** Connections grouped by the VGW they terminate on; connections without a VGW are left out. */
export function connectionsByVpnGateway(connections: readonly CfnResourceView[]): Map<string, CfnResourceView[]> {
  return groupBy(connections, vpnGatewayKey);
}

/**
 * Connections grouped by VGW and, where this library tagged them, by plan: several plans (each
 * toward its own Azure gateway, or sharing one) may terminate on one VGW.
 */
export function connectionsByVpnGatewayAndPlan(connections: readonly CfnResourceView[]): Map<string, CfnResourceView[]> {
  return groupBy(connections, (c) => {
    const gateway = vpnGatewayKey(c);
    const plan = tagValue(c, PEER_TAGS.plan);
    return gateway === undefined ? undefined : plan === undefined ? gateway : `${gateway} (plan ${plan})`;
  });
}

function groupBy(connections: readonly CfnResourceView[], keyOf: (c: CfnResourceView) => string | undefined): Map<string, CfnResourceView[]> {
  const groups = new Map<string, CfnResourceView[]>();
  for (const connection of connections) {
    const key = keyOf(connection);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), connection]);
  }
  return groups;
}
