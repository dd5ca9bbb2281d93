/** What the peers' Pulumi programs share about stack configuration. */
import * as pulumi from '@pulumi/pulumi';

/**
 * Whether a config value was set with `--secret`. `runtime.isConfigSecret` is what `Config.getSecret`'s
 * warning uses; it reads `PULUMI_CONFIG_SECRET_KEYS`, which the Pulumi language host sets.
 * C23: a key set without `--secret` sits in plain text in Pulumi.<stack>.yaml, so the programs refuse it.
 */
export function isConfigSecret(fullKey: string): boolean {
  const fromRuntime = (pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean; }).isConfigSecret;
  if (typeof fromRuntime === 'function') return fromRuntime(fullKey);
  try {
    const keys: unknown = JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS ?? '[]');
    return Array.isArray(keys) && keys.includes(fullKey);
  } catch {
    return false;
  }
}
