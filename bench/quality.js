// Quality bench on the real-article corpus (test/corpus, see its SOURCES.md): prints figures, asserts nothing.
// Run with `npm run bench:quality` (builds first). `--verbose` also lists, per article, the source sentences
// missing from the output and the escaped-Markdown sequences found; `--case <name>` runs one article;
// `--assessments` prints, per article, each assessment's score on both sides (Plume 0–9 beside Yoast's);
// `--detail` prints Yoast's arithmetic per article: each non-green result, what it costs in SEO points or
// readability penalty, and Yoast's message, and lists the generated headings the lexicon check judges fragments; `--cli` also runs `plume optimize` on each file and marks the exit code `!` when the CLI's differs.
//
// For each article: the offline writer through the library `optimize` with the CLI's defaults, then
// what a French editor would check first — exit code, words, coverage of the source's sentences, links,
// images, H1, H2, escaped Markdown — and Plume's scores beside Yoast SEO's on the same output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyze, InputError, ingest, measureTextWidth, optimize } from '../dist/index.js';
import { sharedLefffLexicon } from '../dist/lexicon/lefff-lexicon.js';
import { isCompleteHeading } from '../dist/plan/headline-from-sentence.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpusDirectory = join(root, 'test/corpus');
const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose');
const withCli = argv.includes('--cli');
const withAssessments = argv.includes('--assessments');
const withDetail = argv.includes('--detail');
const onlyCase = argv.includes('--case') ? argv[argv.indexOf('--case') + 1] : undefined;

// ---------------------------------------------------------------------------------------------------------
// Yoast SEO (devDependency, GPL-3.0): run here only, never imported by src/ or the tests, nothing copied.
// Scores are computed the way Yoast's analysis worker (what the WordPress UI shows) does it: the paper's tree
// is built with the language's Researcher, then the SEO assessor (`SeoAssessor`) and the readability assessor
// (`ContentAssessor`) assess it, and each assessor's score aggregator turns the results into the overall
// score: SEO = round(Σ scores × 100 / (9 × number of results)) (SEOScoreAggregator), readability = a bucket
// from penalty points, 30 « needs improvement », 60 « OK », 90 « good » (ReadabilityScoreAggregator, with
// the locale set so French counts as fully supported). The UI's traffic lights are these scores / 10.
// Yoast is given the article body (the HTML inside <article> without the H1: WordPress keeps the post title
// apart from the content), and the SEO title, meta description, slug and keyphrase Plume chose; the title
// width, which Yoast measures in the browser, is Plume's Arial 20 px measure.
const yoast = loadYoast();

function loadYoast() {
  try {
    const require = createRequire(import.meta.url);
    const { Paper, SeoAssessor, ContentAssessor } = require('yoastseo');
    const FrenchResearcher = require('yoastseo/build/languageProcessing/languages/fr/Researcher.js').default;
    const LanguageProcessor = require('yoastseo/build/parse/language/LanguageProcessor.js').default;
    const { build } = require('yoastseo/build/parse/build/index.js');
    const version = require('yoastseo/package.json').version;
    return { Paper, SeoAssessor, ContentAssessor, FrenchResearcher, LanguageProcessor, build, version };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

function yoastScores(bodyHtml, metadata) {
  if (yoast.error) return null;
  const paper = new yoast.Paper(bodyHtml, {
    keyword: metadata.keyphrase ?? '',
    title: metadata.title,
    titleWidth: Math.round(measureTextWidth(metadata.title)),
    description: metadata.description,
    slug: metadata.slug,
    ...(metadata.url ? { permalink: metadata.url } : {}),
    locale: 'fr_FR',
  });
  const researcher = new yoast.FrenchResearcher(paper);
  paper.setTree(yoast.build(paper, new yoast.LanguageProcessor(researcher)));
  const seo = new yoast.SeoAssessor(researcher);
  seo.assess(paper);
  const content = new yoast.ContentAssessor(researcher);
  content.getScoreAggregator().setLocale('fr_FR');
  content.assess(paper);
  const scored = (results) =>
    results
      .filter((result) => result.hasScore() && result.hasText())
      .map((result) => ({ id: result.getIdentifier(), score: result.getScore() }));
  const detailed = (results) =>
    results.map((result) => ({
      id: result.getIdentifier(),
      score: result.getScore(),
      scored: result.hasScore() && result.hasText(),
      text: (result.getText() ?? '').replace(/<[^>]*>/g, ''),
    }));
  return {
    seo: seo.getScoreAggregator().aggregate(seo.results),
    readability: content.getScoreAggregator().aggregate(content.results),
    seoResults: scored(seo.results),
    readabilityResults: scored(content.results),
    seoDetail: detailed(seo.results),
    readabilityDetail: detailed(content.results),
  };
}

// Plume's assessment ids beside the identifiers Yoast gives its results, to print them side by side
// (`--assessments`). Assessments only one side has are printed alone.
const YOAST_IDS = {
  'keyphrase-length': 'keyphraseLength',
  'keyphrase-in-title': 'keyphraseInSEOTitle',
  'title-width': 'titleWidth',
  'meta-description-length': 'metaDescriptionLength',
  'keyphrase-in-meta-description': 'metaDescriptionKeyword',
  'keyphrase-in-slug': 'slugKeyword',
  'keyphrase-in-introduction': 'introductionKeyword',
  'keyphrase-density': 'keyphraseDensity',
  'keyphrase-in-subheadings': 'subheadingsKeyword',
  'single-h1': 'singleH1',
  'text-length': 'textLength',
  'outbound-links': 'externalLinks',
  'internal-links': 'internalLinks',
  images: 'images',
  'keyphrase-in-image-alt': 'imageKeyphrase',
  'sentence-length': 'textSentenceLength',
  'paragraph-length': 'textParagraphTooLong',
  'subheading-distribution': 'subheadingsTooLong',
  'passive-voice': 'passiveVoice',
  'transition-words': 'textTransitionWords',
  'consecutive-sentences': 'sentenceBeginnings',
};

/** One line per assessment: Plume's score, Yoast's, and Plume's message parameters. */
function assessmentLines(plumeResults, yoastResults) {
  const lines = [];
  const yoastById = new Map(yoastResults.map((result) => [result.id, result.score]));
  const shown = new Set();
  for (const result of plumeResults) {
    const yoastId = YOAST_IDS[result.id];
    const yoastScore = yoastId === undefined ? undefined : yoastById.get(yoastId);
    if (yoastId !== undefined) shown.add(yoastId);
    const difference = yoastScore === undefined ? '' : result.score - yoastScore;
    const marker = typeof difference === 'number' && difference > 0 ? ' <' : '';
    lines.push(
      `      ${result.group.padEnd(11)} ${result.id.padEnd(30)} P ${result.score} Y ${yoastScore ?? '—'}${marker}  ${JSON.stringify(result.params)}`,
    );
  }
  for (const [id, score] of yoastById) {
    if (!shown.has(id)) lines.push(`      ${'yoast only'.padEnd(11)} ${id.padEnd(30)} P — Y ${score}`);
  }
  return lines;
}

// What the offline writer cannot supply without inventing content: images, links the source does not have.
const NEEDS_CONTENT = new Set(['images', 'imageKeyphrase', 'internalLinks', 'externalLinks']);

/**
 * `--detail`: Yoast's own arithmetic for one article. SEO = round(Σ scores × 100 / (9 × N)) over all N
 * results its SEO assessor returns, unscored ones included (they count 0), so each point an assessment
 * misses costs 100 / (9 N) SEO points; readability is a bucket of penalty points (bad 3, ok 2: 90 up to
 * 4, 60 up to 6, else 30). Each non-green result is printed with its cost and Yoast's message.
 */
function detailLines(yoastResult) {
  const lines = [];
  const seoResults = yoastResult.seoDetail;
  const count = seoResults.length;
  const sum = seoResults.reduce((total, result) => total + result.score, 0);
  const pointValue = 100 / (9 * count);
  const contentCost = seoResults
    .filter((result) => result.scored && NEEDS_CONTENT.has(result.id))
    .reduce((total, result) => total + (9 - result.score), 0);
  lines.push(
    `    Yoast SEO ${yoastResult.seo} = round(${sum} × 100 / (9 × ${count})); 1 point = ${pointValue.toFixed(2)} SEO; ` +
      `images, alt texts and links the source lacks cost ${contentCost} points = ${(contentCost * pointValue).toFixed(1)} SEO`,
  );
  for (const result of seoResults) {
    if (result.scored && result.score >= 8) continue;
    const cost = result.scored
      ? `−${9 - result.score} pt = −${((9 - result.score) * pointValue).toFixed(1)} SEO`
      : 'unscored, counts 0';
    lines.push(
      `      seo  ${result.id.padEnd(26)} ${String(result.score).padStart(3)}  ${cost.padEnd(24)} ${result.text.slice(0, 110)}`,
    );
  }
  let penalty = 0;
  for (const result of yoastResult.readabilityDetail) {
    if (!result.scored || result.score > 7) continue;
    const points = result.score <= 4 ? 3 : 2;
    penalty += points;
    lines.push(
      `      read ${result.id.padEnd(26)} ${String(result.score).padStart(3)}  penalty ${points}${' '.repeat(16)} ${result.text.slice(0, 110)}`,
    );
  }
  lines.push(
    `    Yoast readability ${yoastResult.readability}: penalty ${penalty} (90 up to 4, 60 up to 6, else 30)`,
  );
  return lines;
}

/** The article's body as a WordPress post content: inside <article>, without the H1. */
function articleBody(html) {
  const start = html.indexOf('<article>');
  const end = html.lastIndexOf('</article>');
  const body = start >= 0 && end > start ? html.slice(start + '<article>'.length, end) : html;
  return body.replace(/<h1[^>]*>[\s\S]*?<\/h1>/, '');
}

// ---------------------------------------------------------------------------------------------------------
// Measurements.

/**
 * One comparable form of a sentence: Unicode NFC, lower case, one apostrophe, no quotation marks, dashes and
 * ellipses unified, and no whitespace at all — so French typography (narrow no-break spaces before « ; : ! ? »,
 * in numbers and before units, guillemets instead of straight quotes) and re-wrapped lines do not count as
 * a change, while any changed, dropped or added word does.
 */
function normalize(text) {
  return (
    text
      .normalize('NFD')
      // Capitals lose their accents: the polish writes « À quoi bon » where the author typed « A quoi bon ».
      .replace(/(\p{Lu})\p{M}+/gu, '$1')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[’‘ʼ`´]/g, "'")
      .replace(/[«»“”„"‹›]/g, '')
      .replace(/[–—‑‐]/g, '-')
      .replace(/…/g, '...')
      .replace(/\s+/g, '')
  );
}

/**
 * Coverage: the share of the source's sentences (from the ingested source, after its noise removal) whose
 * normalized text occurs in the normalized text of the output article. Containment rather than equality of
 * sentences, because the writer may legitimately split a paragraph; a sentence cut by a heading, reworded,
 * truncated or dropped is not found.
 */
function coverage(sourceSentences, outputText) {
  const haystack = normalize(outputText);
  const missing = sourceSentences.filter((sentence) => !haystack.includes(normalize(sentence)));
  const total = sourceSentences.length;
  return { percent: total === 0 ? 100 : (100 * (total - missing.length)) / total, missing, total };
}

/** Calls `action` on every node of a unist tree, depth first. */
function visit(node, action) {
  action(node);
  for (const child of node.children ?? []) visit(child, action);
}

/** Sentences of the text inside raw HTML nodes: tags, scripts and styles removed, basic entities decoded. */
function htmlBlockSentences(tree) {
  const sentences = [];
  visit(tree, (node) => {
    if (node.type !== 'html') return;
    const text = node.value
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#0?39;|&rsquo;/g, '’')
      .replace(/\s+/g, ' ')
      .trim();
    for (const sentence of text.split(/(?<=[.!?…])\s+(?=\S)/)) {
      if (/\p{L}{2,}/u.test(sentence)) sentences.push(sentence);
    }
  });
  return sentences;
}

const HTML_LINK = /<a\s[^>]*href\s*=/gi;
const HTML_IMAGE = /<img\b/gi;

/**
 * Links (not in-page anchors) and images of an mdast tree, counting those inside raw HTML blocks too. With
 * `markdown`, a bare-URL link counts only when its address is written out in it: GFM's autolinker also turns
 * an escaped `\[text]\(http\://…)` printed as text into a « link », which no reader would call one.
 */
function countLinksAndImages(tree, markdown) {
  let links = 0;
  let images = 0;
  // Links written as Markdown syntax carry a position; GFM's literal autolinks do not.
  const written = (node) =>
    markdown === undefined || node.position !== undefined || markdown.includes(node.url);
  visit(tree, (node) => {
    if (
      (node.type === 'link' && !String(node.url).startsWith('#') && written(node)) ||
      node.type === 'linkReference'
    ) {
      links += 1;
    } else if (node.type === 'image' || node.type === 'imageReference') {
      images += 1;
    } else if (node.type === 'html') {
      links += (node.value.match(HTML_LINK) ?? []).length;
      images += (node.value.match(HTML_IMAGE) ?? []).length;
    }
  });
  return { links, images };
}

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/**
 * What the author put in: a page's links and images are those of its article once the page's navigation,
 * sidebar and comments are removed (the ingested document); a Markdown or text file's are those its
 * Markdown and inline HTML write, read from the file itself (a .txt is read as Markdown here, as its author
 * meant it), so that what Plume's ingest drops or leaves as literal text still counts as « in ».
 */
function sourceLinksAndImages(format, text, document) {
  if (format === 'html' || format === 'html-page') return countLinksAndImages(document.tree);
  return countLinksAndImages(markdownParser.parse(text));
}

// Backslash escapes that Markdown serializers add: `\[`, `\*`, `` \` ``, `\>`, `\_`, `\(`, `\:`…
const ESCAPED_MARKDOWN = /\\[[\]*`>_()#!<:|~+.{}-]/g;

function countEscapes(text) {
  const counts = new Map();
  for (const match of text.match(ESCAPED_MARKDOWN) ?? []) counts.set(match, (counts.get(match) ?? 0) + 1);
  return counts;
}

/**
 * Escaped-Markdown sequences of the output that the source did not have (per sequence, count above it).
 * An HTML page's text is not Markdown: a `*` or `<` its author wrote as text (« www.*.com », « the <video>
 * element ») can only be written `\*`, `\<` in Markdown, the faithful form, so those are not counted.
 */
function addedEscapes(sourceText, outputMarkdown, literalText = '') {
  const body = outputMarkdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const before = countEscapes(sourceText);
  for (const character of literalText.match(/[[\]*`>_()#!<:|~+.{}-]/g) ?? []) {
    const sequence = `\\${character}`;
    before.set(sequence, (before.get(sequence) ?? 0) + 1);
  }
  const added = [];
  for (const [sequence, count] of countEscapes(body)) {
    const extra = count - (before.get(sequence) ?? 0);
    if (extra > 0) added.push([sequence, extra]);
  }
  return added;
}

function headingCount(tree, depth) {
  let count = 0;
  visit(tree, (node) => {
    if (node.type === 'heading' && node.depth === depth) count += 1;
  });
  return count;
}

/** The source's own title: its metadata (front matter, page), else the H1 that opens its body. */
function sourceTitle(document) {
  if (document.metadata.title?.trim()) return document.metadata.title;
  const first = document.tree.children.find((node) => node.type !== 'html' && node.type !== 'yaml');
  return first?.type === 'heading' && first.depth === 1 ? mdastToString(first) : undefined;
}

// Static-site-generator syntax a reader must never see: `::: lead`, `{.class}`, `{% tag %}`, `{{ var }}`,
// `<!--more-->` printed as text in the output (they are fine in the source; Plume must understand or drop them).
const PRINTED_EXTRAS = /:::|\{[.#:][^}\n]*\}|\{%[^%\n]*%\}|\{\{[^}\n]*\}\}|<!--\s*more\s*-->/g;

/** Counted in the output's text nodes only: code spans and blocks may show such syntax on purpose. */
function countPrintedExtras(tree) {
  const texts = [];
  visit(tree, (node) => {
    if (node.type === 'text') texts.push(node.value);
  });
  return (texts.join('\n').match(PRINTED_EXTRAS) ?? []).length;
}

/** What a round trip must keep: the H1, the H2/H3 texts in order and the body's word count. */
function outline(result) {
  const headings = [];
  visit(result.article.tree, (node) => {
    if (node.type === 'heading' && node.depth <= 3)
      headings.push(`${node.depth}:${normalize(mdastToString(node))}`);
  });
  return { h1: normalize(result.article.metadata.h1), headings, words: result.report.statistics.bodyWords };
}

/**
 * Plume's output must be a fixed point: optimizing the .md (or the .html) it wrote gives back the same H1,
 * headings and body words (`y`), else `n`; `e` when the second run throws.
 */
async function roundTrip(result, fileName, text, roundTripChanges) {
  try {
    const again = await optimize(text, { fileName, locale: 'fr-FR' });
    const before = outline(result);
    const after = outline(again);
    const changes = [
      ...(before.h1 === after.h1 ? [] : ['H1']),
      ...(before.headings.join('\n') === after.headings.join('\n')
        ? []
        : [`headings ${before.headings.length}→${after.headings.length}`]),
      ...(before.words === after.words ? [] : [`words ${before.words}→${after.words}`]),
    ];
    roundTripChanges.push(`${fileName}: ${changes.length ? changes.join(', ') : 'same'}`);
    return changes.length ? 'n' : 'y';
  } catch (error) {
    roundTripChanges.push(`${fileName}: ${error?.message ?? error}`);
    return 'e';
  }
}

/** yes / no / none: the output's H1 is the source's own title (typography aside). */
function titleKept(sourceTitle, h1) {
  if (!sourceTitle?.trim()) return 'none';
  return normalize(sourceTitle) === normalize(h1) ? 'yes' : 'no';
}

/** Exit code of `plume optimize <file>` with no other flag, writing into a scratch directory. */
function cliExitCode(file) {
  const output = mkdtempSync(join(tmpdir(), 'plume-quality-'));
  try {
    return spawnSync(process.execPath, [join(root, 'dist/bin/main.js'), 'optimize', file, '-o', output], {
      stdio: 'ignore',
    }).status;
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// One article.

async function measure(caseName) {
  const directory = join(corpusDirectory, caseName);
  const fileName = readdirSync(directory).find((name) => /^source\.(md|txt|html)$/.test(name));
  const text = readFileSync(join(directory, fileName), 'utf8');
  // Same options as `plume optimize <file>` with no flag: the file name guides format detection, fr-FR.
  const options = { fileName, locale: 'fr-FR' };
  let result;
  let document;
  try {
    document = await ingest(text, options);
    result = await optimize(text, options);
  } catch (error) {
    return {
      caseName,
      exitCode: error instanceof InputError ? 2 : 1,
      error: String(error?.message ?? error),
    };
  }
  const sourceAnalysis = analyze(document);
  // Both sides go through the same analyzer, so what it reads of a node (link text, reference links, code)
  // is read alike in the source and in the output.
  // Prose inside raw HTML blocks (a quote in <p class>, a <figure> caption, an embedded tweet) is the
  // author's too, though the analyzer skips those blocks: it is added on both sides, tags stripped.
  // The output is what the user gets: the rendered Markdown file, read back (what the renderer drops is lost).
  const outputTree = markdownParser.parse(result.markdown);
  const outputText = [
    analyze({ format: 'markdown', tree: outputTree, metadata: {} }).text,
    ...htmlBlockSentences(outputTree),
  ].join('\n\n');
  const sourceSentences = [
    ...sourceAnalysis.sentences.map((sentence) => sentence.text),
    ...htmlBlockSentences(document.tree),
  ];
  const printedExtras = countPrintedExtras(outputTree);
  const sourceCounts = sourceLinksAndImages(document.format, text, document);
  const outputCounts = countLinksAndImages(outputTree, result.markdown);
  const htmlSource = document.format === 'html' || document.format === 'html-page';
  const escapes = addedEscapes(text, result.markdown, htmlSource ? mdastToString(document.tree) : '');
  const metadata = result.article.metadata;
  const fragments = fragmentHeadings(result.plan);
  const published = await publishedScores(text, options, caseName);
  const roundTripChanges = [];
  const markdownTrip = await roundTrip(result, 'article.md', result.markdown, roundTripChanges);
  const htmlTrip = await roundTrip(result, 'article.html', result.html, roundTripChanges);
  const roundTrips = `${markdownTrip}/${htmlTrip}`;
  return {
    caseName,
    exitCode: result.report.passed ? 0 : 3,
    ...(withCli ? { cliExitCode: cliExitCode(join(directory, fileName)) } : {}),
    sourceWords: result.report.source.words,
    outputWords: result.report.statistics.bodyWords,
    coverage: coverage(sourceSentences, outputText),
    linksIn: sourceCounts.links,
    linksOut: outputCounts.links,
    imagesIn: sourceCounts.images,
    imagesOut: outputCounts.images,
    h1: titleKept(sourceTitle(document), metadata.h1),
    sourceTitle: sourceTitle(document),
    printedExtras,
    roundTrips,
    roundTripChanges,
    outline: outline(result),
    outputH1: metadata.h1,
    h2: headingCount(result.article.tree, 2),
    escapes,
    escapeCount: escapes.reduce((sum, [, count]) => sum + count, 0),
    plume: result.report.scores,
    plumeResults: result.report.results,
    yoast: yoastScores(articleBody(result.html), { ...metadata, keyphrase: result.report.keyphrase }),
    published,
    fragments,
    generatedHeadings: result.plan.sections.filter((section) => section.origin === 'generated').length,
    keyphrase: result.report.keyphrase,
  };
}

/** Generated headings (not the source's own) that the lexicon check judges fragments. */
function fragmentHeadings(plan) {
  const lexicon = sharedLefffLexicon();
  return plan.sections
    .filter((section) => section.origin === 'generated' && !isCompleteHeading(section.heading, lexicon))
    .map((section) => section.heading);
}

// « As a user publishes it »: a featured image (`--image`, its alt text left to Plume's default, the H1), the
// article's real address (`--url`, its site's host as `site.url`), and the site's other pages
// (`--site-pages`): the other corpus articles of the same site (same host in SOURCES.md), with their real
// addresses and titles, nothing else added. Yoast scores the body Plume writes: the image counts only if
// Plume puts it there (`imageInBody`), the links to the site's pages are internal links for Yoast too (same
// host as the permalink). Yoast's WordPress plugin adds the featured image to the text it analyses
// (wordpress-seo PRs #3251, #17840): `wordpress` is that figure, given apart.
const PUBLISHED_IMAGE = 'https://www.exemple.fr/images/illustration.jpg';
const SITE_URL = 'https://www.exemple.fr/';

/**
 * Each case's address as its site publishes it. Jekyll (charlesaracil.github.io) uses `permalink: /:title/`
 * from the post's file name; Hugo (blog.nanax.fr) its default `/post/<file name>/`; the others are named in
 * SOURCES.md. The `.txt` variants are copies of a Jekyll post: they share its address.
 */
const REAL_ADDRESSES = {
  'fr-md-jekyll-diceware': 'https://charlesaracil.github.io/Diceware_mot_de_passe_des/',
  'fr-md-jekyll-cheminement-securite': 'https://charlesaracil.github.io/Un-cheminement-iteratif-en-securite/',
  'fr-md-jekyll-long-bugs-du-cerveau': 'https://charlesaracil.github.io/Les_bugs_du_cerveau/',
  'fr-md-jekyll-laissez-moi-respirer': 'https://charlesaracil.github.io/Laissez_moi_respirer/',
  'fr-txt-title-first-line': 'https://charlesaracil.github.io/Laissez_moi_respirer/',
  'fr-txt-hard-wrapped': 'https://charlesaracil.github.io/Laissez_moi_respirer/',
  'fr-txt-markdown-links-quotes': 'https://charlesaracil.github.io/Les-mots-passes-sont-depasses/',
  'fr-md-eleventy-tout-change': 'https://nicolas-hoizey.com/articles/2016/07/13/tout-change-rien-ne-change/',
  'fr-md-eleventy-sav-truffaut':
    'https://nicolas-hoizey.com/articles/2014/04/23/l-excellent-sav-de-truffaut-via-twitter/',
  'fr-md-eleventy-lapeyre':
    'https://nicolas-hoizey.com/articles/2018/07/17/lapeyre-y-en-a-pas-deux-j-espere/',
  'fr-md-eleventy-short-transferts':
    'https://nicolas-hoizey.com/articles/2004/08/04/les-transferts-de-gros-fichiers-simplifies/',
  'fr-md-hugo-kodi-sfr-tv': 'https://blog.nanax.fr/post/2017-02-12-kodi-sfr-tv/',
  'en-md-hugo-pandoc-latex': 'https://blog.nanax.fr/post/2018-05-04-pandoc-latex/',
  'fr-md-long-eleventy-introduction':
    'https://github.com/jeromecoupe/iad_eleventy_introduction/blob/master/eleventy_introduction_fr.md',
  'es-md-eleventy-practicas-estoicas': 'https://rsenses.com/post/practicas-estoicas/',
  'en-html-wordpress-mozilla-hacks': 'https://hacks.mozilla.org/2015/03/this-api-is-so-fetching/',
  'en-html-wordpress-firefox-nightly':
    'https://blog.nightly.mozilla.org/2020/12/18/these-weeks-in-firefox-issue-85/',
};

/** Each case's title as SOURCES.md gives it, the note in parentheses after it left out. */
function sourceTitles() {
  const titles = {};
  let caseName;
  for (const line of readFileSync(join(corpusDirectory, 'SOURCES.md'), 'utf8').split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) caseName = heading[1];
    const title = /^- Title: (.*?)(?: \((?:[^()]|\([^()]*\))*\))?$/.exec(line);
    if (caseName && title) titles[caseName] = title[1].trim();
  }
  return titles;
}

/** The other pages of the case's site: the corpus articles with the same host, once per address. */
function sitePagesOf(caseName) {
  const own = REAL_ADDRESSES[caseName];
  if (!own) return [];
  const titles = sourceTitles();
  const host = new URL(own).host;
  const pages = new Map();
  for (const [name, url] of Object.entries(REAL_ADDRESSES)) {
    if (url === own || new URL(url).host !== host || pages.has(url) || !titles[name]) continue;
    pages.set(url, { url, title: titles[name] });
  }
  return [...pages.values()];
}

async function publishedScores(text, options, caseName) {
  if (yoast.error) return null;
  const url = REAL_ADDRESSES[caseName] ?? new URL(`blog/${caseName}/`, SITE_URL).href;
  const sitePages = sitePagesOf(caseName);
  const result = await optimize(text, {
    ...options,
    image: PUBLISHED_IMAGE,
    canonicalUrl: url,
    siteUrl: new URL('/', url).href,
    ...(sitePages.length > 0 ? { sitePages } : {}),
  });
  const body = articleBody(result.html);
  const metadata = { ...result.article.metadata, keyphrase: result.report.keyphrase, url };
  const alt = result.article.metadata.image?.alt ?? '';
  const featured = `<p><img src="${PUBLISHED_IMAGE}" alt="${alt.replace(/"/g, '&quot;')}"></p>`;
  return {
    imageInBody: body.includes(PUBLISHED_IMAGE),
    alt,
    seo: yoastScores(body, metadata).seo,
    wordpress: yoastScores(`${featured}${body}`, metadata).seo,
    sitePages: sitePages.length,
    internalLinks: result.report.internalLinks ?? [],
    passed: result.report.passed,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The table.

const caseNames = readdirSync(corpusDirectory)
  .filter((name) => statSync(join(corpusDirectory, name)).isDirectory())
  .filter((name) => !onlyCase || name === onlyCase)
  .sort();

const columns = [
  ['case', 34, 'left'],
  ['exit', 4],
  ['words in→out', 12],
  ['cover', 6],
  ['links', 7],
  ['images', 7],
  ['H1=title', 8],
  ['H2', 3],
  ['esc', 4],
  ['ssg', 4],
  ['rt', 3],
  ['frag', 4],
  ['SEO P/Y (Δ)', 14],
  ['pub', 3],
  ['read P/Y (Δ)', 14],
  ['keyphrase', 0, 'left'],
];

function formatRow(cells) {
  return cells
    .map((cell, index) => {
      const [, width, align] = columns[index];
      const text = String(cell);
      return align === 'left' ? text.padEnd(width) : text.padStart(width);
    })
    .join('  ');
}

function scorePair(plume, yoastScore) {
  if (yoastScore === undefined) return `${plume}/—`;
  const difference = plume - yoastScore;
  return `${plume}/${yoastScore} (${difference > 0 ? '+' : ''}${difference})`;
}

console.log(`node ${process.version}; ${caseNames.length} articles from test/corpus (SOURCES.md)`);
console.log(
  yoast.error
    ? `Yoast SEO: not run (${yoast.error}); its columns show —`
    : `Yoast SEO: yoastseo ${yoast.version}, fr_FR researcher, overall scores as its analysis worker computes them`,
);
console.log(
  'cover = source sentences found in the output; links/images = in→out; esc = escaped-Markdown sequences the source did not have; ssg = site-generator syntax printed as text (::: lead, {.class}, {% %}); rt = round trips md→md/html→md keep H1, headings and words; frag = generated headings the lexicon check judges fragments; P = Plume, Y = Yoast, Δ = P − Y; pub = Yoast SEO as a user publishes it (--image, the real --url, and --site-pages listing the other corpus articles of the same site; the image counts only if Plume writes it in the body)\n',
);
console.log(formatRow(columns.map(([title]) => title)));
console.log(formatRow(columns.map(([, width]) => '-'.repeat(width))));

const rows = [];
for (const caseName of caseNames) {
  const row = await measure(caseName);
  rows.push(row);
  if (row.error) {
    console.log(
      formatRow([caseName, row.exitCode, `error: ${row.error}`, ...columns.slice(3).map(() => '')]),
    );
    continue;
  }
  console.log(
    formatRow([
      caseName,
      row.cliExitCode === undefined || row.cliExitCode === row.exitCode ? row.exitCode : `${row.exitCode}!`,
      `${row.sourceWords}→${row.outputWords}`,
      `${row.coverage.percent.toFixed(0)}%`,
      `${row.linksIn}→${row.linksOut}`,
      `${row.imagesIn}→${row.imagesOut}`,
      row.h1,
      row.h2,
      row.escapeCount,
      row.printedExtras,
      row.roundTrips,
      row.fragments.length,
      scorePair(row.plume.seo, row.yoast?.seo),
      row.published?.seo ?? '—',
      scorePair(row.plume.readability, row.yoast?.readability),
      `${row.keyphrase ?? '—'} (${keyphraseWords(row)})`,
    ]),
  );
  if (verbose) {
    console.log(
      `    keyphrase: ${row.keyphrase ?? '—'}; source title: ${row.sourceTitle ?? '—'}; H1: ${row.outputH1}`,
    );
    for (const [sequence, count] of row.escapes) console.log(`    escaped ${sequence} ×${count}`);
    console.log(`    round trips: ${row.roundTripChanges.join('; ')}`);
    for (const sentence of row.coverage.missing) console.log(`    missing: ${sentence.slice(0, 140)}`);
  }
  if (withDetail && row.yoast) for (const line of detailLines(row.yoast)) console.log(line);
  if (withDetail) {
    for (const heading of row.fragments) console.log(`    fragment heading: « ${heading} »`);
    if (row.published)
      console.log(
        `    as published: Yoast SEO ${row.published.seo} (featured image ${row.published.imageInBody ? 'in' : 'not in'} the body); ` +
          `${row.published.wordpress} if WordPress adds it to the analysed text as Yoast's plugin does (alt « ${row.published.alt} »)`,
      );
    if (row.published?.sitePages) {
      console.log(
        `    site pages: ${row.published.sitePages}, internal links added: ${row.published.internalLinks.length}` +
          `${row.published.passed ? '' : ' (constraints failed)'}`,
      );
      for (const link of row.published.internalLinks) console.log(`      « ${link.anchor} » → ${link.url}`);
    }
  }
  if (withAssessments && row.yoast) {
    console.log(`    keyphrase: ${row.keyphrase ?? '—'}   (< = Plume kinder than Yoast)`);
    for (const line of assessmentLines(row.plumeResults, [
      ...row.yoast.seoResults,
      ...row.yoast.readabilityResults,
    ]))
      console.log(line);
  }
}

/** Words of the keyphrase, elisions glued to the next word as in the audit (« startups d’IA » has 2). */
function keyphraseWords(row) {
  return row.keyphrase ? row.keyphrase.split(/\s+/u).length : 0;
}

// Totals: sums of counts, averages of percentages and scores (all articles, then French ones only).
function summarize(label, selected) {
  const done = selected.filter((row) => !row.error);
  if (done.length === 0) return;
  const sum = (pick) => done.reduce((total, row) => total + pick(row), 0);
  const average = (pick) => sum(pick) / done.length;
  const withYoast = done.filter((row) => row.yoast);
  const averageOf = (list, pick) => list.reduce((total, row) => total + pick(row), 0) / list.length;
  const yoastSeo = withYoast.length ? Math.round(averageOf(withYoast, (row) => row.yoast.seo)) : undefined;
  const yoastReadability = withYoast.length
    ? Math.round(averageOf(withYoast, (row) => row.yoast.readability))
    : undefined;
  console.log(
    formatRow([
      label,
      `${done.filter((row) => row.exitCode === 0).length}×0`,
      `${sum((row) => row.sourceWords)}→${sum((row) => row.outputWords)}`,
      `${average((row) => row.coverage.percent).toFixed(1)}%`,
      `${sum((row) => row.linksIn)}→${sum((row) => row.linksOut)}`,
      `${sum((row) => row.imagesIn)}→${sum((row) => row.imagesOut)}`,
      `${done.filter((row) => row.h1 === 'yes').length}/${done.filter((row) => row.h1 !== 'none').length}`,
      sum((row) => row.h2),
      sum((row) => row.escapeCount),
      sum((row) => row.printedExtras),
      `${done.filter((row) => row.roundTrips === 'y/y').length}/${done.length}`,
      `${sum((row) => row.fragments.length)}/${sum((row) => row.generatedHeadings)}`,
      scorePair(Math.round(average((row) => row.plume.seo)), yoastSeo),
      withYoast.length ? Math.round(averageOf(withYoast, (row) => row.published?.seo ?? 0)) : '—',
      scorePair(Math.round(average((row) => row.plume.readability)), yoastReadability),
      `${done.filter((row) => keyphraseWords(row) >= 2 && keyphraseWords(row) <= 4).length}/${done.length} of 2–4 words`,
    ]),
  );
  if (withYoast.length) {
    const gap = (pick) => Math.max(...withYoast.map((row) => Math.abs(pick(row))));
    console.log(
      `${' '.repeat(36)}largest |Plume − Yoast|: SEO ${gap((row) => row.plume.seo - row.yoast.seo)}, readability ${gap((row) => row.plume.readability - row.yoast.readability)}`,
    );
  }
}

console.log(formatRow(columns.map(([, width]) => '-'.repeat(width))));
summarize('total / average (all)', rows);
summarize(
  'total / average (French)',
  rows.filter((row) => row.caseName.startsWith('fr-')),
);
// A hard-wrapped copy of an article must give the same article as the unwrapped one.
const wrapped = rows.find((row) => row.caseName === 'fr-txt-hard-wrapped' && !row.error);
const unwrapped = rows.find((row) => row.caseName === 'fr-txt-title-first-line' && !row.error);
if (wrapped && unwrapped) {
  const drift = (100 * Math.abs(wrapped.outputWords - unwrapped.outputWords)) / unwrapped.outputWords;
  const sameHeadings = wrapped.outline.headings.join('\n') === unwrapped.outline.headings.join('\n');
  console.log(
    `\nhard-wrapped vs unwrapped copy: words ${wrapped.outputWords} vs ${unwrapped.outputWords} (${drift.toFixed(1)} % apart), same headings: ${sameHeadings ? 'yes' : 'no'}`,
  );
}
const errors = rows.filter((row) => row.error);
if (errors.length)
  console.log(`\n${errors.length} article(s) failed: ${errors.map((row) => row.caseName).join(', ')}`);
