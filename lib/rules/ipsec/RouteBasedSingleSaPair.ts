import { isUnresolved, resourcesOfType } from '../../check/views/cfn-view';
import { VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

const ANY = '0.0.0.0/0';

export const RouteBasedSingleSaPair: Rule = {
  id: 'RouteBasedSingleSaPair',
  catalogue: ['C26'],
  level: 'error',
  summary: 'One security-association pair per tunnel: local and remote IPv4 network CIDRs 0.0.0.0/0, no policy-based traffic selectors on Azure.',
  explanation: 'Seed 000 (AWS Site-to-Site VPN): a VGW tunnel keeps one security-association pair, so narrower traffic selectors ' +
    'drop traffic outside them; BGP decides what crosses the tunnel. Seed 004 (Azure AWS-BGP tutorial) sets the local ' +
    'IPv4 network CIDR to 0.0.0.0/0 and uses a route-based Azure gateway, whose usePolicyBasedTrafficSelectors stays false.',
  fix: 'LocalIpv4NetworkCidr and RemoteIpv4NetworkCidr absent or 0.0.0.0/0; usePolicyBasedTrafficSelectors false.',
  cfn: (view) =>
    resourcesOfType(view, VPN_CONNECTION).flatMap((connection) =>
      (['LocalIpv4NetworkCidr', 'RemoteIpv4NetworkCidr'] as const).flatMap((property): Violation[] => {
        const value = connection.properties[property];
        if (value === undefined || value === ANY || isUnresolved(value)) return [];
        return [{
          path: connection.path,
          message: `${property} is ${JSON.stringify(value)}: the tunnel's single SA pair would carry only that range, whatever BGP advertises.`,
          fix: `${ANY} (or leave it out).`,
        }];
      })
    ),
  azure: ({ connections }) =>
    connections.flatMap((connection): Violation[] =>
      connection.usePolicyBasedTrafficSelectors
        ? [{
          path: `connection ${connection.name}.usePolicyBasedTrafficSelectors`,
          message: 'true: Azure would offer one selector pair per prefix, which the AWS tunnel (one SA pair, 0.0.0.0/0) refuses.',
          fix: 'false.',
        }]
        : []
    ),
};
