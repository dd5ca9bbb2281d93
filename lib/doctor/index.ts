/**
 * `multicloud-vpn doctor`: reads a deployed VPN on both clouds (read-only) and names the documented
 * cause of what is wrong (D01–D10 of ../shared/CONSTRAINTS.md). The SDKs are optional peer
 * dependencies, imported only here, only when doctor runs.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { AwsOutputsError, readAwsOutputs, type AwsOutputs } from '../handoff/aws-outputs';
import { readAzureOutputs } from '../handoff/azure-outputs';
import type { AzureHandoff } from '../handoff/formats';
import type { ResolvedPlan } from '../plan/types';
import { diagnose, type Diagnosis } from './diagnose';
import { AWS_CREDENTIALS_HINT, AZURE_CREDENTIALS_HINT, oneLine } from './errors';
import type { AwsState, AzureState, StateRead, Unreadable } from './state';

export * from './d-rows';
export * from './diagnose';
export * from './state';
export { formatDiagnosis } from './report';

/** Injected clients: tests (and embedders) pass these; otherwise the default credential chains are used. */
export interface DoctorClients {
  /** @default new EC2Client({ region }) with the AWS SDK v3 default credential provider */
  readonly ec2?: EC2Client;
  /** @default new DefaultAzureCredential() */
  readonly azureCredential?: TokenCredential;
  /** @default the Azure SDK's HTTP client */
  readonly azureHttpClient?: HttpClient;
}

export interface DoctorOptions {
  readonly plan: ResolvedPlan;
  /** `cdk deploy --outputs-file` output. */
  readonly awsOutputsFile?: string;
  /** `pulumi stack output --json` output of the peer. */
  readonly azureOutputsFile?: string;
  /** @default plan.aws.region, else the region of the hand-off's secret ARNs, else AWS_REGION */
  readonly region?: string;
  readonly subnetIds?: readonly string[];
  readonly vpcId?: string;
  /** @default the subscription in the gateway id of the peer outputs, else AZURE_SUBSCRIPTION_ID */
  readonly subscriptionId?: string;
  /** Timeout of each Azure long-running operation. @default 120000 */
  readonly azureTimeoutMs?: number;
  readonly azurePollIntervalMs?: number;
  readonly clients?: DoctorClients;
  /** Progress lines (stderr in the CLI). */
  readonly progress?: (line: string) => void;
  /** @default now */
  readonly readAt?: Date;
  readonly env?: NodeJS.ProcessEnv;
}

/** A missing optional peer dependency, named with the command that installs it. */
export class MissingSdkError extends Error {
  constructor(readonly packages: readonly string[]) {
    super(
      `doctor needs ${packages.join(' and ')} (optional peer dependencies of multicloud-vpn, used by doctor only): npm install --save-dev ${
        packages.join(' ')
      }`,
    );
    this.name = 'MissingSdkError';
  }
}

function isMissingModule(error: unknown, name: string): boolean {
  const e = error as { code?: string; message?: string; };
  return (e?.code === 'MODULE_NOT_FOUND' || e?.code === 'ERR_MODULE_NOT_FOUND') && String(e.message).includes(name);
}

async function loadOrMissing<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissingModule(error, name)) throw new MissingSdkError([name]);
    throw error;
  }
}

/** Reads both clouds and diagnoses. Never throws for a cloud error: it becomes an `unreadable` line. */
export async function readState(options: DoctorOptions): Promise<StateRead> {
  const progress = options.progress ?? (() => undefined);
  const env = options.env ?? process.env;
  const { plan } = options;
  const unreadable: Unreadable[] = [];

  let awsOutputs: AwsOutputs | undefined;
  if (options.awsOutputsFile === undefined) {
    unreadable.push({
      cloud: 'input',
      what: 'AWS state',
      reason: 'no AWS outputs file given',
      needs: '--aws-outputs <file written by `cdk deploy --outputs-file`>',
    });
  } else {
    try {
      awsOutputs = readAwsOutputs(options.awsOutputsFile, plan);
    } catch (error) {
      const reason = error instanceof AwsOutputsError
        ? error.findings.map((f) => `${f.path}: ${f.message}`).join('; ')
        : oneLine((error as Error).message);
      unreadable.push({
        cloud: 'input',
        what: `AWS outputs file ${options.awsOutputsFile}`,
        reason: oneLine(reason),
        needs: 'the file written by `cdk deploy --outputs-file` for the stack that holds this plan',
      });
    }
  }
  let azureOutputs: AzureHandoff | undefined;
  if (options.azureOutputsFile !== undefined) {
    try {
      azureOutputs = readAzureOutputs(options.azureOutputsFile);
    } catch (error) {
      unreadable.push({
        cloud: 'input',
        what: `peer outputs file ${options.azureOutputsFile}`,
        reason: oneLine((error as Error).message.split('\n').slice(0, 2).join(' ')),
        needs: 'the file written by `pulumi stack output --json`',
      });
    }
  }

  const readAws = async (): Promise<AwsState | undefined> => {
    if (!awsOutputs) return undefined;
    const arnRegion = Object.values(awsOutputs.tunnels)[0]?.presharedKeySecretArn.split(':')[3];
    const region = options.region ?? plan.aws.region ?? arnRegion ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    if (!region) {
      unreadable.push({ cloud: 'aws', what: 'AWS state', reason: 'no region', needs: AWS_CREDENTIALS_HINT });
      return undefined;
    }
    const { readAwsState } = await import('./aws-read');
    let client = options.clients?.ec2;
    let created = false;
    if (!client) {
      const { EC2Client } = await loadOrMissing('@aws-sdk/client-ec2', () => import('@aws-sdk/client-ec2'));
      client = new EC2Client({ region });
      created = true;
    }
    try {
      const result = await readAwsState({ plan, outputs: awsOutputs, client, region, subnetIds: options.subnetIds, vpcId: options.vpcId, progress });
      unreadable.push(...result.unreadable);
      return result.aws;
    } finally {
      if (created) client.destroy();
    }
  };

  const readAzure = async (): Promise<AzureState | undefined> => {
    const gatewaySubscription = azureOutputs?.gatewayId?.split('/')[2];
    const subscriptionId = options.subscriptionId ?? gatewaySubscription ?? env.AZURE_SUBSCRIPTION_ID;
    if (!subscriptionId) {
      unreadable.push({
        cloud: 'azure',
        what: 'Azure state',
        reason: 'no subscription id',
        needs: '--subscription <id>, AZURE_SUBSCRIPTION_ID, or a peer outputs file with gatewayId (--azure-outputs)',
      });
      return undefined;
    }
    await loadOrMissing('@azure/arm-network', () => import('@azure/arm-network'));
    let credential = options.clients?.azureCredential;
    if (!credential) {
      const { DefaultAzureCredential } = await loadOrMissing('@azure/identity', () => import('@azure/identity'));
      credential = new DefaultAzureCredential();
    }
    const { readAzureState } = await import('./azure-read');
    const result = await readAzureState({
      plan,
      outputs: azureOutputs,
      credential,
      subscriptionId,
      httpClient: options.clients?.azureHttpClient,
      timeoutMs: options.azureTimeoutMs,
      pollIntervalMs: options.azurePollIntervalMs,
      progress,
    });
    unreadable.push(...result.unreadable);
    return result.azure;
  };

  const [aws, azure] = await Promise.all([readAws(), readAzure()]);
  return {
    readAt: (options.readAt ?? new Date()).toISOString(),
    ...(aws ? { aws } : {}),
    ...(azure ? { azure } : {}),
    unreadable,
  };
}

export async function runDoctor(options: DoctorOptions): Promise<Diagnosis> {
  return diagnose(options.plan, await readState(options));
}

export { AWS_CREDENTIALS_HINT, AZURE_CREDENTIALS_HINT };
