import { render } from 'preact';
import '@/src/ui/options/options.css';
import { createBrowserEnvironment } from '@/src/ui/options/environment';
import { OptionsApp } from '@/src/ui/options/OptionsApp';

const env = createBrowserEnvironment(browser, import.meta.env.FIREFOX ? 'firefox' : 'chrome', document);
const show = () =>
  render(
    <OptionsApp env={env} hash={location.hash} root={document.documentElement} />,
    document.getElementById('app')!,
  );
// `options.html#add-page?tab=…` and section links arrive as hashes; see src/ui/options/hash.ts.
window.addEventListener('hashchange', show);
show();
