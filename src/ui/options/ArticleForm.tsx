import { useId } from 'preact/hooks';
import type { ArticleDraft, DraftProblem } from '../../messages/article-preview';

const FIELDS: {
  key: keyof ArticleDraft;
  label: string;
  hint?: string;
  type: 'text' | 'url' | 'textarea';
  required?: boolean;
}[] = [
  { key: 'title', label: 'Title', type: 'text', required: true },
  // A text field, not type="date": a half-typed date in a date picker reads as empty and would be lost silently.
  { key: 'date', label: 'Date', hint: 'When it was published, YYYY-MM-DD. Leave empty if unknown.', type: 'text' },
  { key: 'source', label: 'Source', hint: 'The publication, e.g. The Guardian.', type: 'text' },
  { key: 'url', label: 'Address (URL)', type: 'url' },
  {
    key: 'body',
    label: 'Text',
    hint: 'The article’s text; separate paragraphs with a blank line.',
    type: 'textarea',
    required: true,
  },
];

/** The fields of an article, with each field's problem beside it. */
export function ArticleForm(props: {
  draft: ArticleDraft;
  problems: readonly DraftProblem[];
  /** What the form is waiting for, as a button label ("Reading the page…"); null when idle. */
  busy: string | null;
  editing: boolean;
  onChange: (draft: ArticleDraft) => void;
  onPreview: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const problemOf = (key: keyof ArticleDraft) => props.problems.find((problem) => problem.field === key);
  return (
    <form
      class="fo-article-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onPreview();
      }}
    >
      <h3 id={`${id}-title`} tabIndex={-1} data-focus="article-form">
        {props.editing ? 'Edit the article' : 'Add an article'}
      </h3>
      {FIELDS.map((field) => {
        const fieldId = `${id}-${field.key}`;
        const problem = problemOf(field.key);
        const described = [field.hint && `${fieldId}-hint`, problem && `${fieldId}-error`].filter(Boolean).join(' ');
        const common = {
          id: fieldId,
          name: field.key,
          value: props.draft[field.key],
          required: field.required,
          'aria-invalid': problem ? ('true' as const) : undefined,
          'aria-describedby': described || undefined,
          onInput: (event: Event) =>
            props.onChange({
              ...props.draft,
              [field.key]: (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value,
            }),
        };
        return (
          <div class="fo-field" key={field.key}>
            <label for={fieldId}>
              {field.label}
              {field.required && <span class="fo-required"> (required)</span>}
            </label>
            {field.type === 'textarea' ? (
              <textarea rows={12} {...common} />
            ) : (
              <input type={field.type as 'text'} {...common} />
            )}
            {field.hint && (
              <p id={`${fieldId}-hint`} class="fo-hint">
                {field.hint}
              </p>
            )}
            {problem && (
              <p id={`${fieldId}-error`} class="fo-error">
                {problem.message}
              </p>
            )}
          </div>
        );
      })}
      <div class="fo-actions">
        <button type="submit" class="fo-primary" disabled={props.busy !== null}>
          {props.busy ?? 'Preview what Factlens finds'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
