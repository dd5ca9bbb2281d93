/**
 * The tunnels' pre-shared keys for the Azure connections: from Pulumi config (takes precedence) or
 * from the AWS half's Secrets Manager secrets. Each value is checked for the documented format
 * (C22) while at hand, then only ever held as a Pulumi secret (C23); the value never appears in a
 * message.
 */
import * as pulumi from '@pulumi/pulumi';
import { secretsManagerReader, type AwsOutputs, type SecretReader } from '../../../handoff/aws-outputs';
import type { Finding } from '../../../core/finding';
import { AzureDesignError } from './check';
import { isConfigSecret } from '../../pulumi-kit/config';
import type { AwsTunnelEndpoint } from './component';
import { presharedKeyProblems, tunnelsSharingKeys } from '../../../core/preshared-key';

/**
 * Pulumi config key of a tunnel's key: `pulumi config set --secret presharedKey.Instance0Tunnel1 …`;
 * for a further plan on a shared gateway `presharedKey.<planName>.Instance0Tunnel1` (every plan has
 * the same tunnel ids).
 */
export function presharedKeyConfigKey(tunnelId: string, sharedPlanName?: string): string {
  return sharedPlanName === undefined ? `presharedKey.${tunnelId}` : `presharedKey.${sharedPlanName}.${tunnelId}`;
}

export interface PresharedKeySources {
  /** Reads a Secrets Manager secret by ARN. @default `secretsManagerReader()` (AWS SDK v3) */
  readonly readSecret?: SecretReader;
  /**
   * A key from configuration for a tunnel id, or undefined. Takes precedence over Secrets Manager.
   * @default none
   */
  readonly fromConfig?: (tunnelId: string) => string | undefined;
  /** The plan's name when it is a further plan on a shared gateway: it is part of its config keys. @default undefined */
  readonly sharedPlanName?: string;
}

/**
 * The raw config value of each tunnel's key, for `PresharedKeySources.fromConfig`. `Config.getSecret`
 * is `pulumi.secret(Config.get)`: reading the value directly lets C22 be checked before it is
 * wrapped, and `awsTunnelEndpoints` wraps it at once.
 */
export function presharedKeysFromConfig(config: pulumi.Config): (tunnelId: string, sharedPlanName?: string) => string | undefined {
  return (tunnelId, sharedPlanName) => {
    const key = presharedKeyConfigKey(tunnelId, sharedPlanName);
    const value = config.get(key);
    const fullKey = `${config.name}:${key}`;
    // C23: a key set without --secret sits in plain text in Pulumi.<stack>.yaml. Named, never echoed.
    if (value !== undefined && !isConfigSecret(fullKey)) {
      throw new AzureDesignError([{
        path: `config ${fullKey}`,
        ruleId: 'NoPlaintextPresharedKey',
        catalogue: ['C23'],
        level: 'error',
        message: `the pre-shared key of tunnel ${tunnelId}${
          sharedPlanName === undefined ? '' : ` (plan '${sharedPlanName}')`
        } is set in plain text in the stack config, where anyone reading Pulumi.<stack>.yaml sees it.`,
        fix:
          `\`pulumi config set --secret ${key} <key>\` (it replaces the plain-text value), or \`pulumi config rm ${key}\` to read it from Secrets Manager.`,
      }], 'Pulumi config');
    }
    return value;
  };
}

/**
 * The component's `awsTunnels` from the AWS hand-off: each tunnel's outside IP and its key as a
 * Pulumi secret with its C22 problems. A key that cannot be read fails with the tunnel and the ARN.
 */
export async function awsTunnelEndpoints(outputs: AwsOutputs, sources: PresharedKeySources = {}): Promise<Record<string, AwsTunnelEndpoint>> {
  const readSecret = sources.readSecret ?? secretsManagerReader();
  const tunnels = Object.values(outputs.tunnels);
  // Every config problem at once (C23), before any secret is read.
  const configFindings: Finding[] = [];
  const fromConfig = new Map<string, string>();
  for (const tunnel of tunnels) {
    try {
      const value = sources.fromConfig?.(tunnel.tunnelId);
      if (value !== undefined) fromConfig.set(tunnel.tunnelId, value);
    } catch (e) {
      if (!(e instanceof AzureDesignError)) throw e;
      configFindings.push(...e.findings);
    }
  }
  if (configFindings.length > 0) throw new AzureDesignError(configFindings, 'Pulumi config');
  const values = await Promise.all(
    tunnels.map(async (tunnel): Promise<[string, string, string]> => {
      let key = fromConfig.get(tunnel.tunnelId);
      if (key === undefined) {
        try {
          key = await readSecret(tunnel.presharedKeySecretArn);
        } catch (e) {
          throw new Error(
            `cannot read the pre-shared key of tunnel ${tunnel.tunnelId} from ${tunnel.presharedKeySecretArn} ` +
              `(named in ${outputs.file}): ${(e as Error).message} Set it with ` +
              `\`pulumi config set --secret ${presharedKeyConfigKey(tunnel.tunnelId)} <key>\` or allow secretsmanager:GetSecretValue.`,
          );
        }
      }
      return [tunnel.tunnelId, key, tunnel.outsideIp];
    }),
  );
  // C22: one key per tunnel; compared here while the values are at hand, and only tunnel ids leave.
  const sameAs = tunnelsSharingKeys(new Map(values.map(([tunnelId, key]) => [tunnelId, key])));
  return Object.fromEntries(values.map(([tunnelId, key, outsideIp]) => [tunnelId, {
    outsideIp,
    presharedKey: pulumi.secret(key),
    presharedKeyProblems: presharedKeyProblems(key),
    presharedKeySameAs: sameAs.get(tunnelId) ?? [],
  }]));
}
