#!/usr/bin/env node
/**
 * The AWS half as a CDK app: `npx cdk synth` builds stack `MulticloudVpnAws` from `vpn-plan.json`.
 *
 *   -c plan=<file>          another plan file (default vpn-plan.json)
 *   -c peerOutputs=<file>   the peer gateway's two IPs (Azure or Alibaba Cloud), from `pulumi stack output --json > <file>`;
 *                           `-c azureOutputs=<file>` is its older name, still accepted. For an Alibaba plan the customer
 *                           gateways get the Alibaba gateway's IP 1 (internetIp) and IP 2, and the Alibaba local ASN.
 *
 * Without azureOutputs the template still synthesizes, for review, but cannot be deployed by mistake:
 * the two Azure IPs become CfnParameters with no default (CloudFormation refuses a deploy without
 * them), an AllowedPattern for IPv4, and a Rules assertion that they differ, whose message and the
 * parameters' descriptions say to synthesize again with `-c azureOutputs=<file>`; synthesis also
 * prints a warning. Azure IPs in an RFC 5737 documentation range (samples/azure-outputs.json has
 * them) are accepted, but the construct warns at synth that the template targets documentation
 * addresses. Environment-agnostic: no credentials or lookups needed (so C09's region-specific ASNs
 * are warnings here; a stack with `env.region` gets them as errors).
 *
 * Synthesis runs the documented rules twice over (our Aspect, whose errors stop `cdk synth`/`deploy`,
 * and our cdk-nag pack) and cdk-nag's AwsSolutions checks; a finding fails synthesis. The construct
 * acknowledges its own AwsSolutions findings with reasons, so only this app's VPC is handled here.
 * The stack itself is bin/example-stack.ts (shared with the benchmarks and the enforcement tests).
 */
import { App } from 'aws-cdk-lib';
import { DISABLE_CREATION_STACK_TRACES } from 'aws-cdk-lib/cx-api';
import { AzureOutputsError, readAzureOutputs } from '../lib/handoff/azure-outputs';
import { validatePlanFile } from '../lib/check/file';
import { formatFinding } from '../lib/core/finding';
import { contextFile, peerOutputsFile } from './context';
import { enableExampleChecks, EXAMPLE_STACK_NAME, ExampleStack } from './example-stack';

/** Prints to stderr and exits 1: a bad input file is the user's to fix, a stack trace would only hide the message. */
function fail(lines: readonly string[]): never {
  process.stderr.write(lines.join('\n') + '\n');
  process.exit(1);
}

// No stack traces in the metadata: the CLI would print a bare `file:line` of this app before every
// warning, which says nothing the construct path does not (`cdk synth --debug` turns them back on).
const app = new App({ stackTraces: false, context: { [DISABLE_CREATION_STACK_TRACES]: true } });
enableExampleChecks(app);
const planContext = contextFile(app.node.tryGetContext('plan'), 'plan', 'vpn-plan.json');
const azureOutputsContext = peerOutputsFile((key) => app.node.tryGetContext(key));
const contextProblems = [planContext.problem, azureOutputsContext.problem].filter((p): p is string => p !== undefined);
if (contextProblems.length > 0) fail(contextProblems);
const planFile = planContext.file!;
const azureOutputsFile = azureOutputsContext.file;

const planResult = validatePlanFile(planFile);
if (!planResult.plan) {
  const errors = planResult.findings.filter((f) => f.level === 'error').length;
  fail([`${planFile} is invalid: ${errors} error(s)`, ...planResult.findings.map(formatFinding)]);
}

let azureIps: readonly [string, string] | undefined;
if (azureOutputsFile !== undefined) {
  try {
    azureIps = readAzureOutputs(String(azureOutputsFile)).gatewayPublicIps;
  } catch (e) {
    if (e instanceof AzureOutputsError) fail([e.message]);
    throw e;
  }
}

new ExampleStack(app, EXAMPLE_STACK_NAME, { plan: planResult.plan, azureGatewayPublicIps: azureIps, planFindings: planResult.findings });
