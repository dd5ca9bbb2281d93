/**
 * The AWS half as the twin sees it: the plan's construct synthesized in-process (a CDK App with
 * the rules Aspect, as bin/app.ts does), then "deployed" into memory. The deploy stand-in does what
 * CloudFormation and Secrets Manager would: it generates each secret's value from the template's
 * `GenerateSecretString` into a fake secret store (never printed), gives every resource a physical
 * id, gives each tunnel of each VPN connection an outside IP (from RFC 5737 198.51.100.0/24, as
 * AWS would from its own pool), and resolves the `…Handoff` output into the file
 * `cdk deploy --outputs-file` would write. The twin's AWS end is then configured from the template
 * alone, by `awsTunnelEnds` (sides.ts).
 */
import { randomInt } from 'node:crypto';
import { App, Stack, type AppProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AzureVpnConnections } from '../aws/azure-vpn-connections';
import { VpnRulesAspect } from '../enforcement/aspect';
import type { ResolvedPlan } from '../plan/types';

/** A synthesized CloudFormation template (the parts the twin reads). */
export interface CfnTemplate {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; }>;
  Outputs?: Record<string, { Value: unknown; }>;
}

/** The fake Secrets Manager: ARN → secret string. Values stay in memory; nothing prints them. */
export class FakeSecretStore {
  private readonly values = new Map<string, string>();
  put(arn: string, value: string): void {
    this.values.set(arn, value);
  }
  /** The secret string of `arn`; an unknown ARN is an error naming the ARN only. */
  get(arn: string): string {
    const value = this.values.get(arn);
    if (value === undefined) throw new Error(`fake Secrets Manager: no secret ${arn}`);
    return value;
  }
  get size(): number {
    return this.values.size;
  }
}

export const TWIN_STACK_NAME = 'MulticloudVpnTwinAws';
const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
/** RFC 5737 TEST-NET-2: the twin's stand-ins for the tunnels' AWS outside IPs. */
export const AWS_OUTSIDE_POOL = '198.51.100.';

/** Synthesizes the plan's AWS half in-process and returns the stack's template. */
export function synthesizeAwsHalf(plan: ResolvedPlan, azureGatewayPublicIps: readonly [string, string], outdir: string): CfnTemplate {
  // The built-in CloudFormation schema check is `cdk synth`'s job (and most of synthesis time); the
  // twin reads the values and lets strongSwan and FRR judge them.
  // Typed apart: the prop is newer than the package's aws-cdk-lib floor (2.258.0), which ignores it.
  const appProps: AppProps & { readonly builtinCloudFormationValidation?: boolean; } = { outdir, builtinCloudFormationValidation: false };
  const app = new App(appProps);
  VpnRulesAspect.enable(app);
  const stack = new Stack(app, TWIN_STACK_NAME);
  // A small VPC: the twin reads the VPN resources and the VPC CIDR, nothing else.
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr(plan.aws.vpcCidr),
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  new AzureVpnConnections(stack, 'AzureVpn', { plan, vpc, azureGatewayPublicIps });
  const artifact = app.synth().getStackByName(TWIN_STACK_NAME);
  const errors = artifact.messages.filter((m) => m.level === 'error');
  if (errors.length > 0) throw new Error(`the AWS half does not synthesize:\n${errors.map((e) => `  ${e.id}: ${String(e.entry.data)}`).join('\n')}`);
  return artifact.template as CfnTemplate;
}

/** What the deploy stand-in produced. */
export interface DeployedAwsHalf {
  readonly secrets: FakeSecretStore;
  /** Logical id → physical id (an ARN for secrets). */
  readonly physicalIds: Readonly<Record<string, string>>;
  /** `<connection logical id>/<tunnel index>` → outside IP. */
  readonly outsideIps: Readonly<Record<string, string>>;
  /** The `cdk deploy --outputs-file` content: `{ stack: { outputKey: value } }` (ARNs, never keys). */
  readonly outputsFile: Record<string, Record<string, string>>;
}

/** A value Secrets Manager's GenerateSecretString would give (letters, digits, punctuation unless excluded). */
function generatedSecret(spec: Record<string, unknown>): string {
  const length = typeof spec.PasswordLength === 'number' ? spec.PasswordLength : 32;
  let alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  if (spec.ExcludePunctuation !== true) alphabet += '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
  if (spec.IncludeSpace === true) alphabet += ' ';
  const excluded = typeof spec.ExcludeCharacters === 'string' ? spec.ExcludeCharacters : '';
  const chars = [...alphabet].filter((c) => !excluded.includes(c));
  return Array.from({ length }, () => chars[randomInt(chars.length)]).join('');
}

/** Resolves `Ref`, `Fn::GetAtt` and `Fn::Join` against the deployed physical ids and attributes. */
export function resolveCfn(value: unknown, lookup: { ref: (id: string) => string; getAtt: (id: string, attr: string) => string; }): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveCfn(v, lookup));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 1 && keys[0] === 'Ref') return lookup.ref(String(object.Ref));
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
    const [id, attr] = object['Fn::GetAtt'] as [string, string];
    return lookup.getAtt(id, attr);
  }
  if (keys.length === 1 && keys[0] === 'Fn::Join') {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => String(resolveCfn(p, lookup))).join(separator);
  }
  if (keys.some((k) => k.startsWith('Fn::'))) throw new Error(`the twin cannot resolve ${keys.join(', ')}`);
  return Object.fromEntries(keys.map((k) => [k, resolveCfn(object[k], lookup)]));
}

/** The deploy stand-in: secrets generated into the fake store, physical ids, outside IPs, outputs file. */
export function deployAwsHalf(template: CfnTemplate): DeployedAwsHalf {
  const secrets = new FakeSecretStore();
  const physicalIds: Record<string, string> = {};
  const outsideIps: Record<string, string> = {};
  let nextOutside = 1;
  for (const [id, resource] of Object.entries(template.Resources)) {
    const props = resource.Properties ?? {};
    switch (resource.Type) {
      case 'AWS::SecretsManager::Secret': {
        const arn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${id}-Tw1n00`;
        secrets.put(arn, generatedSecret((props.GenerateSecretString ?? {}) as Record<string, unknown>));
        physicalIds[id] = arn;
        break;
      }
      case 'AWS::EC2::VPNConnection': {
        physicalIds[id] = `vpn-twin${Object.keys(outsideIps).length}`;
        const specs = (props.VpnTunnelOptionsSpecifications ?? [{}, {}]) as unknown[];
        specs.forEach((_, index) => {
          outsideIps[`${id}/${index}`] = `${AWS_OUTSIDE_POOL}${nextOutside++}`;
        });
        break;
      }
      default:
        physicalIds[id] = `${id.toLowerCase().slice(0, 12)}-twin`;
    }
  }
  const lookup = {
    ref: (id: string) => {
      if (id === 'AWS::Region') return REGION;
      if (id === 'AWS::AccountId') return ACCOUNT;
      if (id === 'AWS::StackName') return TWIN_STACK_NAME;
      const physical = physicalIds[id];
      if (physical === undefined) throw new Error(`the twin cannot resolve Ref ${id}`);
      return physical;
    },
    getAtt: (id: string, attr: string) => {
      const resource = template.Resources[id];
      if (resource?.Type === 'Custom::VpnTunnelOutsideIps') {
        // The custom resource reads each tunnel's outside IP back by connection and inside CIDR.
        const entry = ((resource.Properties?.Tunnels ?? []) as { Id: string; ConnectionId: { Ref: string; }; InsideCidr: string; }[]).find((t) =>
          t.Id === attr
        );
        if (!entry) throw new Error(`the twin cannot resolve ${id}.${attr}`);
        const connection = template.Resources[entry.ConnectionId.Ref];
        const specs = (connection?.Properties?.VpnTunnelOptionsSpecifications ?? []) as { TunnelInsideCidr?: string; }[];
        const index = specs.findIndex((s) => s.TunnelInsideCidr === entry.InsideCidr);
        return outsideIps[`${entry.ConnectionId.Ref}/${index}`];
      }
      if (physicalIds[id] === undefined) throw new Error(`the twin cannot resolve ${id}.${attr}`);
      return physicalIds[id];
    },
  };
  const stackOutputs: Record<string, string> = {};
  for (const [key, output] of Object.entries(template.Outputs ?? {})) {
    if (key.endsWith('Handoff')) stackOutputs[key] = String(resolveCfn(output.Value, lookup));
  }
  return { secrets, physicalIds, outsideIps, outputsFile: { [TWIN_STACK_NAME]: stackOutputs } };
}

/**
 * The secret string behind a `{{resolve:secretsmanager:<id>:SecretString:<json-key>:<stage>:<version>}}`
 * dynamic reference (CloudFormation "Using dynamic references"), from the fake store.
 */
export function resolveSecretReference(reference: string, deployed: DeployedAwsHalf): string {
  const match = /^\{\{resolve:secretsmanager:(.+)\}\}$/.exec(reference);
  if (!match) throw new Error('PreSharedKey is not a Secrets Manager dynamic reference (C23)');
  const parts = match[1].split(':');
  const idParts = parts[0] === 'arn' ? 7 : 1;
  const secretId = parts.slice(0, idParts).join(':');
  const [field = 'SecretString', jsonKey = ''] = parts.slice(idParts);
  if (field !== 'SecretString') throw new Error(`dynamic reference field ${field}: only SecretString is supported`);
  const arn = secretId.startsWith('arn:') ? secretId : Object.values(deployed.physicalIds).find((a) => a.includes(`:secret:${secretId}`));
  if (!arn) throw new Error(`dynamic reference names an unknown secret ${secretId}`);
  const value = deployed.secrets.get(arn);
  return jsonKey === '' ? value : String((JSON.parse(value) as Record<string, unknown>)[jsonKey]);
}
