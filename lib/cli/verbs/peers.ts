/**
 * `multicloud-vpn peers`: the peer kinds this build knows (the run-time peer-kind registry, lib/peers/index.ts)
 * and the rules each one's scope has. A new peer appears here through its one registration line.
 */
import { peerKinds } from '../../check/kit/peer-kinds';
import { RULES } from '../../check/registry';
import '../../peers';
import { JSON_OPTION, type Verb } from './verb';

export const peersVerb: Verb = {
  name: 'peers',
  usage: 'peers',
  summary: ["list the peer kinds and how many rules check each one's resources;", '--json prints [{ "kind", "title", "rules" }]'],
  files: { min: 0, max: 0 },
  options: { json: JSON_OPTION },
  run: async ({ options }, io) => {
    const rows = peerKinds().map((k) => ({
      kind: k.kind,
      title: k.title,
      rules: RULES.filter((r) => (r as unknown as Record<string, unknown>)[k.kind] !== undefined).map((r) => r.id),
    }));
    io.stdout(options.json ? JSON.stringify(rows, null, 2) : rows.map((r) => `${r.kind}: ${r.rules.length} rules; ${r.title}`).join('\n'));
    return 0;
  },
};
