import { extractArticle } from '@/src/user-articles/extract';

/**
 * Injected into one tab, on the user's request only, by the options page's
 * "Add this page" (`browser.scripting.executeScript({ files: ['/extract.js'] })`).
 * Its return value is the script's result: the page's article as plain data.
 */
export default defineUnlistedScript(() => extractArticle(document));
