import { describe, expect, it } from 'vitest';
import { articleFromSamePage, pageAddressKey } from '@/src/user-articles/page-address';
import type { UserArticle } from '@/src/user-articles/schema';

describe('pageAddressKey', () => {
  it.each([
    ['https://www.Example.com/news/story/', 'example.com/news/story'],
    ['http://example.com/news/story#comments', 'example.com/news/story'],
    ['https://example.com/story?utm_source=x&utm_medium=y&fbclid=z', 'example.com/story'],
    ['https://example.com/story?page=2&id=7', 'example.com/story?id=7&page=2'],
    ['https://example.com:8443/a', 'example.com:8443/a'],
    ['https://example.com/', 'example.com'],
  ])('%s → %s', (url, key) => {
    expect(pageAddressKey(url)).toBe(key);
  });

  it.each(['', 'not an address', 'ftp://example.com/a', 'javascript:alert(1)'])('has no key for %j', (url) => {
    expect(pageAddressKey(url)).toBeNull();
  });

  it('keeps pages apart that differ in a parameter that names the page', () => {
    expect(pageAddressKey('https://example.com/view?id=1')).not.toBe(pageAddressKey('https://example.com/view?id=2'));
  });
});

describe('articleFromSamePage', () => {
  const article = (id: string, url?: string): UserArticle => ({
    id,
    title: id,
    date: null,
    body: 'Text.',
    addedAt: '2025-10-20T09:00:00.000Z',
    ...(url && { url }),
  });
  const articles = [
    article('user-a', 'https://example.com/a'),
    article('user-b'),
    article('user-c', 'https://example.com/c/'),
  ];

  it('finds the article added from the same page, whatever its address’s fragment, slash or tracking', () => {
    expect(articleFromSamePage(articles, 'https://www.example.com/c?utm_campaign=n#top')?.id).toBe('user-c');
    expect(articleFromSamePage(articles, 'https://example.com/b')).toBeUndefined();
    expect(articleFromSamePage(articles, undefined)).toBeUndefined();
  });

  it('leaves the article being edited out', () => {
    expect(articleFromSamePage(articles, 'https://example.com/a', 'user-a')).toBeUndefined();
  });
});
