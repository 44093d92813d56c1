// The dependency rule of docs/ARCHITECTURE.md as one ESLint rule. The table of what each folder of
// src/ may import lives in eslint.config.js; this file only applies it.
//
// Why not no-restricted-imports: it matches the written specifier, not the file it resolves to (so
// '../agencies/x.js' inside src/domain looks like a folder named "agencies"), and it never sees a
// dynamic import(). Here every relative specifier is resolved against the importing file, and
// static imports, re-exports, import() expressions, import('…') types and require() are all checked.
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Node's built-in modules by their bare names ('fs', 'fs/promises', …): write them as 'node:fs'. */
const BARE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:')));

/** The top-level folder of src/ (or root file: 'config', 'main') a path lies in; null outside src/. */
function layerOf(srcDir, file) {
  const rel = path.relative(srcDir, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep)[0].replace(/\.(ts|tsx|js|mjs|cjs|json)$/, '');
}

/** The string a module specifier node holds, or null when it is computed at run time. */
function specifierOf(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node.type === 'TSLiteralType') return specifierOf(node.literal);
  return null;
}

export const dependencyRule = {
  meta: {
    type: 'problem',
    docs: { description: 'What each folder of src/ may import (docs/ARCHITECTURE.md, the dependency rule)' },
    schema: [
      {
        type: 'object',
        properties: {
          srcDir: { type: 'string' },
          rows: { type: 'object' },
          files: { type: 'object' },
        },
        required: ['srcDir', 'rows'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { srcDir, rows, files = {} } = context.options[0];
    const file = context.filename;
    const layer = layerOf(srcDir, file);
    // Outside src/ (tests, benchmarks, scripts) only the 'node:' prefix is checked.
    const row = layer === null ? { may: [], outside: true } : rows[layer];
    const rel = path.relative(srcDir, file).split(path.sep).join('/');
    const extra = files[rel] ?? [];

    const check = (node, spec, typeOnly) => {
      if (spec === null) {
        if (row.outside) return;
        context.report({
          node,
          message:
            'import() with a computed path cannot be checked against the dependency rule: write the path',
        });
        return;
      }
      if (BARE_BUILTINS.has(spec)) {
        context.report({
          node,
          message: `write 'node:${spec}': a bare '${spec}' hides that it is Node's own module`,
        });
      }
      if (row.outside) return;
      if (spec.startsWith('.')) {
        const target = layerOf(srcDir, path.resolve(path.dirname(file), spec));
        if (target === null || target === layer) return;
        if (row.may.includes(target) || extra.includes(target)) return;
        if (typeOnly && (row.types ?? []).includes(target)) return;
        const how = (row.types ?? []).includes(target) ? ' (only its types, with `import type`)' : '';
        context.report({
          node,
          message: `src/${layer} may not import src/${target}${how}: the dependency rule (docs/ARCHITECTURE.md)`,
        });
        return;
      }
      const name = spec.startsWith('node:') ? spec : BARE_BUILTINS.has(spec) ? `node:${spec}` : spec;
      for (const p of row.packages ?? []) {
        if (typeOnly && p.typesAllowed) continue;
        if (new RegExp(p.regex).test(name))
          context.report({ node, message: `'${spec}' in src/${layer}: ${p.message}` });
      }
    };

    return {
      Program(node) {
        if (!row && layer !== null)
          context.report({
            node,
            message: `src/${layer} has no row in the dependency table of eslint.config.js: add one (and to docs/ARCHITECTURE.md)`,
          });
      },
      ImportDeclaration(node) {
        if (row) check(node.source, specifierOf(node.source), node.importKind === 'type');
      },
      ExportNamedDeclaration(node) {
        if (row && node.source) check(node.source, specifierOf(node.source), node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        if (row) check(node.source, specifierOf(node.source), node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (row) check(node, specifierOf(node.source), false);
      },
      TSImportType(node) {
        if (row) check(node, specifierOf(node.argument), true);
      },
      CallExpression(node) {
        if (
          row &&
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments.length === 1
        )
          check(node, specifierOf(node.arguments[0]), false);
      },
    };
  },
};
