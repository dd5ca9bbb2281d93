/**
 * `multicloud-vpn doctor`: its own options and help. Loaded by cli.ts only for this verb, and it
 * loads lib/doctor (and the cloud SDKs) only when it runs, so `plan` and the others stay fast.
 */
import { parseArgs } from 'node:util';
import { validatePlanFile } from '../../check/file';
import { formatFinding } from '../../core/finding';
import type { CliIo } from './verb';
import type { DoctorClients } from '../../doctor';

export const DOCTOR_USAGE = `Usage: multicloud-vpn doctor [plan-file] [--aws-outputs <file>] [--azure-outputs <file>] [options]

Reads the deployed VPN on both clouds, read-only, and names the documented cause of what is wrong
(D01–D10 of the catalogue): one row per tunnel (AWS status, Azure status, BGP on both sides, routes
accepted and learned), then each finding with its evidence and the likely causes in the documented
order, with the C rules to check. It changes nothing and never prints a pre-shared key.

Inputs:
  [plan-file]               the plan (default vpn-plan.json)
  --aws-outputs <file>      written by \`cdk deploy --outputs-file\` (the VGW/TGW and the tunnels)
  --azure-outputs <file>    written by \`pulumi stack output --json\` (gateway id, public IPs, connections)

Options:
  --region <region>         AWS region (default: plan aws.region, the hand-off's secret ARNs, AWS_REGION)
  --subnet <subnet-id>      a subnet meant to reach the peer (repeat); its route table must route to
                            the gateway (C28). Default: every subnet of the VPC, and a finding only
                            when no route table reaches the gateway
  --vpc <vpc-id>            the VPC, when a transit gateway has several VPC attachments
  --subscription <id>       Azure subscription (default: from the gateway id, AZURE_SUBSCRIPTION_ID)
  --timeout <seconds>       limit for each Azure long-running read (default 120)
  --json                    print the diagnosis as JSON (stdout); progress stays on stderr
  -h, --help                show this help

Credentials: the AWS SDK v3 default chain and Azure's DefaultAzureCredential. The IAM actions and
the Azure role actions it needs are listed in the README ("When the VPN is not up").
SDKs (optional peer dependencies, for doctor only):
  npm install --save-dev @aws-sdk/client-ec2@3 @azure/arm-network@36 @azure/identity@4.13

Exit status: 0 healthy, 1 a finding, 2 could not read (the report says which permission or
credential is missing), or a usage error.`;

/** What tests and embedders inject: clients, a fixed read time, a shorter Azure poll interval. */
export interface DoctorVerbDeps {
  readonly clients?: DoctorClients;
  readonly azurePollIntervalMs?: number;
  readonly readAt?: Date;
}

export async function runDoctorVerb(argv: readonly string[], io: CliIo, deps: DoctorVerbDeps = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        'aws-outputs': { type: 'string' },
        'azure-outputs': { type: 'string' },
        region: { type: 'string' },
        subnet: { type: 'string', multiple: true },
        vpc: { type: 'string' },
        subscription: { type: 'string' },
        timeout: { type: 'string' },
      },
    });
  } catch (e) {
    io.stderr(`multicloud-vpn doctor: ${(e as Error).message}\n\n${DOCTOR_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(DOCTOR_USAGE);
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr(`multicloud-vpn doctor: unexpected argument '${positionals[1]}'\n\n${DOCTOR_USAGE}`);
    return 2;
  }
  const timeout = values.timeout === undefined ? 120 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    io.stderr(`multicloud-vpn doctor: --timeout ${JSON.stringify(values.timeout)} is not a positive number of seconds.`);
    return 2;
  }
  const file = positionals[0] ?? 'vpn-plan.json';
  const { plan, findings } = validatePlanFile(file);
  for (const finding of findings) io.stderr(formatFinding(finding));
  if (!plan) {
    io.stderr(`multicloud-vpn doctor: ${file} is invalid; doctor needs the plan the VPN was built from.`);
    return 2;
  }
  const doctor = await import('../../doctor');
  try {
    const diagnosis = await doctor.runDoctor({
      plan,
      awsOutputsFile: values['aws-outputs'],
      azureOutputsFile: values['azure-outputs'],
      region: values.region,
      subnetIds: values.subnet,
      vpcId: values.vpc,
      subscriptionId: values.subscription,
      azureTimeoutMs: timeout * 1000,
      clients: deps.clients,
      azurePollIntervalMs: deps.azurePollIntervalMs,
      readAt: deps.readAt,
      progress: io.stderr,
    });
    io.stdout(values.json ? JSON.stringify(diagnosis, null, 2) : doctor.formatDiagnosis(diagnosis));
    return diagnosis.exitCode;
  } catch (e) {
    if (e instanceof doctor.MissingSdkError) {
      io.stderr(`multicloud-vpn doctor: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
