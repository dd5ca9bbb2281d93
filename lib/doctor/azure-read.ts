/**
 * The Azure reads of `doctor` (@azure/arm-network 36.x, an optional peer dependency loaded lazily):
 * the plan's connections, then the gateway's BGP peer status, learned routes and, per AWS BGP peer,
 * advertised routes. The last three are long-running POST operations (202, then polling of the
 * `Location`/`Azure-AsyncOperation` URL until 200); each is polled with a timeout and a progress
 * line on stderr.
 *
 * A connection GET returns `sharedKey`: it is deleted from the response at once and never copied.
 * Azure SDK logging stays off unless the user sets AZURE_LOG_LEVEL, and its request logging never
 * includes bodies.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { azureNames } from '../peers/azure/design';
import type { AzureHandoff } from '../handoff/formats';
import type { ResolvedPlan } from '../plan/types';
import { azureUnreadable, isAzureCredentialError } from './errors';
import type { AzureBgpPeerState, AzureConnectionState, AzureRouteState, AzureState, Unreadable } from './state';

/** The Azure RBAC actions the reads use; the README's custom role lists exactly these. */
export const AZURE_READ_ACTIONS = [
  'Microsoft.Network/connections/read',
  'Microsoft.Network/virtualNetworkGateways/read',
  'Microsoft.Network/virtualNetworkGateways/getBgpPeerStatus/action',
  'Microsoft.Network/virtualNetworkGateways/getLearnedRoutes/action',
  'Microsoft.Network/virtualNetworkGateways/getAdvertisedRoutes/action',
  'Microsoft.Network/locations/operations/read',
  'Microsoft.Network/locations/operationResults/read',
] as const;

export interface AzureReadOptions {
  readonly plan: ResolvedPlan;
  readonly outputs?: AzureHandoff;
  readonly credential: TokenCredential;
  readonly subscriptionId: string;
  /** Tests pass a fake; otherwise the SDK's default HTTP client. */
  readonly httpClient?: HttpClient;
  /** Give up on a long-running operation after this long. @default 120000 */
  readonly timeoutMs?: number;
  /** Between two polls, when Azure gives no Retry-After. @default 2000 */
  readonly pollIntervalMs?: number;
  readonly progress: (line: string) => void;
}

/** The parts of an arm-network poller used here. */
interface Poller<T> {
  isDone(): boolean;
  poll(): Promise<unknown>;
  getResult(): T | undefined;
}

export class LroTimeoutError extends Error {
  constructor(operation: string, timeoutMs: number) {
    super(`${operation} did not finish within ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'LroTimeoutError';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until done, printing one progress line per poll; throws `LroTimeoutError` past the timeout. */
export async function pollWithTimeout<T>(
  poller: Poller<T>,
  operation: string,
  timeoutMs: number,
  intervalMs: number,
  progress: (line: string) => void,
): Promise<T | undefined> {
  const started = Date.now();
  while (!poller.isDone()) {
    const elapsed = Date.now() - started;
    if (elapsed >= timeoutMs) throw new LroTimeoutError(operation, timeoutMs);
    progress(`doctor: waiting for Azure ${operation} (${(elapsed / 1000).toFixed(0)} s of ${(timeoutMs / 1000).toFixed(0)} s)`);
    await sleep(Math.min(intervalMs, timeoutMs - elapsed));
    await poller.poll();
  }
  return poller.getResult();
}

/** `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/<type>/<name>` → its parts. */
export function parseResourceId(id: string): { subscriptionId: string; resourceGroupName: string; name: string; } | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/i.exec(id);
  return m ? { subscriptionId: m[1], resourceGroupName: m[2], name: m[3] } : undefined;
}

const route = (r: { network?: string; sourcePeer?: string; origin?: string; asPath?: string; nextHop?: string; }): AzureRouteState => ({
  network: r.network ?? '?',
  ...(r.sourcePeer ? { sourcePeer: r.sourcePeer } : {}),
  ...(r.origin ? { origin: r.origin } : {}),
  ...(r.asPath !== undefined ? { asPath: r.asPath } : {}),
  ...(r.nextHop ? { nextHop: r.nextHop } : {}),
});

export async function readAzureState(options: AzureReadOptions): Promise<{ azure?: AzureState; unreadable: Unreadable[]; }> {
  const { NetworkManagementClient } = await import('@azure/arm-network');
  const { plan, progress } = options;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const intervalMs = options.pollIntervalMs ?? 2000;
  const gatewayParts = options.outputs?.gatewayId ? parseResourceId(options.outputs.gatewayId) : undefined;
  const resourceGroupName = gatewayParts?.resourceGroupName ?? plan.azure.resourceGroupName;
  const gatewayName = gatewayParts?.name ?? plan.azure.gatewayName;
  const client = new NetworkManagementClient(
    options.credential,
    options.subscriptionId,
    options.httpClient ? { httpClient: options.httpClient } : {},
  );
  const unreadable: Unreadable[] = [];
  let noCredentials = false;
  const attempt = async <T>(what: string, permission: string, call: () => Promise<T>): Promise<T | undefined> => {
    if (noCredentials) return undefined;
    try {
      return await call();
    } catch (error) {
      if (error instanceof LroTimeoutError) {
        unreadable.push({
          cloud: 'azure',
          what,
          code: 'Timeout',
          reason: error.message,
          needs: 'a longer --timeout, or a retry (Azure gateway operations can take minutes)',
        });
      } else {
        unreadable.push(azureUnreadable(what, permission, error));
        if (isAzureCredentialError(error)) noCredentials = true;
      }
      return undefined;
    }
  };

  // Connections: named in the peer outputs file, else by the program's naming (lib/peers/azure/design.ts).
  progress(`doctor: reading Azure connections in ${resourceGroupName}`);
  const connections: Record<string, AzureConnectionState> = {};
  let connectionsRead = false;
  for (const tunnel of plan.tunnels) {
    const fromOutputs = options.outputs?.connectionIds?.map(parseResourceId).find((p) => p?.name.endsWith(`-${tunnel.id}`));
    const name = fromOutputs?.name ?? azureNames.connection(plan, tunnel.id);
    const group = fromOutputs?.resourceGroupName ?? resourceGroupName;
    const c = await attempt(`connection ${name}`, 'Microsoft.Network/connections/read', async () => {
      const response = await client.virtualNetworkGatewayConnections.get(group, name);
      delete (response as { sharedKey?: string; }).sharedKey;
      return response;
    });
    if (!c) continue;
    connectionsRead = true;
    connections[tunnel.id] = {
      name,
      connectionStatus: c.connectionStatus ?? 'Unknown',
      ...(c.enableBgp !== undefined ? { enableBgp: c.enableBgp } : {}),
      ...(c.usePolicyBasedTrafficSelectors !== undefined ? { usePolicyBasedTrafficSelectors: c.usePolicyBasedTrafficSelectors } : {}),
      ...(c.connectionProtocol ? { connectionProtocol: c.connectionProtocol } : {}),
      ...(c.connectionMode ? { connectionMode: c.connectionMode } : {}),
      ...(c.dpdTimeoutSeconds !== undefined ? { dpdTimeoutSeconds: c.dpdTimeoutSeconds } : {}),
      ipsecPolicies: (c.ipsecPolicies ?? []).map((p) => ({
        ikeEncryption: p.ikeEncryption,
        ikeIntegrity: p.ikeIntegrity,
        dhGroup: p.dhGroup,
        ipsecEncryption: p.ipsecEncryption,
        ipsecIntegrity: p.ipsecIntegrity,
        pfsGroup: p.pfsGroup,
      })),
      customBgpIps: (c.gatewayCustomBgpIpAddresses ?? []).map((a) => ({
        ipConfiguration: a.ipConfigurationId.split('/').pop() ?? a.ipConfigurationId,
        address: a.customBgpIpAddress,
      })),
      ...(c.ingressBytesTransferred !== undefined ? { ingressBytes: c.ingressBytesTransferred } : {}),
      ...(c.egressBytesTransferred !== undefined ? { egressBytes: c.egressBytesTransferred } : {}),
    };
  }

  const gateways = client.virtualNetworkGateways;
  const lro = <T>(operation: string, begin: () => Promise<Poller<T>>) => async () =>
    pollWithTimeout(await begin(), operation, timeoutMs, intervalMs, progress);
  const lroOptions = { updateIntervalInMs: intervalMs };

  progress(`doctor: reading BGP peers of Azure gateway ${gatewayName}`);
  const peers = await attempt(
    'BGP peer status (getBgpPeerStatus)',
    'Microsoft.Network/virtualNetworkGateways/getBgpPeerStatus/action',
    lro('getBgpPeerStatus', () => gateways.beginGetBgpPeerStatus(resourceGroupName, gatewayName, lroOptions)),
  );
  const learned = await attempt(
    'learned routes (getLearnedRoutes)',
    'Microsoft.Network/virtualNetworkGateways/getLearnedRoutes/action',
    lro('getLearnedRoutes', () => gateways.beginGetLearnedRoutes(resourceGroupName, gatewayName, lroOptions)),
  );
  const advertised: Record<string, AzureRouteState[]> = {};
  let advertisedRead = false;
  for (const tunnel of plan.tunnels) {
    const result = await attempt(
      `routes advertised to ${tunnel.awsBgpIp} (getAdvertisedRoutes)`,
      'Microsoft.Network/virtualNetworkGateways/getAdvertisedRoutes/action',
      lro(
        `getAdvertisedRoutes ${tunnel.awsBgpIp}`,
        () => gateways.beginGetAdvertisedRoutes(resourceGroupName, gatewayName, tunnel.awsBgpIp, lroOptions),
      ),
    );
    if (result) {
      advertised[tunnel.awsBgpIp] = (result.value ?? []).map(route);
      advertisedRead = true;
    }
  }

  if (noCredentials && !connectionsRead) return { unreadable };
  const bgpPeers: AzureBgpPeerState[] | undefined = peers
    ? (peers.value ?? []).map((p) => ({
      neighbor: p.neighbor ?? '?',
      state: p.state ?? 'Unknown',
      ...(p.localAddress ? { localAddress: p.localAddress } : {}),
      ...(p.asn !== undefined ? { asn: p.asn } : {}),
      ...(p.routesReceived !== undefined ? { routesReceived: p.routesReceived } : {}),
      ...(p.connectedDuration ? { connectedDuration: p.connectedDuration } : {}),
    }))
    : undefined;
  const azure: AzureState = {
    subscriptionId: options.subscriptionId,
    resourceGroupName,
    gatewayName,
    ...(options.outputs ? { gatewayPublicIps: options.outputs.gatewayPublicIps } : {}),
    ...(connectionsRead ? { connections } : {}),
    ...(bgpPeers ? { bgpPeers } : {}),
    ...(learned ? { learnedRoutes: (learned.value ?? []).map(route) } : {}),
    ...(advertisedRead ? { advertisedRoutes: advertised } : {}),
  };
  return { azure, unreadable };
}
