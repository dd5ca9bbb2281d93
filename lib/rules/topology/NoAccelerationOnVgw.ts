import { resourcesOfType } from '../../check/views/cfn-view';
import { VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

export const NoAccelerationOnVgw: Rule = {
  id: 'NoAccelerationOnVgw',
  catalogue: ['C27'],
  level: 'error',
  summary: 'An accelerated VPN exists only on a transit gateway, never on a virtual private gateway.',
  explanation:
    'Seed 000 and seed 002: acceleration (AWS Global Accelerator) is available only for VPN connections on a transit ' +
    'gateway and needs NAT-T (UDP 4500) besides UDP 500; a VPN connection with EnableAcceleration on a virtual private ' +
    'gateway is refused. This design terminates on a VGW (seed 004).',
  fix: 'aws.enableAcceleration false (the default); EnableAcceleration false or absent on VGW connections.',
  plan: ({ spec }) =>
    spec.aws.enableAcceleration
      ? [{ path: 'aws.enableAcceleration', message: 'true, but this design terminates on a virtual private gateway, which has no accelerated VPN.', fix: 'false (the default), or a transit gateway design.' }]
      : [],
  cfn: (view) =>
    resourcesOfType(view, VPN_CONNECTION).flatMap((connection): Violation[] => {
      const { EnableAcceleration, VpnGatewayId } = connection.properties;
      return (EnableAcceleration === true || EnableAcceleration === 'true') && VpnGatewayId !== undefined
        ? [{ path: connection.path, message: 'EnableAcceleration is true on a connection to a virtual private gateway (VpnGatewayId).', fix: 'EnableAcceleration false, or TransitGatewayId instead of VpnGatewayId.' }]
        : [];
    }),
};
