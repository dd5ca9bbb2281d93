/**
 * The tunnels' keys from the stack config (`pulumi config set --secret presharedKey.<tunnelId> …`), for the
 * Alibaba program. Config keys take precedence over the AWS half's Secrets Manager secrets, which the
 * component reads itself. Same config keys and C23 check as the Azure program's (lib/peers/azure/pulumi/keys.ts);
 * the two peers' deploy folders may not import each other (scripts/import-layers.mjs), hence this twin until
 * a shared Pulumi kit exists.
 */
import * as pulumi from '@pulumi/pulumi';
import { AlibabaDesignError } from './component';
import { isConfigSecret } from '../../pulumi-kit/config';

/** Config key of a tunnel's pre-shared key. */
export function alibabaPresharedKeyConfigKey(tunnelId: string): string {
  return `presharedKey.${tunnelId}`;
}

/**
 * A tunnel's key from the stack config, or undefined. C23: a key set without --secret sits in plain text in
 * Pulumi.<stack>.yaml; it is refused (an `AlibabaDesignError` naming the tunnel, never the value).
 */
export function alibabaKeyFromConfig(config: pulumi.Config): (tunnelId: string) => string | undefined {
  return (tunnelId) => {
    const key = alibabaPresharedKeyConfigKey(tunnelId);
    const value = config.get(key);
    if (value !== undefined && !isConfigSecret(`${config.name}:${key}`)) {
      throw new AlibabaDesignError([{
        path: `config ${config.name}:${key}`,
        ruleId: 'NoPlaintextPresharedKey',
        catalogue: ['C23'],
        level: 'error',
        message:
          `the pre-shared key of tunnel ${tunnelId} is set in plain text in the stack config, where anyone reading Pulumi.<stack>.yaml sees it.`,
        fix:
          `\`pulumi config set --secret ${key} <key>\` (it replaces the plain-text value), or \`pulumi config rm ${key}\` to read it from Secrets Manager.`,
      }], 'Pulumi config');
    }
    return value;
  };
}
