#!/usr/bin/env node
// Import-direction check over lib/: the folders and the direction they may import in are written here ONCE
// (ARCHITECTURE.md quotes LAYERS). A folder may import from its own layer's folder and from layers BELOW it
// (earlier in the list); any upward import or any folder-level loop fails. Reads import specifiers with a
// regex (no TypeScript program), so it runs in well under a second; it is one of scripts/static-checks.mjs'
// FAST_CHECKS, so `npm test` runs it.
//
// Usage: node scripts/import-layers.mjs [--root DIR] [--json]
import * as fs from 'node:fs';
import * as path from 'node:path';
import process from 'node:process';
import console from 'node:console';
import { fileURLToPath } from 'node:url';

/**
 * Lowest first. A folder matches the first pattern that names it (`*` = any one folder name). Folders in one
 * entry are one layer and must not import each other (siblings: rules areas, peers). `entry` is lib/*.ts.
 */
export const LAYERS = [
  ['core'],
  ['plan'],
  ['handoff'],
  ['check/kit', 'check/views'],
  ['peers/*'],
  ['peers'],
  ['rules/*'],
  ['check'],
  ['report'],
  ['peers/*/pulumi', 'aws', 'enforcement'],
  ['doctor'],
  ['twin'],
  ['cli', 'cli/verbs'],
  ['entry'],
];

/** Folders inside one layer entry that may import each other one way (parent → child). */
const SAME_LAYER_OK = [
  ['check/kit', 'check/views'],
  ['enforcement', 'aws'],
  ['cli', 'cli/verbs'],
];

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function listTs(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(full));
    else if (/\.(ts|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The folder a lib-relative file path belongs to, as named in LAYERS. */
export function folderOf(rel) {
  const parts = rel.split('/').slice(0, -1);
  if (parts.length === 0) return 'entry';
  if (parts[0] === 'peers' && parts.length >= 3) return `peers/${parts[1]}/${parts[2]}`;
  if (parts.length >= 2 && ['rules', 'peers', 'check', 'cli'].includes(parts[0])) return `${parts[0]}/${parts[1]}`;
  return parts[0];
}

function layerOf(folder) {
  for (let i = 0; i < LAYERS.length; i++) {
    for (const pattern of LAYERS[i]) {
      if (pattern === folder) return i;
      const re = new RegExp(`^${pattern.replace(/\*/g, '[^/]+')}$`);
      if (re.test(folder)) return i;
    }
  }
  return -1;
}

/** Folder graph: `from → Set(to)` with one example import per edge. */
export function folderGraph(libDir) {
  const edges = new Map();
  for (const file of listTs(libDir)) {
    const rel = path.relative(libDir, file).split(path.sep).join('/');
    const from = folderOf(rel);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec || !spec.startsWith('.')) continue;
      const target = path.relative(libDir, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
      if (target.startsWith('..')) continue;
      // `./x` may be x.ts or x/index.ts: a folder import resolves into the folder itself.
      const isDir = fs.existsSync(path.join(libDir, target)) && fs.statSync(path.join(libDir, target)).isDirectory();
      const to = folderOf(isDir ? `${target}/index.ts` : `${target}.ts`);
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${rel} → ${spec}`);
    }
  }
  return edges;
}

/** Strongly connected folder sets with more than one folder (Tarjan). */
export function folderLoops(edges) {
  let index = 0;
  const idx = new Map(), low = new Map(), stack = [], on = new Set(), loops = [];
  const nodes = new Set([...edges.keys(), ...[...edges.values()].flatMap((m) => [...m.keys()])]);
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) loops.push(scc.sort());
    }
  };
  for (const n of [...nodes].sort()) if (!idx.has(n)) visit(n);
  return loops;
}

/** Imports that run upward (or sideways between sibling folders of one layer), or from an unlisted folder. */
export function upwardImports(edges) {
  const bad = [];
  for (const [from, tos] of edges) {
    for (const [to, example] of tos) {
      const lf = layerOf(from), lt = layerOf(to);
      if (lf < 0 || lt < 0) bad.push(`${from} → ${to}: folder not in LAYERS (scripts/import-layers.mjs), e.g. ${example}`);
      else if (lt > lf) bad.push(`${from} → ${to}: upward import (layer ${lf} imports layer ${lt}), e.g. ${example}`);
      else if (lt === lf && !SAME_LAYER_OK.some(([a, b]) => a === from && b === to)) {
        bad.push(`${from} → ${to}: sibling folders of one layer import each other, e.g. ${example}`);
      }
    }
  }
  return bad;
}

export function check(root) {
  const edges = folderGraph(path.join(root, 'lib'));
  const loops = folderLoops(edges).map((l) => `folder-level loop: ${l.join(' ⇄ ')}`);
  return { loops, upward: upwardImports(edges), edges };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const rootArg = args.indexOf('--root');
  const root = rootArg >= 0 ? path.resolve(args[rootArg + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { loops, upward } = check(root);
  if (args.includes('--loops-only')) {
    console.log(loops.length ? loops.join('\n') : 'no folder-level loops');
    process.exit(loops.length ? 1 : 0);
  }
  const problems = [...loops, ...upward];
  if (problems.length) {
    console.error(
      `import-layers: ${problems.length} problem(s); the allowed direction is LAYERS in scripts/import-layers.mjs\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log('import-layers: no folder-level loop, no upward import');
}
