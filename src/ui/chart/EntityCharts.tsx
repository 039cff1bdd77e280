import { useEffect, useMemo } from 'preact/hooks';
import type { Figure } from '../../facts/schema';
import { FigureChart } from './FigureChart';
import { chartSeries } from './series';
import { adoptChartStyles } from './styles';

/** Props of {@link EntityCharts}. */
export interface EntityChartsProps {
  figures: readonly Figure[];
  stories: readonly { id: string; date: string | null }[];
  /** The host's visually-hidden class, for the charts' tables. */
  srClass: string;
  /** A page to give the chart's style sheet to (an extension page); the popover's sheet has it already. */
  adoptStylesInto?: Document;
}

/** A chart for each measure of which the entity has several figures; nothing when it has none. */
export function EntityCharts({ figures, stories, srClass, adoptStylesInto }: EntityChartsProps) {
  useEffect(() => {
    if (adoptStylesInto) adoptChartStyles(adoptStylesInto);
  }, [adoptStylesInto]);
  const series = useMemo(
    () => chartSeries(figures, new Map(stories.map((story) => [story.id, story.date]))),
    [figures, stories],
  );
  return (
    <>
      {series.map((one) => (
        <FigureChart key={one.points[0]!.figureId} series={one} srClass={srClass} />
      ))}
    </>
  );
}
