import { bgpAddressesOf } from '../../core/address';
import { excerptName } from '../../core/excerpt';
import type { AlibabaDesign, AlibabaTunnelDesign, AwsTunnelFacts } from '../../peers/alibaba/design';
import type { Violation } from '../../core/finding';
import type { Rule } from '../../check/kit/rule';
import { tunnelPath } from '../../check/views/alibaba';

const ipName = (index: number) => `IP ${index + 1}`;

/** What one Alibaba tunnel gets wrong about the AWS tunnel it faces. */
function mismatches(design: AlibabaDesign, tunnel: AlibabaTunnelDesign, fact: AwsTunnelFacts, at: string): Violation[] {
  const violations: Violation[] = [];
  const push = (field: string, message: string, fix: string) => violations.push({ path: `${at}${field}`, message, fix });
  if (tunnel.gatewayIp !== fact.customerGatewayIp) {
    push(
      '',
      `faces AWS tunnel ${fact.tunnelId} (connection ${fact.awsConnection}, tunnel ${fact.awsTunnel}) from gateway ${
        ipName(tunnel.gatewayIp)
      }, but that AWS connection's customer gateway is ${ipName(fact.customerGatewayIp)}: AWS never answers it.`,
      `put AWS connection ${fact.awsConnection}'s tunnels on Alibaba tunnel ${fact.customerGatewayIp + 1} (${
        ipName(fact.customerGatewayIp)
      }) of each connection.`,
    );
  }
  const second = bgpAddressesOf(fact.insideCidr).azure;
  if (tunnel.bgp.tunnelCidr !== fact.insideCidr) {
    push(
      '.bgp.tunnelCidr',
      `'${excerptName(tunnel.bgp.tunnelCidr)}' differs from AWS tunnel ${fact.tunnelId}'s inside CIDR ${fact.insideCidr}.`,
      `${fact.insideCidr}.`,
    );
  } else if (tunnel.bgp.localBgpIp !== second || tunnel.bgp.peerBgpIp !== fact.awsBgpIp) {
    push(
      '.bgp.localBgpIp',
      `local ${excerptName(tunnel.bgp.localBgpIp)} / peer ${
        excerptName(tunnel.bgp.peerBgpIp)
      } do not follow ${fact.insideCidr}: AWS holds the first host, Alibaba the second.`,
      `localBgpIp ${second}, peer ${fact.awsBgpIp}.`,
    );
  }
  if (tunnel.bgp.peerAsn !== design.aws.asn) {
    push('.bgp.peerAsn', `${tunnel.bgp.peerAsn} is not the AWS ASN ${design.aws.asn}.`, `${design.aws.asn}.`);
  }
  if (tunnel.presharedKeySecretArn !== fact.presharedKeySecretArn) {
    push(
      '.presharedKeySecretArn',
      `names another secret than AWS tunnel ${fact.tunnelId}'s: the two ends would hold different keys (phase 1 fails).`,
      `${fact.presharedKeySecretArn}.`,
    );
  }
  const gateway = design.customerGateways.find((g) => g.resourceName === tunnel.customerGatewayResourceName);
  if (gateway === undefined) {
    push(
      '.customerGatewayResourceName',
      `'${excerptName(tunnel.customerGatewayResourceName)}' is not a customer gateway of the design.`,
      `the customer gateway of AWS tunnel ${fact.tunnelId}.`,
    );
  } else {
    if (gateway.ipAddress !== fact.outsideIp) {
      push(
        '.customerGatewayResourceName',
        `customer gateway ${gateway.name} is ${gateway.ipAddress}, not AWS tunnel ${fact.tunnelId}'s outside IP ${fact.outsideIp}.`,
        `the customer gateway whose ipAddress is ${fact.outsideIp}.`,
      );
    }
    if (gateway.asn !== undefined && gateway.asn !== design.aws.asn) {
      push(
        '.customerGatewayResourceName',
        `customer gateway ${gateway.name} has ASN ${gateway.asn}, not the AWS ASN ${design.aws.asn}.`,
        `asn ${design.aws.asn} (a new customer gateway: the ASN is create-only).`,
      );
    }
  }
  return violations;
}

function pairing(design: AlibabaDesign): Violation[] {
  const violations: Violation[] = [];
  const placed = design.connections.flatMap((connection, i) => connection.tunnels.map((tunnel, j) => ({ tunnel, at: tunnelPath(i, j) })));
  for (const fact of design.aws.tunnels) {
    const facing = placed.filter((p) => p.tunnel.tunnelId === fact.tunnelId);
    if (facing.length !== 1) {
      violations.push({
        path: 'connections',
        message: facing.length === 0
          ? `AWS tunnel ${fact.tunnelId} (connection ${fact.awsConnection}, tunnel ${fact.awsTunnel}, ${fact.outsideIp}) has no Alibaba tunnel facing it: it stays down.`
          : `AWS tunnel ${fact.tunnelId} is faced by ${facing.length} Alibaba tunnels (${facing.map((p) => p.at).join(', ')}).`,
        fix:
          `exactly one Alibaba tunnel per AWS tunnel: connection k's tunnel 1 (IP 1) faces AWS connection 1 tunnel k, its tunnel 2 (IP 2) AWS connection 2 tunnel k.`,
      });
    }
    for (const { tunnel, at } of facing) violations.push(...mismatches(design, tunnel, fact, at));
  }
  for (const { tunnel, at } of placed) {
    if (!design.aws.tunnels.some((f) => f.tunnelId === tunnel.tunnelId)) {
      violations.push({
        path: at,
        message: `faces '${excerptName(tunnel.tunnelId)}', which is no AWS tunnel of the hand-off.`,
        fix: `one of ${design.aws.tunnels.map((f) => f.tunnelId).join(', ')}.`,
      });
    }
  }
  const byIp = new Map<string, string>();
  for (const gateway of design.customerGateways) {
    const other = byIp.get(gateway.ipAddress);
    if (other !== undefined) {
      violations.push({
        path: `customerGateways.${gateway.resourceName}.ipAddress`,
        message: `${gateway.ipAddress} is also customer gateway ${other}'s address; each stands for one AWS tunnel outside IP.`,
        fix: 'the outside IP of the AWS tunnel it stands for (AWS hand-off).',
      });
    } else {
      byIp.set(gateway.ipAddress, gateway.name);
    }
  }
  return violations;
}

export const AlibabaAwsPairing: Rule = {
  id: 'AlibabaAwsPairing',
  catalogue: ['C39'],
  level: 'error',
  summary:
    'Every AWS tunnel faces exactly one Alibaba tunnel, on the gateway IP its AWS customer gateway names, with its CIDR, BGP addresses, ASN and key.',
  explanation: "Seed 002 (Alibaba Cloud IPsec-VPN guide): an Alibaba connection's tunnel 1 always uses the gateway's IP 1 and tunnel 2 " +
    'its IP 2. AWS (Site-to-Site VPN tunnel options): a VPN connection has one customer gateway (one IP) and two tunnels, each ' +
    'with its own outside IP and inside /30, AWS taking the first host. So an AWS tunnel of the connection whose customer gateway ' +
    "is IP c can only pair with an Alibaba tunnel on IP c: Alibaba connection k's tunnel 1 faces AWS connection 1 tunnel k and " +
    'its tunnel 2 AWS connection 2 tunnel k. Each Alibaba customer gateway is one AWS outside IP with the AWS ASN; the tunnel CIDR ' +
    "is the AWS inside /30 with Alibaba's local BGP IP the second host; both ends read the same key.",
  fix: 'the design from alibabaDesign (lib/peers/alibaba/design.ts): four customer gateways, two connections, tunnels paired by gateway IP.',
  alibaba: pairing,
};
