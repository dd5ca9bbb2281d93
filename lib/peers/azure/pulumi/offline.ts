/**
 * The Azure program without a cloud or the Pulumi CLI: it runs under `pulumi.runtime.setMocks` (the
 * documented unit-test mocks) and returns every resource it registers with its inputs, secrets
 * masked. Used by bin/azure-offline.ts, the `multicloud-vpn azure` CLI verb and the tests.
 *
 * Offline, keys cannot be read from Secrets Manager: unless a reader is given, each tunnel gets a
 * random stand-in key generated in memory, which is never printed (the log says so).
 */
import * as pulumi from '@pulumi/pulumi';
import type { SecretReader } from '../../../handoff/aws-outputs';
import type { ResolvedPlan } from '../../../plan/types';
import { azureProgram, type AzureProgramOutputs, type SharedPlanSource } from './program';
import { offlineKeyStandIn } from '../../../handoff/offline-keys';
import { SECRET_MASK, settled, sortedByType, type RegisteredResource } from '../../pulumi-kit/offline';

// The listing's shared parts, exported from here as before (the entry points and users import them here).
export { offlineKeyStandIn, SECRET_MASK, type RegisteredResource };

/** The subscription the mocks pretend to be in. */
export const OFFLINE_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';
/** Input fields that hold a secret whatever the mock is handed (the mocks receive secrets unwrapped). */
const SECRET_FIELDS = new Set(['sharedKey']);

export interface OfflineAzureOptions {
  /** The plan; read from `planFile` when absent. */
  readonly plan?: ResolvedPlan;
  /** @default vpn-plan.json */
  readonly planFile?: string;
  /** `cdk deploy --outputs-file` output; absent: the first run. */
  readonly awsOutputsFile?: string;
  /** Further plans on the same gateway, with their AWS outputs files. @default none */
  readonly sharedPlans?: readonly SharedPlanSource[];
  /** Keys by secret ARN. @default random stand-ins (`offlineKeyStandIn`) */
  readonly readSecret?: SecretReader;
  /** Where notes go (never a key). @default stderr */
  readonly log?: (text: string) => void;
}

/** Paths (lists of keys) of the secret Outputs inside `value`. */
async function secretPaths(value: unknown, path: readonly string[] = []): Promise<string[][]> {
  if (pulumi.Output.isInstance(value)) return (await pulumi.isSecret(value)) ? [[...path]] : [];
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return (await Promise.all(entries.map(([k, v]) => secretPaths(v, [...path, k])))).flat();
  }
  return [];
}

/** `value` with every secret path, secret field and known secret value replaced by the mask. */
function masked(value: unknown, secretPathList: readonly string[][], knownSecrets: ReadonlySet<string>, path: readonly string[] = []): unknown {
  const here = path.join('\u0000');
  if (secretPathList.some((p) => p.join('\u0000') === here) && path.length > 0) return SECRET_MASK;
  if (typeof value === 'string') return knownSecrets.has(value) ? SECRET_MASK : value;
  if (Array.isArray(value)) return value.map((v, i) => masked(v, secretPathList, knownSecrets, [...path, String(i)]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_FIELDS.has(k) && v !== undefined ? SECRET_MASK : masked(v, secretPathList, knownSecrets, [...path, k]),
      ]),
    );
  }
  return value;
}

/** Azure resource ids the mocks hand back, shaped like the real ones. */
function mockId(type: string, name: string, inputs: Record<string, unknown>): string {
  const group = `/subscriptions/${OFFLINE_SUBSCRIPTION_ID}/resourceGroups/${String(inputs.resourceGroupName)}/providers/Microsoft.Network`;
  switch (type) {
    case 'azure-native:network:PublicIPAddress':
      return `${group}/publicIPAddresses/${String(inputs.publicIpAddressName)}`;
    case 'azure-native:network:VirtualNetworkGateway':
      return `${group}/virtualNetworkGateways/${String(inputs.virtualNetworkGatewayName)}`;
    case 'azure-native:network:LocalNetworkGateway':
      return `${group}/localNetworkGateways/${String(inputs.localNetworkGatewayName)}`;
    case 'azure-native:network:VirtualNetworkGatewayConnection':
      return `${group}/connections/${String(inputs.virtualNetworkGatewayConnectionName)}`;
    case 'azure-native:network:Subnet':
      return `${group}/virtualNetworks/${String(inputs.virtualNetworkName)}/subnets/${String(inputs.subnetName)}`;
    default:
      return `${name}-id`;
  }
}

/** A documentation-range (RFC 5737) address per public IP: `…-pip0` → 203.0.113.10. */
function mockPublicIp(inputs: Record<string, unknown>, fallback: number): string {
  const match = /pip(\d+)$/.exec(String(inputs.publicIpAddressName));
  return `203.0.113.${10 + (match ? Number(match[1]) : fallback)}`;
}

const TYPE_ORDER = [
  'multicloud-vpn:azure:VpnGateway',
  'azure-native:network:Subnet',
  'azure-native:network:PublicIPAddress',
  'azure-native:network:VirtualNetworkGateway',
  'azure-native:network:LocalNetworkGateway',
  'azure-native:network:VirtualNetworkGatewayConnection',
];

/**
 * Runs the Azure program under Pulumi mocks and returns what it registers, secrets masked, in a
 * stable order (component, subnet, public IPs, gateway, local network gateways, connections).
 */
export async function offlineAzureResources(options: OfflineAzureOptions = {}): Promise<RegisteredResource[]> {
  const log = options.log ?? ((text: string) => process.stderr.write(`${text}\n`));
  const knownSecrets = new Set<string>();
  const baseReader = options.readSecret ?? offlineKeyStandIn(log);
  const readSecret: SecretReader = async (arn) => {
    const key = await baseReader(arn);
    knownSecrets.add(key);
    return key;
  };
  const pendingSecretPaths = new Map<string, Promise<string[][]>>();
  const registered: RegisteredResource[] = [];
  let publicIps = 0;
  await pulumi.runtime.setMocks(
    {
      newResource: async (args) => {
        const secretPathList = (await pendingSecretPaths.get(`${args.type}::${args.name}`)) ?? [];
        registered.push({ type: args.type, name: args.name, inputs: masked(args.inputs, secretPathList, knownSecrets) });
        const state: Record<string, unknown> = { ...args.inputs };
        if (args.type === 'azure-native:network:PublicIPAddress') state.ipAddress = mockPublicIp(args.inputs, publicIps++);
        return { id: args.custom === false ? undefined : mockId(args.type, args.name, args.inputs), state };
      },
      call: (args) =>
        args.token === 'azure-native:authorization:getClientConfig'
          ? {
            clientId: OFFLINE_SUBSCRIPTION_ID,
            objectId: OFFLINE_SUBSCRIPTION_ID,
            subscriptionId: OFFLINE_SUBSCRIPTION_ID,
            tenantId: OFFLINE_SUBSCRIPTION_ID,
          }
          : args.inputs,
    },
    'multicloud-vpn-azure',
    'offline',
  );

  // Which inputs are secret is known only before serialization: record it as each resource is made.
  const recordSecrets: pulumi.ResourceTransformation = ({ type, name, props }) => {
    pendingSecretPaths.set(`${type}::${name}`, secretPaths(props));
    return undefined;
  };
  const outputs: AzureProgramOutputs = await azureProgram({
    plan: options.plan,
    planFile: options.planFile,
    awsOutputsFile: options.awsOutputsFile,
    sharedPlans: options.sharedPlans,
    readSecret,
    resourceOptions: { transformations: [recordSecrets] },
  });
  await settled(pulumi.all([outputs.gatewayPublicIps, outputs.gatewayId, outputs.connectionIds]));
  return sortedByType(registered, TYPE_ORDER);
}
