import { resourcesOfType, type CfnView } from '../../check/views/cfn-view';
import { tunnelSpecsOf, VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { GENERATED_KEY_MIN_LENGTH, PRESHARED_KEY_LENGTH, presharedKeyFormatProblems } from '../../core/preshared-key';

/** A CloudFormation dynamic reference (`{{resolve:…}}`): the key is not in the template. */
function isDynamicReference(value: string): boolean {
  return /^\{\{resolve:[^}]+\}\}$/.test(value);
}

function cfnKeys(view: CfnView): Violation[] {
  const violations: Violation[] = [];
  const firstUse = new Map<string, string>();
  for (const connection of resourcesOfType(view, VPN_CONNECTION)) {
    (tunnelSpecsOf(connection) ?? []).forEach((spec, index) => {
      const key = spec.PreSharedKey;
      if (typeof key !== 'string') return; // absent (AWS generates one) or computed: unknowable here
      const where = `VpnTunnelOptionsSpecifications[${index}].PreSharedKey`;
      if (!isDynamicReference(key)) {
        for (const problem of presharedKeyFormatProblems(key)) {
          violations.push({ path: connection.path, message: `${where} ${problem}` });
        }
      }
      // One key per tunnel: the same literal or the same secret reference twice is one shared key.
      const other = firstUse.get(key);
      if (other !== undefined) {
        violations.push({
          path: connection.path,
          message: `${where} is the same key as ${other}; each tunnel has its own key.`,
          fix: 'one secret (or one secret field) per tunnel.',
        });
      } else {
        firstUse.set(key, `${connection.path} ${where}`);
      }
    });
  }
  return violations;
}

export const PresharedKeyFormat: Rule = {
  id: 'PresharedKeyFormat',
  catalogue: ['C22'],
  level: 'error',
  summary: "Each tunnel has its own pre-shared key of 8–64 letters, digits, '.' or '_', not starting with '0'.",
  explanation: 'Seed 002 and the AWS Site-to-Site VPN tunnel options documentation: a pre-shared key is 8–64 characters of letters, ' +
    "digits, periods and underscores and cannot start with zero; it is the stricter of the two clouds' rules, so a key " +
    'that AWS accepts also works on Azure. Both ends of a tunnel use the same key, one key per tunnel; a mismatch is the ' +
    'first cause of phase 1 failures. Messages never quote the key.',
  fix: "a generated key of 32 characters from [A-Za-z0-9._], not starting with '0', one per tunnel, kept in Secrets Manager.",
  plan: ({ spec }) => {
    const length = spec.aws.presharedKeyLength;
    if (length < PRESHARED_KEY_LENGTH.min || length > PRESHARED_KEY_LENGTH.max) {
      return [{
        path: 'aws.presharedKeyLength',
        message: `${length}: AWS accepts pre-shared keys of ${PRESHARED_KEY_LENGTH.min}–${PRESHARED_KEY_LENGTH.max} characters.`,
        fix: `a length in ${GENERATED_KEY_MIN_LENGTH}–${PRESHARED_KEY_LENGTH.max} (default 32).`,
      }];
    }
    return length < GENERATED_KEY_MIN_LENGTH
      ? [{
        path: 'aws.presharedKeyLength',
        level: 'warning',
        message: `${length}: a generated key of fewer than ${GENERATED_KEY_MIN_LENGTH} letters and digits is weaker than this library's default.`,
        fix: `a length in ${GENERATED_KEY_MIN_LENGTH}–${PRESHARED_KEY_LENGTH.max} (default 32).`,
      }]
      : [];
  },
  cfn: cfnKeys,
  azure: ({ connections }) =>
    connections.flatMap((connection) => [
      ...(connection.sharedKey.formatProblems ?? []).map((problem) => ({
        path: `connection ${connection.name}.sharedKey`,
        message: `the shared key ${problem}`,
      })),
      ...sameKeyViolation(connection.name, connection.tunnelId, connection.sharedKey.sameKeyAs),
    ]),
};

/** C22, one key per tunnel: the AWS side refuses a reused key too. Names the tunnels, never the key. */
export function sameKeyViolation(connectionName: string, tunnelId: string, sameKeyAs: readonly string[] | undefined): Violation[] {
  if (sameKeyAs === undefined || sameKeyAs.length === 0) return [];
  return [{
    path: `connection ${connectionName}.sharedKey`,
    message: `tunnel ${tunnelId} was given the same pre-shared key as tunnel(s) ${
      sameKeyAs.join(', ')
    }; each tunnel has its own key (a reused key lets one tunnel's leak open the others).`,
    fix: 'a different key per tunnel: the AWS hand-off secret of that tunnel, or its own `pulumi config set --secret presharedKey.<tunnelId>`.',
  }];
}
