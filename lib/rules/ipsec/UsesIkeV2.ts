import { resourcesOfType } from '../../check/views/cfn-view';
import { listValues, tunnelSpecsOf, VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

export const UsesIkeV2: Rule = {
  id: 'UsesIkeV2',
  catalogue: ['C25'],
  level: 'error',
  summary: 'The tunnels negotiate IKEv2.',
  explanation: 'Seed 002 (Alibaba Cloud IPsec guide) and seed 001 (AWS Site-to-Site VPN tunnel options): several traffic-selector ' +
    'CIDRs need IKEv2, which carries several selectors in one SA negotiation; seed 004 (Azure AWS-BGP tutorial) uses ' +
    'IKEv2 connections. An AWS tunnel limited to ikev1 never agrees with an IKEv2 Azure connection.',
  fix: "ipsec.ikeVersion 'ikev2'; IKEVersions containing ikev2; Azure connectionProtocol IKEv2.",
  plan: ({ spec }) =>
    spec.ipsec.ikeVersion === 'ikev2'
      ? []
      : [{
        path: 'ipsec.ikeVersion',
        message: `'${spec.ipsec.ikeVersion}': the design needs IKEv2 (several traffic selectors; the Azure connections use IKEv2).`,
        fix: "'ikev2' (the default).",
      }],
  cfn: (view) =>
    resourcesOfType(view, VPN_CONNECTION).flatMap((connection) =>
      (tunnelSpecsOf(connection) ?? []).flatMap((spec, index): Violation[] => {
        const versions = listValues(spec.IKEVersions);
        // Absent: AWS allows both versions. Computed: unknowable.
        if (versions === undefined || versions.length === 0 || versions.includes('ikev2')) return [];
        return [{
          path: connection.path,
          message: `VpnTunnelOptionsSpecifications[${index}].IKEVersions is [${versions.join(', ')}]: IKEv2 is not allowed.`,
          fix: "[{ Value: 'ikev2' }].",
        }];
      })
    ),
  azure: ({ connections }) =>
    connections.flatMap((connection): Violation[] =>
      connection.connectionProtocol === 'IKEv2'
        ? []
        : [{
          path: `connection ${connection.name}.connectionProtocol`,
          message: `'${connection.connectionProtocol}': the AWS tunnels negotiate IKEv2.`,
          fix: "'IKEv2'.",
        }]
    ),
};
