import { numberToIpv4, parseIpv4Cidr } from '../../core/address';
import type { AzureView } from '../../peers/azure/view';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

/** The two BGP ends of a /30: AWS the first host, Azure the second. Undefined unless a well-formed /30 (C01). */
export function bgpHostsOf(insideCidr: string): { aws: string; azure: string; } | undefined {
  const parsed = parseIpv4Cidr(insideCidr);
  if (!parsed || parsed.prefix !== 30 || parsed.hostBitsSet) return undefined;
  return { aws: numberToIpv4(parsed.first + 1), azure: numberToIpv4(parsed.first + 2) };
}

/** The Azure gateway instance of a plan tunnel id (`Instance1Tunnel2` → 1). */
function instanceOfTunnel(tunnelId: string): 0 | 1 | undefined {
  const match = /^Instance([01])Tunnel[12]$/.exec(tunnelId);
  return match ? (Number(match[1]) as 0 | 1) : undefined;
}

interface TunnelHosts {
  readonly tunnelId: string;
  readonly cidr: string;
  readonly instance: 0 | 1;
  readonly aws: string;
  readonly azure: string;
}

function tunnelHosts(view: AzureView): TunnelHosts[] {
  return Object.entries(view.awsPeer.insideCidrs).flatMap(([tunnelId, cidr]) => {
    const hosts = bgpHostsOf(cidr);
    const instance = instanceOfTunnel(tunnelId);
    return hosts && instance !== undefined ? [{ tunnelId, cidr, instance, ...hosts }] : [];
  });
}

/** The gateway's custom APIPA list of each instance must hold its tunnels' second hosts, never a first host. */
function gatewayViolations(view: AzureView, tunnels: readonly TunnelHosts[]): Violation[] {
  const { gateway } = view;
  return gateway.ipConfigurations.slice(0, 2).flatMap((ipConfig, instance): Violation[] => {
    const index = gateway.bgpPeeringAddresses.findIndex((p) => p.ipconfigurationId === ipConfig.id);
    if (index < 0) return []; // C13/C14 report a missing peering entry
    const list = gateway.bgpPeeringAddresses[index].customBgpIpAddresses;
    const path = `gateway ${gateway.name}.bgpPeeringAddresses[${index}].customBgpIpAddresses`;
    const missing = tunnels
      .filter((t) => t.instance === instance && !list.includes(t.azure))
      .map((t): Violation => ({
        path,
        message: `instance ${instance} (${ipConfig.name}) lacks ${t.azure}, the Azure end of ${t.tunnelId} (${t.cidr}).`,
        fix: `add ${t.azure}: Azure takes the second host of each /30 of the instance's tunnels.`,
      }));
    const misplaced = list.flatMap((address, j): Violation[] => {
      const awsEnd = tunnels.find((t) => t.aws === address);
      if (awsEnd) {
        return [{
          path: `${path}[${j}]`,
          message: `'${address}' is the AWS end (first host) of ${awsEnd.tunnelId} (${awsEnd.cidr}), not an Azure address.`,
          fix: `${awsEnd.azure} (the second host).`,
        }];
      }
      const otherInstance = tunnels.find((t) => t.azure === address && t.instance !== instance);
      return otherInstance
        ? [{
          path: `${path}[${j}]`,
          message: `'${address}' belongs to ${otherInstance.tunnelId}, which lands on instance ${otherInstance.instance}, not ${instance}.`,
          fix: `move ${address} to instance ${otherInstance.instance}'s list.`,
        }]
        : [];
    });
    return [...missing, ...misplaced];
  });
}

export const AwsFirstHostAzureSecondHost: Rule = {
  id: 'AwsFirstHostAzureSecondHost',
  catalogue: ['C05'],
  level: 'error',
  summary: "AWS takes each /30's first host, Azure the second; the gateway's APIPA lists, LNGs and connections agree.",
  explanation: 'Seed 004: AWS uses the first address of the tunnel /30 (169.254.21.1 for 169.254.21.0/30) and Azure the ' +
    "second (169.254.21.2). The Azure gateway's custom APIPA list of instance i holds the second hosts of the " +
    "tunnels landing on instance i and each local network gateway's BGP peer address is the first host; any other " +
    "pairing leaves BGP down (each connection's own custom BGP address is C13). " +
    'A plan derives these addresses from the inside CIDR, so for the plan being validated they agree by ' +
    'construction; the plan check verifies the plans given as sharing the gateway (they may be read back from a file).',
  fix: 'derive the addresses from the inside CIDR: first host for AWS, second host for Azure (bgpAddressesOf).',
  plan: ({ sharedGateway }) =>
    sharedGateway.flatMap((plan, k) =>
      plan.tunnels.flatMap((t, j): Violation[] => {
        const hosts = bgpHostsOf(t.insideCidr);
        const path = `sharedGateway[${k}].tunnels[${j}]`;
        if (!hosts) return [{ path, message: `plan '${plan.name}' ${t.id}: inside CIDR '${t.insideCidr}' is not a /30.` }];
        const problems: Violation[] = [];
        if (t.awsBgpIp !== hosts.aws) {
          problems.push({
            path: `${path}.awsBgpIp`,
            message: `plan '${plan.name}' ${t.id}: AWS BGP address '${t.awsBgpIp}' is not the first host of ${t.insideCidr}.`,
            fix: `${hosts.aws}.`,
          });
        }
        if (t.azureBgpIp !== hosts.azure) {
          problems.push({
            path: `${path}.azureBgpIp`,
            message: `plan '${plan.name}' ${t.id}: Azure BGP address '${t.azureBgpIp}' is not the second host of ${t.insideCidr}.`,
            fix: `${hosts.azure}.`,
          });
        }
        if (!(plan.azure.apipaByInstance[t.azureInstance] ?? []).includes(hosts.azure)) {
          problems.push({
            path: `sharedGateway[${k}].azure.apipaByInstance[${t.azureInstance}]`,
            message: `plan '${plan.name}': instance ${t.azureInstance}'s APIPA list lacks ${hosts.azure} (${t.id}).`,
            fix: `add ${hosts.azure}.`,
          });
        }
        return problems;
      })
    ),
  azure: (view) => {
    const tunnels = tunnelHosts(view);
    const byId = new Map(tunnels.map((t) => [t.tunnelId, t]));
    const lngViolations = view.localNetworkGateways.flatMap((lng): Violation[] => {
      const t = byId.get(lng.tunnelId);
      return t && lng.bgpPeeringAddress !== t.aws
        ? [{
          path: `localNetworkGateway ${lng.name}.bgpPeeringAddress`,
          message: `'${lng.bgpPeeringAddress}' is not the AWS end of ${t.tunnelId}'s inside CIDR ${t.cidr}.`,
          fix: `${t.aws} (the first host, AWS's BGP address).`,
        }]
        : [];
    });
    return [...gatewayViolations(view, tunnels), ...lngViolations];
  },
};
