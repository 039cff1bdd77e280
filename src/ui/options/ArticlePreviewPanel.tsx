import { useContext } from 'preact/hooks';
import { figureContext, formatFigure } from '../../format/figures';
import { countLabel, kindLabel } from '../../format/labels';
import type { ArticlePreview } from '../../messages/article-preview';
import { CorrectionsContext, EntityCorrections, FigureCorrections } from '../views/Corrections';

/**
 * What saving the article adds: its entities (new ones flagged) and its
 * figures, then save or go back. Where the page provides corrections, each
 * entity and figure can be corrected here; the preview shows what the builder
 * found, and the corrections made to it beside it.
 */
export function ArticlePreviewPanel(props: {
  title: string;
  preview: ArticlePreview;
  saving: boolean;
  onSave: () => void;
  onBack: () => void;
}) {
  const { preview } = props;
  const correcting = useContext(CorrectionsContext);
  const refs = preview.entities.map((entity) => ({ id: entity.id, name: entity.name }));
  const names = new Map(preview.entities.map((entity) => [entity.id, entity.name]));
  const fresh = preview.entities.filter((entity) => entity.isNew).length;
  return (
    <div class="fo-preview" role="region" aria-labelledby="article-preview-title">
      <h3 id="article-preview-title" tabIndex={-1} data-focus="article-preview">
        What Factlens found in “{props.title}”
      </h3>
      <p>
        {countLabel(preview.entities.length, 'entity', 'entities')}
        {fresh > 0 && ` (${fresh} new)`} and {countLabel(preview.figures.length, 'figure')}.
      </p>
      {preview.entities.length === 0 ? (
        <p class="fo-hint">
          No entity found: Factlens will keep the article, but it will mark nothing new. Names it knows or can tell are
          names (capitalised, mentioned mid-sentence) are found.
        </p>
      ) : (
        <ul class="fo-preview-entities" aria-label="Entities">
          {preview.entities.map((entity) => (
            <li key={entity.id}>
              <strong>{entity.name}</strong> <span class="fo-meta">{kindLabel(entity.kind)}</span>
              {entity.isNew && <span class="fo-badge">new</span>}
            </li>
          ))}
        </ul>
      )}
      {correcting && preview.entities.length > 0 && (
        <div class="fo-correct-entities" role="group" aria-label="Correct the entities">
          {preview.entities.map((entity, index) => (
            <EntityCorrections
              key={entity.id}
              shown={entity}
              corrections={correcting.corrections}
              mergeTargets={refs}
              actions={correcting.actions}
              idPrefix={`preview-entity-${index}`}
            />
          ))}
        </div>
      )}
      {preview.figures.length > 0 && (
        <table class="fo-preview-figures">
          <caption>Figures</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">About</th>
              <th scope="col">For</th>
              {correcting && <th scope="col">Correct</th>}
            </tr>
          </thead>
          <tbody>
            {preview.figures.map((figure, index) => {
              const formatted = formatFigure(figure);
              return (
                <tr key={figure.id}>
                  <td>
                    <strong>{formatted.value}</strong>
                    {formatted.detail && <span class="fo-meta"> {formatted.detail}</span>}
                  </td>
                  <td>{figureContext(figure) || figure.text}</td>
                  <td>{figure.entityIds.map((id) => names.get(id) ?? id).join(', ') || '—'}</td>
                  {correcting && (
                    <td>
                      <FigureCorrections
                        figure={figure}
                        corrections={correcting.corrections}
                        owners={refs}
                        actions={correcting.actions}
                        idPrefix={`preview-figure-${index}`}
                      />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {preview.summary && (
        <p class="fo-summary">
          <span class="fo-meta">Summary shown in popovers: </span>
          {preview.summary}
        </p>
      )}
      <div class="fo-actions">
        <button type="button" class="fo-primary" disabled={props.saving} onClick={props.onSave}>
          {props.saving ? 'Saving…' : 'Save article'}
        </button>
        <button type="button" onClick={props.onBack}>
          Back to editing
        </button>
      </div>
    </div>
  );
}
