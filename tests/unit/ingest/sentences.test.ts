import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '@/src/ingest/sentences';

function textsOf(text: string): string[] {
  return splitSentences(text).map((sentence) => sentence.text);
}

describe('splitSentences', () => {
  it.each<[string, string, string[]]>([
    ['two plain sentences', 'Credo grew. Shares rose!', ['Credo grew.', 'Shares rose!']],
    [
      'a dotted abbreviation before a name',
      'The U.S. Department of Energy released a roadmap. It lacks funding.',
      ['The U.S. Department of Energy released a roadmap.', 'It lacks funding.'],
    ],
    [
      'a dotted abbreviation ending a sentence',
      'The plant is in the U.S. The company chose Texas.',
      ['The plant is in the U.S.', 'The company chose Texas.'],
    ],
    [
      'company suffixes',
      'Apple Inc. reported results. Nvidia Corp. The company did too.',
      ['Apple Inc. reported results.', 'Nvidia Corp.', 'The company did too.'],
    ],
    ['titles', 'Dr. Smith and Mr. Jones spoke. Then they left.', ['Dr. Smith and Mr. Jones spoke.', 'Then they left.']],
    [
      'Latin abbreviations',
      'Chips, e.g. GPUs, and cables, i.e. AECs, sold well. Demand grew.',
      ['Chips, e.g. GPUs, and cables, i.e. AECs, sold well.', 'Demand grew.'],
    ],
    [
      'months and numbers',
      'On Jan. 12 it filed report No. 5 with regulators. Shares fell.',
      ['On Jan. 12 it filed report No. 5 with regulators.', 'Shares fell.'],
    ],
    [
      'initials',
      'J. K. Rowling and John F. Kennedy met. Nobody noticed.',
      ['J. K. Rowling and John F. Kennedy met.', 'Nobody noticed.'],
    ],
    [
      'decimals',
      'Its stock reached $143.61 and grew 5.5%. Volume rose.',
      ['Its stock reached $143.61 and grew 5.5%.', 'Volume rose.'],
    ],
    [
      'curly quotes closing after the period',
      'He said “it works.” Then he left.',
      ['He said “it works.”', 'Then he left.'],
    ],
    ['straight quotes closing after the period', 'She said "no." The deal died.', ['She said "no."', 'The deal died.']],
    ['a question inside a quote', '"Why?" he asked. Nobody knew.', ['"Why?" he asked.', 'Nobody knew.']],
    ['an ellipsis ending a sentence', 'We waited... Then it rained.', ['We waited...', 'Then it rained.']],
    ['an ellipsis inside a sentence', 'It was… fine, mostly. Good.', ['It was… fine, mostly.', 'Good.']],
    ['a trailing ellipsis', 'The company...', ['The company...']],
    [
      'list lines',
      'Key points:\n- TikTok pays Microsoft.\n- ByteDance builds its own model',
      ['Key points:', 'TikTok pays Microsoft.', 'ByteDance builds its own model'],
    ],
    [
      'a heading without a period',
      'Recent Stories\nDOE fusion roadmap targets 2030s\nThe plan is new.',
      ['Recent Stories', 'DOE fusion roadmap targets 2030s', 'The plan is new.'],
    ],
    ['a line break inside a clause', 'the first part\r\nthe second part', ['the first part', 'the second part']],
    [
      'a label before its text',
      'The big picture: The DOE roadmap aims high. Why it matters: cost.',
      ['The big picture: The DOE roadmap aims high.', 'Why it matters: cost.'],
    ],
    ['blank lines and padding', '  \n\n   Hello there.   \n\n\t', ['Hello there.']],
    ['punctuation-only lines', 'One.\n***\n- \nTwo.', ['One.', 'Two.']],
  ])('%s', (_name, text, expected) => {
    expect(textsOf(text)).toEqual(expected);
  });

  it('gives offsets into the source text', () => {
    const text = 'Intro:\n- TikTok pays nearly $20 million per month.  It is a top customer.';
    expect(splitSentences(text)).toEqual([
      { text: 'Intro:', start: 0, end: 6 },
      { text: 'TikTok pays nearly $20 million per month.', start: 9, end: 50 },
      { text: 'It is a top customer.', start: 52, end: 73 },
    ]);
  });

  it('counts offsets in UTF-16 code units', () => {
    const text = 'Emoji 🚀 launch. Next one.';
    const [, second] = splitSentences(text);
    expect(second).toEqual({ text: 'Next one.', start: 17, end: 26 });
    expect(text.slice(second!.start, second!.end)).toBe('Next one.');
  });

  it('returns trimmed, non-empty, ordered spans of the source for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.stringMatching(/^(?:U\.S\.|Inc\.|Dr\.|e\.g\.|\.\.\.|…|”|"|- |\n|\r\n| |The|word|A\.|\?|!|\.|\$1\.5)*$/),
        ),
        (text) => {
          let previousEnd = 0;
          for (const sentence of splitSentences(text)) {
            expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
            expect(sentence.text).toBe(sentence.text.trim());
            expect(sentence.text).not.toBe('');
            expect(sentence.text).not.toMatch(/[\r\n]/);
            expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
            previousEnd = sentence.end;
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('splits 100 KB of prose in well under a second', () => {
    const text = 'Dr. Smith paid $1.5 million, e.g. to the U.S. office. Then… "Why?" he asked.\n- A list line\n'.repeat(
      1200,
    );
    const started = performance.now();
    const sentences = splitSentences(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sentences).toHaveLength(1200 * 4);
  });

  it.each([
    ['a run of full stops', '.'.repeat(100_000) + 'x'],
    ['a run of marks', '!?'.repeat(50_000) + 'x'],
    ['a run of abbreviations', 'U.S. '.repeat(20_000)],
  ])('stays linear on %s', (_name, text) => {
    const started = performance.now();
    splitSentences(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

/**
 * The user's AI news digest (the seed of assets/articles/), verbatim,
 * so this test needs nothing outside the repository.
 */
const DIGEST = `TikTok emerges as a major customer of Microsoft’s AI cloud services, with potential implications for the AI industry and Microsoft’s financials.
TikTok’s reliance on Microsoft’s AI: As of March, TikTok was paying Microsoft nearly $20 million per month to access OpenAI’s models, making it one of the largest customers of Microsoft’s AI cloud computing services.
- TikTok’s payments to Microsoft accounted for almost a quarter of the revenue generated by Microsoft’s increasingly profitable cloud division.
- Microsoft’s cloud AI business was on track to earn $1 billion in annual revenue, highlighting the growing importance of AI services in the company’s portfolio.
ByteDance’s AI ambitions: TikTok’s parent company, ByteDance, has been developing its own large language model (LLM), potentially reducing its reliance on Microsoft’s AI services in the future.
- ByteDance was “secretly using” OpenAI’s technology to create its own LLM, a practice generally considered a faux pas in the AI world and a violation of OpenAI’s terms of service.
- OpenAI suspended ByteDance’s account to investigate a potential violation of its developer license, while ByteDance claimed it was using the technology “to a very limited extent” to help create its own models.
Microsoft’s AI investments and financials: Microsoft has made significant investments in OpenAI, positioning itself as the company’s exclusive cloud provider and building a supercomputer to power ChatGPT.
- Microsoft has spent “several hundreds of millions of dollars” on the supercomputer, showcasing its commitment to advancing AI technologies.
- In its Q4 2024 earnings report, Microsoft revealed Azure revenue growth of 29 percent, slightly missing its projected growth of 30 to 31 percent from the previous earnings release.
- For Q1 2025, Microsoft anticipates Azure revenue growth of around 28–29 percent, indicating a continued strong performance of its cloud services.
Analyzing deeper: TikTok’s reliance on Microsoft’s AI services and ByteDance’s efforts to develop its own LLM highlight the complex dynamics within the AI industry. As companies strive to leverage advanced AI technologies, they often rely on partnerships with leading AI providers like OpenAI and Microsoft. However, the desire to reduce dependence on external providers and gain a competitive edge drives some companies to develop their own AI capabilities, potentially reshaping the competitive landscape in the long run. The financial implications for Microsoft are significant, as AI services become an increasingly important part of its cloud business, contributing to its overall growth and profitability.
Recent Stories
DOE fusion roadmap targets 2030s commercial deployment as AI drives $9B investment
The Department of Energy has released a new roadmap targeting commercial-scale fusion power deployment by the mid-2030s, though the plan lacks specific funding commitments and relies on scientific breakthroughs that have eluded researchers for decades. The strategy emphasizes public-private partnerships and positions AI as both a research tool and motivation for developing fusion energy to meet data centers' growing electricity demands. The big picture: The DOE's roadmap aims to "deliver the public infrastructure that supports the fusion private sector scale up in the 2030s," but acknowledges it cannot commit to specific funding levels and remains subject to Congressional appropriations. Why...
Oct 17, 2025Tying it all together: Credo’s purple cables power the $4B AI data center boom
Credo, a Silicon Valley semiconductor company specializing in data center cables and chips, has seen its stock price more than double this year to $143.61, following a 245% surge in 2024. The company's signature purple cables, which cost between $300-$500 each, have become essential infrastructure for AI data centers, positioning Credo to capitalize on the trillion-dollar AI infrastructure expansion as hyperscalers like Amazon, Microsoft, and Elon Musk's xAI rapidly build out massive computing facilities. What you should know: Credo's active electrical cables (AECs) are becoming indispensable for connecting the massive GPU clusters required for AI training and inference. The company...
Oct 17, 2025Vatican launches Latin American AI network for human development
The Vatican hosted a two-day conference bringing together 50 global experts to explore how artificial intelligence can advance peace, social justice, and human development. The event launched the Latin American AI Network for Integral Human Development and established principles for ethical AI governance that prioritize human dignity over technological advancement. What you should know: The Pontifical Academy of Social Sciences, the Vatican's research body for social issues, organized the "Digital Rerum Novarum" conference on October 16-17, combining academic research with practical AI applications. Participants included leading experts from MIT, Microsoft, Columbia University, the UN, and major European institutions. The conference...`;

describe('the AI news digest', () => {
  const sentences = textsOf(DIGEST);

  it('keeps a "Label: text" lead and its figures in one sentence', () => {
    expect(sentences).toContain(
      'TikTok’s reliance on Microsoft’s AI: As of March, TikTok was paying Microsoft nearly $20 million per month to access OpenAI’s models, making it one of the largest customers of Microsoft’s AI cloud computing services.',
    );
  });

  it('drops list markers and keeps quotes inside their sentence', () => {
    expect(sentences).toContain(
      'Microsoft has spent “several hundreds of millions of dollars” on the supercomputer, showcasing its commitment to advancing AI technologies.',
    );
    expect(sentences.some((sentence) => sentence.startsWith('-'))).toBe(false);
  });

  it('makes headings and truncation marks their own sentences', () => {
    expect(sentences).toContain('Recent Stories');
    expect(sentences).toContain('Why...');
    expect(sentences).toContain('The conference...');
    expect(sentences).toContain('Oct 17, 2025Vatican launches Latin American AI network for human development');
  });

  it('splits the prose paragraphs at each sentence', () => {
    const paragraph = sentences.filter((sentence) =>
      /Analyzing deeper|As companies strive|However, the desire|The financial implications/.test(sentence),
    );
    expect(paragraph).toHaveLength(4);
    // Counted by hand: 15 lines in the first article, the heading, and 16 sentences in the three excerpts.
    expect(sentences).toHaveLength(32);
  });
});
