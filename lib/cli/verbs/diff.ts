import { replacementsBetween } from '../../plan/replacements';
import { JSON_OPTION, loadPlanOrReport, type Verb } from './verb';

export const diffVerb: Verb = {
  name: 'diff',
  usage: 'diff <old> <new>',
  summary: [
    'say which AWS resources a change from plan <old> to plan <new> replaces',
    '(a replaced VPN connection gets new outside IPs); exit 0 either way unless --fail;',
    '--json prints { "replacements": [...] }',
  ],
  files: { min: 2, max: 2 },
  options: {
    json: JSON_OPTION,
    fail: { type: 'boolean', usage: '--fail', help: 'exit 1 when something is replaced (a CI gate)' },
  },
  run: async ({ files, options }, io) => {
    // Both files are read, so the findings of both are printed at once.
    const [before, after] = files.map((f) => loadPlanOrReport(f, io));
    if (!before || !after) return 1;
    const replacements = replacementsBetween(before, after);
    if (options.json) io.stdout(JSON.stringify({ replacements }, null, 2));
    else if (replacements.length === 0) io.stdout('No AWS VPN connection is replaced: tunnel outside IPs stay the same.');
    else {
      for (const r of replacements) {
        io.stdout(`REPLACED ${r.resource}:\n${r.reasons.map((x) => `  - ${x}`).join('\n')}\n  then: ${r.consequence}`);
      }
    }
    return options.fail && replacements.length > 0 ? 1 : 0;
  },
};
