import ts from 'typescript';

/**
 * The text of every string literal and template (its literal parts joined by " … ") in a source
 * text, imports and exports left out. With `keys: false` a property's name ('signal.score': …,
 * 'not-owner': …) is left out too: it is code, only its value can be text.
 */
export function stringLiterals(source: string, opts: { keys?: boolean } = {}): string[] {
  const file = ts.createSourceFile('scan.ts', source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (opts.keys === false && ts.isPropertyAssignment(node)) return visit(node.initializer);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node))
      found.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … '));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
