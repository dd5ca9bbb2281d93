/**
 * Shared fixtures for rule tests: a compliant Azure view of the documented example (seed 004) and
 * a CfnView of a real synthesized stack. Tests derive a non-compliant case by changing one field.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { PEER_TAGS } from '../../lib/handoff/formats';
import { planVpn } from '../../lib/check/validate';
import type { ResolvedPlan } from '../../lib/plan';
import type { AzureView } from '../../lib/peers/azure/view';
import { cfnViewFromTemplate, type CfnView } from '../../lib/check/views/cfn-view';

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
/** Documentation-range addresses (RFC 5737) standing in for AWS tunnel outside IPs. */
export const SAMPLE_OUTSIDE_IPS: Readonly<Record<string, string>> = {
  Instance0Tunnel1: '192.0.2.10',
  Instance0Tunnel2: '192.0.2.11',
  Instance1Tunnel1: '198.51.100.10',
  Instance1Tunnel2: '198.51.100.11',
};

export function ipConfigurationId(plan: ResolvedPlan, instance: 0 | 1): string {
  return (
    `/subscriptions/${SUBSCRIPTION}/resourceGroups/${plan.azure.resourceGroupName}/providers/` +
    `Microsoft.Network/virtualNetworkGateways/${plan.azure.gatewayName}/ipConfigurations/ipconfig${instance}`
  );
}

/** The Azure side of the documented example, every constraint met. */
export function compliantAzureView(plan: ResolvedPlan = planVpn()): AzureView {
  const ipConfigs = [0, 1].map((i) => ({
    name: `ipconfig${i}`,
    id: ipConfigurationId(plan, i as 0 | 1),
    publicIpName: `${plan.azure.gatewayName}-pip${i}`,
  }));
  return {
    location: plan.azure.location,
    publicIps: ipConfigs.map((c) => ({ name: c.publicIpName, sku: 'Standard', allocationMethod: 'Static', zones: ['1', '2', '3'] })),
    gateway: {
      name: plan.azure.gatewayName,
      gatewayType: 'Vpn',
      vpnType: 'RouteBased',
      sku: plan.azure.sku,
      generation: plan.azure.generation,
      activeActive: true,
      enableBgp: true,
      asn: plan.azure.asn,
      ipConfigurations: ipConfigs,
      bgpPeeringAddresses: ipConfigs.map((c, i) => ({ ipconfigurationId: c.id, customBgpIpAddresses: plan.azure.apipaByInstance[i] })),
    },
    gatewaySubnet: { name: 'GatewaySubnet', addressPrefix: plan.azure.gatewaySubnetCidr, vnetAddressSpace: [plan.azure.vnetCidr] },
    localNetworkGateways: plan.tunnels.map((t) => ({
      name: `lng-${t.id}`,
      tunnelId: t.id,
      gatewayIpAddress: SAMPLE_OUTSIDE_IPS[t.id],
      asn: plan.aws.asn,
      bgpPeeringAddress: t.awsBgpIp,
      addressPrefixes: [],
    })),
    connections: plan.tunnels.map((t) => ({
      name: `cn-${t.id}`,
      tunnelId: t.id,
      localNetworkGatewayName: `lng-${t.id}`,
      connectionType: 'IPsec',
      connectionProtocol: 'IKEv2',
      enableBgp: true,
      connectionMode: 'ResponderOnly',
      usePolicyBasedTrafficSelectors: false,
      dpdTimeoutSeconds: plan.ipsec.dpdTimeoutSeconds,
      ipsecPolicies: [{
        ikeEncryption: 'AES256',
        ikeIntegrity: 'SHA256',
        dhGroup: 'DHGroup14',
        ipsecEncryption: 'AES256',
        ipsecIntegrity: 'SHA256',
        pfsGroup: 'PFS2048',
        saLifeTimeSeconds: plan.ipsec.phase2.lifetimeSeconds,
        saDataSizeKilobytes: 102400000,
      }],
      gatewayCustomBgpIpAddresses: ipConfigs.map((c, i) => ({ ipConfigurationId: c.id, customBgpIpAddress: t.azureCustomBgpIps[i] })),
      sharedKey: { isSecret: true, formatProblems: [] },
    })),
    awsPeer: {
      asn: plan.aws.asn,
      startupAction: plan.aws.startupAction,
      insideCidrs: Object.fromEntries(plan.tunnels.map((t) => [t.id, t.insideCidr])),
      ikeVersion: plan.ipsec.ikeVersion,
      dpdTimeoutAction: plan.ipsec.dpdTimeoutAction,
    },
  };
}

/** Synthesizes a stack that `build` fills with (L1 or L2) resources, and returns its view. */
export function synthView(build: (stack: Stack) => void): CfnView {
  const app = new App();
  const stack = new Stack(app, 'Test');
  build(stack);
  return cfnViewFromTemplate(Template.fromStack(stack).toJSON());
}

/**
 * One hand-written VPN connection to a customer gateway tagged with the peer's connection mode
 * (`peerMode`, or untagged), its tunnels at 169.254.21.0/30, 169.254.22.0/30 … with the given
 * options (none given: no tunnel specifications at all). For the C20/C21 rules, which read the tag.
 */
export function peerModeConnection(
  stack: Stack,
  peerMode: string | undefined,
  specs?: ec2.CfnVPNConnection.VpnTunnelOptionsSpecificationProperty[],
): void {
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', {
    type: 'ipsec.1',
    bgpAsn: 65000,
    ipAddress: '203.0.113.10',
    tags: peerMode === undefined ? undefined : [{ key: PEER_TAGS.peerConnectionMode, value: peerMode }],
  });
  new ec2.CfnVPNConnection(stack, 'Connection', {
    type: 'ipsec.1',
    customerGatewayId: cgw.ref,
    vpnGatewayId: vgw.ref,
    vpnTunnelOptionsSpecifications: specs?.map((spec, i) => ({ tunnelInsideCidr: `169.254.2${i + 1}.0/30`, ...spec })),
  });
}
