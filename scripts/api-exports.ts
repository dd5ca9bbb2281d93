/**
 * The public surface, per entry point: every name a consumer can import, read from the syntax of the entry files
 * the package.json `exports` map points at (one `ts.createSourceFile` each, no program, no type checker: a few
 * milliseconds instead of the 14–60 s a full program took). `api/exports.json` is this list checked in;
 * test/api/exports.test.ts fails with a diff when the real surface moves away from it, so that any change of the
 * public surface shows in review. `--write` rewrites the file.
 *
 * Reading syntax is enough because the entry points list their names: `export { a, type B } from './x'`,
 * `export type { C } from './y'` and local `export const/function/class/interface/type` declarations.
 * `export *` would hide names from this reading, so it is reported as a problem (and the test fails on it).
 * A name is `(type)` when it is type-only (a `type` modifier, an interface or a type alias), else `(value)`
 * (it exists at run time; a class or enum is a type too). tsc's `isolatedModules` (tsconfig.json) makes that
 * sound: re-exporting a type without `type` is error TS1205, so an unmarked re-export is a value.
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

/** What one entry file exports: `name (value)` / `name (type)`, sorted, and the statements a syntactic reading cannot list. */
export interface EntryExports {
  readonly names: string[];
  /** One line per `export * from '…'` (or `export =`): each hides names from the report. */
  readonly problems: string[];
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);

/** The exports of one entry file, from its text alone. */
export function exportsOfSource(fileName: string, text: string): EntryExports {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  const problems: string[] = [];
  const line = (node: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const add = (name: string, typeOnly: boolean) => names.add(`${name} (${typeOnly ? 'type' : 'value'})`);
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!clause) {
        problems.push(
          `${line(statement)}: \`${statement.getText(source)}\` hides the names it exports; list them (\`export { a, type B } from '…'\`)`,
        );
      } else if (ts.isNamespaceExport(clause)) {
        add(clause.name.text, statement.isTypeOnly);
      } else {
        for (const element of clause.elements) add(element.name.text, statement.isTypeOnly || element.isTypeOnly);
      }
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      problems.push(`${line(statement)}: \`export =\`/\`export default\` is not a named export; export named declarations`);
      continue;
    }
    if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) add(declaration.name.text, false);
        else problems.push(`${line(declaration)}: a destructuring export; export each name on its own`);
      }
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      add(statement.name.text, true);
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      if (statement.name) add(statement.name.text, false);
      else problems.push(`${line(statement)}: an unnamed default export; export a named declaration`);
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      add(statement.name.text, false);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      add(statement.name.text, statement.isTypeOnly);
    }
  }
  return { names: [...names].sort(), problems };
}

/** The sorted exported names of each entry point; throws naming every `export *` (a syntactic report would miss its names). */
export function readExports(entries: Record<string, string> = ENTRY_POINTS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const problems: string[] = [];
  for (const [name, file] of Object.entries(entries)) {
    const absolute = path.join(ROOT, file);
    if (!fs.existsSync(absolute)) throw new Error(`api-exports: entry point ${name} → ${file} does not exist`);
    const read = exportsOfSource(file, fs.readFileSync(absolute, 'utf8'));
    out[name] = read.names;
    problems.push(...read.problems.map((p) => `${name}: ${p}`));
  }
  if (problems.length > 0) throw new Error(`api-exports: entry points must list their names:\n${problems.join('\n')}`);
  return out;
}

if (require.main === module) {
  const current = readExports();
  if (process.argv.includes('--write')) {
    fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    fs.writeFileSync(REPORT_FILE, JSON.stringify(current, null, 2) + '\n');
  }
  for (const [name, list] of Object.entries(current)) {
    const values = list.filter((e) => e.endsWith('(value)')).length;
    console.log(`${name}: ${list.length} names (${values} runtime values)`);
  }
}
