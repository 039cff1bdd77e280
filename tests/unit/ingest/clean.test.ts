import { describe, expect, it } from 'vitest';
import { cleanArticleText } from '@/src/ingest/clean';

const PROSE = 'The council approved the budget on Tuesday after a long debate.';
const MORE = 'Its members voted nine to four, the clerk said.';

/** The cleaned text of paragraphs given one per line, as extraction leaves them. */
const cleaned = (...paragraphs: string[]) => cleanArticleText(paragraphs.join('\n\n')).text;

describe('cleanArticleText removes what is not the article', () => {
  it.each([
    ['a photo credit line', 'Photo: Jane Roe / Example Agency'],
    ['an image credit in brackets', '(Image credit: Example Robotics)'],
    ['a main image credit', 'Main image credit: Getty'],
    ['a caption glued to its credit', 'The mayor at a rally in Queens.CreditJane Roe for The Daily'],
    [
      'a caption ending in an agency credit',
      'A row of unsold cars sits at a dealership in Denver. (AP Photo/Jane Roe)',
    ],
    [
      'a caption ending in a supplied source',
      'A new law would make carriers keep records for two years. Source: Supplied',
    ],
    ['"Caption" and "Close" buttons', 'Caption'],
    ['"Advertisement"', 'Advertisement'],
    ['a newsletter prompt in capitals', 'SIGN UP FOR OUR NEWSLETTER'],
    ['an all-caps author bio', 'JANE ROE IS THE EXAMPLE NETWORK POLITICAL EDITOR'],
    ['a byline', 'By Jane Roe and John Doe'],
    [
      'a sign-off with a handle',
      'Jane Roe covers cities. Follow her on Twitter @janeroe or email her at jane@example.com',
    ],
    ['a contact address alone', 'jane.roe@example.com'],
    ['a web address alone', 'twitter.com/janeroe'],
    ['a print reference', 'A version of this article appears in print on May 2, Section B, Page 7.'],
    ['a page reference', 'Page B7'],
    ['a section label', 'Hardware'],
    ['a date line', 'March 13, 2015 9:00PM'],
    ['a "From:" label', 'From: The Daily Example'],
    ['a gallery label', 'Gallery: Phone X | 14 Photos'],
    ['a stock ticker', 'EXMP +1.23 (0.45%)'],
    ['a copyright line', '© 2019 Example Media'],
    ['a newsletter prompt in prose', 'Start your day with the Morning Brief. Sign up for the free daily newsletter.'],
    [
      'a reprint notice with a web address',
      'This copy is for your personal use only. To order copies for your colleagues visit http://www.example.com.',
    ],
  ])('drops %s', (_, furniture) => {
    const result = cleanArticleText([PROSE, furniture, MORE].join('\n\n'));
    expect(result.text).toBe(`${PROSE}\n\n${MORE}`);
    expect(result.removed.join(' ')).toContain(furniture.slice(0, 12));
  });

  it.each([
    ['BERLIN — The council met.', 'The council met.'],
    ['SAN FRANCISCO (AP) — The council met.', 'The council met.'],
    ['DUBAI, United Arab Emirates — The council met.', 'The council met.'],
    ['Washington, DC, United States: The council met.', 'The council met.'],
    ['Springfield – The council met.', 'The council met.'],
    ['Palo Alto, Calif. — The council met.', 'The council met.'],
    // An agency's name in brackets, glued to the first word or before a dash.
    ['(CNN)President Jane Roe met the council.', 'President Jane Roe met the council.'],
    ['(Reuters) - The council met.', 'The council met.'],
  ])('keeps the sentence after the dateline in %j', (paragraph, sentence) => {
    expect(cleaned(paragraph)).toBe(sentence);
  });

  it.each([
    ['an acronym before a dash', 'IBM — the old giant — said it would cut jobs.'],
    ['a label with no comma before the colon', 'Analysis: the council has run out of money.'],
    ['a sentence opening with a capitalised word', 'A HIGH-powered team toured the newsrooms this week.'],
    ['a sentence that mentions opening a window', 'The shop opens a new window display every spring.'],
    ['a name set off by a pair of dashes', 'Zorblet – the town’s biggest employer – cut 40 jobs.'],
    ['an aside in brackets that is a sentence', '(The council met twice.) The mayor left early.'],
    [
      'a story that mentions a newsletter',
      'The council said residents who subscribe to its newsletter will hear first.',
    ],
  ])('keeps %s', (_, paragraph) => {
    expect(cleaned(paragraph)).toBe(paragraph);
  });

  it('strips soft hyphens and screen-reader link text glued to words', () => {
    expect(cleaned('The coun\u00adcil saidOpens a new window it would vote (opens in a new tab) today.')).toBe(
      'The council said it would vote today.',
    );
  });

  it('strips a "© Provided by" credit glued to the front of the lead', () => {
    expect(cleaned('© Provided by Example News Inc Jane/Roe The council approved the budget.')).toBe(
      'The council approved the budget.',
    );
  });

  it('drops an unpunctuated caption that a lone credit follows', () => {
    expect(cleaned(PROSE, 'Jane Roe, the council clerk, at her desk in the town hall', '(Example Council)', MORE)).toBe(
      `${PROSE}\n\n${MORE}`,
    );
  });

  it('drops a "Most Read" heading and the teasers after it, but not the prose that follows', () => {
    const text = cleaned(
      PROSE,
      'Most Read Local Stories',
      'Council approves park plan',
      'JANE ROE THE council met again.',
      MORE,
    );
    expect(text).toBe(`${PROSE}\n\n${MORE}`);
  });

  it('drops a run of unpunctuated teaser lines, but keeps a list the article introduces', () => {
    const teasers = ['How the council lost its money', 'Why parks cost more now', 'What the new mayor wants'];
    expect(cleaned(PROSE, ...teasers, MORE)).toBe(`${PROSE}\n\n${MORE}`);
    const list = ['The council will cut its budget', 'The mayor will hire a manager', 'Parks will close earlier'];
    expect(cleaned('The mayor promised three things:', ...list)).toBe(
      ['The mayor promised three things:', ...list].join('\n\n'),
    );
  });

  it('keeps short list items after a colon', () => {
    expect(cleaned('The finalists are:', 'Acme, Denver, Colorado', 'Beta', MORE)).toBe(
      ['The finalists are:', 'Acme, Denver, Colorado', 'Beta', MORE].join('\n\n'),
    );
  });

  it('keeps paragraphs of CJK text, which end in their own full stops', () => {
    const text = ['微软周二公布了财报。', '云计算收入增长了百分之二十九。', '公司预计下季度继续增长！'].join('\n\n');
    expect(cleanArticleText(text).text).toBe(text);
  });

  it('never returns nothing for a text it would empty whole', () => {
    const labels = 'Home\n\nNews\n\nSport';
    expect(cleanArticleText(labels)).toEqual({ text: labels, removed: [] });
  });

  it('is linear: a 5 MB article cleans in well under a second', () => {
    const paragraph = `${PROSE} ${MORE}\n\nPhoto: Jane Roe\n\n`;
    const big = paragraph.repeat(Math.ceil(5_000_000 / paragraph.length));
    const started = performance.now();
    const result = cleanArticleText(big);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.text).not.toContain('Photo:');
    // One very long line as well: the regular expressions must not backtrack.
    const line = `${'A'.repeat(20_000)} — ${'word, '.repeat(50_000)}`;
    const lineStarted = performance.now();
    cleanArticleText(line);
    expect(performance.now() - lineStarted).toBeLessThan(3000);
  });
});
