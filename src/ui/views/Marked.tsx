import { highlightSegments } from '../../search/highlight';

/**
 * Text with the words a search matched in `<mark>`. Text is only ever
 * rendered as text nodes, so markup in a story ("<img onerror=…>") shows as
 * the characters it is.
 */
export function Marked({ text, terms }: { text: string; terms?: readonly string[] }) {
  if (!terms?.length) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, terms).map((segment, index) =>
        segment.marked ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
