/**
 * Human sentences for schema problems, naming where the problem is and what
 * was found there: `articles[2].date: 'Oct 17' is not YYYY-MM-DD`. zod/mini
 * ships no message locale (every default message is "Invalid input"), so the
 * words are ours; schemas whose own messages start with "is …" or "must …"
 * keep them.
 */
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

/** `articles[2].date` for `['articles', 2, 'date']`, with `prefix` before a leading name. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let text = prefix;
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${String(part)}` : String(part);
  }
  return text;
}

/** The value at `path` inside `root`, or undefined where the path leads nowhere. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** A value as it appears in a message: strings quoted and shortened, objects named by kind. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return `'${short}'`;
  }
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const KIND_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  int: 'a whole number',
};

function predicate(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${KIND_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `is longer than ${String(issue.maximum)}`
        : `is more than ${String(issue.maximum)}`;
    case 'too_small':
      if ((issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) === 1) return 'is empty';
      return issue.origin === 'string' || issue.origin === 'array'
        ? `is shorter than ${String(issue.minimum)}`
        : `is less than ${String(issue.minimum)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${showValue(issue.values[0])}`
        : `is not one of ${issue.values.map(showValue).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `'${key}'`).join(', ')}`;
    case 'invalid_union':
      return 'is not valid here';
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is not valid';
  }
}

/**
 * One sentence for one issue of parsing `input`: where, what was there, what is wrong.
 * `prefix` names the root when the parsed value sits inside something larger.
 */
export function describeIssue(issue: Issue, input: unknown, prefix = ''): string {
  const path = formatPath(issue.path, prefix) || 'the file';
  const value = valueAt(input, issue.path);
  if (value === undefined && issue.code === 'invalid_type') return `${path} is missing`;
  if (issue.code === 'unrecognized_keys' || value === undefined) return `${path} ${predicate(issue)}`;
  return `${path}: ${showValue(value)} ${predicate(issue)}`;
}

/**
 * Every issue of a failed parse as a sentence, in the order the schema found
 * them; only the first per place, since "'Oct 17' is not YYYY-MM-DD" makes
 * "…is not a real date" after it noise.
 */
export function describeIssues(issues: readonly Issue[], input: unknown, prefix = ''): string[] {
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const issue of issues) {
    const place = formatPath(issue.path);
    if (seen.has(place) && issue.code !== 'unrecognized_keys') continue;
    seen.add(place);
    sentences.push(describeIssue(issue, input, prefix));
  }
  return sentences;
}
