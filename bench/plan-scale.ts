/**
 * Planning and validating plans that fill Azure's APIPA range: 1 to 32 plans of 4 tunnels sharing
 * one Azure gateway (128 blocks). Prints the median time to plan the whole gateway, the time for
 * the last plan added, and the growth exponent over the number of tunnels.
 */
import { planSharedGateway, validatePlan } from '../lib/check/validate';
import { growthExponent, medianMs, row } from './measure';

export function planScaleBenchmark(runs = 15): string[] {
  const lines = ['| plans on one gateway | tunnels | plan all (ms, median) | last plan alone (ms, median) |', '|---|---|---|---|'];
  const total: { x: number; y: number; }[] = [];
  for (const plans of [1, 2, 4, 8, 16, 32]) {
    const inputs = Array.from({ length: plans }, (_, i) => ({ name: `vpc-${i}` }));
    const all = medianMs(() => planSharedGateway(inputs), runs);
    const earlier = planSharedGateway(inputs.slice(0, -1));
    const last = medianMs(() => validatePlan(inputs[inputs.length - 1], { sharedGateway: earlier }), runs);
    total.push({ x: plans * 4, y: all });
    lines.push(row([plans, plans * 4, all, last]));
  }
  lines.push('', `Growth exponent of "plan all" over tunnels (1 = linear, 2 = quadratic): ${growthExponent(total.slice(2)).toFixed(2)}`);
  return lines;
}

if (require.main === module) console.log(planScaleBenchmark().join('\n'));
