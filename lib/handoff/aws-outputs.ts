/**
 * Reading the AWS half's outputs on the Azure side: the file `cdk deploy --outputs-file` writes
 * (`{ <stack>: { <outputKey>: <string> } }`), in which one output whose key ends with `Handoff` holds
 * the `AwsHandoff` JSON of this plan. Tunnels are matched to the plan by inside CIDR, never by
 * position. Every problem is reported at once, before any resource is touched, each naming the file
 * and the field. No Pulumi here; the AWS SDK is loaded only when a key is read.
 */
import { z } from 'zod';
import { excerpt, excerptName, quoted } from '../core/excerpt';
import { PlanValidationError, jsonPath, schemaFindings } from '../core/errors';
import { parseJsonText, readJsonFile, type JsonResult } from '../plan/json-input';
import type { ResolvedPlan } from '../plan/types';
import type { CatalogueNumber, Finding } from '../core/finding';
import { AWS_HANDOFF_FORMAT, AWS_HANDOFF_OUTPUT_SUFFIX } from './formats';
import { publicIpv4Problem } from './public-ip';
import { AWS_PARTITION_REGIONS, AWS_PARTITIONS, parseSecretArn, partitionOfRegion, type SecretArnParts } from './secret-arn';

/** How to produce a good file; the general fix of every finding here. */
export const AWS_OUTPUTS_HINT = "the file written by `cdk deploy --outputs-file aws-outputs.json` for the stack that holds this plan's VPN";

const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;

const handoffTunnelSchema = z.object({
  id: z.string(),
  awsConnection: z.union([z.literal(1), z.literal(2)]),
  awsTunnel: z.union([z.literal(1), z.literal(2)]),
  insideCidr: z.string(),
  awsBgpIp: z.string(),
  azureBgpIp: z.string(),
  outsideIp: z.string(),
  presharedKeySecretArn: z.string().regex(
    SECRET_ARN,
    'expected a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)',
  ),
});

/** The `AwsHandoff` JSON (lib/handoff/formats.ts). Unknown fields are ignored: later versions may add some. */
export const awsHandoffSchema = z.object({
  format: z.literal(AWS_HANDOFF_FORMAT),
  plan: z.string(),
  awsAsn: z.number().int(),
  vpnGatewayId: z.string(),
  tunnels: z.array(handoffTunnelSchema),
});

/** One plan tunnel's AWS side, as the Azure half needs it. */
export interface AwsTunnelHandoff {
  readonly tunnelId: string;
  readonly insideCidr: string;
  /** The AWS tunnel's outside IP: the local network gateway's address. */
  readonly outsideIp: string;
  /** Where the tunnel's pre-shared key is; the key itself is never in the file. */
  readonly presharedKeySecretArn: string;
}

export interface AwsOutputs {
  readonly file: string;
  /** The stack and output key the hand-off was found in. */
  readonly stackName: string;
  readonly outputKey: string;
  readonly awsAsn: number;
  readonly vpnGatewayId: string;
  /** By plan tunnel id, in plan order. */
  readonly tunnels: Readonly<Record<string, AwsTunnelHandoff>>;
}

/** Every problem of an AWS outputs file; `source` is the file name. */
export class AwsOutputsError extends PlanValidationError {
  constructor(findings: readonly Finding[], file: string) {
    super(findings, file);
    this.name = 'AwsOutputsError';
  }
}

function finding(path: string, message: string, fix: string = AWS_OUTPUTS_HINT + '.', catalogue: readonly CatalogueNumber[] = []): Finding {
  return { path, ruleId: 'AwsHandoff', catalogue, level: 'error', message, fix };
}

/** Why `value` cannot be an AWS tunnel outside IP, or undefined when it can. */
export function outsideIpProblem(value: string): string | undefined {
  const problem = publicIpv4Problem(value);
  return problem && `${problem}; Azure's local network gateway needs the tunnel's public outside IP.`;
}

interface Candidate {
  readonly stackName: string;
  readonly outputKey: string;
  readonly json: unknown;
}

/** The outputs whose key ends with `Handoff` and whose JSON is this plan's hand-off, and why the others are not. */
function findCandidates(outputs: Record<string, unknown>, plan: ResolvedPlan): { matches: Candidate[]; others: string[]; } {
  const matches: Candidate[] = [];
  const others: string[] = [];
  for (const [stackName, stackOutputs] of Object.entries(outputs)) {
    if (stackOutputs === null || typeof stackOutputs !== 'object' || Array.isArray(stackOutputs)) continue;
    for (const [outputKey, value] of Object.entries(stackOutputs as Record<string, unknown>)) {
      if (!outputKey.endsWith(AWS_HANDOFF_OUTPUT_SUFFIX)) continue;
      const where = `${excerptName(stackName)}.${excerptName(outputKey)}`;
      const parsed: JsonResult = typeof value === 'string' ? parseJsonText(value) : { ok: true, value };
      if (!parsed.ok) {
        others.push(`${where} (${parsed.problem.replace(/\.$/, '')})`);
        continue;
      }
      const json = parsed.value;
      const head = (json ?? {}) as { format?: unknown; plan?: unknown; };
      if (head.format !== AWS_HANDOFF_FORMAT) others.push(`${where} (format ${head.format === undefined ? 'missing' : excerpt(head.format)})`);
      else if (head.plan !== plan.name) others.push(`${where} (plan ${head.plan === undefined ? 'missing' : excerpt(head.plan)})`);
      else matches.push({ stackName, outputKey, json });
    }
  }
  return { matches, others };
}

/** The value most tunnels have (the first seen on a tie), and the tunnels that have it. */
function commonValue(values: readonly { id: string; value: string; }[]): { value: string; ids: string[]; } {
  const counts = new Map<string, string[]>();
  for (const { id, value } of values) counts.set(value, [...(counts.get(value) ?? []), id]);
  let best: { value: string; ids: string[]; } = { value: values[0].value, ids: [] };
  for (const [value, ids] of counts) if (ids.length > best.ids.length) best = { value, ids };
  return best;
}

/**
 * Whether the key secrets can be trusted to be this VPN's (C22): the Azure half reads each tunnel's
 * key by its ARN, so an ARN edited to point at another account, region or partition would feed the
 * Azure connection a key the AWS tunnel does not have, or someone else's secret. The AWS half puts
 * all four secrets in its own stack, so their ARNs share one partition, account and region (the
 * plan's `aws.region` when it gives one), differ from each other, and name a real partition.
 */
function secretArnFindings(handoff: z.infer<typeof awsHandoffSchema>, plan: ResolvedPlan, at: (path: (string | number)[]) => string): Finding[] {
  const findings: Finding[] = [];
  const parsed: { index: number; id: string; arn: string; parts: SecretArnParts; }[] = [];
  handoff.tunnels.forEach((t, index) => {
    const parts = parseSecretArn(t.presharedKeySecretArn);
    if (parts) parsed.push({ index, id: t.id, arn: t.presharedKeySecretArn, parts });
  });
  const field = (index: number) => at(['tunnels', index, 'presharedKeySecretArn']);
  const push = (index: number, message: string, fix: string) => findings.push(finding(field(index), message, fix, ['C22']));
  for (const { index, id, parts } of parsed) {
    const regionPartition = partitionOfRegion(parts.region);
    if (AWS_PARTITION_REGIONS[parts.partition] === undefined) {
      push(
        index,
        `tunnel ${id}: partition '${parts.partition}' is not an AWS partition.`,
        `an ARN in one of ${AWS_PARTITIONS.join(', ')}${
          regionPartition ? ` ('${regionPartition}' for region ${parts.region})` : ''
        }, as written by the AWS stack.`,
      );
    } else if (regionPartition !== parts.partition) {
      push(
        index,
        `tunnel ${id}: region '${parts.region}' is not a region of partition '${parts.partition}'.`,
        regionPartition
          ? `partition '${regionPartition}' for ${parts.region}, or a region of '${parts.partition}'.`
          : `a region of partition '${parts.partition}', as written by the AWS stack.`,
      );
    }
  }
  if (parsed.length === 0) return findings;
  for (const key of ['partition', 'account', 'region'] as const) {
    const common = commonValue(parsed.map((p) => ({ id: p.id, value: p.parts[key] })));
    for (const { index, id, parts } of parsed) {
      if (parts[key] === common.value) continue;
      push(
        index,
        `tunnel ${id}: ${key} '${parts[key]}' differs from '${common.value}' of ${
          common.ids.join(', ')
        }; the AWS stack keeps all four keys in one ${key}.`,
        `the ARN the AWS stack wrote for tunnel ${id} (deploy and read the outputs of one stack).`,
      );
    }
  }
  if (plan.aws.region !== undefined) {
    for (const { index, id, parts } of parsed) {
      if (parts.region !== plan.aws.region) {
        push(
          index,
          `tunnel ${id}: the secret is in region '${parts.region}', the plan's aws.region is '${plan.aws.region}'.`,
          `a secret in ${plan.aws.region} (the outputs of the stack deployed there), or fix aws.region.`,
        );
      }
    }
  }
  parsed.forEach(({ index, id, arn }, k) => {
    const first = parsed.slice(0, k).find((other) => other.arn === arn);
    if (first) {
      push(
        index,
        `tunnel ${id} names the same secret as tunnel ${first.id}; each tunnel has its own key.`,
        `the ARN of tunnel ${id}'s own secret, as written by the AWS stack.`,
      );
    }
  });
  return findings;
}

/** Cross-checks of a well-formed hand-off against the plan. */
function planFindings(handoff: z.infer<typeof awsHandoffSchema>, plan: ResolvedPlan, at: (path: (string | number)[]) => string): Finding[] {
  const findings: Finding[] = [];
  if (handoff.awsAsn !== plan.aws.asn) {
    findings.push(
      finding(
        at(['awsAsn']),
        `the AWS ASN is ${handoff.awsAsn}, the plan's aws.asn is ${plan.aws.asn}; the local network gateways would announce the wrong peer ASN.`,
        `deploy the AWS stack from the same plan (aws.asn ${plan.aws.asn}), or fix the plan.`,
        ['C11'],
      ),
    );
  }
  const planCidrs = plan.tunnels.map((t) => t.insideCidr);
  handoff.tunnels.forEach((t, i) => {
    const problem = outsideIpProblem(t.outsideIp);
    if (problem) findings.push(finding(at(['tunnels', i, 'outsideIp']), problem, 'the public outside IP AWS assigned to the tunnel.'));
    if (handoff.tunnels.findIndex((other) => other.insideCidr === t.insideCidr) !== i) {
      findings.push(
        finding(
          at(['tunnels', i, 'insideCidr']),
          `${quoted(t.insideCidr)} appears twice; each tunnel has its own inside CIDR.`,
          'one entry per tunnel, each with a distinct /30.',
          ['C04'],
        ),
      );
      return;
    }
    const planned = plan.tunnels.find((p) => p.insideCidr === t.insideCidr);
    if (!planned) {
      findings.push(
        finding(
          at(['tunnels', i, 'insideCidr']),
          `${quoted(t.insideCidr)} (${
            excerptName(t.id)
          }) is not an inside CIDR of plan '${plan.name}'; AWS and Azure would pick different BGP addresses.`,
          `one of the plan's inside CIDRs: ${planCidrs.join(', ')} (deploy AWS from the same plan).`,
          ['C05'],
        ),
      );
      return;
    }
    if (t.awsConnection !== planned.awsConnection || t.awsTunnel !== planned.awsTunnel) {
      findings.push(
        finding(
          at(['tunnels', i]),
          `inside CIDR ${
            excerptName(t.insideCidr)
          } is AWS connection ${t.awsConnection} tunnel ${t.awsTunnel} here, but the plan puts it on connection ${planned.awsConnection} tunnel ${planned.awsTunnel} (${planned.id}); the tunnel would reach the other Azure instance.`,
          `AWS connection ${planned.awsConnection} tunnel ${planned.awsTunnel} (deploy AWS from the same plan).`,
          ['C15'],
        ),
      );
    }
    if (t.awsBgpIp !== planned.awsBgpIp || t.azureBgpIp !== planned.azureBgpIp) {
      findings.push(
        finding(
          at(['tunnels', i]),
          `BGP addresses ${excerptName(t.awsBgpIp)} (AWS) / ${excerptName(t.azureBgpIp)} (Azure) do not follow ${
            excerptName(t.insideCidr)
          }: AWS takes the first host, Azure the second.`,
          `awsBgpIp ${planned.awsBgpIp}, azureBgpIp ${planned.azureBgpIp}.`,
          ['C05'],
        ),
      );
    }
  });
  for (const planned of plan.tunnels) {
    if (!handoff.tunnels.some((t) => t.insideCidr === planned.insideCidr)) {
      findings.push(
        finding(
          at(['tunnels']),
          `plan tunnel ${planned.id} (inside CIDR ${planned.insideCidr}) is missing; the file has ${
            handoff.tunnels.map((t) => excerptName(t.insideCidr)).join(', ') || 'no tunnels'
          }.`,
          `all four tunnels of plan '${plan.name}' (${planCidrs.join(', ')}); deploy AWS from the same plan.`,
          ['C05', 'C15'],
        ),
      );
    }
  }
  return findings;
}

/** The plan's hand-off from the text of an outputs file; throws an `AwsOutputsError` with every problem. */
export function awsOutputsFromText(text: string, plan: ResolvedPlan, file: string): AwsOutputs {
  return awsOutputsFromJson(parseJsonText(text), plan, file);
}

function awsOutputsFromJson(read: JsonResult, plan: ResolvedPlan, file: string): AwsOutputs {
  const fail = (findings: Finding[]): never => {
    throw new AwsOutputsError(findings, file);
  };
  if (!read.ok) return fail([finding(file, `the file ${read.problem}`, `${read.fix} Expected: ${AWS_OUTPUTS_HINT}.`)]);
  const json = read.value;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return fail([finding(`${file}`, `expected an object of stacks → outputs, got ${excerpt(json)}.`)]);
  }
  const { matches, others } = findCandidates(json as Record<string, unknown>, plan);
  if (matches.length === 0) {
    const seen = others.length > 0
      ? `found only ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''}`
      : `no output key ends with '${AWS_HANDOFF_OUTPUT_SUFFIX}'`;
    return fail([finding(`${file}`, `no output holds the hand-off (format ${AWS_HANDOFF_FORMAT}) of plan '${plan.name}': ${seen}.`)]);
  }
  if (matches.length > 1) {
    return fail([
      finding(
        `${file}`,
        `${matches.length} outputs hold the hand-off of plan '${plan.name}': ${
          matches.map((m) => `${excerptName(m.stackName)}.${excerptName(m.outputKey)}`).join(', ')
        }; which one is meant is ambiguous.`,
        'an outputs file with one VPN construct per plan name (give each plan its own name).',
      ),
    ]);
  }
  const [match] = matches;
  const where = `${file}:${excerptName(match.stackName)}.${excerptName(match.outputKey)}`;
  const at = (segments: (string | number)[]) => `${where}.${jsonPath(segments)}`;
  const parsed = awsHandoffSchema.safeParse(match.json);
  if (!parsed.success) {
    return fail(
      schemaFindings(awsHandoffSchema, parsed.error, match.json).map((f) => ({
        ...f,
        ruleId: 'AwsHandoff',
        path: `${where}${f.path === '(plan)' ? '' : `.${f.path}`}`,
      })),
    );
  }
  const handoff = parsed.data;
  const problems = [...planFindings(handoff, plan, at), ...secretArnFindings(handoff, plan, at)];
  if (problems.length > 0) fail(problems);
  const tunnels: Record<string, AwsTunnelHandoff> = {};
  for (const planned of plan.tunnels) {
    const t = handoff.tunnels.find((h) => h.insideCidr === planned.insideCidr)!;
    tunnels[planned.id] = { tunnelId: planned.id, insideCidr: t.insideCidr, outsideIp: t.outsideIp, presharedKeySecretArn: t.presharedKeySecretArn };
  }
  return {
    file,
    stackName: match.stackName,
    outputKey: match.outputKey,
    awsAsn: handoff.awsAsn,
    vpnGatewayId: handoff.vpnGatewayId,
    tunnels,
  };
}

/**
 * The plan's hand-off from `cdk deploy --outputs-file` output: per plan tunnel id, the outside IP and
 * the secret ARN of its key. Throws an `AwsOutputsError` naming the file and every bad field.
 */
export function readAwsOutputs(file: string, plan: ResolvedPlan): AwsOutputs {
  return awsOutputsFromJson(readJsonFile(file), plan, file);
}

/** Reads one secret's value by ARN. Injectable, so tests and offline runs never reach AWS. */
export type SecretReader = (secretArn: string) => Promise<string>;

/** Field names under which a JSON secret may hold the key. */
const KEY_FIELDS = ['presharedKey', 'PreSharedKey', 'psk', 'PSK'];

/**
 * The key in a secret string: the string itself, or, for a JSON object, its `presharedKey` (or
 * `psk`) field or its only string field. Errors never quote the secret.
 */
export function presharedKeyFromSecretString(secretString: string, secretArn: string): string {
  let json: unknown;
  try {
    json = JSON.parse(secretString);
  } catch {
    return secretString;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return secretString;
  const fields = json as Record<string, unknown>;
  const named = KEY_FIELDS.find((k) => typeof fields[k] === 'string');
  if (named) return fields[named] as string;
  const strings = Object.values(fields).filter((v): v is string => typeof v === 'string');
  if (strings.length === 1) return strings[0];
  throw new Error(`secret ${secretArn} holds a JSON object without a single key field (expected one of ${KEY_FIELDS.join(', ')}).`);
}

/** Reads keys from AWS Secrets Manager (SDK v3, default credentials), in each secret's own region. */
export function secretsManagerReader(): SecretReader {
  return async (secretArn) => {
    const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager').catch((e: NodeJS.ErrnoException) => {
      // An optional peer dependency of the package: only this reader (the Azure half) needs it.
      if (e.code !== 'MODULE_NOT_FOUND') throw e;
      throw new Error(
        'reading keys from AWS Secrets Manager needs the package @aws-sdk/client-secrets-manager (an optional peer dependency of multicloud-vpn): npm install @aws-sdk/client-secrets-manager.',
      );
    });
    const region = secretArn.split(':')[3];
    const client = new SecretsManagerClient({ region });
    try {
      const response = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
      if (typeof response.SecretString !== 'string') throw new Error(`secret ${secretArn} has no SecretString.`);
      return presharedKeyFromSecretString(response.SecretString, secretArn);
    } finally {
      client.destroy();
    }
  };
}
