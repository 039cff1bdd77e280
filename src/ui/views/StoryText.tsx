import { Marked } from './Marked';

/** A story's text as blocks: paragraphs, and runs of "- " lines as bullet lists. */
type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/** Split a story body into paragraphs at blank lines, and "- " lines into lists. */
export function storyBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((line) => /^[-•*]\s+/.test(line))) {
      const items = lines.map((line) => line.replace(/^[-•*]\s+/, ''));
      const previous = blocks[blocks.length - 1];
      if (previous?.kind === 'list') previous.items.push(...items);
      else blocks.push({ kind: 'list', items });
    } else {
      blocks.push({ kind: 'paragraph', text: lines.join(' ') });
    }
  }
  return blocks;
}

/** A story's full text, with search terms marked. */
export function StoryText({ body, terms }: { body: string; terms?: readonly string[] }) {
  return (
    <div class="fl-story-text">
      {storyBlocks(body).map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index}>
            <Marked text={block.text} terms={terms} />
          </p>
        ) : (
          <ul key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <Marked text={item} terms={terms} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
