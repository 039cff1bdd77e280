import { render } from 'preact';
import '@/src/ui/views/views.css';
import '@/src/ui/popup/popup.css';
import { createRuntimeClient } from '@/src/ui/popup/client';
import { createPageClient } from '@/src/ui/popup/page-client';
import { Popup } from '@/src/ui/popup/Popup';
import { fetchStats } from '@/src/ui/stats';

render(
  <Popup
    client={createRuntimeClient(browser.runtime)}
    page={createPageClient(browser.tabs)}
    settings={{ area: browser.storage.local, onChanged: browser.storage.onChanged }}
    loadStats={() => fetchStats(browser.runtime)}
  />,
  document.getElementById('app')!,
);
