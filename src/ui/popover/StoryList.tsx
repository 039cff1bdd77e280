import { useId } from 'preact/hooks';
import type { StoryForEntity } from '../../messages/schema';
import { formatDate } from '../../format/dates';

/** Props of {@link StoryList}. */
export interface StoryListProps {
  stories: readonly StoryForEntity[];
  /** The entity's name, for "What this story says about <name>". */
  entityName: string;
  onOpenStory(storyId: string): void;
}

function StoryItem({ story, entityName, onOpenStory }: { story: StoryForEntity } & Omit<StoryListProps, 'stories'>) {
  const titleId = useId();
  return (
    <li class="fl-story">
      <article aria-labelledby={titleId}>
        <h4 id={titleId} class="fl-story-title">
          {story.title}
        </h4>
        <p class="fl-meta">
          {story.date ? <time dateTime={story.date}>{formatDate(story.date)}</time> : <span>{formatDate(null)}</span>}
          {story.source && <span>{story.source}</span>}
          {story.excerpt && (
            <span class="fl-badge" title="Factlens holds only an excerpt of this article">
              excerpt
            </span>
          )}
        </p>
        {story.summary && <p class="fl-summary">{story.summary}</p>}
        {story.sentences.length > 0 && (
          <>
            <h5 class="fl-says">What this story says about {entityName}</h5>
            <ul class="fl-sentences">
              {story.sentences.map((sentence, index) => (
                <li key={index}>{sentence}</li>
              ))}
            </ul>
          </>
        )}
        <button
          type="button"
          class="fl-open-story"
          aria-label={`Open story: ${story.title}`}
          onClick={() => onOpenStory(story.id)}
        >
          Open story
        </button>
      </article>
    </li>
  );
}

/** The stories that mention an entity: title, date, source, summary and what each says about it. */
export function StoryList({ stories, entityName, onOpenStory }: StoryListProps) {
  return (
    <ul class="fl-stories">
      {stories.map((story) => (
        <StoryItem key={story.id} story={story} entityName={entityName} onOpenStory={onOpenStory} />
      ))}
    </ul>
  );
}
