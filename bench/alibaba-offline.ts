/**
 * The Alibaba offline render: `multicloud-vpn alibaba examples/alibaba-plan.json --aws-outputs
 * samples/alibaba-aws-outputs.json` in process (the Alibaba program under Pulumi mocks: one gateway, four customer
 * gateways, two connections, eight alarms; keys stand-ins, masked). Median of `runs` after one warm-up, which
 * also pays the module loading (reported apart).
 *
 *   node --require ./scripts/register-ts.js bench/alibaba-offline.ts [runs]
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(__dirname, '..');

export async function alibabaOfflineBenchmark(runs: number): Promise<string[]> {
  const loadStart = performance.now();
  const { offlineAlibabaListing } = await import('../lib/peers/alibaba/pulumi/offline');
  const { loadAlibabaPlanFile } = await import('../lib/peers/alibaba/pulumi/plan-file');
  const load = performance.now() - loadStart;
  const plan = loadAlibabaPlanFile(join(ROOT, 'examples/alibaba-plan.json'));
  const options = { plan, awsOutputsFile: join(ROOT, 'samples/alibaba-aws-outputs.json'), log: () => {} };
  const firstStart = performance.now();
  const first = await offlineAlibabaListing(options);
  const firstMs = performance.now() - firstStart;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await offlineAlibabaListing(options);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return [
    `| what | ms |`,
    `|---|---|`,
    `| loading the Alibaba program modules (@pulumi/pulumi, @pulumi/alicloud/vpn, cms) | ${load.toFixed(0)} |`,
    `| first render (${first.resources.length} resources, ${first.tunnels.length} tunnels) | ${firstMs.toFixed(0)} |`,
    `| render, median of ${runs} (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}) | ${median.toFixed(0)} |`,
  ];
}

if (require.main === module) {
  void alibabaOfflineBenchmark(Number(process.argv[2] ?? 15)).then((lines) => console.log(lines.join('\n')));
}
