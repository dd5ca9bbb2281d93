/**
 * The Pulumi program of the Alibaba half, as a function (like lib/peers/azure/pulumi/program.ts): a bin entry calls it
 * with the stack config, the offline runner and the tests with their own options. The plan file, the AWS
 * outputs file and the keys are all read and checked here, before any resource is registered.
 *
 * Tunnels are matched to the plan by inside CIDR, never by position (`readAwsOutputs`). Keys come from
 * Pulumi config (`presharedKey.<tunnelId>`, set with --secret, ./keys.ts) or the AWS half's Secrets Manager
 * secrets, read by the component, which checks every key's format (C22) and holds it as a Pulumi secret (C23).
 */
import * as pulumi from '@pulumi/pulumi';
import { readAwsOutputs, secretsManagerReader, type SecretReader } from '../../../handoff/aws-outputs';
import type { ResolvedPlan } from '../../../plan/types';
import type { AlibabaAlarmOptions } from './alarms';
import { AlibabaDesignError, AlibabaVpnGateway, type AlibabaAwsTunnelEndpoint } from './component';
import type { Finding } from '../../../core/finding';
import { alibabaKeyFromConfig, alibabaPresharedKeyConfigKey } from './keys';
import { loadAlibabaPlanFile } from './plan-file';
import type { AlibabaPeerSpec } from '../../../plan/alibaba';

/** @default plan file of the Alibaba program */
export const DEFAULT_ALIBABA_PLAN_FILE = 'alibaba-plan.json';

export interface AlibabaProgramOptions {
  /** The plan and peer; read from `planFile` when absent. */
  readonly plan?: { readonly plan: ResolvedPlan; readonly peer: AlibabaPeerSpec; };
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
  // Every config problem at once (C23), before anything is registered.
  const configFindings: Finding[] = [];
  const fromConfigOf = (tunnelId: string): string | undefined => {
    try {
      return options.presharedKeyFromConfig?.(tunnelId);
    } catch (e) {
      if (!(e instanceof AlibabaDesignError)) throw e;
      configFindings.push(...e.findings);
      return undefined;
    }
  };
  const tunnels = Object.values(outputs.tunnels);
  const fromConfig = new Map(tunnels.map((t) => [t.tunnelId, fromConfigOf(t.tunnelId)]));
  if (configFindings.length > 0) throw new AlibabaDesignError(configFindings, 'Pulumi config');
  // Every key read now, before any resource is registered: a key that cannot be read stops the run.
  const readSecret = options.readSecret ?? secretsManagerReader();
  const keys = await Promise.all(tunnels.map(async (t) => {
    const configured = fromConfig.get(t.tunnelId);
    if (configured !== undefined) return configured;
    try {
      return await readSecret(t.presharedKeySecretArn);
    } catch (e) {
      throw new Error(
        `cannot read the pre-shared key of tunnel ${t.tunnelId} from ${t.presharedKeySecretArn} (named in ${outputs.file}): ${
          (e as Error).message
        } ` +
          `Set it with \`pulumi config set --secret ${alibabaPresharedKeyConfigKey(t.tunnelId)} <key>\` or allow secretsmanager:GetSecretValue.`,
      );
    }
  }));
  const endpoints = Object.fromEntries(tunnels.map((t, i): [string, AlibabaAwsTunnelEndpoint] => [t.tunnelId, {
    outsideIp: t.outsideIp,
    presharedKeySecretArn: t.presharedKeySecretArn,
    // C23: held as a Pulumi secret from here on; the component checks its format (C22).
    presharedKey: pulumi.secret(keys[i]),
  }]));
  return endpoints;
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
      && Object.entries(alarms).every(([k, v]) =>
        ['contactGroup', 'tunnelStateMetric', 'tunnelBgpStateMetric'].includes(k) && typeof v === 'string'
      ));
  if (!valid) {
    throw new Error(
      `config alarms: ${
        JSON.stringify(alarms)
      } is neither false nor { contactGroup?, tunnelStateMetric?, tunnelBgpStateMetric? } of strings. Valid: \`pulumi config set --path alarms.contactGroup network-oncall\`.`,
    );
  }
  return {
    planFile: config.get('planFile') ?? DEFAULT_ALIBABA_PLAN_FILE,
    awsOutputsFile: config.get('awsOutputsFile'),
    name: config.get('name'),
    presharedKeyFromConfig: alibabaKeyFromConfig(config),
    alarms: alarms as AlibabaAlarmOptions | false | undefined,
  };
}
