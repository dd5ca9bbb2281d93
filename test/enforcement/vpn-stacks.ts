/**
 * Stacks for the routing rules (C28–C33) and the enforcement tests: a VPC with a virtual private
 * gateway and one VPN connection towards Azure, built with the ordinary aws-ec2 constructs so the
 * rules run over what CDK really synthesizes. Tests change one thing to get a non-compliant case.
 */
import { Tags, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { PEER_TAGS } from '../../lib/handoff/formats';

/** The Azure VNet of the documented example (the plan's default), as the VPN connection's tag declares it. */
export const AZURE_VNET_CIDR = '10.1.0.0/16';

export interface VpnVpcOptions {
  /** @default true */
  readonly withVpnConnection?: boolean;
  /** Which subnets get the VGW routes. @default both subnet groups */
  readonly vpnRoutePropagation?: ec2.SubnetSelection[];
  /** @default true */
  readonly tagRemoteCidrs?: boolean;
  readonly gatewayEndpoints?: Record<string, ec2.GatewayVpcEndpointOptions>;
}

/** One AZ, a public and an isolated subnet, a VGW and (by default) a BGP VPN connection to Azure. */
export function vpnVpc(stack: Stack, options: VpnVpcOptions = {}): ec2.Vpc {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'),
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
    vpnGateway: true,
    vpnGatewayAsn: 64512,
    vpnRoutePropagation: options.vpnRoutePropagation ?? [
      { subnetType: ec2.SubnetType.PUBLIC },
      { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
    gatewayEndpoints: options.gatewayEndpoints,
  });
  if (options.withVpnConnection ?? true) {
    const connection = vpc.addVpnConnection('Azure', { ip: '192.0.2.10', asn: 65515 });
    if (options.tagRemoteCidrs ?? true) Tags.of(connection).add(PEER_TAGS.remoteCidrs, AZURE_VNET_CIDR);
  }
  return vpc;
}

/** A network ACL on the isolated subnets; entries are added by the test. */
export function privateSubnetsAcl(stack: Stack, vpc: ec2.Vpc): ec2.NetworkAcl {
  return new ec2.NetworkAcl(stack, 'PrivateAcl', { vpc, subnetSelection: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } });
}

/** A VPN connection written by hand, not by this library, with a misaligned inside CIDR (C01). */
export function handWrittenVpn(stack: Stack, insideCidr: string): ec2.CfnVPNConnection {
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1', amazonSideAsn: 64512 });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { bgpAsn: 65515, ipAddress: '192.0.2.10', type: 'ipsec.1' });
  return new ec2.CfnVPNConnection(stack, 'Handwritten', {
    customerGatewayId: cgw.ref,
    vpnGatewayId: vgw.ref,
    type: 'ipsec.1',
    staticRoutesOnly: false,
    vpnTunnelOptionsSpecifications: [{ tunnelInsideCidr: insideCidr }, { tunnelInsideCidr: '169.254.22.0/30' }],
  });
}
