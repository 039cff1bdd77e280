import { render } from 'preact';
import { StatsLine } from '@/src/ui/StatsLine';
import { fetchStats } from '@/src/ui/stats';

const load = () => fetchStats(browser.runtime);
render(
  <main>
    <h1>Factlens options</h1>
    <StatsLine load={load} />
  </main>,
  document.getElementById('app')!,
);
