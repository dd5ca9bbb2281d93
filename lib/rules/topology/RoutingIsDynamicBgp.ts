import { resourcesOfType } from '../../check/views/cfn-view';
import { VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

export const RoutingIsDynamicBgp: Rule = {
  id: 'RoutingIsDynamicBgp',
  catalogue: ['C12'],
  level: 'error',
  summary: 'Routing is BGP end to end: StaticRoutesOnly false on AWS, enableBgp on the Azure gateway and every connection.',
  explanation: 'Seed 004 (Azure AWS-BGP tutorial) sets the AWS VPN connections to dynamic routing ("BGP required") and enables ' +
    'BGP on the Azure gateway and on each connection; seed 000 (AWS Site-to-Site VPN) notes that a BGP VPN connection ' +
    "is only up when BGP is up. A static connection or a connection without BGP never learns the other side's " +
    'prefixes, and the APIPA BGP addresses of the whole design go unused.',
  fix: 'StaticRoutesOnly false (or absent) on every VPN connection; enableBgp true on the Azure gateway and its connections.',
  cfn: (view) =>
    resourcesOfType(view, VPN_CONNECTION).flatMap((connection): Violation[] =>
      connection.properties.StaticRoutesOnly === true || connection.properties.StaticRoutesOnly === 'true'
        ? [{
          path: connection.path,
          message: 'StaticRoutesOnly is true: the connection uses static routes, so no BGP session runs on its tunnels.',
          fix: 'StaticRoutesOnly false (or leave it out; the default is dynamic).',
        }]
        : []
    ),
  azure: (view) => [
    ...(view.gateway.enableBgp
      ? []
      : [{
        path: `gateway ${view.gateway.name}.enableBgp`,
        message: 'enableBgp is false: the gateway has no BGP speaker and no custom APIPA addresses.',
        fix: 'enableBgp true, with bgpSettings (ASN and APIPA addresses).',
      }]),
    ...view.connections.flatMap((connection): Violation[] =>
      connection.enableBgp
        ? []
        : [{
          path: `connection ${connection.name}.enableBgp`,
          message: "enableBgp is false: the connection does not peer with the AWS tunnel's BGP address.",
          fix: 'enableBgp true.',
        }]
    ),
  ],
};
