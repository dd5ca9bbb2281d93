/**
 * How synthesis and the rule checks grow with the number of VPN connections on one virtual private
 * gateway: 1 to 5 plans (2 to 10 connections, 4 to 20 tunnels; a VGW takes 10, C19) in one stack.
 * The first `AzureVpnConnections` creates the gateway and the route propagation; the others join it
 * through `vpnGatewayId` with `enableRoutePropagation: false` (one propagation per route table).
 * Each plan is a different Azure gateway (its own public IPs); the plans are allocated together
 * (`planSharedGateway`) so that inside CIDRs stay unique on the VGW (C04), and plan i declares the
 * 2·i connections already on the gateway (`existingVpnConnections`, C19).
 */
import { App, Stack } from 'aws-cdk-lib';
import { AzureVpnConnections } from '../lib/aws-entry';
import { enforcementRuleId } from '../lib/enforcement/aspect';
import { cfnViewFromStack } from '../lib/enforcement/stack-view';
import { type ResolvedPlan } from '../lib/plan';
import { planSharedGateway } from '../lib/check/validate';
import { checkCfn } from '../lib/check/registry';
import { growthExponent, interleavedMedians, medianMs, row } from './measure';
import { exampleVpc } from '../bin/example-stack';
import { acknowledge, enableRulePacks, newApp, type RulePacks } from './stacks';

export const CONNECTION_COUNTS = [2, 4, 6, 8, 10] as const;

/** `count / 2` plans meant for one VGW. */
export function plansForOneVgw(connections: number): ResolvedPlan[] {
  return planSharedGateway(Array.from({ length: connections / 2 }, (_, i) => ({
    name: `vpn-${i}`,
    aws: { existingVpnConnections: 2 * i },
    azure: { vnetCidr: `10.${100 + i}.0.0/16`, gatewaySubnetCidr: `10.${100 + i}.1.0/24` },
  })));
}

/** One stack, one VPC, every plan's connections on the first construct's gateway. */
export function oneVgwStack(app: App, plans: readonly ResolvedPlan[]): Stack {
  const stack = new Stack(app, 'OneVgw');
  const vpc = exampleVpc(stack, plans[0].aws.vpcCidr);
  let first: AzureVpnConnections | undefined;
  plans.forEach((plan, i) => {
    const vpn = new AzureVpnConnections(stack, `AzureVpn${i}`, {
      plan,
      vpc,
      azureGatewayPublicIps: [`20.10.${i}.1`, `20.10.${i}.2`],
      ...(first ? { vpnGatewayId: first.vpnGatewayId, enableRoutePropagation: false } : {}),
    });
    first ??= vpn;
  });
  return stack;
}

function synthRun(plans: readonly ResolvedPlan[], packs: RulePacks, acknowledged: readonly string[]): () => void {
  return () => {
    const app = newApp();
    acknowledge(oneVgwStack(app, plans), acknowledged);
    enableRulePacks(app, packs);
    app.synth();
  };
}

export function scaleBenchmark(runs = 11, warmup = 2): string[] {
  const lines = [
    `${runs} measured runs per cell after ${warmup} warm-up round(s), the two synth variants round-robin. ` +
    '"rule check" = `cfnViewFromStack` + `checkCfn` over the synthesized stack (what the Aspect does once per stack), measured alone.',
    '',
    "| VPN connections | tunnels | resources | synth wall (ms) | synth CPU (ms) | synth + our Aspect and pack, wall (ms) | … CPU (ms) | rule check alone (ms) | our rules' findings |",
    '|---|---|---|---|---|---|---|---|---|',
  ];
  // Warm-up on the largest stack, so the first row does not carry module loading and JIT.
  const largest = plansForOneVgw(CONNECTION_COUNTS[CONNECTION_COUNTS.length - 1]);
  for (let i = 0; i < 2; i++) {
    synthRun(largest, 'none', [])();
    synthRun(plansForOneVgw(2), 'ours', [])();
  }
  const points = { synth: [] as { x: number; y: number; }[], packs: [] as { x: number; y: number; }[], rules: [] as { x: number; y: number; }[] };
  for (const connections of CONNECTION_COUNTS) {
    const plans = plansForOneVgw(connections);
    // What our rules say about this stack, read before timing: error findings would stop synthesis
    // under the pack, so they are acknowledged (and listed) to time the full run.
    const app = newApp();
    const stack = oneVgwStack(app, plans);
    const template = app.synth().getStackByName(stack.stackName).template as { Resources: object; }; // after the Tags aspects, as the Aspect sees it
    const findings = checkCfn(cfnViewFromStack(stack).view);
    const errorIds = [...new Set(findings.filter((f) => f.level === 'error').map((f) => enforcementRuleId(f.ruleId)))];
    const rules = medianMs(() => checkCfn(cfnViewFromStack(stack).view), runs * 3);
    const medians = interleavedMedians({ none: synthRun(plans, 'none', []), ours: synthRun(plans, 'ours', errorIds) }, runs, warmup);
    const resources = Object.keys(template.Resources).length;
    const tunnels = connections * 2;
    points.synth.push({ x: tunnels, y: medians.none.cpuMs });
    points.packs.push({ x: tunnels, y: medians.ours.cpuMs });
    points.rules.push({ x: tunnels, y: rules });
    const errors = findings.filter((f) => f.level === 'error');
    const levels = `${errors.length} errors${errorIds.length ? ` (${errorIds.join(', ')}, acknowledged)` : ''}, ${
      findings.length - errors.length
    } warnings`;
    lines.push(
      row([connections, tunnels, resources, medians.none.wallMs, medians.none.cpuMs, medians.ours.wallMs, medians.ours.cpuMs, rules, levels]),
    );
  }
  const exponent = (p: { x: number; y: number; }[]) => growthExponent(p).toFixed(2);
  lines.push(
    '',
    `Growth exponents over tunnels (1 = linear, 2 = quadratic; a fixed cost such as the VPC pulls them below 1): ` +
      `synth ${exponent(points.synth)}, synth with packs ${exponent(points.packs)} (both on CPU time), rule check ${exponent(points.rules)}.`,
  );
  return lines;
}

if (require.main === module) console.log(scaleBenchmark().join('\n'));
