import { useEffect, useState } from 'preact/hooks';
import type { FactBaseStats } from '../messages/schema';

/** One line saying how many stories, entities and figures the fact base holds. */
export function StatsLine({ load }: { load: () => Promise<FactBaseStats> }) {
  const [stats, setStats] = useState<FactBaseStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(setStats, (e: unknown) => setError(String(e)));
  }, [load]);
  if (error) return <p role="alert">Factlens could not reach its fact base: {error}</p>;
  if (!stats) return <p aria-busy="true">Loading the fact base…</p>;
  return (
    <p data-testid="stats">
      <strong data-testid="story-count">{stats.stories}</strong> {stats.stories === 1 ? 'story' : 'stories'},{' '}
      <strong data-testid="entity-count">{stats.entities}</strong> entities,{' '}
      <strong data-testid="figure-count">{stats.figures}</strong> figures
    </p>
  );
}
