import { alibabaMermaidDiagram } from '../../report/alibaba';
import { mermaidDiagram } from '../../report/mermaid';
import { JSON_OPTION, loadPlanOrReport, type Verb } from './verb';

export const diagramVerb: Verb = {
  name: 'diagram',
  usage: 'diagram [file]',
  summary: ['print the topology as a Mermaid diagram;', '--json prints { "mermaid": <diagram> }'],
  files: { min: 0, max: 1, defaults: ['vpn-plan.json'] },
  options: { json: JSON_OPTION },
  run: async ({ files: [file], options }, io) => {
    const plan = loadPlanOrReport(file, io);
    if (!plan) return 1;
    const diagram = plan.alibaba !== undefined ? alibabaMermaidDiagram(plan) : mermaidDiagram(plan);
    io.stdout(options.json ? JSON.stringify({ mermaid: diagram }, null, 2) : diagram);
    return 0;
  },
};
