/**
 * The diagnosis: pure over the plan and a `StateRead`, no SDK, no clock (the read time is in the
 * state). Each finding names its D row (d-rows.ts), the evidence (the state read, quoted), and the
 * row's documented causes in the documented order, marking those the evidence points at. A cause
 * that no API shows (a pre-shared key mismatch: doctor never reads keys) stays listed, in order.
 */
import { contains, overlaps, parseIpv4Cidr, type Ipv4Range } from '../core/address';
import { AWS_DPD_MIN_SECONDS, AZURE_DPD } from '../plan/ipsec';
import type { ResolvedPlan, ResolvedTunnel } from '../plan/types';
import type { CatalogueNumber } from '../core/finding';
import { D_ROWS, type DiagnosisId } from './d-rows';
import type {
  AwsState,
  AwsTunnelState,
  AzureBgpPeerState,
  AzureConnectionState,
  AzureIpsecPolicyState,
  NetworkAclEntryState,
  RouteTableState,
  SecurityRuleState,
  StateRead,
  Unreadable,
} from './state';

/** `problem` fails the run (exit 1); `notice` is documented behaviour the user should know about. */
export type Severity = 'problem' | 'notice';

export interface FindingCause {
  readonly key: string;
  readonly text: string;
  readonly check: readonly CatalogueNumber[];
  /** True when the evidence points at this cause. */
  readonly indicated: boolean;
}

export interface DoctorFinding {
  readonly id: DiagnosisId;
  readonly severity: Severity;
  readonly symptom: string;
  /** The plan tunnel, when the finding is about one. */
  readonly tunnelId?: string;
  /** The state read that shows it, one fact per line. */
  readonly evidence: readonly string[];
  /** Every documented cause, in the documented order. */
  readonly causes: readonly FindingCause[];
}

/** One row of the report table. `undefined` where the state was not read. */
export interface TunnelRow {
  readonly tunnelId: string;
  readonly awsConnection: number;
  readonly awsTunnel: number;
  readonly outsideIp?: string;
  readonly awsStatus?: string;
  readonly awsStatusMessage?: string;
  readonly azureStatus?: string;
  /** A BGP VPN tunnel is UP on AWS only when BGP is up (seed 000). */
  readonly awsBgp?: string;
  readonly azureBgp?: string;
  readonly routesAccepted?: number;
  readonly routesLearned?: number;
}

export interface Diagnosis {
  readonly plan: string;
  readonly readAt: string;
  readonly tunnels: readonly TunnelRow[];
  readonly findings: readonly DoctorFinding[];
  readonly unreadable: readonly Unreadable[];
  /** 0 healthy, 1 a problem found, 2 could not read enough to tell (nothing found, something unreadable). */
  readonly exitCode: 0 | 1 | 2;
}

function finding(
  id: DiagnosisId,
  evidence: string[],
  indicated: readonly string[],
  options: { tunnelId?: string; severity?: Severity; } = {},
): DoctorFinding {
  const row = D_ROWS[id];
  return {
    id,
    severity: options.severity ?? 'problem',
    symptom: row.symptom,
    ...(options.tunnelId ? { tunnelId: options.tunnelId } : {}),
    evidence,
    causes: row.causes.map((c) => ({ key: c.key, text: c.text, check: c.check, indicated: indicated.includes(c.key) })),
  };
}

// ---- IPsec vocabularies: AWS tunnel options vs the Azure connection's ipsecPolicies (C24) ----
// Azure names: IpsecPolicy in Microsoft.Network (IkeEncryption, IkeIntegrity, DhGroup, IpsecEncryption,
// IpsecIntegrity, PfsGroup); DHGroup2048 and PFS2048 are aliases of group 14, PFSMM of 24.
const AZURE_TO_AWS_ENCRYPTION: Record<string, string> = {
  AES128: 'AES128',
  AES256: 'AES256',
  GCMAES128: 'AES128-GCM-16',
  GCMAES256: 'AES256-GCM-16',
};
const AZURE_TO_AWS_INTEGRITY: Record<string, string> = { SHA1: 'SHA1', SHA256: 'SHA2-256', SHA384: 'SHA2-384' };
const AZURE_TO_AWS_DH: Record<string, number> = { DHGroup2: 2, DHGroup14: 14, DHGroup2048: 14, ECP256: 19, ECP384: 20, DHGroup24: 24 };
const AZURE_TO_AWS_PFS: Record<string, number> = { PFS2: 2, PFS14: 14, PFS2048: 14, ECP256: 19, ECP384: 20, PFS24: 24, PFSMM: 24 };

function offered<T>(azureValue: string | undefined, map: Record<string, T>, awsValues: readonly T[], label: string): string | undefined {
  if (azureValue === undefined || awsValues.length === 0) return undefined;
  const aws = map[azureValue];
  if (aws !== undefined && awsValues.includes(aws)) return undefined;
  return `${label}: Azure ${azureValue}, AWS offers ${awsValues.join(', ')}`;
}

/** Phase 1 differences between the AWS tunnel options and the Azure connection, one line each. */
function phase1Differences(aws: AwsTunnelState, azure: AzureConnectionState): string[] {
  const out: string[] = [];
  const version = azure.connectionProtocol?.toLowerCase();
  if (version && aws.options.ikeVersions.length > 0 && !aws.options.ikeVersions.includes(version)) {
    out.push(`IKE version: Azure ${azure.connectionProtocol}, AWS offers ${aws.options.ikeVersions.join(', ')}`);
  }
  const policy: AzureIpsecPolicyState | undefined = azure.ipsecPolicies[0];
  if (!policy) return out;
  for (
    const line of [
      offered(policy.ikeEncryption, AZURE_TO_AWS_ENCRYPTION, aws.options.phase1Encryption, 'phase 1 encryption'),
      offered(policy.ikeIntegrity, AZURE_TO_AWS_INTEGRITY, aws.options.phase1Integrity, 'phase 1 integrity'),
      offered(policy.dhGroup, AZURE_TO_AWS_DH, aws.options.phase1DhGroups, 'phase 1 DH group'),
    ]
  ) if (line) out.push(line);
  return out;
}

function phase2Differences(aws: AwsTunnelState, azure: AzureConnectionState): string[] {
  const policy: AzureIpsecPolicyState | undefined = azure.ipsecPolicies[0];
  if (!policy) return [];
  const out = [
    offered(policy.ipsecEncryption, AZURE_TO_AWS_ENCRYPTION, aws.options.phase2Encryption, 'phase 2 encryption'),
    offered(policy.pfsGroup, AZURE_TO_AWS_PFS, aws.options.phase2DhGroups, 'phase 2 PFS group'),
  ];
  // With GCM the integrity is GCM's own; otherwise it must be one AWS offers.
  if (!policy.ipsecIntegrity?.startsWith('GCM')) {
    out.push(offered(policy.ipsecIntegrity, AZURE_TO_AWS_INTEGRITY, aws.options.phase2Integrity, 'phase 2 integrity'));
  }
  if (policy.pfsGroup === 'None' && aws.options.phase2DhGroups.length > 0) {
    out.push(`phase 2 PFS group: Azure None, AWS offers ${aws.options.phase2DhGroups.join(', ')}`);
  }
  return out.filter((x): x is string => x !== undefined);
}

// ---- addresses ----
const cidr = (text: string): Ipv4Range | undefined => parseIpv4Cidr(text);
function cidrOverlaps(a: string, b: string): boolean {
  const x = cidr(a);
  const y = cidr(b);
  return !!x && !!y && overlaps(x, y);
}
function cidrContains(outer: string, inner: string): boolean {
  const x = cidr(outer);
  const y = cidr(inner);
  return !!x && !!y && contains(x, y);
}

/** Whether a security group rule admits any address of `peer` on some port. */
function ruleAdmits(rule: SecurityRuleState, peer: string): boolean {
  return rule.cidrs.some((c) => cidrOverlaps(c, peer));
}

/** The first network ACL entry (by rule number) that matches traffic to/from `peer` with `protocol`/`port`: allow or deny. */
function naclVerdict(
  entries: readonly NetworkAclEntryState[],
  egress: boolean,
  peer: string,
  protocol: string,
  port?: number,
): NetworkAclEntryState | undefined {
  const protocolNumber: Record<string, string> = { tcp: '6', udp: '17', icmp: '1' };
  return [...entries]
    .filter((e) => e.egress === egress && cidrContains(e.cidr, peer))
    .sort((a, b) => a.ruleNumber - b.ruleNumber)
    .find((e) => {
      if (e.protocol === '-1' || e.protocol === 'all') return true;
      if (e.protocol !== protocol && e.protocol !== protocolNumber[protocol]) return false;
      return port === undefined || e.fromPort === undefined || (port >= e.fromPort && port <= (e.toPort ?? e.fromPort));
    });
}

const describeEntry = (e: NetworkAclEntryState | undefined) =>
  e
    ? `rule ${e.ruleNumber} ${e.allow ? 'allow' : 'deny'} ${e.cidr}${e.fromPort !== undefined ? ` ports ${e.fromPort}-${e.toPort}` : ''}`
    : 'no matching rule (implicit deny)';

// ---- per-tunnel views ----
const IPSEC_DOWN = /IPSEC IS DOWN/i;

function awsLine(t: AwsTunnelState): string {
  return `AWS ${t.vpnConnectionId} tunnel ${t.outsideIp}: ${t.status}${
    t.statusMessage ? ` "${t.statusMessage}"` : ''
  }, ${t.acceptedRouteCount} routes accepted` +
    `${t.lastStatusChange ? `, last change ${t.lastStatusChange}` : ''}`;
}
const azureLine = (c: AzureConnectionState) => `Azure connection ${c.name}: ${c.connectionStatus}`;
const peerLine = (p: AzureBgpPeerState) =>
  `Azure BGP peer ${p.neighbor}${p.asn !== undefined ? ` (ASN ${p.asn})` : ''} from ${p.localAddress ?? '?'}: ${p.state}, ${
    p.routesReceived ?? '?'
  } routes received`;

interface TunnelView {
  readonly tunnel: ResolvedTunnel;
  readonly aws?: AwsTunnelState;
  readonly azure?: AzureConnectionState;
  readonly peer?: AzureBgpPeerState;
  /** Routes Azure learned from this tunnel's AWS BGP peer (undefined when not read). */
  readonly learned?: number;
}

function viewOf(state: StateRead, tunnel: ResolvedTunnel): TunnelView {
  const azure = state.azure;
  const peer = azure?.bgpPeers?.find((p) => p.neighbor === tunnel.awsBgpIp);
  const learned = azure?.learnedRoutes
    ? azure.learnedRoutes.filter((r) => r.sourcePeer === tunnel.awsBgpIp && r.origin !== 'Network').length
    : peer?.routesReceived;
  return { tunnel, aws: state.aws?.tunnels?.[tunnel.id], azure: azure?.connections?.[tunnel.id], peer, learned };
}

/** D03 evidence on the BGP set-up: peer addresses (C05, C13), ASNs (C11), BGP on (C12). */
function bgpEvidence(plan: ResolvedPlan, v: TunnelView, azureBgpPeersRead: boolean): { lines: string[]; causes: string[]; } {
  const lines: string[] = [];
  const causes: string[] = [];
  const { tunnel } = v;
  if (v.aws?.staticRoutesOnly) {
    lines.push(`AWS ${v.aws.vpnConnectionId} has StaticRoutesOnly true: no BGP session`);
    causes.push('bgp-down');
  }
  if (v.azure && v.azure.enableBgp === false) {
    lines.push(`Azure connection ${v.azure.name} has enableBgp false`);
    causes.push('bgp-down');
  }
  if (azureBgpPeersRead && !v.peer) {
    lines.push(`Azure gateway has no BGP peer ${tunnel.awsBgpIp} (the AWS end of ${tunnel.insideCidr})`);
    causes.push('bgp-address');
  }
  if (v.peer) {
    if (v.peer.localAddress && v.peer.localAddress !== tunnel.azureBgpIp) {
      lines.push(`Azure peers with ${tunnel.awsBgpIp} from ${v.peer.localAddress}, the plan's Azure address is ${tunnel.azureBgpIp}`);
      causes.push('bgp-address');
    }
    if (v.peer.asn !== undefined && v.peer.asn !== plan.aws.asn) {
      lines.push(`Azure expects ASN ${v.peer.asn} at ${tunnel.awsBgpIp}, the AWS gateway's ASN is ${plan.aws.asn}`);
      causes.push('bgp-asn');
    }
  }
  const custom = customBgpIpProblem(v);
  if (custom) {
    lines.push(custom);
    causes.push('bgp-address');
  }
  return { lines, causes };
}

/** C13: the connection's custom BGP address on the tunnel's instance is the tunnel's own. */
function customBgpIpProblem(v: TunnelView): string | undefined {
  if (!v.azure) return undefined;
  const { tunnel } = v;
  const expected = tunnel.azureCustomBgpIps;
  if (v.azure.customBgpIps.length < 2) {
    return `Azure connection ${v.azure.name} has ${v.azure.customBgpIps.length} custom BGP address(es) (gatewayCustomBgpIpAddresses), needs one per instance: ${
      expected.join(', ')
    }`;
  }
  const own = v.azure.customBgpIps.find((c) => c.ipConfiguration === `ipconfig${tunnel.azureInstance}`) ?? v.azure.customBgpIps[tunnel.azureInstance];
  if (own.address !== tunnel.azureBgpIp) {
    return `Azure connection ${v.azure.name} uses ${own.address} on ${own.ipConfiguration}, the tunnel's Azure BGP address is ${tunnel.azureBgpIp}`;
  }
  return undefined;
}

function tunnelFindings(plan: ResolvedPlan, state: StateRead, v: TunnelView): DoctorFinding[] {
  const out: DoctorFinding[] = [];
  const { tunnel, aws, azure, peer } = v;
  const tunnelId = tunnel.id;
  const azureDown = azure !== undefined && azure.connectionStatus !== 'Connected';
  const ipsecDownOnAws = aws !== undefined && aws.status !== 'UP' && IPSEC_DOWN.test(aws.statusMessage);
  const context = [aws && awsLine(aws), azure && azureLine(azure), peer && peerLine(peer)].filter((x): x is string => !!x);

  // IPsec down: phase 1 (D01) or phase 2 (D02).
  // AWS says so (VgwTelemetry "IPSEC IS DOWN"), or AWS is DOWN and Azure not connected either; Azure alone is D08.
  if (ipsecDownOnAws || (aws !== undefined && aws.status !== 'UP' && azureDown)) {
    const p1 = aws && azure ? phase1Differences(aws, azure) : [];
    const p2 = aws && azure ? phase2Differences(aws, azure) : [];
    const selectors = azure?.usePolicyBasedTrafficSelectors === true;
    const reach = reachability(state, v);
    if (p1.length === 0 && reach.length === 0 && (p2.length > 0 || selectors)) {
      const lines = [...context, ...p2];
      if (selectors) lines.push(`Azure connection ${azure!.name} has usePolicyBasedTrafficSelectors true`);
      out.push(finding('D02', lines, [...(p2.length ? ['phase2'] : []), ...(selectors ? ['selectors'] : [])], { tunnelId }));
    } else {
      const indicated = [...(p1.length ? ['ike'] : []), ...(reach.length ? ['reach'] : [])];
      // Nothing else visible: the first documented cause, the key (never read by doctor), stays the likeliest.
      if (indicated.length === 0) indicated.push('psk');
      out.push(finding('D01', [...context, ...p1, ...reach], indicated, { tunnelId }));
    }
  } else if (aws && aws.status !== 'UP') {
    // DOWN without "IPSEC IS DOWN": IPsec is up and BGP is not (a BGP VPN is up only when BGP is, seed 000): D03.
    const bgp = bgpEvidence(plan, v, state.azure?.bgpPeers !== undefined);
    out.push(finding('D03', [...context, ...bgp.lines], bgp.causes.length ? [...new Set(bgp.causes)] : ['bgp-down'], { tunnelId }));
  }

  // BGP up, no routes (D04): AWS UP with 0 accepted, or Azure peer Connected with nothing learned.
  const awsNoRoutes = aws !== undefined && aws.status === 'UP' && aws.acceptedRouteCount === 0;
  const azureNoRoutes = peer !== undefined && peer.state === 'Connected' && v.learned === 0;
  if (awsNoRoutes || azureNoRoutes) {
    const lines = [...context];
    const indicated: string[] = [];
    if (azureNoRoutes) lines.push(`Azure learned ${v.learned} route(s) from ${tunnel.awsBgpIp}`);
    const advertised = state.azure?.advertisedRoutes?.[tunnel.awsBgpIp];
    if (awsNoRoutes && advertised !== undefined && advertised.length === 0) {
      lines.push(`Azure advertises no prefix to ${tunnel.awsBgpIp}`);
      indicated.push('no-prefix');
    }
    const overlapping = [
      ...(cidrOverlaps(plan.aws.vpcCidr, plan.azure.vnetCidr) ? [`the plan's VPC ${plan.aws.vpcCidr} and VNet ${plan.azure.vnetCidr}`] : []),
      ...(advertised ?? []).filter((r) => cidrOverlaps(r.network, plan.aws.vpcCidr)).map((r) =>
        `Azure advertises ${r.network} to ${tunnel.awsBgpIp}, inside the VPC ${plan.aws.vpcCidr}`
      ),
    ];
    if (overlapping.length > 0) {
      lines.push(...overlapping.map((o) => `overlap: ${o}`));
      indicated.push('overlap');
    }
    if (indicated.length === 0) indicated.push('no-prefix');
    out.push(finding('D04', lines, indicated, { tunnelId }));
  }

  // Azure side not connected (D08).
  if (azureDown || (peer !== undefined && peer.state !== 'Connected')) {
    const custom = customBgpIpProblem(v);
    const lines = [...context, ...(custom ? [custom] : [])];
    out.push(finding('D08', lines, custom ? ['custom-bgp-ip'] : ['as-d01-d03'], { tunnelId }));
  }

  // No initiator / idle (D09).
  const d09 = initiatorEvidence(state, v);
  if (d09) out.push(d09);
  return out;
}

/** D01 cause 3: the AWS customer gateway does not point at the Azure instance's public IP. */
function reachability(state: StateRead, v: TunnelView): string[] {
  const ips = state.azure?.gatewayPublicIps;
  const cgw = v.aws?.customerGatewayIp;
  if (!ips || !cgw) return [];
  const expected = ips[v.tunnel.azureInstance];
  return cgw === expected
    ? []
    : [`AWS customer gateway of ${v.aws!.vpnConnectionId} points at ${cgw}; Azure instance ${v.tunnel.azureInstance}'s public IP is ${expected}`];
}

/** D09: who starts and keeps the tunnel up (C20, C21). */
function initiatorEvidence(state: StateRead, v: TunnelView): DoctorFinding | undefined {
  const { aws, azure, tunnel } = v;
  if (!aws) return undefined;
  const lines: string[] = [];
  const indicated: string[] = [];
  const mode = azure?.connectionMode;
  const awsWaits = aws.options.startupAction === 'add';
  if (awsWaits && mode === 'ResponderOnly') {
    lines.push(`AWS tunnel ${aws.outsideIp} has StartupAction add and Azure connection ${azure!.name} is ResponderOnly: neither side starts IKE`);
    indicated.push('no-initiator');
  }
  if (aws.options.dpdTimeoutSeconds !== undefined && aws.options.dpdTimeoutSeconds < AWS_DPD_MIN_SECONDS) {
    lines.push(`AWS tunnel ${aws.outsideIp} DPD timeout ${aws.options.dpdTimeoutSeconds} s (< ${AWS_DPD_MIN_SECONDS})`);
    indicated.push('no-initiator');
  }
  if (awsWaits && aws.options.dpdTimeoutAction !== undefined && aws.options.dpdTimeoutAction !== 'restart' && mode === 'ResponderOnly') {
    lines.push(`AWS tunnel ${aws.outsideIp} DPD timeout action ${aws.options.dpdTimeoutAction}: after a timeout nothing restarts it`);
    indicated.push('no-initiator');
  }
  if (azure?.dpdTimeoutSeconds !== undefined && (azure.dpdTimeoutSeconds < AZURE_DPD.min || azure.dpdTimeoutSeconds > AZURE_DPD.max)) {
    lines.push(`Azure connection ${azure.name} dpdTimeoutSeconds ${azure.dpdTimeoutSeconds} (Azure allows ${AZURE_DPD.min}–${AZURE_DPD.max})`);
    indicated.push('no-initiator');
  }
  // Customer side (Azure) initiates, AWS waits, the tunnel went down within the last 10 minutes: idle drop.
  const changed = aws.lastStatusChange ? Date.parse(state.readAt) - Date.parse(aws.lastStatusChange) : Number.NaN;
  if (awsWaits && mode !== undefined && mode !== 'ResponderOnly' && aws.status !== 'UP' && changed >= 0 && changed <= 10 * 60_000) {
    lines.push(
      `AWS tunnel ${aws.outsideIp} is ${aws.status} since ${aws.lastStatusChange} (${
        Math.round(changed / 1000)
      } s before the read) with StartupAction add; Azure (${mode}) is the only initiator`,
    );
    indicated.push('idle');
  }
  if (indicated.length === 0) return undefined;
  return finding('D09', [awsLine(aws), ...(azure ? [azureLine(azure)] : []), ...lines], [...new Set(indicated)], { tunnelId: tunnel.id });
}

/** D05: route tables of the subnets (C28), and on a TGW its route tables (C29). */
function routingFindings(plan: ResolvedPlan, aws: AwsState): DoctorFinding[] {
  const out: DoctorFinding[] = [];
  if (!aws.routeTables) return out;
  const peer = plan.azure.vnetCidr;
  const reaches = (t: RouteTableState) =>
    (aws.targetKind === 'vgw' && t.propagatingGateways.includes(aws.targetId)) ||
    t.routes.some((r) => r.target === aws.targetId && r.state !== 'blackhole' && cidrContains(r.destination, peer));
  const missing = aws.routeTables.filter((t) => !reaches(t));
  const lines: string[] = [];
  const indicated: string[] = [];
  if (missing.length > 0 && (aws.subnetsChosen || missing.length === aws.routeTables.length)) {
    for (const t of missing) {
      const how = aws.targetKind === 'vgw'
        ? `no propagation from ${aws.targetId} and no route to ${peer} via it`
        : `no route to ${peer} via ${aws.targetId} (a TGW does not propagate into VPC route tables)`;
      const blackhole = t.routes.find((r) => r.target === aws.targetId && r.state === 'blackhole');
      lines.push(
        `route table ${t.id} (subnets ${t.subnetIds.join(', ') || 'none'}${t.main ? ', main' : ''}): ${how}${
          blackhole ? `; route ${blackhole.destination} is a blackhole` : ''
        }`,
      );
    }
    indicated.push('route-table');
  }
  const tgw = aws.transitGateway;
  if (aws.targetKind === 'tgw' && tgw) {
    const served = tgw.routeTables.some((t) =>
      t.routes.some((r) => cidrContains(r.destination, peer) && r.state !== 'blackhole') ||
      t.propagatingAttachments.some((a) => tgw.vpnAttachmentIds.includes(a))
    );
    if (!served) {
      lines.push(
        `transit gateway ${aws.targetId}: no route table has a route to ${peer} or propagation from the VPN attachments ${
          tgw.vpnAttachmentIds.join(', ') || '(none found)'
        }`,
      );
      indicated.push('tgw-route-table');
    }
  }
  if (indicated.length > 0) out.push(finding('D05', lines, indicated));
  return out;
}

/** D06: security groups and network ACLs of the subnets admit the peer (C30). */
function securityFindings(plan: ResolvedPlan, aws: AwsState): DoctorFinding[] {
  const peer = plan.azure.vnetCidr;
  const peerAddress = peer.split('/')[0] + '/32';
  const lines: string[] = [];
  for (const sg of aws.securityGroups ?? []) {
    if (!sg.ingress.some((r) => ruleAdmits(r, peer))) lines.push(`security group ${sg.id}: no inbound rule admits ${peer}`);
  }
  for (const acl of aws.networkAcls ?? []) {
    const inbound = naclVerdict(acl.entries, false, peerAddress, '-1');
    const anyAllowIn = acl.entries.some((e) => !e.egress && e.allow && cidrContains(e.cidr, peerAddress));
    if (!anyAllowIn || (inbound && !inbound.allow && inbound.protocol === '-1')) {
      lines.push(`network ACL ${acl.id} (subnets ${acl.subnetIds.join(', ')}): inbound from ${peer} denied by ${describeEntry(inbound)}`);
    }
    for (const [egress, label] of [[true, 'outbound to'], [false, 'inbound from']] as const) {
      const blocked = [1024, 65535].map((port) => naclVerdict(acl.entries, egress, peerAddress, 'tcp', port)).find((e) => !e?.allow);
      if (blocked !== undefined || naclVerdict(acl.entries, egress, peerAddress, 'tcp', 1024) === undefined) {
        lines.push(`network ACL ${acl.id}: return traffic ${label} ${peer} on TCP 1024–65535 blocked by ${describeEntry(blocked)}`);
      }
    }
  }
  return lines.length > 0 ? [finding('D06', [...new Set(lines)], ['sg-nacl'])] : [];
}

/** D07: one tunnel carries the traffic (VGW, a notice) or TGW ECMP is off (C29). */
function ecmpFindings(state: StateRead, views: readonly TunnelView[]): DoctorFinding[] {
  const aws = state.aws;
  if (!aws) return [];
  const up = views.filter((v) => v.aws?.status === 'UP');
  if (aws.targetKind === 'tgw' && aws.transitGateway && !aws.transitGateway.vpnEcmpSupport && up.length >= 2) {
    return [finding('D07', [`transit gateway ${aws.targetId}: VpnEcmpSupport disable, ${up.length} tunnels UP`], ['tgw-ecmp-off'])];
  }
  const counted = up.filter((v) => v.azure?.ingressBytes !== undefined);
  const carrying = counted.filter((v) => (v.azure!.ingressBytes ?? 0) > 0);
  if (aws.targetKind === 'vgw' && counted.length >= 2 && carrying.length === 1) {
    return [
      finding(
        'D07',
        counted.map((v) => `Azure connection ${v.azure!.name}: ${v.azure!.ingressBytes} bytes in from AWS, ${v.azure!.egressBytes ?? '?'} out`),
        ['vgw-prefers-one'],
        { severity: 'notice' },
      ),
    ];
  }
  return [];
}

/** D10: gateway endpoints of the VPC (C31, C32) and what may deny (seed 003). */
function endpointFindings(aws: AwsState): DoctorFinding[] {
  const endpoints = aws.gatewayEndpoints ?? [];
  if (endpoints.length === 0) return [];
  const lines: string[] = [];
  const indicated: string[] = [];
  for (const e of endpoints) {
    const region = e.serviceName.split('.')[2];
    if (region && region !== aws.region) {
      lines.push(`endpoint ${e.id} (${e.serviceName}) is in ${region}, doctor reads ${aws.region}`);
      indicated.push('region');
    }
    const without = (aws.routeTables ?? []).filter((t) => !e.routeTableIds.includes(t.id));
    if (without.length > 0) {
      lines.push(`endpoint ${e.id} (${e.serviceName}) is not associated with route table(s) ${without.map((t) => t.id).join(', ')}`);
      indicated.push('route-table');
    }
    if (e.policyRestricts) {
      lines.push(`endpoint ${e.id} has a restrictive policy (a Deny, or not every action allowed)`);
      indicated.push('policy');
    }
    for (const sg of aws.securityGroups ?? []) {
      const allows = sg.egress.some((r) =>
        (r.protocol === '-1' || (r.protocol === 'tcp' && (r.fromPort ?? 0) <= 443 && (r.toPort ?? 65535) >= 443)) &&
        (r.cidrs.includes('0.0.0.0/0') || (e.prefixListId !== undefined && r.prefixListIds.includes(e.prefixListId)))
      );
      if (!allows) {
        lines.push(`security group ${sg.id}: no outbound rule allows 443 to ${e.prefixListId ?? 'the endpoint prefix list'} or 0.0.0.0/0`);
        indicated.push('sg-nacl');
      }
    }
  }
  for (const acl of aws.networkAcls ?? []) {
    const out443 = naclVerdict(acl.entries, true, '0.0.0.0/0', 'tcp', 443);
    const inEphemeral = naclVerdict(acl.entries, false, '0.0.0.0/0', 'tcp', 1024);
    if (!out443?.allow || !inEphemeral?.allow) {
      lines.push(`network ACL ${acl.id}: outbound 443 ${describeEntry(out443)}, inbound 1024–65535 ${describeEntry(inEphemeral)}`);
      indicated.push('sg-nacl');
    }
  }
  if (aws.enableDnsSupport === false) {
    lines.push(`VPC ${aws.vpcId ?? ''} has enableDnsSupport false`.replace('  ', ' '));
    indicated.push('dns');
  }
  return indicated.length > 0 ? [finding('D10', [...new Set(lines)], [...new Set(indicated)])] : [];
}

function rowOf(v: TunnelView): TunnelRow {
  const { tunnel, aws, azure, peer } = v;
  return {
    tunnelId: tunnel.id,
    awsConnection: tunnel.awsConnection,
    awsTunnel: tunnel.awsTunnel,
    outsideIp: aws?.outsideIp,
    awsStatus: aws?.status,
    awsStatusMessage: aws?.statusMessage,
    azureStatus: azure?.connectionStatus,
    awsBgp: aws ? (aws.status === 'UP' ? 'up' : 'down') : undefined,
    azureBgp: peer?.state,
    routesAccepted: aws?.acceptedRouteCount,
    routesLearned: v.learned,
  };
}

/** Findings for a plan and a state read; the exit code follows from them and from what was unreadable. */
export function diagnose(plan: ResolvedPlan, state: StateRead): Diagnosis {
  const views = plan.tunnels.map((t) => viewOf(state, t));
  const findings: DoctorFinding[] = [];
  for (const v of views) findings.push(...tunnelFindings(plan, state, v));
  if (state.aws) {
    findings.push(...routingFindings(plan, state.aws));
    findings.push(...securityFindings(plan, state.aws));
    findings.push(...endpointFindings(state.aws));
  }
  findings.push(...ecmpFindings(state, views));
  // Order: by row, then by tunnel (the plan's order).
  const order = plan.tunnels.map((t) => t.id);
  findings.sort((a, b) => a.id.localeCompare(b.id) || order.indexOf(a.tunnelId ?? '') - order.indexOf(b.tunnelId ?? ''));
  const problem = findings.some((f) => f.severity === 'problem');
  return {
    plan: plan.name,
    readAt: state.readAt,
    tunnels: views.map(rowOf),
    findings,
    unreadable: state.unreadable,
    exitCode: problem ? 1 : state.unreadable.length > 0 ? 2 : 0,
  };
}
