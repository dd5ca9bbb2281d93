/**
 * Both clouds without a network. AWS: EC2 responses through aws-sdk-client-mock, shaped like the
 * AWS CLI's documented `describe-vpn-connections` output (VgwTelemetry with "IPSEC IS DOWN", tunnel
 * options that carry a PreSharedKey and a CustomerGatewayConfiguration XML that holds it too).
 * Azure: a fake `HttpClient` (@azure/core-rest-pipeline) answering like the Microsoft.Network REST
 * API examples: the connection body follows examples/VirtualNetworkGatewayConnectionGet.json of
 * Azure/azure-rest-api-specs (2024-05-01, which includes `sharedKey`); the three gateway reads are
 * long-running POSTs answered 202 with `Azure-AsyncOperation: …/locations/<region>/operations/<id>`
 * (the GetVirtualNetworkGatewayBGPPeerStatus example of
 * https://learn.microsoft.com/rest/api/network-gateway/virtual-network-gateways/get-bgp-peer-status)
 * or with `Location` (2025 versions), polled until 200 with `{ value: [...] }` of BgpPeerStatus /
 * GatewayRoute (fields as the REST reference: localAddress, neighbor, asn, state, routesReceived;
 * network, sourcePeer, origin, asPath, nextHop). Keys are generated per run, none is in this file.
 */
import { randomBytes } from 'node:crypto';
import {
  DescribeCustomerGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpnConnectionsCommand,
  DescribeVpnGatewaysCommand,
  EC2Client,
  type VpnConnection,
} from '@aws-sdk/client-ec2';
import type { TokenCredential } from '@azure/core-auth';
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { mockClient } from 'aws-sdk-client-mock';
import type { ResolvedPlan } from '../../lib/plan/types';
import { AZURE_PUBLIC_IPS, CONNECTION_IDS, OUTSIDE_IPS, VGW, VPC } from './fixtures';

/** A fresh key per tunnel per run, as AWS would return it (letters and digits, no leading 0). */
export function generatedKeys(plan: ResolvedPlan): Record<string, string> {
  return Object.fromEntries(plan.tunnels.map((t) => [t.id, `K${randomBytes(18).toString('hex')}`]));
}

export interface AwsTunnelTelemetry {
  readonly status?: 'UP' | 'DOWN';
  readonly statusMessage?: string;
  readonly acceptedRouteCount?: number;
}

/** `DescribeVpnConnections` output for the plan's two connections. */
export function vpnConnections(
  plan: ResolvedPlan,
  keys: Record<string, string>,
  telemetry: Record<string, AwsTunnelTelemetry> = {},
): VpnConnection[] {
  return [1, 2].map((number) => {
    const carried = plan.tunnels.filter((t) => t.awsConnection === number);
    return {
      VpnConnectionId: CONNECTION_IDS[number - 1],
      CustomerGatewayId: `cgw-0${number}00000000000000${number}`,
      VpnGatewayId: VGW,
      State: 'available',
      Type: 'ipsec.1',
      Category: 'VPN',
      // The real XML carries each tunnel's <pre_shared_key>; doctor must drop it unread.
      CustomerGatewayConfiguration: `<vpn_connection id="${CONNECTION_IDS[number - 1]}">${
        carried.map((t) => `<ike><pre_shared_key>${keys[t.id]}</pre_shared_key></ike>`).join('')
      }</vpn_connection>`,
      Options: {
        StaticRoutesOnly: false,
        TunnelInsideIpVersion: 'ipv4',
        TunnelOptions: carried.map((t) => ({
          OutsideIpAddress: OUTSIDE_IPS[t.id],
          TunnelInsideCidr: t.insideCidr,
          PreSharedKey: keys[t.id],
          Phase1EncryptionAlgorithms: [{ Value: 'AES256' }],
          Phase2EncryptionAlgorithms: [{ Value: 'AES256' }],
          Phase1IntegrityAlgorithms: [{ Value: 'SHA2-256' }],
          Phase2IntegrityAlgorithms: [{ Value: 'SHA2-256' }],
          Phase1DHGroupNumbers: [{ Value: 14 }],
          Phase2DHGroupNumbers: [{ Value: 14 }],
          IkeVersions: [{ Value: 'ikev2' }],
          StartupAction: 'start',
          DpdTimeoutSeconds: 30,
          DpdTimeoutAction: 'restart',
          LogOptions: { CloudWatchLogOptions: { LogEnabled: false } },
        })),
      },
      Routes: [],
      Tags: [{ Key: 'multicloud-vpn:plan', Value: plan.name }],
      VgwTelemetry: carried.map((t) => ({
        AcceptedRouteCount: telemetry[t.id]?.acceptedRouteCount ?? 1,
        LastStatusChange: new Date('2026-12-01T09:00:00.000Z'),
        OutsideIpAddress: OUTSIDE_IPS[t.id],
        Status: telemetry[t.id]?.status ?? 'UP',
        StatusMessage: telemetry[t.id]?.statusMessage ?? '1 BGP ROUTES',
      })),
    };
  });
}

/** Mocks every EC2Client (also those doctor creates itself) with a healthy VPC around the VPN. */
export function mockEc2(plan: ResolvedPlan, keys: Record<string, string>, telemetry: Record<string, AwsTunnelTelemetry> = {}) {
  const ec2 = mockClient(EC2Client);
  ec2.on(DescribeVpnConnectionsCommand).resolves({ VpnConnections: vpnConnections(plan, keys, telemetry) });
  ec2.on(DescribeCustomerGatewaysCommand).resolves({
    CustomerGateways: [0, 1].map((i) => ({
      CustomerGatewayId: `cgw-0${i + 1}00000000000000${i + 1}`,
      IpAddress: AZURE_PUBLIC_IPS[i],
      BgpAsn: String(plan.azure.asn),
      State: 'available',
      Type: 'ipsec.1',
    })),
  });
  ec2.on(DescribeVpnGatewaysCommand).resolves({
    VpnGateways: [{
      VpnGatewayId: VGW,
      State: 'available' as const,
      AmazonSideAsn: plan.aws.asn,
      VpcAttachments: [{ VpcId: VPC, State: 'attached' }],
    }],
  });
  ec2.on(DescribeRouteTablesCommand).resolves({
    RouteTables: [{
      RouteTableId: 'rtb-0private0000000001',
      VpcId: VPC,
      Associations: [{ SubnetId: 'subnet-0private000000001', RouteTableId: 'rtb-0private0000000001', Main: false }],
      PropagatingVgws: [{ GatewayId: VGW }],
      Routes: [
        { DestinationCidrBlock: plan.aws.vpcCidr, GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' },
        { DestinationCidrBlock: plan.azure.vnetCidr, GatewayId: VGW, State: 'active', Origin: 'EnableVgwRoutePropagation' },
        { DestinationPrefixListId: 'pl-63a5400a', GatewayId: 'vpce-0s3000000000000001', State: 'active', Origin: 'CreateRoute' },
      ],
    }],
  });
  ec2.on(DescribeNetworkInterfacesCommand).resolves({
    NetworkInterfaces: [{
      NetworkInterfaceId: 'eni-0app000000000001',
      SubnetId: 'subnet-0private000000001',
      Groups: [{ GroupId: 'sg-0app00000000000001' }],
    }],
  });
  ec2.on(DescribeSecurityGroupsCommand).resolves({
    SecurityGroups: [{
      GroupId: 'sg-0app00000000000001',
      VpcId: VPC,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: plan.azure.vnetCidr }] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }],
  });
  ec2.on(DescribeNetworkAclsCommand).resolves({
    NetworkAcls: [{
      NetworkAclId: 'acl-0default000000001',
      VpcId: VPC,
      IsDefault: true,
      Associations: [{ SubnetId: 'subnet-0private000000001' }],
      Entries: [
        { RuleNumber: 100, Egress: false, RuleAction: 'allow', CidrBlock: '0.0.0.0/0', Protocol: '-1' },
        { RuleNumber: 32767, Egress: false, RuleAction: 'deny', CidrBlock: '0.0.0.0/0', Protocol: '-1' },
        { RuleNumber: 100, Egress: true, RuleAction: 'allow', CidrBlock: '0.0.0.0/0', Protocol: '-1' },
        { RuleNumber: 32767, Egress: true, RuleAction: 'deny', CidrBlock: '0.0.0.0/0', Protocol: '-1' },
      ],
    }],
  });
  ec2.on(DescribeVpcEndpointsCommand).resolves({
    VpcEndpoints: [{
      VpcEndpointId: 'vpce-0s3000000000000001',
      VpcEndpointType: 'Gateway',
      VpcId: VPC,
      ServiceName: 'com.amazonaws.us-east-1.s3',
      State: 'Available',
      RouteTableIds: ['rtb-0private0000000001'],
      PolicyDocument: JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }),
    }],
  });
  ec2.on(DescribeVpcAttributeCommand).resolves({ VpcId: VPC, EnableDnsSupport: { Value: true } });
  return ec2;
}

/** An AWS SDK service error as the SDK throws it (name = the service's error code). */
export function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: name === 'UnauthorizedOperation' ? 403 : 400 } });
}

/** A TokenCredential stub: a fixed token, no identity service. */
export const fakeCredential: TokenCredential = { getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

export interface AzureFake {
  readonly httpClient: HttpClient;
  /** Requests seen, as `METHOD path`. */
  readonly requests: string[];
}

type Handler = (request: PipelineRequest) => { status: number; body?: unknown; headers?: Record<string, string>; } | undefined;

export interface AzureScenario {
  readonly connectionStatus?: Record<string, string>;
  readonly peerState?: Record<string, string>;
  /** Per path fragment (`getLearnedRoutes` …), an error answer instead of the operation. */
  readonly fail?: Record<string, { status: number; code: string; message: string; }>;
  /** Answer the LROs with Azure-AsyncOperation (status polling) instead of Location only. */
  readonly asyncOperation?: boolean;
  /** The LROs never finish. */
  readonly neverDone?: boolean;
  /** Keys to put in each connection's `sharedKey` (doctor must drop them). */
  readonly keys?: Record<string, string>;
}

const HOST = 'https://management.azure.com';

/** A fake Azure Resource Manager for the plan's gateway and connections. */
export function fakeAzure(plan: ResolvedPlan, scenario: AzureScenario = {}): AzureFake {
  const requests: string[] = [];
  const base = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${plan.azure.resourceGroupName}/providers/Microsoft.Network`;
  const gatewayId = `${base}/virtualNetworkGateways/${plan.azure.gatewayName}`;
  let polls = 0;
  /** A BGP session that is not Connected exchanges no routes. */
  const up = (id: string) => (scenario.peerState?.[id] ?? 'Connected') === 'Connected';
  const results: Record<string, unknown> = {};
  const lroResult = (operation: string, url: URL): unknown => {
    if (operation === 'getBgpPeerStatus') {
      return {
        value: plan.tunnels.map((t) => ({
          localAddress: t.azureBgpIp,
          neighbor: t.awsBgpIp,
          asn: plan.aws.asn,
          state: scenario.peerState?.[t.id] ?? 'Connected',
          connectedDuration: '00:43:12.0840000',
          routesReceived: up(t.id) ? 1 : 0,
          messagesSent: 72,
          messagesReceived: 68,
        })),
      };
    }
    if (operation === 'getLearnedRoutes') {
      return {
        value: [
          {
            localAddress: '10.1.1.4',
            network: plan.azure.vnetCidr,
            nextHop: null,
            sourcePeer: '10.1.1.4',
            origin: 'Network',
            asPath: '',
            weight: 32768,
          },
          ...plan.tunnels.filter((t) => up(t.id)).map((t) => ({
            localAddress: t.azureBgpIp,
            network: plan.aws.vpcCidr,
            nextHop: t.awsBgpIp,
            sourcePeer: t.awsBgpIp,
            origin: 'EBgp',
            asPath: String(plan.aws.asn),
            weight: 32768,
          })),
        ],
      };
    }
    const peer = url.searchParams.get('peer');
    const tunnel = plan.tunnels.find((t) => t.awsBgpIp === peer);
    return {
      value: tunnel
        ? [{
          localAddress: tunnel.azureBgpIp,
          network: plan.azure.vnetCidr,
          nextHop: tunnel.azureBgpIp,
          origin: 'Igp',
          asPath: String(plan.azure.asn),
          weight: 0,
        }]
        : [],
    };
  };
  const handler: Handler = (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    for (const [fragment, error] of Object.entries(scenario.fail ?? {})) {
      if (path.includes(fragment)) return { status: error.status, body: { error: { code: error.code, message: error.message } } };
    }
    const connection = /\/connections\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && connection) {
      const tunnel = plan.tunnels.find((t) => connection[1] === `cn-${plan.name}-${t.id}`);
      if (!tunnel) {
        return {
          status: 404,
          body: { error: { code: 'ResourceNotFound', message: `The Resource 'Microsoft.Network/connections/${connection[1]}' was not found.` } },
        };
      }
      return {
        status: 200,
        body: {
          name: connection[1],
          id: `${base}/connections/${connection[1]}`,
          type: 'Microsoft.Network/connections',
          location: plan.azure.location,
          properties: {
            provisioningState: 'Succeeded',
            virtualNetworkGateway1: { id: gatewayId, properties: {} },
            localNetworkGateway2: { id: `${base}/localNetworkGateways/lng-${plan.name}-${tunnel.id}`, properties: {} },
            connectionType: 'IPsec',
            connectionProtocol: 'IKEv2',
            routingWeight: 0,
            dpdTimeoutSeconds: 30,
            ...(scenario.keys ? { sharedKey: scenario.keys[tunnel.id] } : {}),
            enableBgp: true,
            gatewayCustomBgpIpAddresses: [0, 1].map((i) => ({
              ipConfigurationId: `${gatewayId}/ipConfigurations/ipconfig${i}`,
              customBgpIpAddress: tunnel.azureCustomBgpIps[i],
            })),
            useLocalAzureIpAddress: false,
            usePolicyBasedTrafficSelectors: false,
            ipsecPolicies: [{
              saLifeTimeSeconds: 3600,
              saDataSizeKilobytes: 102400000,
              ipsecEncryption: 'AES256',
              ipsecIntegrity: 'SHA256',
              ikeEncryption: 'AES256',
              ikeIntegrity: 'SHA256',
              dhGroup: 'DHGroup14',
              pfsGroup: 'PFS2048',
            }],
            trafficSelectorPolicies: [],
            connectionStatus: scenario.connectionStatus?.[tunnel.id] ?? 'Connected',
            ingressBytesTransferred: 1000000,
            egressBytesTransferred: 900000,
            connectionMode: plan.azure.connectionMode,
          },
        },
      };
    }
    const operation = /\/(getBgpPeerStatus|getLearnedRoutes|getAdvertisedRoutes)$/.exec(path)?.[1];
    if (request.method === 'POST' && operation) {
      const id = `${operation}-${++polls}`;
      results[id] = lroResult(operation, url);
      const location =
        `${HOST}/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Network/locations/${plan.azure.location}/operationResults/${id}?api-version=2024-05-01`;
      const headers: Record<string, string> = { location };
      if (scenario.asyncOperation) headers['azure-asyncoperation'] = location.replace('operationResults', 'operations');
      return { status: 202, headers };
    }
    const status = /\/locations\/[^/]+\/operations\/([^/?]+)$/.exec(path);
    if (status) {
      // First poll in progress, then done.
      const key = `op-${status[1]}`;
      results[key] = ((results[key] as number | undefined) ?? 0) + 1;
      return { status: 200, body: { status: !scenario.neverDone && (results[key] as number) > 1 ? 'Succeeded' : 'InProgress' } };
    }
    const result = /\/locations\/[^/]+\/operationResults\/([^/?]+)$/.exec(path);
    if (result) {
      const key = `seen-${result[1]}`;
      results[key] = ((results[key] as number | undefined) ?? 0) + 1;
      if (scenario.neverDone || (!scenario.asyncOperation && (results[key] as number) === 1)) {
        return { status: 202, headers: { location: url.toString() } };
      }
      return { status: 200, body: results[result[1]] };
    }
    return undefined;
  };
  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      const answer = handler(request) ??
        { status: 404, body: { error: { code: 'NotFound', message: `no fake for ${request.method} ${request.url}` } } };
      const headers = createHttpHeaders({ 'content-type': 'application/json', 'x-ms-request-id': 'fake', ...(answer.headers ?? {}) });
      return { request, status: answer.status, headers, bodyAsText: answer.body === undefined ? '' : JSON.stringify(answer.body) };
    },
  };
  return { httpClient, requests };
}

/** An Azure outputs object as `pulumi stack output --json` prints it for the plan. */
export function azureOutputs(plan: ResolvedPlan) {
  const base = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${plan.azure.resourceGroupName}/providers/Microsoft.Network`;
  return {
    gatewayPublicIps: [...AZURE_PUBLIC_IPS],
    gatewayId: `${base}/virtualNetworkGateways/${plan.azure.gatewayName}`,
    connectionIds: plan.tunnels.map((t) => `${base}/connections/cn-${plan.name}-${t.id}`),
  };
}
