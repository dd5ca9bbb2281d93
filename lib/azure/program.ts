/**
 * The Pulumi program of the Azure half, as a function: bin/pulumi-program.ts calls it with the stack
 * config, the offline runner and the tests with their own options. Everything that can be wrong with
 * the inputs (plan file, AWS outputs file, keys) fails here, before any resource is registered.
 */
import * as pulumi from '@pulumi/pulumi';
import { readAwsOutputs, type SecretReader } from '../handoff/aws-outputs';
import { loadPlanFile } from '../plan/file';
import type { ResolvedPlan } from '../plan/types';
import { AzureVpnGateway } from './component';
import { awsTunnelEndpoints, presharedKeysFromConfig } from './keys';

/** @default plan file of the program */
export const DEFAULT_PLAN_FILE = 'vpn-plan.json';

export interface AzureProgramOptions {
  /** The plan; read from `planFile` when absent. */
  readonly plan?: ResolvedPlan;
  /** @default vpn-plan.json */
  readonly planFile?: string;
  /**
   * `cdk deploy --outputs-file` output of the AWS half. @default undefined: the first run, which
   * creates the public IPs and the gateway only
   */
  readonly awsOutputsFile?: string;
  /** The component's name. @default plan.name */
  readonly name?: string;
  /** @default plan.azure.resourceGroupName */
  readonly resourceGroupName?: string;
  /** @default plan.azure.location */
  readonly location?: string;
  /** An existing GatewaySubnet's id. @default undefined: create GatewaySubnet in `virtualNetworkName` */
  readonly gatewaySubnetId?: string;
  /** @default plan.azure.vnetName */
  readonly virtualNetworkName?: string;
  /** @default the provider's subscription */
  readonly subscriptionId?: string;
  /** @default Secrets Manager (AWS SDK v3, default credentials) */
  readonly readSecret?: SecretReader;
  /** A tunnel's key from configuration, preferred to Secrets Manager. @default none */
  readonly presharedKeyFromConfig?: (tunnelId: string) => string | undefined;
  /** Options of the component (a provider, transformations …). */
  readonly resourceOptions?: pulumi.ComponentResourceOptions;
}

/** The stack outputs, in the shape of `AzureHandoff` (lib/handoff/formats.ts). */
export interface AzureProgramOutputs {
  readonly gatewayPublicIps: pulumi.Output<string[]>;
  readonly gatewayId: pulumi.Output<string>;
  readonly connectionIds: pulumi.Output<string[]>;
}

export async function azureProgram(options: AzureProgramOptions = {}): Promise<AzureProgramOutputs> {
  const plan = options.plan ?? loadPlanFile(options.planFile ?? DEFAULT_PLAN_FILE);
  const awsTunnels =
    options.awsOutputsFile === undefined
      ? undefined
      : await awsTunnelEndpoints(readAwsOutputs(options.awsOutputsFile, plan), {
          readSecret: options.readSecret,
          fromConfig: options.presharedKeyFromConfig,
        });
  const vpn = new AzureVpnGateway(options.name ?? plan.name, {
    plan,
    resourceGroupName: options.resourceGroupName,
    location: options.location,
    gatewaySubnetId: options.gatewaySubnetId,
    virtualNetworkName: options.virtualNetworkName,
    subscriptionId: options.subscriptionId,
    awsTunnels,
  }, options.resourceOptions);
  return { gatewayPublicIps: vpn.gatewayPublicIps, gatewayId: vpn.gatewayId, connectionIds: vpn.connectionIds };
}

/** The program's options from the stack config (`pulumi config set planFile …`). */
export function azureProgramOptionsFromConfig(config: pulumi.Config = new pulumi.Config()): AzureProgramOptions {
  return {
    planFile: config.get('planFile') ?? DEFAULT_PLAN_FILE,
    awsOutputsFile: config.get('awsOutputsFile'),
    resourceGroupName: config.get('resourceGroupName'),
    location: config.get('location'),
    gatewaySubnetId: config.get('gatewaySubnetId'),
    virtualNetworkName: config.get('virtualNetworkName'),
    subscriptionId: config.get('subscriptionId'),
    presharedKeyFromConfig: presharedKeysFromConfig(config),
  };
}
