/**
 * `multicloud-vpn twin [plan-file] [--peer-outputs <file>] [--fault <id>] [--json]`: bring the plan's
 * tunnels and BGP sessions up between strongSwan and FRR in network namespaces, configured only from
 * what the two halves emit (lib/twin). Loaded lazily by cli.ts: it pulls in CDK and Pulumi.
 * Exit status: 0 every tunnel up (with --fault: the fault shows its documented symptom and nothing
 * else breaks), 1 invalid input or not so, 2 usage error, 3 the machine cannot run the twin.
 */
import { parseArgs } from 'node:util';
import { validatePlanFile } from '../../check/file';
import { formatFinding } from '../../core/finding';
import type { CliIo } from './verb';

export const TWIN_USAGE = `Usage: multicloud-vpn twin [plan-file] [options]

Brings the plan's four tunnels and BGP sessions up between strongSwan and FRR in Linux network
namespaces before anything is deployed, configured only from the synthesized AWS template and the
rendered Azure resources, and prints one row per tunnel. Needs root and the Debian packages
strongswan-charon strongswan-swanctl libcharon-extra-plugins libstrongswan-standard-plugins frr iputils-ping.

Options:
  --peer-outputs <file>  the Azure half's \`pulumi stack output --json\`: synthesize AWS with its gateway IPs
  --fault <id>           inject a documented fault into the emitted values: psk-mismatch, phase1-mismatch,
                         phase2-mismatch, first-address-for-all, asn-mismatch, nobody-initiates
  --json                 print the result as JSON
  -h, --help             show this help`;

export async function twinVerb(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, 'peer-outputs': { type: 'string' }, fault: { type: 'string' } },
    });
  } catch (e) {
    io.stderr(`multicloud-vpn twin: ${(e as Error).message}\n\n${TWIN_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(TWIN_USAGE);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    io.stderr(`multicloud-vpn twin: unexpected argument '${parsed.positionals[1]}'\n\n${TWIN_USAGE}`);
    return 2;
  }
  const twin = await import('../../twin');
  const fault = parsed.values.fault;
  if (fault !== undefined && !twin.TWIN_FAULTS.some((f) => f.id === fault)) {
    io.stderr(`multicloud-vpn twin: unknown fault '${fault}'; valid: ${twin.TWIN_FAULTS.map((f) => f.id).join(', ')}`);
    return 2;
  }
  const missing = twin.missingPrerequisites();
  if (missing.length > 0) {
    io.stderr(
      `multicloud-vpn twin: this machine cannot run the twin; it needs ${missing.join('; ')}.\n` +
        `Install: apt-get update && apt-get install -y --no-install-recommends ${twin.TWIN_PACKAGES.join(' ')}`,
    );
    return 3;
  }
  const file = parsed.positionals[0] ?? 'vpn-plan.json';
  const { plan, findings } = validatePlanFile(file);
  for (const finding of findings) io.stderr(formatFinding(finding));
  if (!plan) {
    io.stderr(`multicloud-vpn twin: ${file} is invalid; nothing started.`);
    return 1;
  }
  try {
    const result = await twin.runTwin({ plan, peerOutputs: parsed.values['peer-outputs'], fault, log: (line) => io.stderr(line) });
    io.stdout(parsed.values.json ? JSON.stringify(result, null, 2) : `${twin.twinTable(result)}\n\n${twin.twinSummary(result)}`);
    if (result.fault) {
      const outcome = twin.faultOutcome(result.fault, result.tunnels);
      for (const o of outcome.filter((x) => !x.ok)) io.stderr(`fault '${result.fault.id}': ${o.tunnel} expected ${o.expected}`);
      return outcome.every((o) => o.ok) ? 0 : 1;
    }
    return result.allUp ? 0 : 1;
  } catch (e) {
    io.stderr(`multicloud-vpn twin: ${(e as Error).message}`);
    return 1;
  }
}
