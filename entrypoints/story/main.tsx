import { render } from 'preact';
import '@/src/ui/views/views.css';
import '@/src/ui/popup/popup.css';
import { createBackgroundClient } from '@/src/ui/background-client';
import { createRuntimeClient } from '@/src/ui/popup/client';
import { StoryPage } from '@/src/ui/popup/StoryPage';
import { routeFromSearchParams } from '@/src/ui/views/routes';

// The one place this page sends from: its requests go through the protocol's client.
const background = createBackgroundClient((request) => browser.runtime.sendMessage(request));

render(
  <StoryPage
    client={createRuntimeClient(background)}
    settings={{ area: browser.storage.local, onChanged: browser.storage.onChanged }}
    initialRoute={routeFromSearchParams(new URLSearchParams(location.search))}
    location={{ replace: (href, title) => (history.replaceState(null, '', href), (document.title = title)) }}
  />,
  document.getElementById('app')!,
);
