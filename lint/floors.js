// charter's own ESLint rules: the floors of src/ (a module imports only from its own floor or the
// floors below it) and no import cycles. Local rules rather than a plugin: the floors are ours,
// and they fit in a few lines that say exactly what is allowed, dynamic import() included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The floors of src/, lowest first: a file or a folder each. Every module of src/ is on one.
 * The ground floor (the contract's types, text helpers, the charter, the diagnostics registry),
 * then the pipeline's stages in order, then the pipeline, the library and the command line.
 */
export const FLOORS = [
  'model.ts',
  'text',
  'charter',
  'diagnostics',
  'read',
  'normalise',
  'timescales',
  'validate',
  'compare',
  'write',
  'report',
  'pipeline.ts',
  'index.ts',
  'cli',
];

/** The floor of a path in src/ (its index in FLOORS), or -1 where it is on none; null outside src/. */
export function floorOf(path, srcRoot) {
  const inside = relative(srcRoot, path);
  if (inside.startsWith('..') || inside === '') return null;
  const first = inside.split(sep)[0];
  return FLOORS.indexOf(first.replace(/\.js$/, '.ts'));
}

function srcRootOf(filename) {
  const at = filename.lastIndexOf(`${sep}src${sep}`);
  return at < 0 ? null : filename.slice(0, at + 4);
}

function checkSpecifier(context, node, specifier, srcRoot, fromFloor) {
  if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
  const target = resolve(dirname(context.filename), specifier);
  const toFloor = floorOf(target, srcRoot);
  if (toFloor === null) {
    context.report({ node, messageId: 'outside', data: { specifier } });
  } else if (toFloor < 0) {
    context.report({ node, messageId: 'noFloor', data: { specifier } });
  } else if (toFloor > fromFloor) {
    context.report({ node, messageId: 'upward', data: { specifier, from: FLOORS[fromFloor], to: FLOORS[toFloor] } });
  }
}

const floors = {
  meta: {
    type: 'problem',
    docs: { description: 'a module of src/ imports only from its own floor or the floors below (lint/floors.js FLOORS)' },
    schema: [],
    messages: {
      upward: "'{{specifier}}' is on a higher floor ({{to}}) than this module ({{from}}): stages import only downwards",
      noFloor: "'{{specifier}}' is on no floor: add its folder to FLOORS in lint/floors.js",
      outside: "'{{specifier}}' is outside src/",
      unplaced: 'this module is on no floor: add its folder to FLOORS in lint/floors.js',
    },
  },
  create(context) {
    const srcRoot = srcRootOf(context.filename);
    if (srcRoot === null) return {};
    const fromFloor = floorOf(context.filename, srcRoot);
    if (fromFloor === null) return {};
    if (fromFloor < 0) {
      return { Program: (node) => context.report({ node, messageId: 'unplaced' }) };
    }
    const check = (node) =>
      node.source && node.source.type === 'Literal' && checkSpecifier(context, node.source, node.source.value, srcRoot, fromFloor);
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      // import('./x.js'): a lazily loaded module is still an arrow, and must point down too. A
      // computed specifier (a worker's engine URL) names no module of src/ and is not checked.
      ImportExpression: check,
    };
  },
};

/** Every module of src/ and what it imports (static, dynamic and type-only), by absolute path. */
const graphs = new Map();
function importGraph(srcRoot) {
  if (graphs.has(srcRoot)) return graphs.get(srcRoot);
  const graph = new Map();
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) {
        const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
        const targets = importedFiles
          .map((entry) => entry.fileName)
          .filter((specifier) => specifier.startsWith('.'))
          .map((specifier) => resolve(dirname(path), specifier).replace(/\.js$/, '.ts'));
        graph.set(path, targets);
      }
    }
  };
  walk(srcRoot);
  graphs.set(srcRoot, graph);
  return graph;
}

/** A cycle through `start` (its modules in order), or null. */
export function cycleThrough(graph, start) {
  const path = [];
  const seen = new Set();
  const visit = (node) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) return [...path, node];
      if (seen.has(next) || !graph.has(next)) continue;
      seen.add(next);
      path.push(node);
      const found = visit(next);
      if (found) return found;
      path.pop();
    }
    return null;
  };
  return visit(start);
}

const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'no module of src/ imports, through any chain of imports, itself' },
    schema: [],
    messages: { cycle: 'import cycle: {{cycle}}' },
  },
  create(context) {
    const srcRoot = srcRootOf(context.filename);
    if (srcRoot === null || floorOf(context.filename, srcRoot) === null) return {};
    return {
      Program(node) {
        // Read from disk, so that the check sees the whole tree whichever file is linted first.
        const cycle = cycleThrough(importGraph(srcRoot), context.filename);
        if (cycle)
          context.report({
            node,
            messageId: 'cycle',
            data: { cycle: [...cycle, context.filename].map((path) => relative(srcRoot, path)).join(' → ') },
          });
      },
    };
  },
};

export default { meta: { name: 'charter' }, rules: { floors, 'no-import-cycle': noImportCycle } };
