import { isUnresolved, resourcesOfType, type CfnResourceView } from '../../check/views/cfn-view';
import { tunnelSpecsOf, VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

const SECRETS_MANAGER_REFERENCE = /^\{\{resolve:secretsmanager:.+\}\}$/s;
const PLACEHOLDER = '\u0000';

/**
 * The text CloudFormation will see for a key, with computed parts as placeholders: a literal
 * string, or an `Fn::Join` / `Fn::Sub` around intrinsics (how CDK renders `SecretValue`
 * dynamic references to a secret it creates). Undefined for any other intrinsic.
 */
function keyTemplate(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isUnresolved(value)) return undefined;
  const record = value as Record<string, unknown>;
  const join = record['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    return join[1].map((part: unknown) => (typeof part === 'string' ? part : PLACEHOLDER)).join(join[0]);
  }
  const sub = record['Fn::Sub'];
  const text = Array.isArray(sub) ? sub[0] : sub;
  return typeof text === 'string' ? text.replace(/\$\{[^}]*\}/g, PLACEHOLDER) : undefined;
}

function connectionProblems(connection: CfnResourceView): Violation[] {
  if (isUnresolved(connection.properties.VpnTunnelOptionsSpecifications)) return [];
  const stored = connection.properties.PreSharedKeyStorage === 'SecretsManager';
  const specs = tunnelSpecsOf(connection) ?? [];
  const violations: Violation[] = [];
  const generated =
    'AWS generates a key that only the VPN configuration download reveals, outside Secrets Manager; set PreSharedKeyStorage or a dynamic reference.';
  if (specs.length === 0 && !stored) {
    violations.push({
      path: connection.path,
      message: `no tunnel specification gives a PreSharedKey and PreSharedKeyStorage is not SecretsManager: ${generated}`,
    });
  }
  specs.forEach((spec, index) => {
    const where = `VpnTunnelOptionsSpecifications[${index}].PreSharedKey`;
    if (spec.PreSharedKey === undefined) {
      if (!stored) {
        violations.push({ path: connection.path, message: `${where} is absent and PreSharedKeyStorage is not SecretsManager: ${generated}` });
      }
      return;
    }
    const text = keyTemplate(spec.PreSharedKey);
    // A Secrets Manager reference passes; a value made of computed parts only is unknowable here.
    if (text === undefined || SECRETS_MANAGER_REFERENCE.test(text) || text.split(PLACEHOLDER).join('') === '') return;
    violations.push({
      path: connection.path,
      message: text.includes(PLACEHOLDER) || text.startsWith('{{resolve:')
        ? `${where} is not a Secrets Manager dynamic reference (an SSM parameter or a partly literal value).`
        : `${where} is a literal: the key is in plain text in the template and the cloud assembly (value not shown).`,
    });
  });
  return violations;
}

export const NoPlaintextPresharedKey: Rule = {
  id: 'NoPlaintextPresharedKey',
  catalogue: ['C23'],
  level: 'error',
  summary: 'No pre-shared key in plain text: Secrets Manager on AWS (dynamic reference or PreSharedKeyStorage), a Pulumi secret on Azure.',
  explanation: 'Security requirement of this project (CONSTRAINTS.md C23), after the AWS CloudFormation guidance on dynamic ' +
    'references and the Pulumi secrets documentation: a key written into a template is readable in cdk.out, the ' +
    'CloudFormation console and every copy of the template; a plain Azure sharedKey lands unencrypted in Pulumi state. ' +
    "Each AWS tunnel's PreSharedKey is therefore a '{{resolve:secretsmanager:…}}' dynamic reference (CDK renders it " +
    "inside Fn::Join for a secret of the same stack), or the connection has PreSharedKeyStorage 'SecretsManager'.",
  fix:
    "PreSharedKey: '{{resolve:secretsmanager:<secret>:SecretString:<field>}}' (SecretValue.secretsManager), or PreSharedKeyStorage 'SecretsManager'; on Azure pulumi.secret(key).",
  cfn: (view) => resourcesOfType(view, VPN_CONNECTION).flatMap(connectionProblems),
  azure: ({ connections }) =>
    connections.flatMap((connection): Violation[] =>
      connection.sharedKey.isSecret
        ? []
        : [{
          path: `connection ${connection.name}.sharedKey`,
          message: 'is not a Pulumi secret: the key would be stored in plain text in the Pulumi state and previews.',
          fix: 'pulumi.secret(key), or a config value set with --secret.',
        }]
    ),
};
