/**
 * The language of a code listing, read from the classes of its `<pre>` or `<code>` as publishing tools
 * write them: `language-js` (Prism, highlight.js, Markdown renderers), `lang-js`, `brush: js;`
 * (SyntaxHighlighter), or a bare language name (`<pre class="javascript">`, GeSHi in WordPress).
 * Lowercase; undefined when no class names one. Pure.
 */
export function codeLanguageOf(classes: readonly string[]): string | undefined {
  for (const name of classes) {
    const prefixed = /^(?:language|lang)-([\w+#.-]+)$/iu.exec(name)?.[1];
    if (prefixed) return prefixed.toLowerCase();
  }
  // `class="brush: js; gutter: false"` splits into « brush: », « js; », « gutter: », « false ».
  const brush = classes.findIndex((name) => /^brush:/iu.test(name));
  if (brush !== -1) {
    const value = (/^brush:(.+)$/iu.exec(classes[brush] ?? '')?.[1] ?? classes[brush + 1] ?? '').replace(
      /;$/u,
      '',
    );
    if (/^[\w+#.-]+$/u.test(value)) return value.toLowerCase();
  }
  return classes.map((name) => name.toLowerCase()).find((name) => BARE_LANGUAGE_CLASSES.has(name));
}

/**
 * Class names that name a language by themselves. Only these: a bare class is usually a layout one
 * (`wp-block-code`, `code`, `highlight`), never read as a language.
 */
const BARE_LANGUAGE_CLASSES = new Set([
  'bash',
  'c',
  'cpp',
  'csharp',
  'css',
  'diff',
  'go',
  'html',
  'html5',
  'java',
  'javascript',
  'js',
  'json',
  'kotlin',
  'markdown',
  'php',
  'python',
  'ruby',
  'rust',
  'scss',
  'shell',
  'sql',
  'swift',
  'typescript',
  'xml',
  'yaml',
]);
