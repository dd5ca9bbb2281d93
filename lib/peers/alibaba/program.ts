/**
 * The Pulumi program of the Alibaba half, as a function (like lib/azure/program.ts): a bin entry calls it
 * with the stack config, the offline runner and the tests with their own options. The plan file, the AWS
 * outputs file and the keys are all read and checked here, before any resource is registered.
 *
 * Tunnels are matched to the plan by inside CIDR, never by position (`readAwsOutputs`). Keys come from
 * Pulumi config (`presharedKey.<tunnelId>`, set with --secret) or the AWS half's Secrets Manager secrets,
 * through lib/azure/keys.ts's `awsTunnelEndpoints`: its logic is peer-neutral (phase 2 moves it out of
 * lib/azure; its errors are `AzureDesignError`s until then).
 */
import * as pulumi from '@pulumi/pulumi';
import { awsTunnelEndpoints, presharedKeysFromConfig } from '../../azure/keys';
import { readAwsOutputs, type SecretReader } from '../../handoff/aws-outputs';
import type { ResolvedPlan } from '../../plan/types';
import type { AlibabaAlarmOptions } from './alarms';
import { AlibabaVpnGateway, type AlibabaAwsTunnelEndpoint } from './component';
import { loadAlibabaPlanFile } from './plan-file';
import type { AlibabaPeerSpec } from './schema';

/** @default plan file of the Alibaba program */
export const DEFAULT_ALIBABA_PLAN_FILE = 'alibaba-plan.json';

export interface AlibabaProgramOptions {
  /** The plan and peer; read from `planFile` when absent. */
  readonly plan?: { readonly plan: ResolvedPlan; readonly peer: AlibabaPeerSpec };
  /** @default alibaba-plan.json */
  readonly planFile?: string;
  /**
   * `cdk deploy --outputs-file` output of the AWS half. @default undefined: the first run, which creates
   * the gateway only (AWS needs its two IPs)
   */
  readonly awsOutputsFile?: string;
  /** The component's name. @default the plan's name */
  readonly name?: string;
  /** @default Secrets Manager (AWS SDK v3, default credentials) */
  readonly readSecret?: SecretReader;
  /** A tunnel's key from configuration, preferred to Secrets Manager. @default none */
  readonly presharedKeyFromConfig?: (tunnelId: string) => string | undefined;
  /** CloudMonitor alarms; `false` builds none. @default on */
  readonly alarms?: AlibabaAlarmOptions | false;
  /** Options of the component (a provider, transformations …). */
  readonly resourceOptions?: pulumi.ComponentResourceOptions;
}

/** The stack outputs: what `pulumi stack output --json` prints, the AWS half's `-c peerOutputs` file. */
export interface AlibabaProgramOutputs {
  /** `internetIp` (IP 1) first, then `disasterRecoveryInternetIp`. */
  readonly gatewayPublicIps: pulumi.Output<string[]>;
  readonly gatewayId: pulumi.Output<string>;
  readonly connectionIds: pulumi.Output<string[]>;
}

/** Each plan tunnel's AWS side for the component, from the outputs file; keys read now, held as secrets. */
async function awsTunnelsOf(plan: ResolvedPlan, file: string, options: AlibabaProgramOptions): Promise<Record<string, AlibabaAwsTunnelEndpoint>> {
  const outputs = readAwsOutputs(file, plan);
  const endpoints = await awsTunnelEndpoints(outputs, { readSecret: options.readSecret, fromConfig: options.presharedKeyFromConfig });
  return Object.fromEntries(Object.values(outputs.tunnels).map((t) => [t.tunnelId, {
    outsideIp: t.outsideIp,
    presharedKeySecretArn: t.presharedKeySecretArn,
    presharedKey: endpoints[t.tunnelId].presharedKey,
  }]));
}

export async function alibabaProgram(options: AlibabaProgramOptions = {}): Promise<AlibabaProgramOutputs> {
  const { plan, peer } = options.plan ?? loadAlibabaPlanFile(options.planFile ?? DEFAULT_ALIBABA_PLAN_FILE);
  const awsTunnels = options.awsOutputsFile === undefined ? undefined : await awsTunnelsOf(plan, options.awsOutputsFile, options);
  const vpn = new AlibabaVpnGateway(options.name ?? plan.name, {
    plan,
    peer,
    awsTunnels,
    readSecret: options.readSecret,
    alarms: options.alarms,
  }, options.resourceOptions);
  return { gatewayPublicIps: vpn.gatewayPublicIps, gatewayId: vpn.gatewayId, connectionIds: vpn.connectionIds };
}

/**
 * The program's options from the stack config: `planFile`, `awsOutputsFile`, `name`, `alarms` (`false`,
 * or `{ "contactGroup": "<group>" }`) and the keys `presharedKey.<tunnelId>` (--secret).
 */
export function alibabaProgramOptionsFromConfig(config: pulumi.Config = new pulumi.Config()): AlibabaProgramOptions {
  const alarms = config.getObject<unknown>('alarms');
  const valid = alarms === undefined || alarms === false
    || (alarms !== null && typeof alarms === 'object' && !Array.isArray(alarms)
      && Object.entries(alarms).every(([k, v]) => ['contactGroup', 'tunnelStateMetric', 'tunnelBgpStateMetric'].includes(k) && typeof v === 'string'));
  if (!valid) {
    throw new Error(`config alarms: ${JSON.stringify(alarms)} is neither false nor { contactGroup?, tunnelStateMetric?, tunnelBgpStateMetric? } of strings. Valid: \`pulumi config set --path alarms.contactGroup network-oncall\`.`);
  }
  const fromConfig = presharedKeysFromConfig(config);
  return {
    planFile: config.get('planFile') ?? DEFAULT_ALIBABA_PLAN_FILE,
    awsOutputsFile: config.get('awsOutputsFile'),
    name: config.get('name'),
    presharedKeyFromConfig: (tunnelId) => fromConfig(tunnelId),
    alarms: alarms as AlibabaAlarmOptions | false | undefined,
  };
}
