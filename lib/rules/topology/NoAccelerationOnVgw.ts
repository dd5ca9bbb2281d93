import { resourcesOfType } from '../../check/views/cfn-view';
import { VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { accelerationViolations, violationsOwnedBy } from '../../plan/aws-target';

export const NoAccelerationOnVgw: Rule = {
  id: 'NoAccelerationOnVgw',
  catalogue: ['C27'],
  level: 'error',
  summary: 'An accelerated VPN exists only on a transit gateway, never on a virtual private gateway.',
  explanation: 'Seed 000 and seed 002: acceleration (AWS Global Accelerator) is available only for VPN connections on a transit ' +
    'gateway and needs NAT-T (UDP 4500) besides UDP 500; a VPN connection with EnableAcceleration on a virtual private ' +
    "gateway is refused. The default design terminates on a VGW (seed 004); with aws.target kind 'tgw' the connections end on a " +
    'transit gateway and aws.target.enableAcceleration may be true (the top-level aws.enableAcceleration stays refused).',
  fix:
    "aws.enableAcceleration false (the default), and aws.target { kind: 'tgw', enableAcceleration: true } for an accelerated VPN; EnableAcceleration false or absent on VGW connections.",
  // aws.enableAcceleration is the VGW's and always refused; a TGW target has its own (aws.target.enableAcceleration).
  plan: ({ spec }) => violationsOwnedBy(accelerationViolations(spec.aws.target, spec), 'NoAccelerationOnVgw'),
  cfn: (view) =>
    resourcesOfType(view, VPN_CONNECTION).flatMap((connection): Violation[] => {
      const { EnableAcceleration, VpnGatewayId } = connection.properties;
      return (EnableAcceleration === true || EnableAcceleration === 'true') && VpnGatewayId !== undefined
        ? [{
          path: connection.path,
          message: 'EnableAcceleration is true on a connection to a virtual private gateway (VpnGatewayId).',
          fix: 'EnableAcceleration false, or TransitGatewayId instead of VpnGatewayId.',
        }]
        : [];
    }),
};
