/**
 * A healthy state read of the default plan (seed 004's four tunnels), and helpers to break one
 * thing at a time. Addresses are documentation ranges (RFC 5737); no key appears anywhere.
 */
import { planVpn } from '../../lib/check/validate';
import type { ResolvedPlan } from '../../lib/plan/types';
import type { AwsTunnelState, AzureConnectionState, StateRead } from '../../lib/doctor/state';

export const PLAN: ResolvedPlan = planVpn();
export const READ_AT = '2026-12-02T07:00:00.000Z';
export const VGW = 'vgw-0123456789abcdef0';
export const VPC = 'vpc-0a1b2c3d4e5f60708';
export const OUTSIDE_IPS: Readonly<Record<string, string>> = {
  Instance0Tunnel1: '192.0.2.10',
  Instance0Tunnel2: '192.0.2.11',
  Instance1Tunnel1: '198.51.100.10',
  Instance1Tunnel2: '198.51.100.11',
};
export const AZURE_PUBLIC_IPS: readonly [string, string] = ['203.0.113.10', '203.0.113.20'];
export const CONNECTION_IDS = ['vpn-0aaaaaaaaaaaaaaa1', 'vpn-0aaaaaaaaaaaaaaa2'];

function awsTunnel(plan: ResolvedPlan, id: string): AwsTunnelState {
  const t = plan.tunnels.find((x) => x.id === id)!;
  return {
    vpnConnectionId: CONNECTION_IDS[t.awsConnection - 1],
    connectionState: 'available',
    outsideIp: OUTSIDE_IPS[id],
    insideCidr: t.insideCidr,
    status: 'UP',
    statusMessage: '1 BGP ROUTES',
    acceptedRouteCount: 1,
    lastStatusChange: '2026-12-01T09:00:00.000Z',
    staticRoutesOnly: false,
    customerGatewayIp: AZURE_PUBLIC_IPS[t.azureInstance],
    options: {
      startupAction: 'start',
      dpdTimeoutSeconds: 30,
      dpdTimeoutAction: 'restart',
      ikeVersions: ['ikev2'],
      phase1Encryption: ['AES256'],
      phase1Integrity: ['SHA2-256'],
      phase1DhGroups: [14],
      phase2Encryption: ['AES256'],
      phase2Integrity: ['SHA2-256'],
      phase2DhGroups: [14],
    },
  };
}

function azureConnection(plan: ResolvedPlan, id: string): AzureConnectionState {
  const t = plan.tunnels.find((x) => x.id === id)!;
  return {
    name: `cn-${plan.name}-${id}`,
    connectionStatus: 'Connected',
    enableBgp: true,
    usePolicyBasedTrafficSelectors: false,
    connectionProtocol: 'IKEv2',
    connectionMode: 'ResponderOnly',
    dpdTimeoutSeconds: 30,
    ipsecPolicies: [{
      ikeEncryption: 'AES256',
      ikeIntegrity: 'SHA256',
      dhGroup: 'DHGroup14',
      ipsecEncryption: 'AES256',
      ipsecIntegrity: 'SHA256',
      pfsGroup: 'PFS2048',
    }],
    customBgpIps: [
      { ipConfiguration: 'ipconfig0', address: t.azureCustomBgpIps[0] },
      { ipConfiguration: 'ipconfig1', address: t.azureCustomBgpIps[1] },
    ],
    ingressBytes: 1_000_000,
    egressBytes: 900_000,
  };
}

/** Every tunnel UP with a route, both sides; VPC routing, SGs, NACLs and one S3 endpoint in order. */
export function healthyState(plan: ResolvedPlan = PLAN): StateRead {
  const ids = plan.tunnels.map((t) => t.id);
  return {
    readAt: READ_AT,
    aws: {
      region: 'us-east-1',
      targetKind: 'vgw',
      targetId: VGW,
      vpcId: VPC,
      tunnels: Object.fromEntries(ids.map((id) => [id, awsTunnel(plan, id)])),
      routeTables: [
        {
          id: 'rtb-0private0000000001',
          subnetIds: ['subnet-0private000000001'],
          main: false,
          propagatingGateways: [VGW],
          routes: [
            { destination: plan.aws.vpcCidr, target: 'local', state: 'active', origin: 'CreateRouteTable' },
            { destination: plan.azure.vnetCidr, target: VGW, state: 'active', origin: 'EnableVgwRoutePropagation' },
            { destination: 'pl-63a5400a', target: 'vpce-0s3000000000000001', state: 'active', origin: 'CreateRoute' },
          ],
        },
      ],
      subnetsChosen: false,
      securityGroups: [{
        id: 'sg-0app00000000000001',
        ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: [plan.azure.vnetCidr], prefixListIds: [], groupIds: [] }],
        egress: [{ protocol: '-1', cidrs: ['0.0.0.0/0'], prefixListIds: [], groupIds: [] }],
      }],
      networkAcls: [{
        id: 'acl-0default000000001',
        subnetIds: ['subnet-0private000000001'],
        entries: [
          { ruleNumber: 100, egress: false, allow: true, cidr: '0.0.0.0/0', protocol: '-1' },
          { ruleNumber: 32767, egress: false, allow: false, cidr: '0.0.0.0/0', protocol: '-1' },
          { ruleNumber: 100, egress: true, allow: true, cidr: '0.0.0.0/0', protocol: '-1' },
          { ruleNumber: 32767, egress: true, allow: false, cidr: '0.0.0.0/0', protocol: '-1' },
        ],
      }],
      gatewayEndpoints: [{
        id: 'vpce-0s3000000000000001',
        serviceName: 'com.amazonaws.us-east-1.s3',
        routeTableIds: ['rtb-0private0000000001'],
        policyRestricts: false,
        prefixListId: 'pl-63a5400a',
      }],
      enableDnsSupport: true,
    },
    azure: {
      subscriptionId: '00000000-0000-0000-0000-000000000000',
      resourceGroupName: plan.azure.resourceGroupName,
      gatewayName: plan.azure.gatewayName,
      gatewayPublicIps: AZURE_PUBLIC_IPS,
      connections: Object.fromEntries(ids.map((id) => [id, azureConnection(plan, id)])),
      bgpPeers: plan.tunnels.map((t) => ({
        localAddress: t.azureBgpIp,
        neighbor: t.awsBgpIp,
        asn: plan.aws.asn,
        state: 'Connected',
        routesReceived: 1,
        connectedDuration: '02:13:45.1200000',
      })),
      learnedRoutes: [
        { network: plan.azure.vnetCidr, origin: 'Network', sourcePeer: '10.1.1.4', asPath: '' },
        ...plan.tunnels.map((t) => ({
          network: plan.aws.vpcCidr,
          origin: 'EBgp',
          sourcePeer: t.awsBgpIp,
          asPath: String(plan.aws.asn),
          nextHop: t.awsBgpIp,
        })),
      ],
      advertisedRoutes: Object.fromEntries(
        plan.tunnels.map((
          t,
        ) => [t.awsBgpIp, [{ network: plan.azure.vnetCidr, origin: 'Igp', asPath: String(plan.azure.asn), nextHop: t.azureBgpIp }]]),
      ),
    },
    unreadable: [],
  };
}

type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]>; } : T;

/** A deep copy of the healthy state, changed by `change`. */
export function stateWith(change: (state: Mutable<StateRead>) => void, plan: ResolvedPlan = PLAN): StateRead {
  const state = JSON.parse(JSON.stringify(healthyState(plan))) as Mutable<StateRead>;
  change(state);
  return state as unknown as StateRead;
}
