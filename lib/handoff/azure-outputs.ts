/**
 * Reading the Azure half's outputs (`pulumi stack output --json > azure-outputs.json`) on the AWS
 * side. Pure: no CDK, no cloud SDK. Every problem is reported at once, naming the file and field.
 */
import { readFileSync } from 'node:fs';
import type { AzureHandoff } from './formats';
import { documentationRangeOf, publicIpv4Problem } from './public-ip';

/** How to produce the file, repeated in every message so the fix is one copy-paste away. */
export const AZURE_OUTPUTS_HINT =
  'pass the file written by `pulumi stack output --json > azure-outputs.json` after the Azure gateway is up ' +
  '(its `gatewayPublicIps` holds the gateway\'s two public IPv4 addresses, instance 0 first)';

/**
 * Problems of the two gateway IPs, each prefixed with `field[i]`: count, public IPv4, distinct.
 * `isDeferred` marks values known only later (CDK tokens): they are not checked.
 */
export function gatewayPublicIpProblems(ips: unknown, field: string, isDeferred: (value: unknown) => boolean = () => false): string[] {
  if (!Array.isArray(ips)) return [`${field}: expected an array of two IPv4 addresses, got ${JSON.stringify(ips) ?? 'nothing'}`];
  const problems: string[] = [];
  if (ips.length !== 2) {
    problems.push(`${field}: expected exactly two addresses (gateway instance 0, then 1; active/active, C14), got ${ips.length}`);
  }
  ips.forEach((ip, i) => {
    if (isDeferred(ip)) return;
    const problem = publicIpv4Problem(ip);
    if (problem) problems.push(`${field}[${i}]: ${problem}`);
  });
  if (ips.length === 2 && typeof ips[0] === 'string' && !isDeferred(ips[0]) && ips[0] === ips[1]) {
    problems.push(`${field}: both instances have ${JSON.stringify(ips[0])}; an active/active gateway has two distinct public IPs (C14, C15)`);
  }
  return problems;
}

/**
 * Warnings for gateway IPs in an RFC 5737 documentation range, each prefixed with `field[i]`. They are
 * valid addresses (samples and tests use them) but no Azure gateway ever has one, so a template that
 * targets them is for review only: the customer gateways would point at nobody and no tunnel would
 * come up. `isDeferred` values (CDK tokens) are skipped.
 */
export function documentationAddressWarnings(ips: readonly unknown[], field: string, isDeferred: (value: unknown) => boolean = () => false): string[] {
  return ips.flatMap((ip, i) => {
    if (typeof ip !== 'string' || isDeferred(ip)) return [];
    const range = documentationRangeOf(ip);
    return range === undefined
      ? []
      : [`${field}[${i}]: ${ip} is in ${range}, an RFC 5737 documentation range: this template targets documentation addresses, ` +
        'which no Azure gateway has, so no tunnel will come up. Fine for review; to deploy, synthesize with the outputs of the ' +
        'deployed Azure gateway (`pulumi stack output --json`).'];
  });
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AzureOutputsError(file, [`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AzureOutputsError(file, [`not JSON: ${(e as Error).message}`]);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new AzureOutputsError(file, [`expected a JSON object of stack outputs, got ${Array.isArray(json) ? 'an array' : JSON.stringify(json)}`]);
  }
  const outputs = json as Record<string, unknown>;
  const problems = gatewayPublicIpProblems(outputs.gatewayPublicIps, 'gatewayPublicIps');
  if (outputs.gatewayId !== undefined && typeof outputs.gatewayId !== 'string') {
    problems.push(`gatewayId: expected a string, got ${JSON.stringify(outputs.gatewayId)}`);
  }
  const connectionIds = outputs.connectionIds;
  if (connectionIds !== undefined && !(Array.isArray(connectionIds) && connectionIds.every((c) => typeof c === 'string'))) {
    problems.push(`connectionIds: expected an array of strings, got ${JSON.stringify(connectionIds)}`);
  }
  if (problems.length > 0) throw new AzureOutputsError(file, problems);
  const ips = outputs.gatewayPublicIps as [string, string];
  return {
    gatewayPublicIps: [ips[0], ips[1]],
    ...(outputs.gatewayId !== undefined ? { gatewayId: outputs.gatewayId as string } : {}),
    ...(connectionIds !== undefined ? { connectionIds: [...(connectionIds as string[])] } : {}),
  };
}
