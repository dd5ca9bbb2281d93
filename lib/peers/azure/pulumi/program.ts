/**
 * The Pulumi program of the Azure half, as a function: bin/pulumi-program.ts calls it with the stack
 * config, the offline runner and the tests with their own options. Everything that can be wrong with
 * the inputs (plan file, AWS outputs file, keys) fails here, before any resource is registered.
 *
 * Several VPCs on the one gateway: `sharedPlans` (config `sharedPlans`), one plan file and AWS
 * outputs file each. Each file is read on its own, as the AWS side reads it, so a later plan lists
 * the earlier plans' blocks in `azure.apipaInUse` (or its tunnels explicitly); an overlap is refused (C04).
 */
import * as pulumi from '@pulumi/pulumi';
import { readAwsOutputs, type SecretReader } from '../../../handoff/aws-outputs';
import { loadPlanFile } from '../../../check/file';
import type { ResolvedPlan } from '../../../plan/types';
import { AzureVpnGateway, type AwsTunnelEndpoint } from './component';
import { awsTunnelEndpoints, presharedKeysFromConfig, type PresharedKeySources } from './keys';
import { excerpt } from '../../../core/excerpt';

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
  /**
   * A tunnel's key from configuration, preferred to Secrets Manager. `sharedPlanName` is the plan's
   * name for a plan of `sharedPlans`, undefined for the first plan. @default none
   */
  readonly presharedKeyFromConfig?: (tunnelId: string, sharedPlanName?: string) => string | undefined;
  /**
   * Further plans on the same gateway, in order after the first. @default none: the gateway serves
   * one plan
   */
  readonly sharedPlans?: readonly SharedPlanSource[];
  /** Options of the component (a provider, transformations …). */
  readonly resourceOptions?: pulumi.ComponentResourceOptions;
}

/** A further plan on the gateway: its plan (or plan file) and its AWS half's outputs. */
export interface SharedPlanSource {
  /** The plan; read from `planFile` when absent. */
  readonly plan?: ResolvedPlan;
  /** Required without `plan`. */
  readonly planFile?: string;
  /** `cdk deploy --outputs-file` output of this plan's AWS stack. @default undefined: its AWS side does not exist yet */
  readonly awsOutputsFile?: string;
}

/** The stack outputs, in the shape of `AzureHandoff` (lib/handoff/formats.ts). */
export interface AzureProgramOutputs {
  readonly gatewayPublicIps: pulumi.Output<string[]>;
  readonly gatewayId: pulumi.Output<string>;
  readonly connectionIds: pulumi.Output<string[]>;
}

/** The plan of a shared-plan source; a source with neither plan nor file is a clear error. */
function sharedPlanOf(source: SharedPlanSource, index: number): ResolvedPlan {
  if (source.plan !== undefined) return source.plan;
  if (source.planFile === undefined) {
    throw new Error(
      `sharedPlans[${index}]: neither plan nor planFile is given. Valid: { "planFile": "<plan file>", "awsOutputsFile": "<its AWS outputs>" }.`,
    );
  }
  return loadPlanFile(source.planFile);
}

export async function azureProgram(options: AzureProgramOptions = {}): Promise<AzureProgramOutputs> {
  const plan = options.plan ?? loadPlanFile(options.planFile ?? DEFAULT_PLAN_FILE);
  const tunnelsOf = async (
    p: ResolvedPlan,
    file: string | undefined,
    sharedPlanName?: string,
  ): Promise<Record<string, AwsTunnelEndpoint> | undefined> => {
    if (file === undefined) return undefined;
    const fromConfig = options.presharedKeyFromConfig;
    const sources: PresharedKeySources = {
      readSecret: options.readSecret,
      fromConfig: fromConfig === undefined ? undefined : (tunnelId) => fromConfig(tunnelId, sharedPlanName),
      sharedPlanName,
    };
    return awsTunnelEndpoints(readAwsOutputs(file, p), sources);
  };
  const awsTunnels = await tunnelsOf(plan, options.awsOutputsFile);
  const sharedWith = [];
  for (const [index, source] of (options.sharedPlans ?? []).entries()) {
    const shared = sharedPlanOf(source, index);
    sharedWith.push({ plan: shared, awsTunnels: await tunnelsOf(shared, source.awsOutputsFile, shared.name) });
  }
  const vpn = new AzureVpnGateway(options.name ?? plan.name, {
    plan,
    resourceGroupName: options.resourceGroupName,
    location: options.location,
    gatewaySubnetId: options.gatewaySubnetId,
    virtualNetworkName: options.virtualNetworkName,
    subscriptionId: options.subscriptionId,
    awsTunnels,
    sharedWith,
  }, options.resourceOptions);
  return { gatewayPublicIps: vpn.gatewayPublicIps, gatewayId: vpn.gatewayId, connectionIds: vpn.connectionIds };
}

/**
 * `sharedPlans` from the stack config:
 * `pulumi config set --path 'sharedPlans[0].planFile' billing-plan.json` (and `.awsOutputsFile`).
 */
function sharedPlansFromConfig(config: pulumi.Config): SharedPlanSource[] | undefined {
  const value = config.getObject<unknown>('sharedPlans');
  if (value === undefined) return undefined;
  const valid = (entry: unknown): entry is SharedPlanSource => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return false;
    const { planFile, awsOutputsFile, ...rest } = entry as Record<string, unknown>;
    return typeof planFile === 'string' && (awsOutputsFile === undefined || typeof awsOutputsFile === 'string') && Object.keys(rest).length === 0;
  };
  if (!Array.isArray(value) || !value.every(valid)) {
    throw new Error(
      `config sharedPlans: ${
        excerpt(value)
      } is not a list of { planFile, awsOutputsFile? }. Valid: [{ "planFile": "billing-plan.json", "awsOutputsFile": "billing-aws-outputs.json" }].`,
    );
  }
  return value.map((entry) => ({ planFile: entry.planFile, awsOutputsFile: entry.awsOutputsFile }));
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
    sharedPlans: sharedPlansFromConfig(config),
  };
}
