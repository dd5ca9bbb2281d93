/**
 * The Alibaba program without a cloud or the Pulumi CLI (like lib/peers/azure/pulumi/offline.ts): it runs under
 * `pulumi.runtime.setMocks` and returns every resource it registers with its inputs, keys masked, and the
 * tunnel table of the design (connection, role, gateway IP, tunnel CIDR, BGP addresses, ASNs).
 *
 * Offline, keys are not read from Secrets Manager: unless a reader is given, each tunnel gets a random
 * stand-in key made in memory (`offlineKeyStandIn`), never printed.
 */
import * as pulumi from '@pulumi/pulumi';
import type { SecretReader } from '../../../handoff/aws-outputs';
import { ALIBABA_VPN_GATEWAY_TYPE, type AlibabaVpnGateway } from './component';
import type { GatewayIpIndex, TunnelRole } from '../design';
import { alibabaProgram, type AlibabaProgramOptions } from './program';
import { offlineKeyStandIn } from '../../../handoff/offline-keys';
import { SECRET_MASK, settled, sortedByType, type RegisteredResource } from '../../pulumi-kit/offline';

// The listing's shared parts, exported from here as before (the entry points and users import them here).
export { offlineKeyStandIn, SECRET_MASK, type RegisteredResource };

/** The gateway's public IPs in the mocks (RFC 5737): IP 1, IP 2. */
export const OFFLINE_GATEWAY_IPS: readonly [string, string] = ['203.0.113.10', '198.51.100.20'];
/** Input fields holding a key (the mocks receive secrets unwrapped). */
const SECRET_FIELDS = new Set(['psk']);

export interface OfflineAlibabaOptions extends Pick<AlibabaProgramOptions, 'plan' | 'planFile' | 'awsOutputsFile' | 'alarms'> {
  /** Keys by secret ARN. @default random stand-ins */
  readonly readSecret?: SecretReader;
  /** Where notes go (never a key). @default stderr */
  readonly log?: (text: string) => void;
}

/** One Alibaba tunnel and the AWS tunnel it faces (C39). */
export interface OfflineTunnelRow {
  readonly connection: string;
  /** 1 or 2 in `tunnelOptionsSpecifications`. */
  readonly position: number;
  /** `master` (active) or `slave` (standby). */
  readonly role: TunnelRole;
  /** The gateway IP the tunnel uses. */
  readonly gatewayIp: string;
  readonly gatewayIpIndex: GatewayIpIndex;
  /** The plan tunnel id of the AWS tunnel it faces, and that tunnel's outside IP (the customer gateway). */
  readonly awsTunnel: string;
  readonly customerGatewayIp: string;
  readonly tunnelCidr: string;
  readonly localBgpIp: string;
  readonly peerBgpIp: string;
  readonly localAsn: number;
  readonly peerAsn: number;
  /** Always the mask: the listing never shows a key. */
  readonly presharedKey: typeof SECRET_MASK;
}

export interface OfflineAlibabaListing {
  /** Component, gateway, customer gateways, connections, then alarms; secrets masked. */
  readonly resources: RegisteredResource[];
  /** Connection 1 then 2, master then slave; empty on the first run. */
  readonly tunnels: OfflineTunnelRow[];
}

/** `value` with Pulumi's serialized secrets (`{ <sig>: <secret sig>, value }`) replaced by their values. */
function revealed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revealed);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (object[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) return revealed(object.value);
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, revealed(v)]));
}

/** `value` with every key field and every known key value replaced by the mask. */
function masked(value: unknown, known: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return known.has(value) ? SECRET_MASK : value;
  if (Array.isArray(value)) return value.map((v) => masked(v, known));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELDS.has(k) && v !== undefined ? SECRET_MASK : masked(v, known)]),
    );
  }
  return value;
}

const TYPE_ORDER = [
  ALIBABA_VPN_GATEWAY_TYPE,
  'alicloud:vpn/gateway:Gateway',
  'alicloud:vpn/customerGateway:CustomerGateway',
  'alicloud:vpn/connection:Connection',
  'alicloud:cms/alarmContactGroup:AlarmContactGroup',
  'alicloud:cms/alarm:Alarm',
];

/** Runs the Alibaba program under Pulumi mocks: what it registers, and the tunnel table. */
export async function offlineAlibabaListing(options: OfflineAlibabaOptions = {}): Promise<OfflineAlibabaListing> {
  const log = options.log ?? ((text: string) => process.stderr.write(`${text}\n`));
  const known = new Set<string>();
  const baseReader = options.readSecret ?? offlineKeyStandIn(log);
  const readSecret: SecretReader = async (arn) => {
    const key = await baseReader(arn);
    known.add(key);
    return key;
  };
  const registered: RegisteredResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: async (args) => {
        const inputs = revealed(args.inputs) as Record<string, unknown>;
        registered.push({ type: args.type, name: args.name, inputs: masked(inputs, known) });
        const state: Record<string, unknown> = { ...inputs };
        if (args.type === 'alicloud:vpn/gateway:Gateway') [state.internetIp, state.disasterRecoveryInternetIp] = OFFLINE_GATEWAY_IPS;
        // The provider reports each tunnel's id (the alarms find it by role).
        if (args.type === 'alicloud:vpn/connection:Connection') {
          state.tunnelOptionsSpecifications = (inputs.tunnelOptionsSpecifications as { role: string; }[]).map((t) => ({
            ...t,
            tunnelId: `tun-${args.name}-${t.role}`,
          }));
        }
        return { id: args.custom === false ? undefined : `${args.name}-id`, state };
      },
      call: (args) => args.inputs,
    },
    'multicloud-vpn-alibaba',
    'offline',
  );

  let component: AlibabaVpnGateway | undefined;
  const keep: pulumi.ResourceTransformation = ({ type, resource }) => {
    if (type === ALIBABA_VPN_GATEWAY_TYPE) component = resource as AlibabaVpnGateway;
    return undefined;
  };
  const outputs = await alibabaProgram({
    plan: options.plan,
    planFile: options.planFile,
    awsOutputsFile: options.awsOutputsFile,
    alarms: options.alarms,
    readSecret,
    resourceOptions: { transformations: [keep] },
  });
  const [ips] = await settled(pulumi.all([outputs.gatewayPublicIps, outputs.gatewayId, outputs.connectionIds, component!.alarmIds]));
  const design = component!.design;
  const outside = new Map(design.customerGateways.map((c) => [c.resourceName, c.ipAddress]));
  const tunnels = design.connections.flatMap((c) =>
    c.tunnels.map((t): OfflineTunnelRow => ({
      connection: c.name,
      position: t.position,
      role: t.role,
      gatewayIp: ips[t.gatewayIp],
      gatewayIpIndex: t.gatewayIp,
      awsTunnel: t.tunnelId,
      customerGatewayIp: outside.get(t.customerGatewayResourceName)!,
      tunnelCidr: t.bgp.tunnelCidr,
      localBgpIp: t.bgp.localBgpIp,
      peerBgpIp: t.bgp.peerBgpIp,
      localAsn: t.bgp.localAsn,
      peerAsn: t.bgp.peerAsn,
      presharedKey: SECRET_MASK,
    }))
  );
  return { resources: sortedByType(registered, TYPE_ORDER), tunnels };
}
