// Two rewrites of the bundled CLI script (dist/bin/cli.cjs, see src/cli/load-cli-script.ts), made on the
// syntax tree, never on the text alone:
// - ASCII only: Node decodes a non-ASCII file as UTF-8 at 50–100 MB/s (20–50 ms for 2.4 MB at each
//   start), and reads an ASCII one as Latin-1 at once. esbuild escapes strings and templates; characters
//   left in regular expressions and comments are escaped here. Any other (a String.raw template, an
//   identifier) fails the build rather than change the meaning.
// - `import()` calls `__plumeImport()`, a parameter of the script's wrapper: a script compiled by
//   node:vm has no way to import on Node 20 (the option needs --experimental-vm-modules, or prints an
//   experimental warning, and is lost with a code cache); the loader, an ES module, imports for it.
import { parse } from 'acorn';

/** The name of the wrapper's parameter that imports an ES module (src/cli/load-cli-script.ts). */
export const IMPORT_FUNCTION = '__plumeImport';

/** `source` with every non-ASCII character escaped and every `import()` routed to the loader. */
export function prepareCliScript(source, name) {
  const edits = [];
  const program = parse(source, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowReturnOutsideFunction: true,
    onComment: (_block, _text, start, end) => edits.push({ start, end, kind: 'escape' }),
    onToken: (token) => {
      if (token.type.label === 'regexp') edits.push({ start: token.start, end: token.end, kind: 'escape' });
    },
  });
  collectImports(program, edits);
  edits.sort((a, b) => a.start - b.start);
  let result = '';
  let copied = 0;
  for (const edit of edits) {
    result += source.slice(copied, edit.start);
    result += edit.kind === 'escape' ? escapeRange(source, edit.start, edit.end, name) : IMPORT_FUNCTION;
    copied = edit.end;
  }
  result += source.slice(copied);
  const left = /[^\0-\x7f]/u.exec(result);
  if (left !== null)
    throw new Error(
      `${name}:${lineOf(result, left.index)}: « ${left[0]} » outside a regular expression or a comment, escape it in the source`,
    );
  return result;
}

/** Every `import(` of the tree: the `import` keyword is replaced, its arguments stay. */
function collectImports(node, edits) {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) collectImports(child, edits);
    return;
  }
  if (typeof node.type !== 'string') return;
  if (node.type === 'ImportExpression') {
    // Import attributes would be passed along as a second argument the loader ignores: refuse them.
    if (node.options != null)
      throw new Error('import() with options: not routed, update scripts/prepare-cli-script.mjs');
    edits.push({ start: node.start, end: node.start + 'import'.length, kind: 'import' });
  }
  for (const key of Object.keys(node)) if (key !== 'type') collectImports(node[key], edits);
}

/** Each UTF-16 unit as \uXXXX: in a regular expression, with or without the u flag, the same characters. */
function escapeRange(source, start, end, name) {
  let text = '';
  for (let index = start; index < end; index++) {
    const unit = source.charCodeAt(index);
    if (unit < 0x80) {
      text += source[index];
      continue;
    }
    // `\é` (an identity escape) would become `\\u00e9`: not seen in the bundle; refuse rather than guess.
    let backslashes = 0;
    while (source[index - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1)
      throw new Error(
        `${name}:${lineOf(source, index)}: escaped non-ASCII character, write it as \\u in the source`,
      );
    text += `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return text;
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length;
}
