import { render } from 'preact';
import '@/src/ui/views/views.css';
import '@/src/ui/popup/popup.css';
import { createBackgroundClient } from '@/src/ui/background-client';
import { createRuntimeClient } from '@/src/ui/popup/client';
import { createPageClient } from '@/src/ui/popup/page-client';
import { Popup } from '@/src/ui/popup/Popup';
import { fetchStats } from '@/src/ui/stats';

// The one place this page sends from: its requests go through the protocol's client.
const background = createBackgroundClient((request) => browser.runtime.sendMessage(request));

render(
  <Popup
    client={createRuntimeClient(background)}
    page={createPageClient(browser.tabs)}
    settings={{ area: browser.storage.local, onChanged: browser.storage.onChanged }}
    loadStats={() => fetchStats(background)}
  />,
  document.getElementById('app')!,
);
