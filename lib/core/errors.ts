/** Turning zod's shape errors into findings, and the error that carries them all. */
import { z } from 'zod';
import { formatFinding, type CatalogueNumber, type Finding } from './finding';
import { excerpt, excerptName } from './excerpt';

export class PlanValidationError extends Error {
  constructor(
    readonly findings: readonly Finding[],
    readonly source = 'plan',
  ) {
    const errors = findings.filter((f) => f.level === 'error');
    super(
      `${source} is invalid: ${errors.length} error(s)\n` + findings.map((f) => `  ${formatFinding(f)}`).join('\n'),
    );
    this.name = 'PlanValidationError';
  }
}

/** `['tunnels', 0, 'insideCidr']` → `tunnels[0].insideCidr`; the root is `(plan)`. A long key is cut (excerpt.ts). */
export function jsonPath(segments: readonly (string | number)[]): string {
  const path = segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? excerptName(s) : `.${excerptName(s)}`))
    .join('');
  return path === '' ? '(plan)' : path;
}

function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodDefault) current = current._def.innerType;
    else if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    else if (current instanceof z.ZodEffects) current = current.innerType();
    else return current;
  }
}

/** The object keys the schema allows at `segments`, for "did you mean" hints. */
function knownKeys(schema: z.ZodTypeAny, segments: readonly (string | number)[]): string[] {
  let current = unwrap(schema);
  for (const segment of segments) {
    if (current instanceof z.ZodArray) current = unwrap(current.element);
    else if (current instanceof z.ZodObject) current = unwrap(current.shape[segment as string]);
    else return [];
    if (!current) return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

/**
 * The entries of `allowed` close to `value` (edit distance, case-insensitive), for "did you mean"
 * hints; an entry equal to `value` but for case, spaces or hyphens counts as close too.
 */
export function closestMatches(value: string, allowed: readonly string[]): string[] {
  // A value far longer than any allowed one is no typo of it (and the distance would cost length²).
  if (value.length > 64) return [];
  const squash = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
  const same = allowed.filter((k) => squash(k) === squash(value));
  if (same.length > 0) return same;
  return allowed.filter((k) => editDistance(k, value) <= Math.max(1, Math.floor(value.length / 3)));
}

/** `did you mean 'a' or 'b'? ` or the empty string. */
export function didYouMean(value: string, allowed: readonly string[]): string {
  const near = closestMatches(value, allowed);
  return near.length > 0 ? `did you mean ${near.map((k) => `'${k}'`).join(' or ')}? ` : '';
}

function valueAt(input: unknown, segments: readonly (string | number)[]): unknown {
  return segments.reduce<unknown>((v, s) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined), input);
}

/** One finding per zod issue; an unknown key is one finding per key, with a suggestion. */
export function schemaFindings(schema: z.ZodTypeAny, error: z.ZodError, input: unknown): Finding[] {
  const findings: Finding[] = [];
  const push = (segments: readonly (string | number)[], message: string, fix: string, catalogue: readonly CatalogueNumber[] = []) =>
    findings.push({ path: jsonPath(segments), ruleId: 'Schema', catalogue, level: 'error', message, fix });
  for (const issue of error.issues) {
    const got = excerpt(valueAt(input, issue.path));
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = knownKeys(schema, issue.path);
        for (const key of issue.keys) {
          const hint = didYouMean(key, allowed);
          push(
            [...issue.path, key],
            `unknown field '${excerptName(key)}' (a typo would otherwise be ignored and the default used).`,
            `${hint}allowed here: ${allowed.join(', ')}.`,
          );
        }
        break;
      }
      case 'invalid_type':
        push(
          issue.path,
          issue.received === 'undefined'
            ? 'is required.'
            : `expected ${issue.expected}, got ${issue.received === 'array' || issue.received === 'object' ? got : `${issue.received} ${got}`}.`,
          `a value of type ${issue.expected}.`,
        );
        break;
      case 'invalid_enum_value':
        push(issue.path, `${got} is not one of the allowed values.`, `one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}.`);
        break;
      case 'invalid_union': {
        const literals = issue.unionErrors
          .flatMap((e) => e.issues)
          .filter((i) => i.code === 'invalid_literal')
          .map((i) => JSON.stringify((i as z.ZodInvalidLiteralIssue).expected));
        push(issue.path, `${got} is not allowed.`, literals.length > 0 ? `one of ${literals.join(', ')}.` : issue.message);
        break;
      }
      case 'custom':
        // A refinement that says what is valid (lib/plan/tags.ts) speaks for itself: no value echoed.
        // A refinement may name the constraint it enforces (lib/plan/aws-target.ts: C27 for acceleration on a VGW).
        if (typeof issue.params?.fix === 'string') {
          push(issue.path, issue.message, issue.params.fix, Array.isArray(issue.params.catalogue) ? issue.params.catalogue : []);
          break;
        }
        push(issue.path, `${got}: ${issue.message}.`, issue.message);
        break;
      default:
        push(issue.path, `${got}: ${issue.message}.`, issue.message);
    }
  }
  return findings;
}
