/**
 * What a CLI verb is: declared once, with its name, usage, options and run. cli.ts only dispatches.
 * A verb module imports only the plan code at load time; anything heavier (aws-cdk-lib, @pulumi/*,
 * lib/peers/<kind>/pulumi, lib/aws, lib/enforcement) is imported inside its `run`, so `plan`, `diagram` and `diff`
 * start with the plan code, zod and ipaddr.js only.
 */
import { validatePlanFile } from '../../check/file';
import type { ResolvedPlan } from '../../plan/types';
import { formatFinding } from '../../core/finding';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface VerbOption {
  readonly type: 'boolean' | 'string';
  /** The option as shown in the usage, e.g. `--aws-outputs <file>`. */
  readonly usage: string;
  readonly help: string;
}

/** What a verb's `run` receives: its files (defaults applied) and the options given. */
export interface VerbArgs {
  readonly files: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
}

export interface Verb {
  readonly name: string;
  /** `<verb> [file]`, as printed in the usage. */
  readonly usage: string;
  /** Lines after the usage, already wrapped. */
  readonly summary: readonly string[];
  /** How many file arguments, and the defaults for those left out. */
  readonly files: { readonly min: number; readonly max: number; readonly defaults?: readonly string[]; };
  /** The options this verb takes; any other option is a usage error for it. */
  readonly options: Readonly<Record<string, VerbOption>>;
  /** The exit status: 0 ok, 1 invalid input (or, for `diff --fail`, a replacement). */
  readonly run: (args: VerbArgs, io: CliIo) => Promise<number>;
}

/** `--json`: every verb that prints data takes it. */
export const JSON_OPTION: VerbOption = { type: 'boolean', usage: '--json', help: 'print JSON (for scripts) instead of text' };

/** The resolved plan of `file`, or undefined after printing every finding on stderr. */
export function loadPlanOrReport(file: string, io: CliIo): ResolvedPlan | undefined {
  const { plan, findings } = validatePlanFile(file);
  for (const finding of findings) io.stderr(formatFinding(finding));
  if (!plan) io.stderr(`multicloud-vpn: ${file} is invalid (${findings.filter((f) => f.level === 'error').length} error(s)); nothing printed.`);
  return plan;
}
