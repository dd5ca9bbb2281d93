/**
 * The public surface, per entry point: every name a consumer can import (values and types), read with the
 * TypeScript checker from the entry files the package.json `exports` map points at. `api/exports.json` is this
 * list checked in; test/api/exports.test.ts fails with a diff when the real surface moves away from it, so that
 * any change of the public surface shows in review. `--write` rewrites the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** Entry point (as a consumer imports it) → source file. One line per entry point: a new peer adds one. */
export const ENTRY_POINTS: Record<string, string> = {
  'multicloud-vpn': 'lib/index.ts',
  'multicloud-vpn/aws': 'lib/aws-entry.ts',
  'multicloud-vpn/azure': 'lib/azure-entry.ts',
  'multicloud-vpn/alibaba': 'lib/alibaba-entry.ts',
};

const ROOT = path.resolve(__dirname, '..');
export const REPORT_FILE = path.join(ROOT, 'api', 'exports.json');

/** The sorted exported names of each entry point, `kind` being `value`, `type` or `value+type`. */
export function readExports(entries: Record<string, string> = ENTRY_POINTS): Record<string, string[]> {
  const files = Object.values(entries).map((f) => path.join(ROOT, f));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    skipLibCheck: true,
    noResolve: false,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const out: Record<string, string[]> = {};
  for (const [name, file] of Object.entries(entries)) {
    const source = program.getSourceFile(path.join(ROOT, file));
    if (!source) throw new Error(`api-exports: entry point ${name} → ${file} does not exist`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    const symbols = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
    out[name] = symbols
      .map((s) => {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
        const isValue = (target.flags & ts.SymbolFlags.Value) !== 0;
        const isType = (target.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Namespace)) !== 0;
        return `${s.getName()} (${isValue && isType ? 'value+type' : isValue ? 'value' : 'type'})`;
      })
      .sort();
  }
  return out;
}

if (require.main === module) {
  const current = readExports();
  if (process.argv.includes('--write')) {
    fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    fs.writeFileSync(REPORT_FILE, JSON.stringify(current, null, 2) + '\n');
  }
  for (const [name, list] of Object.entries(current)) {
    const values = list.filter((e) => !e.endsWith('(type)')).length;
    console.log(`${name}: ${list.length} names (${values} runtime values)`);
  }
}
