/**
 * Prints the Azure resources the Pulumi program would register, as JSON, without a cloud or the
 * Pulumi CLI (Pulumi runtime mocks), secrets masked:
 *   npx ts-node --transpile-only bin/azure-offline.ts [--plan vpn-plan.json] [--aws-outputs samples/aws-outputs.json]
 * Without --aws-outputs it shows the first run (public IPs, gateway and subnet only).
 */
import { parseArgs } from 'node:util';
import { offlineAzureResources } from '../lib/peers/azure/pulumi/offline';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { plan: { type: 'string', default: 'vpn-plan.json' }, 'aws-outputs': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write('Usage: azure-offline [--plan vpn-plan.json] [--aws-outputs aws-outputs.json]\n');
    return 0;
  }
  const resources = await offlineAzureResources({ planFile: values.plan, awsOutputsFile: values['aws-outputs'] });
  process.stdout.write(`${JSON.stringify(resources, null, 2)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
