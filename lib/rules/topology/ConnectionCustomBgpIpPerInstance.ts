import { bgpAddressesOf, parseIpv4Cidr } from '../../core/address';
import type { AzureConnectionView, AzureView } from '../../peers/azure/view';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

/** The gateway instance a connection's tunnel lands on, from its plan tunnel id (`Instance1Tunnel2` → 1). */
function instanceOf(tunnelId: string): 0 | 1 | undefined {
  const match = /^Instance([01])Tunnel[12]$/.exec(tunnelId);
  return match ? (Number(match[1]) as 0 | 1) : undefined;
}

function connectionProblems(view: AzureView, connection: AzureConnectionView): Violation[] {
  const path = `connection ${connection.name}.gatewayCustomBgpIpAddresses`;
  const { ipConfigurations, bgpPeeringAddresses } = view.gateway;
  const listOf = (ipConfigurationId: string) =>
    bgpPeeringAddresses.find((b) => b.ipconfigurationId === ipConfigurationId)?.customBgpIpAddresses ?? [];
  const instance = instanceOf(connection.tunnelId);
  const insideCidr = view.awsPeer.insideCidrs[connection.tunnelId];
  // A malformed inside CIDR is C01's finding; without it the tunnel's own address is unknown.
  const ownAddress = insideCidr !== undefined && parseIpv4Cidr(insideCidr) ? bgpAddressesOf(insideCidr).azure : undefined;
  const violations: Violation[] = [];
  for (const entry of connection.gatewayCustomBgpIpAddresses) {
    if (!ipConfigurations.some((c) => c.id === entry.ipConfigurationId)) {
      violations.push({
        path,
        message: `an entry names '${entry.ipConfigurationId}', which is not an IP configuration of gateway ${view.gateway.name}.`,
        fix: `one entry per IP configuration: ${ipConfigurations.map((c) => c.id).join(', ')}.`,
      });
    }
  }
  ipConfigurations.forEach((config, index) => {
    const entries = connection.gatewayCustomBgpIpAddresses.filter((e) => e.ipConfigurationId === config.id);
    const list = listOf(config.id);
    const own = index === instance;
    const expected = own && ownAddress !== undefined ? ownAddress : list[0];
    if (entries.length !== 1) {
      violations.push({
        path,
        message:
          `${entries.length} entries for IP configuration ${config.name}; Azure then uses the first APIPA address of the list for every connection.`,
        fix: `one entry for ${config.name}${expected ? ` with customBgpIpAddress ${expected}` : ''}.`,
      });
      return;
    }
    const address = entries[0].customBgpIpAddress;
    if (own && ownAddress !== undefined && address !== ownAddress) {
      violations.push({
        path,
        message:
          `${config.name} (instance ${index}, where tunnel ${connection.tunnelId} lands) has '${address}', not the tunnel's Azure BGP address ${ownAddress} (second host of ${insideCidr}).`,
        fix: `${ownAddress}.`,
      });
    } else if (!own && !list.includes(address)) {
      violations.push({
        path,
        message: `${config.name} (instance ${index}) has '${address}', which is not in that instance's custom APIPA list [${list.join(', ')}].`,
        fix: list.length > 0 ? `one of ${list.join(', ')} (the plan uses ${list[0]}).` : `an address of ${config.name}'s custom APIPA list.`,
      });
    }
  });
  return violations;
}

export const ConnectionCustomBgpIpPerInstance: Rule = {
  id: 'ConnectionCustomBgpIpPerInstance',
  catalogue: ['C13'],
  level: 'error',
  summary: "Every Azure connection sets gatewayCustomBgpIpAddresses for both IP configurations: the tunnel's own address on its instance.",
  explanation: 'Seed 004 (Azure AWS-BGP tutorial, "Important"): when the VPN gateway has several custom APIPA BGP addresses, every ' +
    'connection must name the address it uses; otherwise Azure silently uses the first address of the list for all ' +
    'connections, and three of the four BGP sessions never come up. On the instance the tunnel lands on the address is the ' +
    "second host of the tunnel's inside /30; on the other instance any address of that instance's list.",
  fix:
    "gatewayCustomBgpIpAddresses with one entry per gateway IP configuration: the tunnel's Azure BGP address on its own instance, an address of the other instance's list on the other.",
  azure: (view) => {
    const customAddresses = view.gateway.bgpPeeringAddresses.reduce((n, b) => n + b.customBgpIpAddresses.length, 0);
    // With one custom address (or none) there is nothing to choose from.
    if (customAddresses <= 1) return [];
    return view.connections.flatMap((c) => connectionProblems(view, c));
  },
};
