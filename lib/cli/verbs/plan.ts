import { alibabaPlanSummary } from '../../report/alibaba';
import { planSummary } from '../../report/table';
import { JSON_OPTION, loadPlanOrReport, type Verb } from './verb';

export const planVerb: Verb = {
  name: 'plan',
  usage: 'plan [file]',
  summary: ['validate the plan (default vpn-plan.json) and print the tunnel table;', '--json prints the resolved plan instead'],
  files: { min: 0, max: 1, defaults: ['vpn-plan.json'] },
  options: { json: JSON_OPTION },
  run: async ({ files: [file], options }, io) => {
    const plan = loadPlanOrReport(file, io);
    if (!plan) return 1;
    io.stdout(options.json ? JSON.stringify(plan, null, 2) : plan.alibaba !== undefined ? alibabaPlanSummary(plan) : planSummary(plan));
    return 0;
  },
};
