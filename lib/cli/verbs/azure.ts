import { JSON_OPTION, loadPlanOrReport, type Verb } from './verb';

/** Said when `--aws-outputs` is absent: what the listing then leaves out, and how to get it. */
export const FIRST_RUN_NOTE = 'azure: no --aws-outputs given, so this is the first run only (public IPs and the gateway). Left out: the four local ' +
  'network gateways (they need the AWS tunnel outside IPs) and the four connections (they need the pre-shared keys, ' +
  'read from Secrets Manager by the ARNs in the AWS outputs). Deploy the AWS half with ' +
  '`cdk deploy --outputs-file aws-outputs.json`, then pass --aws-outputs aws-outputs.json.';

export const azureVerb: Verb = {
  name: 'azure',
  usage: 'azure [file]',
  summary: [
    'print the Azure resources the Pulumi program would create (offline, mocked), as JSON;',
    '--aws-outputs <file> adds the AWS hand-off (cdk deploy --outputs-file)',
  ],
  files: { min: 0, max: 1, defaults: ['vpn-plan.json'] },
  options: {
    json: JSON_OPTION, // accepted for symmetry: the listing is always JSON
    'aws-outputs': { type: 'string', usage: '--aws-outputs <file>', help: "the AWS half's outputs (cdk deploy --outputs-file)" },
  },
  run: async ({ files: [file], options }, io) => {
    const plan = loadPlanOrReport(file, io);
    if (!plan) return 1;
    const awsOutputs = options['aws-outputs'] as string | undefined;
    if (awsOutputs === undefined) io.stderr(FIRST_RUN_NOTE);
    try {
      // Loaded here: the Pulumi runtime is needed by this verb only.
      const { offlineAzureResources } = await import('../../peers/azure/pulumi/offline');
      const resources = await offlineAzureResources({ plan, awsOutputsFile: awsOutputs, log: io.stderr });
      io.stdout(JSON.stringify(resources, null, 2));
      return 0;
    } catch (e) {
      // The readers throw errors that list every finding; no stack trace.
      io.stderr(`multicloud-vpn azure: ${(e as Error).message}`);
      return 1;
    }
  },
};
