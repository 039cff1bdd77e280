/**
 * A stable, URL-safe id from a name or file name: accents folded, lower case,
 * runs of anything else collapsed to one hyphen ("Microsoft’s AI" → "microsoft-s-ai").
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
