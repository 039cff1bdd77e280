/**
 * One page, one article: the address a page is known by, so that adding a page the user added before
 * updates that article instead of putting a second copy of its story and figures in the fact base. Pure.
 */
import type { UserArticle } from './schema';

/** Query parameters that say how a reader arrived, not which page it is. */
const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_[ce]id|igshid|ref|ref_src|smid|cmpid|ocid)$/i;

/**
 * The address `url` is compared by: scheme-less, host in lower case without `www.`, no fragment, no
 * tracking parameters, no trailing slash; null when it is not an http(s) address.
 */
export function pageAddressKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const path = parsed.pathname.replace(/\/+$/, '') || '';
  const query = [...parsed.searchParams]
    .filter(([name]) => !TRACKING_PARAMETER.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${host}${port}${path}${query ? `?${query}` : ''}`;
}

/** The stored article added from the same page as `url`, if any (`except` leaves the one being edited out). */
export function articleFromSamePage(
  articles: readonly UserArticle[],
  url: string | undefined,
  except?: string,
): UserArticle | undefined {
  const key = url ? pageAddressKey(url) : null;
  if (key === null) return undefined;
  return articles.find((article) => article.id !== except && article.url && pageAddressKey(article.url) === key);
}
