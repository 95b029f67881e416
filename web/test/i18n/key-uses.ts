import path from 'node:path';
import ts from 'typescript';

/**
 * Every translation key the web app asks for, read from the source with the type checker: a call
 * to any function typed `TFunction<Ns, KPrefix>` (the `t` of useTranslation, i18n.t, a `t` passed
 * as a parameter) is a lookup, and the type arguments say which namespaces it reads.
 */
export type KeyUse = {
  where: string; // file:line
  ns: string;
  /** The key inside its namespace; `*` stands for one path segment the code computes. */
  key: string;
  /** The call gives a defaultValue: a computed key may miss (a server code is then shown as it is). */
  lenient: boolean;
  /** The t() call the key comes from: of a lenient call's keys, one at least must exist. */
  call: number;
  /** The namespaces this call's hook loads (a key may name another only among these), null when computed. */
  loaded: string[] | null;
};

export type KeyUses = { uses: KeyUse[]; problems: string[] };

/** A comment on the line of a dynamic key, or the line before, that says where its keys are checked. */
const CHECKED_ELSEWHERE = /i18n-keys:\s*\S/;

/** The web app's sources as the type checker sees them. */
export type WebProgram = { program: ts.Program; checker: ts.TypeChecker; root: string };

export function webProgram(tsconfigPath: string): WebProgram {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`cannot read ${tsconfigPath}`);
  const program = ts.createProgram(config.fileNames, config.options);
  return { program, checker: program.getTypeChecker(), root: path.dirname(tsconfigPath) };
}

export function collectKeyUses({ program, checker, root }: WebProgram): KeyUses {
  const uses: KeyUse[] = [];
  const problems: string[] = [];
  let calls = 0;

  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !file.fileName.includes('/src/') || /\.test\.tsx?$/.test(file.fileName)) continue;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) inspectCall(node, file);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { uses, problems };

  function inspectCall(call: ts.CallExpression, file: ts.SourceFile) {
    const fn = translationFunction(checker.getTypeAtLocation(call.expression));
    if (!fn) return;
    const { line } = file.getLineAndCharacterOfPosition(call.getStart());
    const where = `${path.relative(root, file.fileName)}:${line + 1}`;
    const arg = call.arguments[0];
    if (!arg) return void problems.push(`${where}: t() without a key`);
    const options = call.arguments[1];
    if (options && ts.isObjectLiteralExpression(options) && options.properties.some((p) => p.name?.getText() === 'ns')) {
      return void problems.push(`${where}: name the namespace in the key ("ns:key"), not in the options`);
    }
    const lenient = Boolean(
      options && (ts.isStringLiteralLike(options) || (ts.isObjectLiteralExpression(options) && options.properties.some((p) => p.name?.getText() === 'defaultValue'))),
    );
    const keys = expandKey(arg);
    const callId = ++calls;
    if (keys === 'unknown') {
      if (checkedElsewhere(file, line)) return;
      return void problems.push(`${where}: the key ${arg.getText()} is computed from a value without a literal type; give it one, or say with an "i18n-keys:" comment where its keys are checked`);
    }
    for (const key of keys) {
      if (key.includes('*') && !lenient) {
        if (!checkedElsewhere(file, line)) problems.push(`${where}: the key ${arg.getText()} has a part without a literal type; give it one (as const, a union type), or a defaultValue`);
        continue;
      }
      const [ns, rest] = splitNamespace(key, fn.namespaces?.[0]);
      if (ns === undefined) {
        problems.push(`${where}: the namespaces of this t() are computed; name the namespace in the key ("ns:key")`);
        continue;
      }
      const prefixed = fn.keyPrefix ? `${fn.keyPrefix}.${rest}` : rest;
      uses.push({ where, ns, key: prefixed, lenient, call: callId, loaded: fn.namespaces });
    }
  }

  function checkedElsewhere(file: ts.SourceFile, line: number): boolean {
    const lines = file.text.split('\n');
    return [lines[line], lines[line - 1]].some((text) => text !== undefined && CHECKED_ELSEWHERE.test(text));
  }

  /** The keys an expression can take: literals, both arms of a ?:, templates over literal unions. */
  function expandKey(expr: ts.Expression): string[] | 'unknown' {
    if (ts.isStringLiteralLike(expr)) return [expr.text];
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return expandKey(expr.expression);
    if (ts.isConditionalExpression(expr)) {
      const [a, b] = [expandKey(expr.whenTrue), expandKey(expr.whenFalse)];
      return a === 'unknown' || b === 'unknown' ? 'unknown' : [...a, ...b];
    }
    if (ts.isTemplateExpression(expr)) {
      let keys = [expr.head.text];
      for (const span of expr.templateSpans) {
        const values = literalValues(span.expression) ?? ['*'];
        keys = keys.flatMap((k) => values.map((v) => k + v + span.literal.text));
      }
      return keys;
    }
    return literalValues(expr) ?? 'unknown';
  }

  /** The values of an expression whose type is a string or number literal, or a union of them. */
  function literalValues(expr: ts.Expression): string[] | null {
    if (ts.isStringLiteralLike(expr)) return [expr.text];
    const type = checker.getTypeAtLocation(expr);
    const members = type.isUnion() ? type.types : [type];
    const values: string[] = [];
    for (const member of members) {
      if (member.isStringLiteral() || member.isNumberLiteral()) values.push(String(member.value));
      else return null;
    }
    return values;
  }

  /** `TFunction<Ns, KPrefix>` → the namespaces it reads (default first; null if computed) and its key prefix. */
  function translationFunction(type: ts.Type): { namespaces: string[] | null; keyPrefix?: string } | null {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (symbol?.getName() !== 'TFunction') return null;
    const args = type.aliasTypeArguments ?? checker.getTypeArguments(type as ts.TypeReference);
    const [ns, prefix] = args;
    if (!ns) return null;
    const namespaces = checker.isTupleType(ns)
      ? checker.getTypeArguments(ns as ts.TypeReference).flatMap((t) => (t.isStringLiteral() ? [t.value] : []))
      : ns.isStringLiteral()
        ? [ns.value]
        : [];
    return { namespaces: namespaces.length > 0 ? namespaces : null, keyPrefix: prefix?.isStringLiteral() ? prefix.value : undefined };
  }
}

export function splitNamespace(key: string, fallback: string | undefined): [string | undefined, string] {
  const at = key.indexOf(':');
  return at < 0 ? [fallback, key] : [key.slice(0, at), key.slice(at + 1)];
}
