import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate } from '../../format/dates';
import { draftFromPage, draftOf } from '../../user-articles/draft';
import { articleFromSamePage } from '../../user-articles/page-address';
import { EMPTY_DRAFT, type UserArticle } from '../../user-articles/schema';
import type { ArticleDraft, ArticlePreview, DraftProblem } from '../../messages/article-preview';
import { deleteUserArticle, saveUserArticle } from '../../user-articles/store';
import { ArticleForm } from './ArticleForm';
import { ArticlePreviewPanel } from './ArticlePreviewPanel';
import { explainExtractionError, type OptionsEnvironment } from './environment';
import { requestPreview } from './requests';
import { createBackgroundClient } from '../background-client';

/** The add/edit form's state. */
interface Editor {
  draft: ArticleDraft;
  /** The id of the article being edited; absent when adding. */
  replacing?: string;
  problems: DraftProblem[];
  preview: ArticlePreview | null;
  /** `reading`: extracting a page; `previewing`: waiting for the background; `saving`: writing. */
  busy: 'reading' | 'previewing' | 'saving' | null;
  /** A failure that is not a field's problem (the page could not be read, the background failed). */
  error: string | null;
  /** Set when the page being added was added before: saving updates that article. */
  samePage?: string;
  /** Set when the page being added lists several stories rather than holding one article. */
  listing?: string;
}

/** What the form says when _Add this page_ was used on a front page or a section page. */
export const LISTING_NOTICE =
  'This page lists several stories; open one to add it. What Factlens read from this page is below, if you want it anyway.';

const BUSY_LABELS: Record<NonNullable<Editor['busy']> | 'idle', string | null> = {
  reading: 'Reading the page…',
  previewing: 'Looking for entities and figures…',
  saving: 'Saving…',
  idle: null,
};

/** The day an article was added, as the article list writes dates. */
function formatAddedOn(article: UserArticle): string {
  return formatDate(article.addedAt.slice(0, 10));
}

const fresh = (draft: ArticleDraft = EMPTY_DRAFT, replacing?: string): Editor => ({
  draft,
  ...(replacing !== undefined && { replacing }),
  problems: [],
  preview: null,
  busy: null,
  error: null,
});

/** The user's own articles: listed, added by paste or from a page, previewed, edited, deleted. */
export function ArticlesSection(props: {
  env: Pick<OptionsEnvironment, 'storage' | 'sendMessage' | 'extractPage' | 'now'>;
  /** The stored articles; null while loading. */
  articles: UserArticle[] | null;
  /** Extract this tab's article into the form when the page opens ("Add this page"). */
  addFromTab: number | null;
  announce: (message: string) => void;
}) {
  const { env, articles, announce } = props;
  const [editor, setEditor] = useState<Editor | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  // The list as it is when an extraction finishes, not as it was when it started (still loading, maybe).
  const latestArticles = useRef(articles);
  latestArticles.current = articles;

  // Move focus to what just appeared, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (!focusTarget) return;
    section.current?.querySelector<HTMLElement>(`[data-focus="${focusTarget}"]`)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  useEffect(() => {
    if (props.addFromTab === null) return;
    const tabId = props.addFromTab;
    let cancelled = false;
    setEditor({ ...fresh(), busy: 'reading' });
    setFocusTarget('article-form');
    env.extractPage(tabId).then(
      (page) => {
        if (cancelled) return;
        const draft = draftFromPage(page);
        const stored = latestArticles.current;
        const earlier = stored && articleFromSamePage(stored, draft.url);
        // A front page's teasers are still put in the form (nothing is lost if the check is wrong), under a notice.
        const listing = page.listing ? { listing: LISTING_NOTICE } : {};
        if (earlier) {
          const notice = `You added this page on ${formatAddedOn(earlier)}: saving updates “${earlier.title}” instead of adding a copy.`;
          setEditor({ ...fresh(draft, earlier.id), samePage: notice, ...listing });
          announce(`Filled in from “${page.title}”. ${notice}`);
        } else {
          setEditor({ ...fresh(draft), ...listing });
          announce(page.listing ? LISTING_NOTICE : `Filled in from “${page.title}”. Check the text, then preview.`);
        }
      },
      (error: unknown) => {
        if (cancelled) return;
        setEditor({ ...fresh(), error: explainExtractionError(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [props.addFromTab, env]);

  const update = (change: Partial<Editor>) => setEditor((current) => (current ? { ...current, ...change } : current));

  const preview = async () => {
    if (!editor) return;
    update({ busy: 'previewing', error: null });
    try {
      const outcome = await requestPreview(createBackgroundClient(env.sendMessage), editor.draft, editor.replacing);
      if (outcome.ok) {
        update({ busy: null, problems: [], preview: outcome.preview });
        setFocusTarget('article-preview');
      } else {
        update({ busy: null, problems: outcome.problems, preview: null });
        announce(outcome.problems.map((problem) => problem.message).join(' '));
      }
    } catch (error) {
      update({ busy: null, error: `Factlens could not analyse the article: ${String(error)}` });
    }
  };

  const save = async () => {
    if (!editor) return;
    update({ busy: 'saving', error: null });
    try {
      const result = await saveUserArticle(env.storage, editor.draft, {
        ...(editor.replacing !== undefined && { replacing: editor.replacing }),
        now: env.now(),
      });
      if (!result.ok) {
        update({ busy: null, problems: result.problems, preview: null });
        setFocusTarget('article-form');
        return;
      }
      setEditor(null);
      setFocusTarget('add-article');
      announce(
        result.samePage || editor.samePage
          ? `Updated “${result.article.title}”: you had added this page before.`
          : `Saved “${result.article.title}”. Factlens marks its entities on your pages now.`,
      );
    } catch (error) {
      update({ busy: null, error: `The article could not be saved: ${String(error)}` });
    }
  };

  const remove = async (article: UserArticle) => {
    setConfirmingDelete(null);
    try {
      await deleteUserArticle(env.storage, article.id, env.now());
      setFocusTarget('add-article');
      announce(`Deleted “${article.title}”.`);
    } catch (error) {
      announce(`“${article.title}” could not be deleted: ${String(error)}`);
    }
  };

  const list =
    articles === null ? (
      <p aria-busy="true">Loading your articles…</p>
    ) : articles.length === 0 ? (
      <p class="fo-hint">
        None yet. Add an article by pasting its text, or open a news page, click the Factlens button and choose “Add
        this page”.
      </p>
    ) : (
      <ul class="fo-article-list">
        {articles.map((article) => (
          <li key={article.id}>
            <div>
              <span class="fo-article-title">{article.title}</span>
              <span class="fo-meta">
                {' '}
                {formatDate(article.date)}
                {article.source && ` · ${article.source}`}
              </span>
            </div>
            {confirmingDelete === article.id ? (
              <div class="fo-actions" role="group" aria-label={`Confirm deleting “${article.title}”`}>
                <span>Delete it for good?</span>
                <button
                  type="button"
                  class="fo-danger"
                  data-focus="confirm-delete"
                  onClick={() => void remove(article)}
                >
                  Delete
                </button>
                <button type="button" onClick={() => setConfirmingDelete(null)}>
                  Keep it
                </button>
              </div>
            ) : (
              <div class="fo-actions">
                <button
                  type="button"
                  aria-label={`Edit “${article.title}”`}
                  onClick={() => {
                    setEditor(fresh(draftOf(article), article.id));
                    setFocusTarget('article-form');
                  }}
                >
                  Edit
                </button>
                <button
                  type="button"
                  aria-label={`Delete “${article.title}”`}
                  onClick={() => {
                    setConfirmingDelete(article.id);
                    setFocusTarget('confirm-delete');
                  }}
                >
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    );

  return (
    <section id="articles" class="fo-section" aria-labelledby="articles-title" ref={section}>
      <h2 id="articles-title">Your articles</h2>
      <p class="fo-hint">
        Articles you add join the fact base on this device: their companies, people and figures are marked and shown
        like the built-in ones.
      </p>
      {list}
      {!editor && (
        <button
          type="button"
          class="fo-primary"
          data-focus="add-article"
          onClick={() => {
            setEditor(fresh());
            setFocusTarget('article-form');
          }}
        >
          Add an article
        </button>
      )}
      {editor?.samePage && <p class="fo-hint fo-same-page">{editor.samePage}</p>}
      {editor?.listing && <p class="fo-hint fo-listing">{editor.listing}</p>}
      {editor?.error && (
        <p role="alert" class="fo-error">
          {editor.error}
        </p>
      )}
      {editor && editor.preview === null && (
        <ArticleForm
          draft={editor.draft}
          problems={editor.problems}
          busy={BUSY_LABELS[editor.busy ?? 'idle']}
          editing={editor.replacing !== undefined}
          onChange={(draft) => update({ draft, problems: [] })}
          onPreview={() => void preview()}
          onCancel={() => {
            setEditor(null);
            setFocusTarget('add-article');
          }}
        />
      )}
      {editor?.preview && (
        <ArticlePreviewPanel
          title={editor.draft.title.trim()}
          preview={editor.preview}
          saving={editor.busy === 'saving'}
          onSave={() => void save()}
          onBack={() => {
            update({ preview: null });
            setFocusTarget('article-form');
          }}
        />
      )}
    </section>
  );
}
