#!/usr/bin/env node
// Lists the functions longer than a limit (default 120 lines), longest first, so a reviewer sees where a
// function has grown past what one reader can hold. A function's length runs from its first to its last
// line, nested functions included; data tables are object and array literals, not functions, so they never
// count. Uses the TypeScript compiler API (parse only: no type checking, a second or two for src/).
//
// Usage:
//   node scripts/list-long-functions.mjs [--max 120] [--json] [folder …]   (default folder: src)
// Exit code 1 when a function is over the limit, 0 otherwise.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repositoryRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const DEFAULT_MAX_LINES = 120;

function listSources(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(path);
    return /\.(?:ts|tsx|mts|js|mjs)$/u.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A readable name for a function node: its own, the variable or property it is assigned to, or its line. */
function nameOf(node, source) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name && (ts.isStringLiteral(node.name) || ts.isPrivateIdentifier(node.name)))
    return node.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isCallExpression(parent)) {
    const callee = parent.expression.getText(source);
    return `(callback of ${callee.length > 40 ? `${callee.slice(0, 40)}…` : callee})`;
  }
  return '(anonymous)';
}

const isFunctionLike = (node) =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

/** Every function of one file's text with its line count. */
export function functionLengths(text, fileName = 'file.ts') {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (isFunctionLike(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ name: nameOf(node, source), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Functions over `maxLines` in the given folders, longest first; paths relative to the repository. */
export function listLongFunctions(folders = ['src'], maxLines = DEFAULT_MAX_LINES) {
  const long = [];
  for (const folder of folders) {
    for (const path of listSources(resolve(repositoryRoot, folder))) {
      const file = relative(repositoryRoot, path).split('\\').join('/');
      for (const found of functionLengths(readFileSync(path, 'utf8'), path)) {
        if (found.lines > maxLines) long.push({ file, ...found });
      }
    }
  }
  return long.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

function main(argv) {
  let maxLines = DEFAULT_MAX_LINES;
  let json = false;
  const folders = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--json') json = true;
    else if (argument === '--max') {
      maxLines = Number(argv[++index]);
      if (!Number.isInteger(maxLines) || maxLines < 1) {
        process.stderr.write('list-long-functions: --max expects a whole number of lines\n');
        return 2;
      }
    } else folders.push(argument);
  }
  const long = listLongFunctions(folders.length > 0 ? folders : ['src'], maxLines);
  if (json) process.stdout.write(`${JSON.stringify(long, null, 2)}\n`);
  else if (long.length === 0) process.stdout.write(`no function over ${maxLines} lines\n`);
  else
    for (const { file, line, name, lines } of long)
      process.stdout.write(`${lines}\t${file}:${line}\t${name}\n`);
  return long.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
