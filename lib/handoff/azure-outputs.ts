/**
 * Reading the Azure half's outputs (`pulumi stack output --json > azure-outputs.json`) on the AWS
 * side. Pure: no CDK, no cloud SDK. Every problem is reported at once, naming the file and field.
 */
import { excerpt } from '../core/excerpt';
import { readJsonFile } from '../plan/json-input';
import type { AzureHandoff } from './formats';
import { documentationRangeOf, publicIpv4Problem } from './public-ip';

/** How to produce the file, repeated in every message so the fix is one copy-paste away. */
export const AZURE_OUTPUTS_HINT = 'pass the file written by `pulumi stack output --json > azure-outputs.json` after the Azure gateway is up ' +
  "(its `gatewayPublicIps` holds the gateway's two public IPv4 addresses, instance 0 first)";

/**
 * Problems of the two gateway IPs, each prefixed with `field[i]`: count, public IPv4, distinct.
 * `isDeferred` marks values known only later (CDK tokens): they are not checked.
 */
export function gatewayPublicIpProblems(ips: unknown, field: string, isDeferred: (value: unknown) => boolean = () => false): string[] {
  if (!Array.isArray(ips)) return [`${field}: expected an array of two IPv4 addresses, got ${excerpt(ips)}`];
  const problems: string[] = [];
  if (ips.length !== 2) {
    problems.push(`${field}: expected exactly two addresses (gateway instance 0, then 1; active/active, C14), got ${ips.length}`);
  }
  // The first two only: a list of a million addresses is one count problem, not a million lines.
  ips.slice(0, 2).forEach((ip, i) => {
    if (isDeferred(ip)) return;
    const problem = publicIpv4Problem(ip);
    if (problem) problems.push(`${field}[${i}]: ${problem}`);
  });
  if (ips.length === 2 && typeof ips[0] === 'string' && !isDeferred(ips[0]) && ips[0] === ips[1]) {
    problems.push(`${field}: both instances have ${excerpt(ips[0])}; an active/active gateway has two distinct public IPs (C14, C15)`);
  }
  return problems;
}

/**
 * Warnings for gateway IPs in an RFC 5737 documentation range, each prefixed with `field[i]`. They are
 * valid addresses (samples and tests use them) but no Azure gateway ever has one, so a template that
 * targets them is for review only: the customer gateways would point at nobody and no tunnel would
 * come up. `isDeferred` values (CDK tokens) are skipped.
 */
export function documentationAddressWarnings(
  ips: readonly unknown[],
  field: string,
  isDeferred: (value: unknown) => boolean = () => false,
): string[] {
  return ips.flatMap((ip, i) => {
    if (typeof ip !== 'string' || isDeferred(ip)) return [];
    const range = documentationRangeOf(ip);
    return range === undefined
      ? []
      : [
        `${field}[${i}]: ${ip} is in ${range}, an RFC 5737 documentation range: this template targets documentation addresses, ` +
        'which no Azure gateway has, so no tunnel will come up. Fine for review; to deploy, synthesize with the outputs of the ' +
        'deployed Azure gateway (`pulumi stack output --json`).',
      ];
  });
}

/** What `pulumi stack output --json` prints for a secret output unless given `--show-secrets`. */
export const PULUMI_SECRET_PLACEHOLDER = '[secret]';

const SHOW_SECRETS_HINT =
  `the file holds "${PULUMI_SECRET_PLACEHOLDER}" where a value belongs: \`pulumi stack output --json\` prints secret outputs so ` +
  'unless given --show-secrets; write the file with `pulumi stack output --json --show-secrets > azure-outputs.json` ' +
  '(the hand-off outputs are gateway addresses and ids, no keys)';

/** Whether a hand-off field of the outputs is Pulumi's placeholder for a secret. */
function holdsMaskedSecret(outputs: Record<string, unknown>): boolean {
  const fields = [outputs.gatewayPublicIps, outputs.gatewayId, outputs.connectionIds];
  return fields.some((v) => v === PULUMI_SECRET_PLACEHOLDER || (Array.isArray(v) && v.includes(PULUMI_SECRET_PLACEHOLDER)));
}

export class AzureOutputsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} is not usable as Azure outputs:\n${problems.map((p) => `  ${p}`).join('\n')}\nFix: ${AZURE_OUTPUTS_HINT}.`);
    this.name = 'AzureOutputsError';
  }
}

/**
 * The Azure hand-off from a `pulumi stack output --json` file. Throws an `AzureOutputsError` naming
 * the file, each bad field with its value, and how to produce a good file. Unknown keys are ignored:
 * the Azure program may export more than the hand-off needs.
 */
export function readAzureOutputs(file: string): AzureHandoff {
  const read = readJsonFile(file);
  if (!read.ok) throw new AzureOutputsError(file, [`the file ${read.problem} Valid: ${read.fix}`]);
  const json = read.value;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new AzureOutputsError(file, [`expected a JSON object of stack outputs, got ${excerpt(json)}`]);
  }
  const outputs = json as Record<string, unknown>;
  const problems = gatewayPublicIpProblems(outputs.gatewayPublicIps, 'gatewayPublicIps');
  if (outputs.gatewayId !== undefined && typeof outputs.gatewayId !== 'string') {
    problems.push(`gatewayId: expected a string, got ${excerpt(outputs.gatewayId)}`);
  }
  const connectionIds = outputs.connectionIds;
  if (connectionIds !== undefined && !(Array.isArray(connectionIds) && connectionIds.every((c) => typeof c === 'string'))) {
    problems.push(`connectionIds: expected an array of strings, got ${excerpt(connectionIds)}`);
  }
  if (problems.length > 0 && holdsMaskedSecret(outputs)) problems.push(SHOW_SECRETS_HINT);
  if (problems.length > 0) throw new AzureOutputsError(file, problems);
  const ips = outputs.gatewayPublicIps as [string, string];
  return {
    gatewayPublicIps: [ips[0], ips[1]],
    ...(outputs.gatewayId !== undefined ? { gatewayId: outputs.gatewayId as string } : {}),
    ...(connectionIds !== undefined ? { connectionIds: [...(connectionIds as string[])] } : {}),
  };
}
