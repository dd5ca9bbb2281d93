import type { AlibabaDesign } from '../../peers/alibaba/design';
import type { Violation } from '../../core/finding';
import type { Rule } from '../../check/kit/rule';
import { tunnelPath } from '../../check/views/alibaba';

function severalCidrs(design: AlibabaDesign): Violation[] {
  return design.connections.flatMap((connection, i) => {
    const count = Math.max(connection.localSubnets.length, connection.remoteSubnets.length);
    if (count <= 1) return [];
    return connection.tunnels.flatMap((tunnel, j): Violation[] =>
      tunnel.ike.ikeVersion === 'ikev2' ? [] : [{
        path: `${tunnelPath(i, j)}.ike.ikeVersion`,
        message: `'${tunnel.ike.ikeVersion}' with ${count} protected CIDR blocks on ${connection.name}: several CIDR blocks need IKEv2.`,
        fix: "'ikev2' (ipsec.ikeVersion), or one CIDR block each side (0.0.0.0/0 with BGP).",
      }]
    );
  });
}

export const AlibabaSeveralCidrsNeedIkeV2: Rule = {
  id: 'AlibabaSeveralCidrsNeedIkeV2',
  catalogue: ['C37'],
  level: 'error',
  summary: 'An Alibaba connection with several protected CIDR blocks negotiates IKEv2.',
  explanation: 'Seed 002 (Alibaba Cloud IPsec-VPN guide, protected data flows): when several CIDR blocks are configured, IKEv2 must be ' +
    'chosen as the IKE version.',
  fix: "ikeVersion 'ikev2' on every tunnel of a connection with more than one local or remote CIDR block.",
  alibaba: severalCidrs,
};
