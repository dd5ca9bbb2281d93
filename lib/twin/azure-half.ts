/**
 * The Azure half as the twin sees it: the library's Pulumi program run under the documented unit-
 * test mocks (`pulumi.runtime.setMocks`, as lib/peers/azure/pulumi/offline.ts does), keeping every resource's
 * inputs as the engine would receive them, the connections' shared keys included (in memory only:
 * nothing here prints them). Run twice, as deployed: first without AWS outputs (the gateway and its
 * public IPs), then with the AWS half's outputs file, whose secrets are read from the fake store.
 */
import * as pulumi from '@pulumi/pulumi';
import type { SecretReader } from '../handoff/aws-outputs';
import type { ResolvedPlan } from '../plan/types';
import { azureProgram } from '../peers/azure/pulumi/program';

export interface RenderedResource {
  /** e.g. `azure-native:network:VirtualNetworkGatewayConnection` */
  readonly type: string;
  readonly name: string;
  /** The id the mocks gave it. */
  readonly id: string;
  /** Inputs as the engine receives them (secrets unwrapped), plus the mocked `ipAddress` of a public IP. */
  readonly inputs: Record<string, unknown>;
}

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
/** RFC 5737 TEST-NET-3: the mocked public IPs of gateway instances 0 and 1 (`…-pip0` → .10). */
export const AZURE_PUBLIC_IP_POOL = '203.0.113.';

/** Pulumi's wire marker of a secret value (`{ [SIG]: SECRET_SIG, value }`), as mocks receive secrets. */
const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

/** The inputs with every secret envelope replaced by its value. */
function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (object[SIG_KEY] === SECRET_SIG) return unwrapSecrets(object.value);
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, unwrapSecrets(v)]));
}

function settled<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) =>
    output.apply((value) => {
      resolve(value);
      return value;
    })
  );
}

/** Runs the Azure program under mocks and returns its resources and `gatewayPublicIps`. */
export async function renderAzureHalf(
  plan: ResolvedPlan,
  options: { awsOutputsFile?: string; readSecret?: SecretReader; } = {},
): Promise<{ resources: RenderedResource[]; gatewayPublicIps: string[]; }> {
  const resources: RenderedResource[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: async (args) => {
        const inputs = unwrapSecrets(args.inputs) as Record<string, unknown>;
        if (args.type === 'azure-native:network:PublicIPAddress') {
          const index = /pip(\d+)$/.exec(String(inputs.publicIpAddressName));
          inputs.ipAddress = `${AZURE_PUBLIC_IP_POOL}${10 + (index ? Number(index[1]) : resources.length)}`;
        }
        const id = `/twin/${args.type}/${args.name}`;
        resources.push({ type: args.type, name: args.name, id, inputs });
        return { id: args.custom === false ? undefined : id, state: inputs };
      },
      call: (args) =>
        args.token === 'azure-native:authorization:getClientConfig'
          ? { clientId: SUBSCRIPTION, objectId: SUBSCRIPTION, subscriptionId: SUBSCRIPTION, tenantId: SUBSCRIPTION }
          : args.inputs,
    },
    'multicloud-vpn-twin',
    'twin',
  );
  const outputs = await azureProgram({ plan, awsOutputsFile: options.awsOutputsFile, readSecret: options.readSecret });
  const [gatewayPublicIps] = await settled(pulumi.all([outputs.gatewayPublicIps, outputs.gatewayId, outputs.connectionIds]));
  return { resources, gatewayPublicIps };
}
