/**
 * How a message quotes a value the user gave. Every finding that echoes input goes through here, so a
 * 50 MB name makes a one-line message, a control character cannot forge a line of output, and an
 * object or array is described by its kind and size, never by its content.
 */

/** Characters of a string value quoted before it is cut. */
export const EXCERPT_LENGTH = 40;

/** `value` cut to `max` UTF-16 units, never between the two halves of a surrogate pair. */
function cut(value: string, max: number): string {
  let end = Math.min(value.length, max);
  const last = value.charCodeAt(end - 1);
  if (end < value.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return value.slice(0, end);
}

/**
 * A short, printable rendering of `value`: a string as JSON (escaped, quoted) and cut after `max`
 * characters with its full length said; a number, boolean or null as JSON; an array or object by
 * kind and size; `undefined` as `nothing`.
 */
export function excerpt(value: unknown, max: number = EXCERPT_LENGTH): string {
  switch (typeof value) {
    case 'string':
      return value.length <= max ? JSON.stringify(value) : `${JSON.stringify(cut(value, max))}… (${value.length} characters)`;
    case 'number':
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'bigint':
      return `${value}`.length <= max ? `${value}` : `a ${`${value}`.length}-digit number`;
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** A name (a JSON key, a path segment) as printed without quotes: escaped as JSON and cut like `excerpt`. */
export function excerptName(name: string, max: number = EXCERPT_LENGTH): string {
  const escaped = JSON.stringify(cut(name, max)).slice(1, -1);
  return name.length <= max ? escaped : `${escaped}…(${name.length} characters)`;
}

/** A string as rules quote it, `'10.0.0.0/8'`: escaped and cut like `excerpt`, in single quotes. */
export function quoted(value: unknown, max: number = EXCERPT_LENGTH): string {
  return `'${excerptName(String(value), max)}'`;
}
