/**
 * The Alibaba Cloud half as plain data: every argument of the resources the component creates,
 * derived from the plan's tunnels and the AWS hand-off alone. The Alibaba rules (lib/rules/alibaba)
 * and the component read this one shape. No Pulumi import, no pre-shared key: a tunnel holds the
 * Secrets Manager ARN of its key. Topology and sources: README-sources.md.
 *
 * Pairing (C39): AWS connection c uses customer gateway c, which points at Alibaba gateway IP c.
 * Alibaba connection k puts tunnel 1 (IP 1, master) against tunnel k of AWS connection 1 and tunnel 2
 * (IP 2, slave) against tunnel k of AWS connection 2.
 */
import { bgpAddressesOf } from '../../core/address';
import { excerptName } from '../../core/excerpt';
import type { IpsecPolicy } from '../../plan/schema';
import type { Finding } from '../../core/finding';
import {
  alibabaIpsecFindings,
  alibabaIpsecPolicy,
  type AlibabaIkeValues,
  type AlibabaIpsecValues,
  type AlibabaPolicyValues,
} from '../../plan/alibaba-ipsec';
import type { AlibabaPeerSpec } from '../../plan/alibaba';

export type AwsNumber = 1 | 2;
/** Index into the gateway's public IPs: 0 = `internetIp` (IP 1), 1 = `disasterRecoveryInternetIp` (IP 2). */
export type GatewayIpIndex = 0 | 1;
/** Alibaba's names for the fixed roles of tunnel 1 and tunnel 2 (seed 002). */
export type TunnelRole = 'master' | 'slave';

/** Destination-based routing: with BGP the routes come from the sessions (README-sources.md). */
export const DESTINATION_ROUTING_SUBNETS: readonly string[] = ['0.0.0.0/0'];

/** One plan tunnel as this design needs it; `ResolvedPlan['tunnels'][number]` has these fields. */
export interface AlibabaPlanTunnel {
  /** Plan tunnel id; names the key in config and the tunnel in reports. */
  readonly id: string;
  readonly awsConnection: AwsNumber;
  readonly awsTunnel: AwsNumber;
  /** The AWS tunnel's inside /30 (C01, C02, C04 checked by the plan). */
  readonly insideCidr: string;
}

/** What the design reads of the resolved plan; a `ResolvedPlan` satisfies it. */
export interface AlibabaPlanInput {
  readonly name: string;
  readonly aws: { readonly asn: number; };
  readonly tunnels: readonly AlibabaPlanTunnel[];
  readonly ipsec: Readonly<IpsecPolicy>;
  readonly tags: Readonly<Record<string, string>>;
}

/** One AWS tunnel from the hand-off (matched to the plan by inside CIDR there); never the key. */
export interface AlibabaAwsTunnelInput {
  /** The AWS tunnel's public outside IP: an Alibaba customer gateway's `ipAddress`. */
  readonly outsideIp: string;
  /** Where the tunnel's pre-shared key is. */
  readonly presharedKeySecretArn: string;
}

export interface AlibabaDesignOptions {
  /**
   * The AWS tunnels by plan tunnel id. @default undefined: the first run, before AWS exists; the
   * design then holds the gateway only (AWS needs its two IPs first)
   */
  readonly awsTunnels?: Readonly<Record<string, AlibabaAwsTunnelInput>>;
}

export interface AlibabaGatewayDesign {
  /** Pulumi resource name, relative to the component. */
  readonly resourceName: string;
  readonly name: string;
  readonly vpcId: string;
  readonly vswitchId: string;
  readonly disasterRecoveryVswitchId: string;
  readonly bandwidth: number;
  readonly vpnType: string;
  readonly networkType: 'public';
  readonly paymentType: string;
  readonly enableIpsec: true;
  readonly enableSsl: false;
  /** BGP-learned routes into the VPC's system route table (README-sources.md). */
  readonly autoPropagate: boolean;
  readonly resourceGroupId?: string;
}

export interface AlibabaCustomerGatewayDesign {
  readonly resourceName: string;
  readonly name: string;
  /** The AWS tunnel it stands for. */
  readonly tunnelId: string;
  readonly awsConnection: AwsNumber;
  readonly awsTunnel: AwsNumber;
  /** That tunnel's AWS outside IP. */
  readonly ipAddress: string;
  /** The AWS ASN, set at creation (C36, C41); undefined only in a faulty hand-built design. */
  readonly asn?: number;
}

export interface AlibabaTunnelBgpDesign {
  readonly localAsn: number;
  /** The AWS tunnel's inside /30 (C35, C39). */
  readonly tunnelCidr: string;
  /** Second host of the /30 (C39). */
  readonly localBgpIp: string;
  /** First host: the AWS end of the session. */
  readonly peerBgpIp: string;
  /** The AWS ASN. */
  readonly peerAsn: number;
}

export interface AlibabaTunnelDesign {
  /** 1 or 2: the position in `tunnelOptionsSpecifications`. */
  readonly position: AwsNumber;
  readonly role: TunnelRole;
  /** The gateway IP the tunnel uses: fixed by its position (C34, C39). */
  readonly gatewayIp: GatewayIpIndex;
  /** The AWS tunnel it faces. */
  readonly tunnelId: string;
  readonly awsConnection: AwsNumber;
  readonly awsTunnel: AwsNumber;
  readonly customerGatewayResourceName: string;
  readonly enableDpd: boolean;
  /** NAT-T (UDP 4500) as on AWS (C27). */
  readonly enableNatTraversal: boolean;
  readonly ike: AlibabaIkeValues;
  readonly ipsec: AlibabaIpsecValues;
  readonly bgp: AlibabaTunnelBgpDesign;
  /** The key's Secrets Manager ARN; the component reads the key into a Pulumi secret (C23). */
  readonly presharedKeySecretArn: string;
}

export interface AlibabaConnectionDesign {
  readonly resourceName: string;
  readonly name: string;
  /** k: it faces tunnel k of both AWS connections. */
  readonly number: AwsNumber;
  readonly localSubnets: readonly string[];
  readonly remoteSubnets: readonly string[];
  /** Negotiate at once rather than on first traffic: AWS starts too (C20). */
  readonly effectImmediately: boolean;
  readonly enableTunnelsBgp: boolean;
  /** Tunnel 1 then tunnel 2. */
  readonly tunnels: readonly AlibabaTunnelDesign[];
  /** Resource name of the connection created just before it on the gateway (C42); undefined for the first. */
  readonly after?: string;
}

/** The AWS half's side of one tunnel: what exactly one Alibaba tunnel must face (C39). */
export interface AwsTunnelFacts {
  readonly tunnelId: string;
  readonly awsConnection: AwsNumber;
  readonly awsTunnel: AwsNumber;
  readonly insideCidr: string;
  /** First host of the /30. */
  readonly awsBgpIp: string;
  readonly outsideIp: string;
  /** The Alibaba gateway IP its AWS customer gateway points at: connection c → IP c. */
  readonly customerGatewayIp: GatewayIpIndex;
  readonly presharedKeySecretArn: string;
}

export interface AlibabaDesign {
  readonly planName: string;
  readonly region: string;
  /** Plan tags, on every resource. */
  readonly tags: Readonly<Record<string, string>>;
  /** The Alibaba-side ASN; also the ASN of both AWS customer gateways. */
  readonly localAsn: number;
  readonly gateway: AlibabaGatewayDesign;
  /** AWS connection, then AWS tunnel order; empty on the first run. */
  readonly customerGateways: readonly AlibabaCustomerGatewayDesign[];
  /** Connection 1 then 2; empty on the first run. */
  readonly connections: readonly AlibabaConnectionDesign[];
  readonly aws: {
    readonly asn: number;
    /** Plan tunnel order; empty on the first run. */
    readonly tunnels: readonly AwsTunnelFacts[];
  };
  /** The plan's policy in Alibaba's vocabulary: what every tunnel must carry (C40). */
  readonly policy: AlibabaPolicyValues;
  /** Problems of the inputs themselves: a policy Alibaba lacks (C24), tunnels missing or unknown (C39). */
  readonly findings: readonly Finding[];
}

/** Names in Alibaba Cloud, stable across runs: plan name and AWS coordinates only. */
export const alibabaNames = {
  gateway: (plan: AlibabaPlanInput, peer: AlibabaPeerSpec) => peer.gatewayName ?? `${plan.name}-vpn-gw`,
  customerGateway: (plan: AlibabaPlanInput, c: AwsNumber, t: AwsNumber) => `${plan.name}-aws${c}-tunnel${t}`,
  connection: (plan: AlibabaPlanInput, k: AwsNumber) => `${plan.name}-ipsec-${k}`,
};

const resourceNames = {
  customerGateway: (c: AwsNumber, t: AwsNumber) => `cgw-aws${c}-tunnel${t}`,
  connection: (k: AwsNumber) => `ipsec-${k}`,
};

const AWS_NUMBERS: readonly AwsNumber[] = [1, 2];

function designFinding(path: string, message: string, fix: string): Finding {
  return { path, ruleId: 'AlibabaDesign', catalogue: ['C39'], level: 'error', message, fix };
}

function tunnelFindings(plan: AlibabaPlanInput, awsTunnels: Readonly<Record<string, AlibabaAwsTunnelInput>>): Finding[] {
  const ids = plan.tunnels.map((t) => t.id);
  const unknown = Object.keys(awsTunnels).filter((id) => !ids.includes(id));
  const missing = ids.filter((id) => awsTunnels[id] === undefined);
  const findings = [
    ...unknown.map((id) =>
      designFinding(
        `awsTunnels.${excerptName(id)}`,
        `'${excerptName(id)}' is not a tunnel of plan '${plan.name}'.`,
        `tunnel ids of the plan: ${ids.join(', ')}.`,
      )
    ),
    ...missing.map((id) =>
      designFinding(
        `awsTunnels.${id}`,
        `the AWS side of tunnel ${id} is missing: its Alibaba tunnel would have no peer and each connection needs both tunnels (C34).`,
        'the outside IP and key ARN of every plan tunnel (the AWS hand-off), or none for the first run.',
      )
    ),
  ];
  for (const c of AWS_NUMBERS) {
    for (const t of AWS_NUMBERS) {
      const count = plan.tunnels.filter((p) => p.awsConnection === c && p.awsTunnel === t).length;
      if (count !== 1) {
        findings.push(
          designFinding(
            'tunnels',
            `${count} plan tunnels are AWS connection ${c} tunnel ${t}; the design needs exactly one for each of the four AWS tunnels.`,
            'four tunnels: AWS connections 1 and 2, tunnels 1 and 2 of each.',
          ),
        );
      }
    }
  }
  return findings;
}

/**
 * Every Alibaba resource argument of `plan` with `peer`'s settings, as plain data. Pure; never throws
 * on a plan whose tunnels are well-formed /30s (the plan rules saw to that).
 */
export function alibabaDesign(plan: AlibabaPlanInput, peer: AlibabaPeerSpec, options: AlibabaDesignOptions = {}): AlibabaDesign {
  const policy = alibabaIpsecPolicy(plan.ipsec);
  const findings: Finding[] = [...alibabaIpsecFindings(plan.ipsec)];
  const gateway: AlibabaGatewayDesign = {
    resourceName: 'gateway',
    name: alibabaNames.gateway(plan, peer),
    vpcId: peer.vpcId,
    vswitchId: peer.vswitchId,
    disasterRecoveryVswitchId: peer.disasterRecoveryVswitchId,
    bandwidth: peer.bandwidth,
    vpnType: peer.vpnType,
    networkType: 'public',
    paymentType: peer.paymentType,
    enableIpsec: true,
    enableSsl: false,
    autoPropagate: true,
    ...(peer.resourceGroupId !== undefined ? { resourceGroupId: peer.resourceGroupId } : {}),
  };
  const base = {
    planName: plan.name,
    region: peer.region,
    tags: { ...plan.tags },
    localAsn: peer.localAsn,
    gateway,
    policy,
  };
  const { awsTunnels } = options;
  if (awsTunnels === undefined) {
    return { ...base, customerGateways: [], connections: [], aws: { asn: plan.aws.asn, tunnels: [] }, findings };
  }
  findings.push(...tunnelFindings(plan, awsTunnels));

  const facts: AwsTunnelFacts[] = plan.tunnels
    .filter((t) => awsTunnels[t.id] !== undefined)
    .map((t) => ({
      tunnelId: t.id,
      awsConnection: t.awsConnection,
      awsTunnel: t.awsTunnel,
      insideCidr: t.insideCidr,
      awsBgpIp: bgpAddressesOf(t.insideCidr).aws,
      outsideIp: awsTunnels[t.id].outsideIp,
      customerGatewayIp: (t.awsConnection - 1) as GatewayIpIndex,
      presharedKeySecretArn: awsTunnels[t.id].presharedKeySecretArn,
    }));
  const factAt = (c: AwsNumber, t: AwsNumber) => facts.find((f) => f.awsConnection === c && f.awsTunnel === t);

  const customerGateways: AlibabaCustomerGatewayDesign[] = [];
  for (const c of AWS_NUMBERS) {
    for (const t of AWS_NUMBERS) {
      const fact = factAt(c, t);
      if (fact === undefined) continue;
      customerGateways.push({
        resourceName: resourceNames.customerGateway(c, t),
        name: alibabaNames.customerGateway(plan, c, t),
        tunnelId: fact.tunnelId,
        awsConnection: c,
        awsTunnel: t,
        ipAddress: fact.outsideIp,
        asn: plan.aws.asn,
      });
    }
  }

  // A connection is only built whole: a lone tunnel would leave the other role unconfigured (C34).
  const connections: AlibabaConnectionDesign[] = [];
  for (const k of AWS_NUMBERS) {
    const faced = AWS_NUMBERS.map((c) => factAt(c, k));
    if (faced.some((f) => f === undefined)) continue;
    const tunnels = (faced as AwsTunnelFacts[]).map((fact): AlibabaTunnelDesign => {
      const position = fact.awsConnection;
      const { aws, azure: second } = bgpAddressesOf(fact.insideCidr);
      return {
        position,
        role: position === 1 ? 'master' : 'slave',
        gatewayIp: fact.customerGatewayIp,
        tunnelId: fact.tunnelId,
        awsConnection: fact.awsConnection,
        awsTunnel: fact.awsTunnel,
        customerGatewayResourceName: resourceNames.customerGateway(fact.awsConnection, fact.awsTunnel),
        enableDpd: true,
        enableNatTraversal: true,
        ike: { ...policy.ike },
        ipsec: { ...policy.ipsec },
        bgp: { localAsn: peer.localAsn, tunnelCidr: fact.insideCidr, localBgpIp: second, peerBgpIp: aws, peerAsn: plan.aws.asn },
        presharedKeySecretArn: fact.presharedKeySecretArn,
      };
    });
    const previous = connections[connections.length - 1];
    connections.push({
      resourceName: resourceNames.connection(k),
      name: alibabaNames.connection(plan, k),
      number: k,
      localSubnets: [...DESTINATION_ROUTING_SUBNETS],
      remoteSubnets: [...DESTINATION_ROUTING_SUBNETS],
      effectImmediately: true,
      enableTunnelsBgp: true,
      tunnels,
      ...(previous !== undefined ? { after: previous.resourceName } : {}),
    });
  }

  return { ...base, customerGateways, connections, aws: { asn: plan.aws.asn, tunnels: facts }, findings };
}
