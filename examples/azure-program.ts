/**
 * Example: the Azure half inside your own Pulumi program, in a resource group and VNet you already
 * have (their `GatewaySubnet` exists, /27 or larger, C17).
 *
 * Your program's index.ts:
 *
 *   import * as pulumi from '@pulumi/pulumi';
 *   import { buildAzureVpn } from './azure-vpn';   // this file
 *   const config = new pulumi.Config();
 *   export = buildAzureVpn({
 *     resourceGroupName: 'network-rg',
 *     gatewaySubnetId: config.require('gatewaySubnetId'),
 *     awsOutputsFile: config.get('awsOutputsFile'),   // unset on the first run: gateway only
 *   });
 *
 * The pre-shared keys are read from AWS Secrets Manager (the ARNs are in the AWS outputs file), so
 * `pulumi up` with `awsOutputsFile` set needs AWS credentials allowed `secretsmanager:GetSecretValue`.
 * They are held as Pulumi secrets only (C23).
 *
 * More VPCs on this gateway: give the component their plans in `sharedWith`, each with its AWS
 * tunnels (examples/shared-azure-gateway.ts).
 *
 * Run this file directly to see, offline under Pulumi's unit-test mocks, what it would register
 * (with an AWS outputs file, each key is a random stand-in made in memory, never Secrets Manager):
 *
 *   node --require ./scripts/register-ts.js examples/azure-program.ts [samples/aws-outputs.json]
 */
import * as pulumi from '@pulumi/pulumi';
import { AzureVpnGateway, awsTunnelEndpoints, offlineKeyStandIn } from '../lib/azure-entry';
import { readAwsOutputs, type SecretReader } from '../lib/handoff/aws-outputs';
import { type ResolvedPlan } from '../lib/plan';
import { planVpn } from '../lib/check/validate';

export interface AzureVpnProgramOptions {
  /** Your resource group; the VNet and its `GatewaySubnet` are in it. */
  readonly resourceGroupName: string;
  /** The existing `GatewaySubnet`'s resource id. */
  readonly gatewaySubnetId: pulumi.Input<string>;
  /** @default plan.azure.location */
  readonly location?: string;
  /** The AWS half's `cdk deploy --outputs-file` output. @default undefined: first run, gateway only */
  readonly awsOutputsFile?: string;
  /** @default the plan below */
  readonly plan?: ResolvedPlan;
  /** Reads a pre-shared key by secret ARN. @default AWS Secrets Manager */
  readonly readSecret?: SecretReader;
}

/** The plan, identical to the AWS half's (the same file or the same code on both sides). */
export function examplePlan(): ResolvedPlan {
  return planVpn({
    name: 'aws-azure-vpn',
    azure: { vnetCidr: '10.1.0.0/16', resourceGroupName: 'network-rg', vnetName: 'hub-vnet', gatewayName: 'hub-vpngw' },
  });
}

/** Builds the gateway (and, with the AWS outputs, the tunnels' LNGs and connections); returns the stack outputs. */
export async function buildAzureVpn(options: AzureVpnProgramOptions) {
  const plan = options.plan ?? examplePlan();
  const awsTunnels = options.awsOutputsFile === undefined
    ? undefined
    : await awsTunnelEndpoints(readAwsOutputs(options.awsOutputsFile, plan), { readSecret: options.readSecret });
  const vpn = new AzureVpnGateway(plan.name, {
    plan,
    resourceGroupName: options.resourceGroupName,
    location: options.location,
    gatewaySubnetId: options.gatewaySubnetId,
    awsTunnels,
  });
  // The keys the AWS half reads with `-c azureOutputs=<file>`.
  return { gatewayPublicIps: vpn.gatewayPublicIps, gatewayId: vpn.gatewayId, connectionIds: vpn.connectionIds };
}

/** An example subnet id; yours comes from `az network vnet subnet show ... --query id`. */
export const EXAMPLE_GATEWAY_SUBNET_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/hub-vnet/subnets/GatewaySubnet';

if (require.main === module) {
  void (async () => {
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          process.stdout.write(`${args.type} ${args.name}\n`);
          return {
            id: `${args.name}-id`,
            state: { ...args.inputs, ...(args.type.endsWith('PublicIPAddress') ? { ipAddress: '203.0.113.10' } : {}) },
          };
        },
        call: (
          args,
        ) => (args.token === 'azure-native:authorization:getClientConfig' ? { subscriptionId: '00000000-0000-0000-0000-000000000000' } : {}),
      },
      'example',
      'dev',
    );
    await buildAzureVpn({
      resourceGroupName: 'network-rg',
      gatewaySubnetId: EXAMPLE_GATEWAY_SUBNET_ID,
      awsOutputsFile: process.argv[2],
      readSecret: offlineKeyStandIn((text) => process.stderr.write(`${text}\n`)),
    });
  })();
}
