/**
 * `multicloud-vpn <verb> [file]`: review a plan without credentials. Kept apart from `bin/` so that
 * tests call it in-process with captured streams; exit codes: 0 ok, 1 invalid plan, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { validatePlanFile } from '../plan/file';
import { replacementsBetween } from '../plan/replacements';
import { mermaidDiagram } from '../report/mermaid';
import { planSummary } from '../report/table';
import { formatFinding } from '../rules/types';
import type { ResolvedPlan } from '../plan/types';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const USAGE = `Usage: multicloud-vpn <verb> [plan-file] [options]

Verbs:
  plan [file]      validate the plan (default vpn-plan.json) and print the tunnel table;
                   --json prints the resolved plan instead
  diagram [file]   print the topology as a Mermaid diagram
  azure [file]     print the Azure resources the Pulumi program would create (offline, mocked);
                   --aws-outputs <file> adds the AWS hand-off (cdk deploy --outputs-file)
  diff <old> <new> say which AWS resources a change from plan <old> to plan <new> replaces
                   (a replaced VPN connection gets new outside IPs); exit 0 either way
  twin [file]      bring the 4 tunnels and BGP up in network namespaces before deploy (root; twin --help)

Options:
  -h, --help       show this help
  --json           (plan) print the resolved plan as JSON

Exit status: 0 valid, 1 invalid plan or input file, 2 usage error.`;

type Verb = (plan: ResolvedPlan, options: { json: boolean; awsOutputs?: string; file: string }, io: CliIo) => Promise<number>;

const VERBS: Record<string, Verb> = {
  plan: async (plan, { json }, io) => {
    io.stdout(json ? JSON.stringify(plan, null, 2) : planSummary(plan));
    return 0;
  },
  diagram: async (plan, _options, io) => {
    io.stdout(mermaidDiagram(plan));
    return 0;
  },
  azure: async (plan, { awsOutputs }, io) => {
    // Loaded lazily: the Pulumi runtime is only needed by this verb.
    const { offlineAzureResources } = await import('../azure/offline');
    const resources = await offlineAzureResources({ plan, awsOutputsFile: awsOutputs, log: io.stderr });
    io.stdout(JSON.stringify(resources, null, 2));
    return 0;
  },
};

function loadOrReport(file: string, io: CliIo): ResolvedPlan | undefined {
  const { plan, findings } = validatePlanFile(file);
  for (const finding of findings) io.stderr(formatFinding(finding));
  if (!plan) io.stderr(`multicloud-vpn: ${file} is invalid (${findings.filter((f) => f.level === 'error').length} error(s)); nothing printed.`);
  return plan;
}

function diff(files: readonly string[], io: CliIo): number {
  if (files.length !== 2) {
    io.stderr(`multicloud-vpn diff: needs two plan files, got ${files.length}\n\n${USAGE}`);
    return 2;
  }
  const [before, after] = files.map((f) => loadOrReport(f, io));
  if (!before || !after) return 1;
  const replacements = replacementsBetween(before, after);
  if (replacements.length === 0) {
    io.stdout('No AWS VPN connection is replaced: tunnel outside IPs stay the same.');
    return 0;
  }
  for (const r of replacements) {
    io.stdout(`REPLACED ${r.resource}:\n${r.reasons.map((x) => `  - ${x}`).join('\n')}\n  then: ${r.consequence}`);
  }
  return 0;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'twin') return (await import('./twin-verb')).twinVerb(argv.slice(1), io); // lazily: CDK, Pulumi, daemons
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, 'aws-outputs': { type: 'string' } },
    });
  } catch (e) {
    io.stderr(`multicloud-vpn: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [verb, file = 'vpn-plan.json', ...extra] = parsed.positionals;
  if (parsed.values.help || verb === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (verb === 'diff') return diff(parsed.positionals.slice(1), io);
  if (!verb || !(verb in VERBS) || extra.length > 0) {
    io.stderr(`multicloud-vpn: ${!verb ? 'no verb given' : extra.length > 0 ? `unexpected argument '${extra[0]}'` : `unknown verb '${verb}'`}\n\n${USAGE}`);
    return 2;
  }
  const plan = loadOrReport(file, io);
  if (!plan) return 1;
  try {
    return await VERBS[verb](plan, { json: parsed.values.json ?? false, awsOutputs: parsed.values['aws-outputs'], file }, io);
  } catch (e) {
    io.stderr(`multicloud-vpn ${verb}: ${(e as Error).message}`);
    return 1;
  }
}
