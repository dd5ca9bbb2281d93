import { resourcesOfType, targetOf, type CfnView } from '../../check/views/cfn-view';
import { endpointService, gatewayEndpoints } from '../../check/views/endpoints';
import { vpnGatewayVpcs } from '../../check/views/routing';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

/** VPCs that a VPN connection in the template reaches: through an attached VGW or a transit gateway. */
function vpnFacingVpcs(view: CfnView): ReadonlySet<string> {
  const vpcs = new Set(vpnGatewayVpcs(view).filter((v) => v.connections.length > 0).map((v) => v.vpc));
  const vpnTransitGateways = new Set(
    resourcesOfType(view, 'AWS::EC2::VPNConnection').flatMap((c) => targetOf(c.properties.TransitGatewayId) ?? []),
  );
  for (const type of ['AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::TransitGatewayAttachment']) {
    for (const attachment of resourcesOfType(view, type)) {
      const vpc = targetOf(attachment.properties.VpcId);
      const transitGateway = targetOf(attachment.properties.TransitGatewayId);
      if (vpc !== undefined && transitGateway !== undefined && vpnTransitGateways.has(transitGateway)) vpcs.add(vpc);
    }
  }
  return vpcs;
}

export const GatewayEndpointNotReachableOverVpn: Rule = {
  id: 'GatewayEndpointNotReachableOverVpn',
  catalogue: ['C33'],
  level: 'warning',
  summary: 'Azure hosts cannot use a gateway endpoint across the VPN: S3/DynamoDB from Azure needs an interface endpoint.',
  explanation: 'AWS PrivateLink docs (gateway endpoints, considerations): endpoint connections cannot be extended out of a VPC; ' +
    'resources on the other side of a Site-to-Site VPN, a transit gateway, peering or Direct Connect cannot use a ' +
    'gateway endpoint. Seed 003 describes the gateway endpoint set-up this applies to. Warned when a VPC that a VPN ' +
    'connection in the template reaches (attached VGW, or a transit gateway attachment) has an S3 or DynamoDB ' +
    'gateway endpoint and no interface endpoint for the same service: traffic that starts in the VPC still uses ' +
    'the gateway endpoint, but traffic from Azure does not.',
  fix: 'for access from Azure, add an interface endpoint (ec2.InterfaceVpcEndpoint, VpcEndpointType Interface) for the ' +
    'service and resolve its DNS name from Azure; or acknowledge the warning when only AWS hosts use the service.',
  cfn: (view) => {
    const vpcs = vpnFacingVpcs(view);
    const interfaceServices = new Set(
      resourcesOfType(view, 'AWS::EC2::VPCEndpoint')
        .filter((e) => e.properties.VpcEndpointType === 'Interface')
        .flatMap((e) => {
          const service = endpointService(e);
          const vpc = targetOf(e.properties.VpcId);
          return service && vpc !== undefined ? [`${vpc} ${service}`] : [];
        }),
    );
    return gatewayEndpoints(view)
      .filter(({ vpc, service }) => vpcs.has(vpc) && !interfaceServices.has(`${vpc} ${service}`))
      .map(({ endpoint, service }): Violation => ({
        path: endpoint.path,
        message: `${service} gateway endpoint in a VPC reached over the VPN: hosts in Azure cannot reach ${service} through it ` +
          '(gateway endpoints serve only traffic that starts inside the VPC), and there is no interface endpoint for ' +
          `${service} in this VPC.`,
      }));
  },
};
