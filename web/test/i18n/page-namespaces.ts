import path from 'node:path';
import ts from 'typescript';
import type { KeyUse, WebProgram } from './key-uses';

/**
 * A page loads its namespaces with its code (app/lazy.ts): its feature's, those its route names, and
 * the frame's. A component it shows that reads any other namespace would suspend the page on first
 * show — a blank moment — so every namespace read in the page's static imports must be among them.
 */
export type LazyLoad = { where: string; module: string; allowed: string[] };

/** The namespaces each source file reads, from the key uses. */
function namespacesByFile(root: string, uses: KeyUse[]): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const use of uses) {
    const file = path.resolve(root, use.where.slice(0, use.where.lastIndexOf(':')));
    byFile.set(file, (byFile.get(file) ?? new Set()).add(use.ns));
  }
  return byFile;
}

/** The files a module loads with it: its static, non-type imports, transitively (dynamic imports are other chunks). */
function staticClosure({ program }: WebProgram, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const file = program.getSourceFile(fileName);
    if (!file) return;
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      if (ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly : statement.isTypeOnly) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier)) continue;
      const resolved = ts.resolveModuleName(specifier.text, fileName, program.getCompilerOptions(), ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport && /\.tsx?$/.test(resolved.resolvedFileName)) visit(resolved.resolvedFileName);
    }
  };
  visit(start);
  return seen;
}

export function namespaceGaps(web: WebProgram, uses: KeyUse[], loads: LazyLoad[]): string[] {
  const byFile = namespacesByFile(web.root, uses);
  return loads.flatMap(({ where, module, allowed }) => {
    const needed = new Map<string, string>();
    for (const file of staticClosure(web, module)) for (const ns of byFile.get(file) ?? []) if (!needed.has(ns)) needed.set(ns, path.relative(web.root, file));
    return [...needed].filter(([ns]) => ns !== 'common' && !allowed.includes(ns)).map(([ns, file]) => `${where}: its page shows words of "${ns}" (${file}) without loading them`);
  });
}

/**
 * The lazy pages a manifest declares: each `page: () => import('./X')…` with the surface and slot it
 * sits in (desk.app, phone.member …) and the `namespaces: [...]` beside it.
 */
export function manifestPages(web: WebProgram, manifestFile: string): { module: string; surface: string; slot: string; namespaces: string[] }[] {
  const file = web.program.getSourceFile(manifestFile);
  if (!file) throw new Error(`${manifestFile} is not part of the web program`);
  const pages: { module: string; surface: string; slot: string; namespaces: string[] }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const page = property(node, 'page');
      const specifier = page && findImport(page);
      if (specifier) {
        const resolved = ts.resolveModuleName(specifier, manifestFile, web.program.getCompilerOptions(), ts.sys).resolvedModule;
        const slotProperty = node.parent.parent; // route → [ ] → slot: [ ]
        const surfaceProperty = slotProperty.parent.parent; // slot: [ ] → { } → desk: { }
        const namespaces = property(node, 'namespaces');
        pages.push({
          module: resolved?.resolvedFileName ?? specifier,
          slot: ts.isPropertyAssignment(slotProperty) ? slotProperty.name.getText() : '?',
          surface: ts.isPropertyAssignment(surfaceProperty) ? surfaceProperty.name.getText() : '?',
          namespaces: namespaces && ts.isArrayLiteralExpression(namespaces) ? namespaces.elements.filter(ts.isStringLiteral).map((e) => e.text) : [],
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return pages;
}

function property(node: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const found = node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name);
  return found?.initializer;
}

/** The module a loader imports: `() => import('./X').then(…)`. */
function findImport(node: ts.Node): string | undefined {
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    const [arg] = node.arguments;
    return arg && ts.isStringLiteral(arg) ? arg.text : undefined;
  }
  return ts.forEachChild(node, findImport);
}

/** The frames routes.tsx loads lazily, with the name of the namespace list each loads (if any). */
export function framePages(web: WebProgram, routesFile: string): { module: string; namespaces: string | null }[] {
  const file = web.program.getSourceFile(routesFile);
  if (!file) throw new Error(`${routesFile} is not part of the web program`);
  const frames: { module: string; namespaces: string | null }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'lazyPage') {
      const specifier = node.arguments[0] && findImport(node.arguments[0]);
      const resolved = specifier && ts.resolveModuleName(specifier, routesFile, web.program.getCompilerOptions(), ts.sys).resolvedModule;
      const list = node.arguments[1];
      if (resolved) frames.push({ module: resolved.resolvedFileName, namespaces: list && ts.isIdentifier(list) ? list.text : null });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return frames;
}
