/**
 * A consumer's Pulumi program using the Azure entry point (scripts/package-check): type-checked under
 * moduleResolution node10, node16 and bundler, with the consumer's own @pulumi packages.
 */
import * as pulumi from '@pulumi/pulumi';
import { planVpn, readAwsOutputs } from 'multicloud-vpn';
import { AzureVpnGateway, awsTunnelEndpoints, type AwsTunnelEndpoint } from 'multicloud-vpn/azure';

export async function program(awsOutputsFile: string): Promise<Record<string, pulumi.Output<unknown>>> {
  const plan = planVpn({ name: 'consumer' });
  const awsTunnels: Record<string, AwsTunnelEndpoint> = await awsTunnelEndpoints(readAwsOutputs(awsOutputsFile, plan));
  const vpn = new AzureVpnGateway('vpn', { plan, resourceGroupName: 'network-rg', awsTunnels });
  return { gatewayId: vpn.gatewayId, connectionIds: vpn.connectionIds };
}

export function typeErrorsCaught(): void {
  // @ts-expect-error the component needs a resolved plan
  new AzureVpnGateway('wrong', { plan: 'consumer', resourceGroupName: 'network-rg' });
}
