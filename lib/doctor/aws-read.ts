/**
 * The AWS reads of `doctor` (EC2 API, read-only `Describe*`/`Get*`/`Search*` calls only). Loaded
 * lazily with @aws-sdk/client-ec2, an optional peer dependency.
 *
 * `DescribeVpnConnections` returns each tunnel's pre-shared key (`Options.TunnelOptions[].PreSharedKey`)
 * and the customer gateway configuration XML, which holds the keys too. Both are deleted from the
 * response the moment it arrives, and only named fields are copied into the state: no key is
 * kept, logged or printed. The client gets no logger, so the SDK logs no request or response.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { AwsOutputs } from '../handoff/aws-outputs';
import type { ResolvedPlan } from '../plan/types';
import { awsUnreadable, isAwsCredentialError } from './errors';
import type {
  AwsState,
  AwsTunnelState,
  GatewayEndpointState,
  NetworkAclState,
  RouteTableState,
  SecurityGroupState,
  SecurityRuleState,
  TransitGatewayRouteTableState,
  Unreadable,
} from './state';

/** Every IAM action the AWS reads use; the README's least-privilege policy lists exactly these. */
export const AWS_READ_ACTIONS = [
  'ec2:DescribeVpnConnections',
  'ec2:DescribeCustomerGateways',
  'ec2:DescribeVpnGateways',
  'ec2:DescribeRouteTables',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeNetworkAcls',
  'ec2:DescribeVpcEndpoints',
  'ec2:DescribeVpcAttribute',
  'ec2:DescribeTransitGateways',
  'ec2:DescribeTransitGatewayAttachments',
  'ec2:DescribeTransitGatewayRouteTables',
  'ec2:GetTransitGatewayRouteTablePropagations',
  'ec2:SearchTransitGatewayRoutes',
] as const;

export interface AwsReadOptions {
  readonly plan: ResolvedPlan;
  readonly outputs: AwsOutputs;
  readonly client: EC2Client;
  readonly region: string;
  /** Subnets meant to reach the peer (C28); default: every subnet of the VPC. */
  readonly subnetIds?: readonly string[];
  /** The VPC, when the gateway alone does not name one (a TGW with several VPC attachments). */
  readonly vpcId?: string;
  readonly progress: (line: string) => void;
}

type Tagged<T> = { readonly value?: T; readonly failed: boolean; };

const values = <T>(list: readonly { Value?: T; }[] | undefined): T[] => (list ?? []).map((v) => v.Value).filter((v): v is T => v !== undefined);

/** Copies a `SecurityGroup` permission into named fields. */
function rule(p: {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp?: string; }[];
  PrefixListIds?: { PrefixListId?: string; }[];
  UserIdGroupPairs?: { GroupId?: string; }[];
}): SecurityRuleState {
  return {
    protocol: p.IpProtocol ?? '-1',
    ...(p.FromPort !== undefined && p.FromPort !== -1 ? { fromPort: p.FromPort, toPort: p.ToPort } : {}),
    cidrs: (p.IpRanges ?? []).map((r) => r.CidrIp).filter((c): c is string => !!c),
    prefixListIds: (p.PrefixListIds ?? []).map((r) => r.PrefixListId).filter((c): c is string => !!c),
    groupIds: (p.UserIdGroupPairs ?? []).map((r) => r.GroupId).filter((c): c is string => !!c),
  };
}

/** True when an endpoint policy is not the default full-access one. */
export function policyRestricts(document: string | undefined): boolean {
  if (!document) return false;
  try {
    const policy = JSON.parse(document) as { Statement?: unknown; };
    const statements = (Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]) as {
      Effect?: string;
      Action?: unknown;
      Resource?: unknown;
      Principal?: unknown;
    }[];
    const isStar = (v: unknown) =>
      v === '*' || (Array.isArray(v) && v.includes('*')) || (typeof v === 'object' && v !== null && (v as { AWS?: unknown; }).AWS === '*');
    if (statements.some((s) => s?.Effect === 'Deny')) return true;
    return !statements.some((s) => s?.Effect === 'Allow' && isStar(s.Action) && isStar(s.Resource) && isStar(s.Principal));
  } catch {
    return true;
  }
}

export async function readAwsState(options: AwsReadOptions): Promise<{ aws?: AwsState; unreadable: Unreadable[]; }> {
  const ec2 = await import('@aws-sdk/client-ec2');
  const { client, plan, outputs, progress } = options;
  const unreadable: Unreadable[] = [];
  let noCredentials = false;
  /** One call; a failure becomes an `Unreadable` and the read goes on with the rest. */
  const attempt = async <T>(what: string, action: string, call: () => Promise<T>): Promise<Tagged<T>> => {
    if (noCredentials) return { failed: true };
    try {
      return { value: await call(), failed: false };
    } catch (error) {
      unreadable.push(awsUnreadable(what, action, error));
      if (isAwsCredentialError(error)) noCredentials = true;
      return { failed: true };
    }
  };

  const targetId = outputs.vpnGatewayId;
  const targetKind: 'vgw' | 'tgw' = targetId.startsWith('tgw-') ? 'tgw' : 'vgw';
  progress(`doctor: reading AWS VPN connections on ${targetId} (${options.region})`);

  const connections = await attempt('VPN connections (tunnel status, telemetry, options)', 'ec2:DescribeVpnConnections', async () => {
    const response = await client.send(
      new ec2.DescribeVpnConnectionsCommand({
        Filters: [{ Name: targetKind === 'tgw' ? 'transit-gateway-id' : 'vpn-gateway-id', Values: [targetId] }],
      }),
    );
    const list = response.VpnConnections ?? [];
    // The keys leave memory here: nothing below ever sees them.
    for (const c of list) {
      delete c.CustomerGatewayConfiguration;
      for (const t of c.Options?.TunnelOptions ?? []) delete t.PreSharedKey;
    }
    return list;
  });
  if (noCredentials) return { unreadable };

  const cgwIds = [...new Set((connections.value ?? []).map((c) => c.CustomerGatewayId).filter((x): x is string => !!x))];
  const customerGateways = cgwIds.length === 0 ?
    { value: [], failed: false } :
    await attempt(
      'customer gateways (the peer IPs the tunnels face)',
      'ec2:DescribeCustomerGateways',
      async () => (await client.send(new ec2.DescribeCustomerGatewaysCommand({ CustomerGatewayIds: cgwIds }))).CustomerGateways ?? [],
    );

  let tunnels: Record<string, AwsTunnelState> | undefined;
  if (connections.value) {
    tunnels = {};
    for (const planned of plan.tunnels) {
      const handoff = outputs.tunnels[planned.id];
      for (const c of connections.value) {
        if (c.State === 'deleted') continue;
        const options = (c.Options?.TunnelOptions ?? []).find((o) =>
          o.TunnelInsideCidr === planned.insideCidr || (handoff && o.OutsideIpAddress === handoff.outsideIp)
        );
        if (!options) continue;
        const telemetry = (c.VgwTelemetry ?? []).find((t) => t.OutsideIpAddress === options.OutsideIpAddress);
        const cgw = (customerGateways.value ?? []).find((g) => g.CustomerGatewayId === c.CustomerGatewayId);
        tunnels[planned.id] = {
          vpnConnectionId: c.VpnConnectionId ?? '?',
          connectionState: c.State ?? '?',
          outsideIp: options.OutsideIpAddress ?? '?',
          ...(options.TunnelInsideCidr ? { insideCidr: options.TunnelInsideCidr } : {}),
          status: telemetry?.Status ?? 'UNKNOWN',
          statusMessage: telemetry?.StatusMessage ?? '',
          acceptedRouteCount: telemetry?.AcceptedRouteCount ?? 0,
          ...(telemetry?.LastStatusChange ? { lastStatusChange: new Date(telemetry.LastStatusChange).toISOString() } : {}),
          ...(c.Options?.StaticRoutesOnly !== undefined ? { staticRoutesOnly: c.Options.StaticRoutesOnly } : {}),
          ...(cgw?.IpAddress ? { customerGatewayIp: cgw.IpAddress } : {}),
          options: {
            ...(options.StartupAction ? { startupAction: options.StartupAction } : {}),
            ...(options.DpdTimeoutSeconds !== undefined ? { dpdTimeoutSeconds: options.DpdTimeoutSeconds } : {}),
            ...(options.DpdTimeoutAction ? { dpdTimeoutAction: options.DpdTimeoutAction } : {}),
            ikeVersions: values(options.IkeVersions),
            phase1Encryption: values(options.Phase1EncryptionAlgorithms),
            phase1Integrity: values(options.Phase1IntegrityAlgorithms),
            phase1DhGroups: values(options.Phase1DHGroupNumbers),
            phase2Encryption: values(options.Phase2EncryptionAlgorithms),
            phase2Integrity: values(options.Phase2IntegrityAlgorithms),
            phase2DhGroups: values(options.Phase2DHGroupNumbers),
          },
        };
        break;
      }
    }
    const missing = plan.tunnels.filter((t) => !tunnels![t.id]);
    if (missing.length > 0) {
      unreadable.push({
        cloud: 'aws',
        what: `tunnels ${missing.map((t) => `${t.id} (${t.insideCidr})`).join(', ')}`,
        reason: `no VPN connection on ${targetId} in ${options.region} has a tunnel with that inside CIDR`,
        needs: 'the region and the outputs file of the stack that holds this plan (--region, --aws-outputs)',
      });
    }
  }

  // The VPC: the VGW's attachment, or the TGW's VPC attachment.
  let vpcId = options.vpcId;
  let vpnAttachmentIds: string[] = [];
  if (targetKind === 'vgw' && !vpcId) {
    const gateways = await attempt(
      'the VPC the gateway is attached to',
      'ec2:DescribeVpnGateways',
      async () => (await client.send(new ec2.DescribeVpnGatewaysCommand({ VpnGatewayIds: [targetId] }))).VpnGateways ?? [],
    );
    vpcId = gateways.value?.[0]?.VpcAttachments?.find((a) => a.State === 'attached')?.VpcId;
  }
  if (targetKind === 'tgw') {
    const attachments = await attempt(
      'transit gateway attachments',
      'ec2:DescribeTransitGatewayAttachments',
      async () =>
        (await client.send(new ec2.DescribeTransitGatewayAttachmentsCommand({ Filters: [{ Name: 'transit-gateway-id', Values: [targetId] }] })))
          .TransitGatewayAttachments ?? [],
    );
    const ids = new Set(Object.values(tunnels ?? {}).map((t) => t.vpnConnectionId));
    vpnAttachmentIds = (attachments.value ?? []).filter((a) => a.ResourceType === 'vpn' && ids.has(a.ResourceId ?? '')).map((a) =>
      a.TransitGatewayAttachmentId!
    ).filter(Boolean);
    const vpcs = [...new Set((attachments.value ?? []).filter((a) => a.ResourceType === 'vpc').map((a) => a.ResourceId!))];
    if (!vpcId && vpcs.length === 1) vpcId = vpcs[0];
    if (!vpcId && vpcs.length > 1) {
      unreadable.push({
        cloud: 'aws',
        what: 'the VPC',
        reason: `transit gateway ${targetId} has ${vpcs.length} VPC attachments (${vpcs.join(', ')})`,
        needs: 'the VPC to check: --vpc <vpc-id>',
      });
    }
  }

  let routeTables: RouteTableState[] | undefined;
  let securityGroups: SecurityGroupState[] | undefined;
  let networkAcls: NetworkAclState[] | undefined;
  let gatewayEndpoints: GatewayEndpointState[] | undefined;
  let enableDnsSupport: boolean | undefined;
  const chosen = options.subnetIds && options.subnetIds.length > 0 ? options.subnetIds : undefined;
  if (vpcId) {
    progress(`doctor: reading route tables, security groups, network ACLs and endpoints of ${vpcId}`);
    const vpcFilter = [{ Name: 'vpc-id', Values: [vpcId] }];
    const tables = await attempt(
      'route tables',
      'ec2:DescribeRouteTables',
      async () => (await client.send(new ec2.DescribeRouteTablesCommand({ Filters: vpcFilter }))).RouteTables ?? [],
    );
    if (tables.value) {
      const all = tables.value.map((t): RouteTableState => ({
        id: t.RouteTableId ?? '?',
        subnetIds: (t.Associations ?? []).map((a) => a.SubnetId).filter((s): s is string => !!s),
        main: (t.Associations ?? []).some((a) => a.Main),
        propagatingGateways: (t.PropagatingVgws ?? []).map((p) => p.GatewayId).filter((g): g is string => !!g),
        routes: (t.Routes ?? []).map((r) => ({
          destination: r.DestinationCidrBlock ?? r.DestinationPrefixListId ?? r.DestinationIpv6CidrBlock ?? '?',
          target: r.GatewayId ?? r.TransitGatewayId ?? r.NatGatewayId ?? r.NetworkInterfaceId ?? r.VpcPeeringConnectionId ?? r.InstanceId ?? '?',
          ...(r.State ? { state: r.State } : {}),
          ...(r.Origin ? { origin: r.Origin } : {}),
        })),
      }));
      // A chosen subnet without an explicit association uses the main table.
      routeTables = chosen
        ? all.filter((t) => t.subnetIds.some((s) => chosen.includes(s)) || (t.main && chosen.some((s) => !all.some((o) => o.subnetIds.includes(s)))))
        : all;
    }
    const interfaces = await attempt(
      'network interfaces of the subnets (for their security groups)',
      'ec2:DescribeNetworkInterfaces',
      async () =>
        (await client.send(new ec2.DescribeNetworkInterfacesCommand({ Filters: chosen ? [{ Name: 'subnet-id', Values: [...chosen] }] : vpcFilter })))
          .NetworkInterfaces ?? [],
    );
    const groupIds = [...new Set((interfaces.value ?? []).flatMap((n) => (n.Groups ?? []).map((g) => g.GroupId!)).filter(Boolean))];
    if (interfaces.value) {
      const groups = groupIds.length === 0 ?
        { value: [], failed: false } :
        await attempt(
          'security groups',
          'ec2:DescribeSecurityGroups',
          async () => (await client.send(new ec2.DescribeSecurityGroupsCommand({ GroupIds: groupIds }))).SecurityGroups ?? [],
        );
      if (groups.value) {
        securityGroups = groups.value.map((g) => ({
          id: g.GroupId ?? '?',
          ingress: (g.IpPermissions ?? []).map(rule),
          egress: (g.IpPermissionsEgress ?? []).map(rule),
        }));
      }
    }
    const acls = await attempt(
      'network ACLs',
      'ec2:DescribeNetworkAcls',
      async () =>
        (await client.send(
          new ec2.DescribeNetworkAclsCommand({ Filters: chosen ? [{ Name: 'association.subnet-id', Values: [...chosen] }] : vpcFilter }),
        )).NetworkAcls ?? [],
    );
    if (acls.value) {
      networkAcls = acls.value.map((a) => ({
        id: a.NetworkAclId ?? '?',
        subnetIds: (a.Associations ?? []).map((s) => s.SubnetId).filter((s): s is string => !!s),
        entries: (a.Entries ?? []).filter((e) => e.CidrBlock).map((e) => ({
          ruleNumber: e.RuleNumber ?? 32767,
          egress: e.Egress ?? false,
          allow: e.RuleAction === 'allow',
          cidr: e.CidrBlock!,
          protocol: e.Protocol ?? '-1',
          ...(e.PortRange?.From !== undefined ? { fromPort: e.PortRange.From, toPort: e.PortRange.To } : {}),
        })),
      }));
    }
    const endpoints = await attempt(
      'gateway VPC endpoints',
      'ec2:DescribeVpcEndpoints',
      async () =>
        (await client.send(new ec2.DescribeVpcEndpointsCommand({ Filters: [...vpcFilter, { Name: 'vpc-endpoint-type', Values: ['Gateway'] }] })))
          .VpcEndpoints ?? [],
    );
    if (endpoints.value) {
      gatewayEndpoints = endpoints.value.map((e) => {
        const prefixList = (tables.value ?? []).flatMap((t) => t.Routes ?? []).find((r) =>
          r.GatewayId === e.VpcEndpointId && r.DestinationPrefixListId
        );
        return {
          id: e.VpcEndpointId ?? '?',
          serviceName: e.ServiceName ?? '?',
          routeTableIds: e.RouteTableIds ?? [],
          policyRestricts: policyRestricts(e.PolicyDocument),
          ...(prefixList?.DestinationPrefixListId ? { prefixListId: prefixList.DestinationPrefixListId } : {}),
        };
      });
    }
    const dns = await attempt(
      'VPC attribute enableDnsSupport',
      'ec2:DescribeVpcAttribute',
      async () => (await client.send(new ec2.DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsSupport' }))).EnableDnsSupport?.Value,
    );
    enableDnsSupport = dns.value;
  }

  let transitGateway: AwsState['transitGateway'];
  if (targetKind === 'tgw') {
    progress(`doctor: reading transit gateway ${targetId} route tables`);
    const tgws = await attempt(
      'transit gateway options (VPN ECMP)',
      'ec2:DescribeTransitGateways',
      async () => (await client.send(new ec2.DescribeTransitGatewaysCommand({ TransitGatewayIds: [targetId] }))).TransitGateways ?? [],
    );
    const tables = await attempt(
      'transit gateway route tables',
      'ec2:DescribeTransitGatewayRouteTables',
      async () =>
        (await client.send(new ec2.DescribeTransitGatewayRouteTablesCommand({ Filters: [{ Name: 'transit-gateway-id', Values: [targetId] }] })))
          .TransitGatewayRouteTables ?? [],
    );
    const tgwTables: TransitGatewayRouteTableState[] = [];
    for (const t of tables.value ?? []) {
      const id = t.TransitGatewayRouteTableId!;
      const routes = await attempt(
        `routes of ${id}`,
        'ec2:SearchTransitGatewayRoutes',
        async () =>
          (await client.send(
            new ec2.SearchTransitGatewayRoutesCommand({
              TransitGatewayRouteTableId: id,
              Filters: [{ Name: 'state', Values: ['active', 'blackhole'] }],
            }),
          )).Routes ?? [],
      );
      const propagations = await attempt(
        `propagations of ${id}`,
        'ec2:GetTransitGatewayRouteTablePropagations',
        async () =>
          (await client.send(new ec2.GetTransitGatewayRouteTablePropagationsCommand({ TransitGatewayRouteTableId: id })))
            .TransitGatewayRouteTablePropagations ?? [],
      );
      tgwTables.push({
        id,
        routes: (routes.value ?? [])
          .filter((r) => (r.TransitGatewayAttachments ?? []).some((a) => vpnAttachmentIds.includes(a.TransitGatewayAttachmentId ?? '')))
          .map((r) => ({
            destination: r.DestinationCidrBlock ?? '?',
            target: targetId,
            ...(r.State ? { state: r.State } : {}),
            ...(r.Type ? { origin: r.Type } : {}),
          })),
        propagatingAttachments: (propagations.value ?? []).filter((p) => p.State === 'enabled').map((p) => p.TransitGatewayAttachmentId!).filter(
          Boolean,
        ),
        associatedAttachments: [],
      });
    }
    if (tgws.value && tables.value) {
      transitGateway = {
        vpnEcmpSupport: tgws.value[0]?.Options?.VpnEcmpSupport === 'enable',
        vpnAttachmentIds,
        routeTables: tgwTables,
      };
    }
  }

  const aws: AwsState = {
    region: options.region,
    targetKind,
    targetId,
    ...(vpcId ? { vpcId } : {}),
    ...(tunnels ? { tunnels } : {}),
    ...(routeTables ? { routeTables, subnetsChosen: chosen !== undefined } : {}),
    ...(securityGroups ? { securityGroups } : {}),
    ...(networkAcls ? { networkAcls } : {}),
    ...(transitGateway ? { transitGateway } : {}),
    ...(gatewayEndpoints ? { gatewayEndpoints } : {}),
    ...(enableDnsSupport !== undefined ? { enableDnsSupport } : {}),
  };
  return { aws, unreadable };
}
