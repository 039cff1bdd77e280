import { render } from 'preact';
import '@/src/ui/views/views.css';
import '@/src/ui/popup/popup.css';
import { createRuntimeClient } from '@/src/ui/popup/client';
import { StoryPage } from '@/src/ui/popup/StoryPage';
import { routeFromSearchParams } from '@/src/ui/views/routes';

render(
  <StoryPage
    client={createRuntimeClient(browser.runtime)}
    settings={{ area: browser.storage.local, onChanged: browser.storage.onChanged }}
    initialRoute={routeFromSearchParams(new URLSearchParams(location.search))}
    location={{ replace: (href, title) => (history.replaceState(null, '', href), (document.title = title)) }}
  />,
  document.getElementById('app')!,
);
