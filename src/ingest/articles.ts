/**
 * Articles: one story per Markdown file with YAML front matter.
 *
 * ```
 * ---
 * title: "Credo’s purple cables power the $4B AI data center boom"
 * date: 2025-10-17        # optional; absent when the article gives none
 * source: AI news digest
 * url: https://example.com/credo   # optional
 * excerpt: true           # optional; the text is a truncated excerpt
 * ---
 * The article's text…
 * ```
 *
 * Pure: takes the file's path and text, so the build (Node) and the
 * extension (a user pasting an article) share it.
 */
import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { IngestProblem } from './errors';
import { yamlErrorText } from './yaml-errors';
import { slugify } from './slug';

/** An article file as read from disk or pasted by the user. */
export interface ArticleSource {
  /** Path shown in error messages, e.g. `assets/articles/credo.md`. */
  path: string;
  text: string;
}

/** A parsed, validated article. */
export interface Article {
  id: string;
  path: string;
  title: string;
  date: string | null;
  source?: string;
  url?: string;
  excerpt?: boolean;
  body: string;
  /** The line of its file where the text starts, for warnings about the text; absent for plain data. */
  bodyLine?: number;
}

/** The outcome of parsing one article: the article when valid, and every problem and warning found. */
export interface ParsedArticle {
  article: Article | null;
  problems: IngestProblem[];
  warnings: IngestProblem[];
}

const KNOWN_FIELDS = new Set(['title', 'date', 'source', 'url', 'excerpt']);
const FENCE = /^---[ \t]*$/;

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The article id for a file path: its file name without `.md`, as a slug. */
export function articleIdFromPath(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return slugify(name.replace(/\.(md|markdown|txt)$/i, ''));
}

/** Parse and validate one article file. Never throws: problems come back as data. */
export function parseArticle(source: ArticleSource): ParsedArticle {
  const problems: IngestProblem[] = [];
  const warnings: IngestProblem[] = [];
  const file = source.path;
  const lines = source.text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');

  if (!FENCE.test(lines[0] ?? '')) {
    problems.push({ file, line: 1, message: "missing front matter: the file must start with a '---' line" });
    return { article: null, problems, warnings };
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close < 0) {
    problems.push({ file, line: 1, message: "front matter is not closed: add a '---' line after it" });
    return { article: null, problems, warnings };
  }

  // Line numbers inside the YAML are offset by the opening fence.
  const lineCounter = new LineCounter();
  const document = parseDocument(lines.slice(1, close).join('\n'), { lineCounter, uniqueKeys: true });
  const lineOf = (node: YamlNode | null | undefined, fallback = 2) =>
    node?.range ? lineCounter.linePos(node.range[0]).line + 1 : fallback;

  for (const error of document.errors) {
    const line = error.linePos?.[0]?.line ?? 1;
    problems.push({ file, line: line + 1, message: `front matter is not valid YAML: ${yamlErrorText(error)}` });
  }
  if (problems.length) return { article: null, problems, warnings };

  const contents = document.contents;
  if (!isMap(contents)) {
    problems.push({ file, line: 2, message: 'front matter must be a list of `field: value` lines' });
    return { article: null, problems, warnings };
  }

  const fields = new Map<string, { value: unknown; line: number }>();
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const valueNode = pair.value as YamlNode | null;
    const line = lineOf(valueNode, lineOf(pair.key as YamlNode));
    fields.set(key, { value: isScalar(valueNode) ? valueNode.value : (valueNode?.toJSON?.() ?? null), line });
    if (!KNOWN_FIELDS.has(key)) {
      warnings.push({
        file,
        line: lineOf(pair.key as YamlNode),
        field: key,
        message: `unknown field '${key}' is ignored (known: ${[...KNOWN_FIELDS].join(', ')})`,
      });
    }
  }

  const title = fields.get('title');
  if (!title || typeof title.value !== 'string' || !title.value.trim()) {
    problems.push({
      file,
      line: title?.line ?? 2,
      field: 'title',
      message: title ? 'title must be non-empty text' : 'title is missing',
    });
  }

  let date: string | null = null;
  const dateField = fields.get('date');
  if (dateField && dateField.value !== null && dateField.value !== '') {
    const text = dateField.value instanceof Date ? dateField.value.toISOString().slice(0, 10) : String(dateField.value);
    if (isIsoDate(text)) date = text;
    else problems.push({ file, line: dateField.line, field: 'date', message: `date '${text}' is not YYYY-MM-DD` });
  }

  const optionalText = (name: 'source' | 'url'): string | undefined => {
    const field = fields.get(name);
    if (!field || field.value === null) return undefined;
    if (typeof field.value !== 'string' || !field.value.trim()) {
      problems.push({ file, line: field.line, field: name, message: `${name} must be non-empty text` });
      return undefined;
    }
    return field.value.trim();
  };
  const sourceName = optionalText('source');
  const url = optionalText('url');
  if (url !== undefined && !/^https?:\/\/[^\s]+$/i.test(url)) {
    problems.push({
      file,
      line: fields.get('url')!.line,
      field: 'url',
      message: `url '${url}' is not an http(s) address`,
    });
  }

  let excerpt: boolean | undefined;
  const excerptField = fields.get('excerpt');
  if (excerptField && excerptField.value !== null) {
    if (typeof excerptField.value === 'boolean') excerpt = excerptField.value;
    else
      problems.push({
        file,
        line: excerptField.line,
        field: 'excerpt',
        message: `excerpt must be true or false, not '${String(excerptField.value)}'`,
      });
  }

  const body = lines
    .slice(close + 1)
    .join('\n')
    .trim();
  const id = articleIdFromPath(file);
  if (!id) problems.push({ file, line: 1, message: 'the file name gives no usable id: use letters or digits' });

  if (problems.length) return { article: null, problems, warnings };
  return {
    article: {
      id,
      path: file,
      title: (title!.value as string).trim(),
      date,
      ...(sourceName !== undefined && { source: sourceName }),
      ...(url !== undefined && { url }),
      ...(excerpt !== undefined && { excerpt }),
      body,
      bodyLine: close + 2,
    },
    problems,
    warnings,
  };
}
