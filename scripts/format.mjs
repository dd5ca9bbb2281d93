#!/usr/bin/env node
// The formatter: dprint's TypeScript plugin (@dprint/typescript, WebAssembly) run by @dprint/formatter, with
// the settings and file set of dprint.json (the dprint CLI reads the same file). Pure JavaScript: the dprint CLI's
// npm package needs a platform binary, and npm ci refuses a lock file without every platform's, which this
// project's registry does not all have.
//
//   node scripts/format.mjs          check: lists the files that are not formatted, exits 1 if any (npm test)
//   node scripts/format.mjs --write  formats them in place (npm run format)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { createFromBuffer } from '@dprint/formatter';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const config = JSON.parse(readFileSync(join(ROOT, 'dprint.json'), 'utf8'));

/** dprint.json's `includes`/`excludes` globs: `**`, `*`, `{a,b}`; paths relative to the repository. */
function globToRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
const includes = config.includes.map(globToRegExp);
const excludes = config.excludes.map((g) => globToRegExp(g.startsWith('**/') ? g : `${g}{,/**}`.replace('{,/**}', '(?:/.*)?')));
const excluded = (path) => excludes.some((re) => re.test(path)) || path.split('/').includes('node_modules');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(ROOT, path).split(sep).join('/');
    if (entry.name === '.git' || entry.name === 'node_modules' || excluded(rel)) continue;
    if (entry.isDirectory()) yield* files(path);
    else if (includes.some((re) => re.test(rel))) yield rel;
  }
}

const { lineWidth, indentWidth, typescript } = config;
const formatter = createFromBuffer(readFileSync(require('@dprint/typescript').getPath()));
formatter.setConfig({ lineWidth, indentWidth }, typescript);
const diagnostics = formatter.getConfigDiagnostics();
if (diagnostics.length > 0) {
  process.stderr.write(`dprint.json: ${diagnostics.map((d) => `${d.propertyName}: ${d.message}`).join('; ')}\n`);
  process.exit(2);
}

const write = process.argv.includes('--write');
const unformatted = [];
let checked = 0;
for (const file of files(ROOT)) {
  checked++;
  const text = readFileSync(join(ROOT, file), 'utf8');
  const formatted = formatter.formatText({ filePath: join(ROOT, file), fileText: text });
  if (formatted === text) continue;
  unformatted.push(file);
  if (write) writeFileSync(join(ROOT, file), formatted);
}
if (write) process.stdout.write(`formatted ${unformatted.length} of ${checked} file(s)\n`);
else if (unformatted.length > 0) {
  process.stdout.write(`not formatted (npm run format fixes):\n${unformatted.map((f) => `  ${f}`).join('\n')}\n`);
  process.exit(1);
}
