/**
 * `multicloud-vpn <verb> [file] [options]`: review a plan without credentials. Kept apart from `bin/`
 * so that tests call it in-process with captured streams; exit codes: 0 ok, 1 invalid plan or input
 * (or `diff --fail` with a replacement), 2 usage error.
 *
 * Each verb is declared once in lib/cli/verbs/ (name, usage, options, run); this file only
 * dispatches. Verbs are looked up in a Map, so `toString` or `__proto__` are unknown verbs like any other.
 */
import { parseArgs } from 'node:util';
import type { CliIo, Verb } from './verbs/verb';
import { alibabaVerb } from './verbs/alibaba';
import { azureVerb } from './verbs/azure';
import { diagramVerb } from './verbs/diagram';
import { diffVerb } from './verbs/diff';
import { peersVerb } from './verbs/peers';
import { planVerb } from './verbs/plan';
import { packageVersion } from './version';

export type { CliIo } from './verbs/verb';

/** Every verb, in usage order. */
export const VERBS: ReadonlyMap<string, Verb> = new Map([planVerb, diagramVerb, azureVerb, alibabaVerb, diffVerb, peersVerb].map((v) => [v.name, v]));

/**
 * Verbs with options of their own (repeatable, many of them) that parse their own arguments and
 * print their own `--help`; each module is loaded only when its verb runs.
 */
export interface SelfParsingVerb {
  readonly name: string;
  readonly usage: string;
  readonly summary: readonly string[];
  readonly run: (argv: readonly string[], io: CliIo) => Promise<number>;
}

export const SELF_PARSING_VERBS: ReadonlyMap<string, SelfParsingVerb> = new Map(
  [
    {
      name: 'doctor',
      usage: 'doctor [file]',
      summary: [
        'read the deployed VPN on both clouds and name the documented cause of a fault',
        '(read-only; `multicloud-vpn doctor --help` for its options and exit codes)',
      ],
      run: async (argv: readonly string[], io: CliIo) => (await import('./verbs/doctor')).runDoctorVerb(argv, io),
    },
    {
      name: 'twin',
      usage: 'twin [file]',
      summary: ['bring the 4 tunnels and BGP up in network namespaces before deploy (root; `multicloud-vpn twin --help`)'],
      // Lazily: it loads CDK, Pulumi and starts daemons.
      run: async (argv: readonly string[], io: CliIo) => (await import('./verbs/twin')).twinVerb(argv, io),
    },
  ].map((v) => [v.name, v]),
);

/** Options the dispatcher itself handles, whatever the verb. */
const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

function usageText(): string {
  const verbs = [...VERBS.values()];
  // Each option once, with the help of the first verb that declares it and the verbs that take it.
  const options = new Map<string, { help: string; verbs: string[]; }>();
  for (const verb of verbs) {
    for (const option of Object.values(verb.options)) {
      const entry = options.get(option.usage) ?? { help: option.help, verbs: [] };
      entry.verbs.push(verb.name);
      options.set(option.usage, entry);
    }
  }
  const optionRows = [
    ['-h, --help', 'show this help'],
    ['--version', 'print the package version'],
    ...[...options.entries()].map(([usage, { help, verbs: users }]) => [usage, `${help} (${users.join(', ')})`]),
  ];
  const width = Math.max(...[...verbs, ...SELF_PARSING_VERBS.values()].map((v) => v.usage.length), ...optionRows.map(([name]) => name.length)) + 2;
  const verbLines = [...verbs, ...SELF_PARSING_VERBS.values()].flatMap((v) =>
    v.summary.map((line, i) => `  ${(i === 0 ? v.usage : '').padEnd(width)}${line}`)
  );
  const optionLines = optionRows.map(([name, help]) => `  ${name.padEnd(width)}${help}`);
  return `Usage: multicloud-vpn <verb> [plan-file] [options]\n\nVerbs:\n${verbLines.join('\n')}\n\nOptions:\n${optionLines.join('\n')}\n\n` +
    'Exit status: 0 valid, 1 invalid plan or input file (diff --fail: something is replaced), 2 usage error.';
}

export const USAGE = usageText();

function usageError(io: CliIo, message: string): number {
  io.stderr(`multicloud-vpn: ${message}\n\n${USAGE}`);
  return 2;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const selfParsing = argv[0] === undefined ? undefined : SELF_PARSING_VERBS.get(argv[0]);
  if (selfParsing) return selfParsing.run(argv.slice(1), io);
  // Every option of every verb is parsed (strict: an option no verb has is an error), then the
  // verb's own list decides whether the ones given apply to it.
  const allOptions: Record<string, { type: 'boolean' | 'string'; short?: string; }> = { ...GLOBAL_OPTIONS };
  for (const verb of VERBS.values()) for (const [name, option] of Object.entries(verb.options)) allOptions[name] = { type: option.type };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, tokens: true, options: allOptions });
  } catch (e) {
    return usageError(io, (e as Error).message);
  }
  const { values, positionals, tokens } = parsed;
  if (values.version) {
    if (positionals.length > 0) return usageError(io, "'--version' stands alone: it is not an option of a verb");
    io.stdout(packageVersion());
    return 0;
  }
  const [verbName, ...files] = positionals;
  if (values.help || verbName === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (verbName === undefined) return usageError(io, 'no verb given');
  const verb = VERBS.get(verbName);
  if (!verb) return usageError(io, `unknown verb '${verbName}'`);
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name in GLOBAL_OPTIONS) continue;
    if (!Object.hasOwn(verb.options, token.name)) return usageError(io, `option '${token.rawName}' does not apply to '${verb.name}'`);
    if (verb.options[token.name].type === 'string' && token.value === '') {
      return usageError(io, `option '${token.rawName}' is empty; give a file name`);
    }
  }
  if (files.length > verb.files.max) return usageError(io, `unexpected argument '${files[verb.files.max]}'`);
  if (files.length < verb.files.min) return usageError(io, `${verb.name} needs ${verb.files.min} plan files, got ${files.length}`);
  const withDefaults = [...files, ...(verb.files.defaults ?? []).slice(files.length)];
  const options = Object.fromEntries(Object.keys(verb.options).map((name) => [name, values[name]]));
  try {
    return await verb.run({ files: withDefaults, options }, io);
  } catch (e) {
    io.stderr(`multicloud-vpn ${verb.name}: ${(e as Error).message}`);
    return 1;
  }
}
