/**
 * Reading a JSON input file (a plan, a hand-off) so that no input can crash the reader or leak its
 * content into a message. Every reader of user JSON goes through here:
 *
 * - size: a file larger than `maxBytes` is not read into a string;
 * - encoding: a UTF-8 byte order mark, UTF-16/UTF-32 or bytes that are not UTF-8 get "save it as
 *   UTF-8" (RFC 8259 §8.1: JSON exchanged between systems is UTF-8 and carries no BOM);
 * - nesting: V8's `JSON.parse` itself is iterative, but everything that walks the value afterwards
 *   (zod, `JSON.stringify`, `structuredClone`) recurses and would throw `RangeError: Maximum call
 *   stack size exceeded`; a value nested deeper than `maxDepth` is refused before anyone walks it;
 * - syntax: line and column and what was expected, never the text around the error (V8's own
 *   message quotes it, and a key typed in the wrong place may be a secret).
 *
 * The happy path is `JSON.parse` plus a loop; jsonc-parser (Microsoft's JSON scanner, iterative) is
 * loaded only to locate an error.
 */
import { readFileSync, statSync } from 'node:fs';
import type * as Jsonc from 'jsonc-parser';

export interface JsonLimits {
  /** Largest file read, in bytes. @default 4 MiB */
  readonly maxBytes?: number;
  /** Deepest nesting of objects and arrays accepted. @default 64 */
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_JSON_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_JSON_DEPTH = 64;

/** Why the input is not usable JSON (without the file name, which the caller adds), and what would be. */
export interface JsonProblem {
  readonly problem: string;
  readonly fix: string;
}

export type JsonResult = { readonly ok: true; readonly value: unknown; } | ({ readonly ok: false; } & JsonProblem);

const SAVE_AS_UTF8 =
  'save it as UTF-8 without a byte order mark (in most editors: "Save with encoding" → "UTF-8"), as JSON requires (RFC 8259 §8.1).';
const JSON_SYNTAX = 'JSON (RFC 8259): names and strings in double quotes, commas between items, no trailing comma, no comments.';

function failure(problem: string, fix: string): JsonResult {
  return { ok: false, problem, fix };
}

/** The encoding of a byte order mark or of the NUL pattern of the first four bytes (RFC 4627 §3), if not UTF-8. */
function foreignEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'UTF-8 with a byte order mark (BOM)';
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return 'UTF-32 (big-endian)';
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return 'UTF-32 (little-endian)';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 (big-endian)';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 (little-endian)';
  if (bytes.length >= 4) {
    if (b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) return 'UTF-32 (big-endian)';
    if (b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return 'UTF-32 (little-endian)';
  }
  if (bytes.length >= 2) {
    if (b0 === 0 && b1 !== 0) return 'UTF-16 (big-endian)';
    if (b0 !== 0 && b1 === 0) return 'UTF-16 (little-endian)';
  }
  return undefined;
}

function loadJsonc(): typeof Jsonc {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only on the error path
  return require('jsonc-parser') as typeof Jsonc;
}

/** 1-based line and column (in characters) of offset `offset`. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Where the nesting of `text` first goes deeper than `maxDepth`, by jsonc-parser's (iterative) scanner. */
function tooDeepAt(text: string, maxDepth: number): number | undefined {
  const jsonc = loadJsonc();
  // SyntaxKind is a const enum in the typings (unusable under isolatedModules) and a plain object at run time.
  const kind =
    (jsonc as unknown as { SyntaxKind: Record<'EOF' | 'OpenBraceToken' | 'OpenBracketToken' | 'CloseBraceToken' | 'CloseBracketToken', number>; })
      .SyntaxKind;
  const scanner = jsonc.createScanner(text, true);
  let depth = 0;
  for (let token: number = scanner.scan(); token !== kind.EOF; token = scanner.scan()) {
    if (token === kind.OpenBraceToken || token === kind.OpenBracketToken) {
      depth += 1;
      if (depth > maxDepth) return scanner.getTokenOffset();
    } else if (token === kind.CloseBraceToken || token === kind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** Whether the parsed `value` nests objects and arrays deeper than `maxDepth` (an explicit stack: no recursion). */
function deeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

const ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'a character that cannot start a JSON value (names and strings need double quotes; true, false and null are lower case)',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a field name in double quotes was expected (a trailing comma?)',
  ValueExpected: 'a value was expected (a trailing or doubled comma?)',
  ColonExpected: "':' was expected after the field name",
  CommaExpected: "',' was expected between two items",
  CloseBraceExpected: "'}' was expected (an object is not closed)",
  CloseBracketExpected: "']' was expected (an array is not closed)",
  EndOfFileExpected: 'more text after the end of the JSON value',
  InvalidCommentToken: 'a comment, which JSON does not allow',
  UnexpectedEndOfComment: 'an unterminated comment',
  UnexpectedEndOfString: 'a string not closed on its line',
  UnexpectedEndOfNumber: 'a number cut short',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'an escape that JSON does not allow (use \\\\ for a backslash)',
  InvalidCharacter: 'a control character inside a string (escape it, e.g. \\n)',
};

/** Where and why `text` (which `JSON.parse` refused) is not JSON, without quoting it. */
function syntaxProblem(text: string, parseError: Error): JsonResult {
  if (text.trim() === '') return failure('is empty.', JSON_SYNTAX);
  const { visit, printParseErrorCode } = loadJsonc();
  let first: { offset: number; code: string; } | undefined;
  visit(text, { onError: (error, offset) => (first ??= { offset, code: printParseErrorCode(error) }) }, {
    disallowComments: true,
    allowTrailingComma: false,
  });
  // V8 gives a position for most errors ("… in JSON at position 42"); its wording is kept, never its quoted context.
  const v8 = /^([^"]{1,80}) in JSON at position (\d+)$/.exec(parseError.message);
  if (!first && v8) first = { offset: Number(v8[2]), code: v8[1] };
  if (!first) return failure('is not valid JSON.', JSON_SYNTAX);
  if (first.offset >= text.length) {
    return failure(`is not valid JSON: it ends before the value is complete (${lineAndColumn(text, text.length)}).`, JSON_SYNTAX);
  }
  return failure(`is not valid JSON at ${lineAndColumn(text, first.offset)}: ${ERROR_TEXT[first.code] ?? first.code}.`, JSON_SYNTAX);
}

/** The value of JSON `text`, or why it is not usable: syntax (line, column) or nesting deeper than `maxDepth`. */
export function parseJsonText(text: string, limits: JsonLimits = {}): JsonResult {
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
  if (text.charCodeAt(0) === 0xfeff) return failure('starts with a byte order mark (BOM).', SAVE_AS_UTF8);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const deep = tooDeepAt(text, maxDepth);
    if (deep !== undefined) {
      return failure(
        `nests objects or arrays more than ${maxDepth} levels deep (${lineAndColumn(text, deep)}).`,
        `at most ${maxDepth} levels; this file's format needs far fewer.`,
      );
    }
    return syntaxProblem(text, e as Error);
  }
  if (deeperThan(value, maxDepth)) {
    const deep = tooDeepAt(text, maxDepth) ?? 0;
    return failure(
      `nests objects or arrays more than ${maxDepth} levels deep (${lineAndColumn(text, deep)}).`,
      `at most ${maxDepth} levels; this file's format needs far fewer.`,
    );
  }
  return { ok: true, value };
}

/** The value of JSON file `file`, or why it is not usable (unreadable, too large, not UTF-8, not JSON, too deep). */
export function readJsonFile(file: string, limits: JsonLimits = {}): JsonResult {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_JSON_BYTES;
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > maxBytes) {
      return failure(`is ${size} bytes; at most ${maxBytes} are read.`, 'the JSON file this tool writes or documents; it is a few kilobytes.');
    }
    bytes = readFileSync(file);
  } catch (e) {
    return failure(`cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}.`, 'a readable JSON file.');
  }
  const encoding = foreignEncoding(bytes);
  if (encoding) return failure(`is saved as ${encoding}.`, SAVE_AS_UTF8);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failure('is not UTF-8 text (it holds bytes that are not valid UTF-8).', SAVE_AS_UTF8);
  }
  return parseJsonText(text, limits);
}
