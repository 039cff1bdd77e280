import { useEffect, useState } from 'preact/hooks';
import type { CommandInfo, OptionsEnvironment } from './environment';

/** The keyboard commands, their keys, and how to change them in this browser. */
export function ShortcutsSection({
  env,
}: {
  env: Pick<OptionsEnvironment, 'commands' | 'openShortcutSettings' | 'browserName'>;
}) {
  const [commands, setCommands] = useState<CommandInfo[] | string | null>(null);
  useEffect(() => {
    env.commands().then(
      (all) => setCommands(all.filter((command) => command.name && !command.name.startsWith('_'))),
      (error: unknown) => setCommands(String(error)),
    );
  }, [env]);

  return (
    <section id="shortcuts" class="fo-section" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {commands === null ? (
        <p aria-busy="true">Loading the shortcuts…</p>
      ) : typeof commands === 'string' ? (
        <p role="alert">The shortcuts could not be read: {commands}</p>
      ) : (
        <table class="fo-shortcuts">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Keys</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((command) => (
              <tr key={command.name}>
                <td>{command.description || command.name}</td>
                <td>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="fo-hint">not set</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {env.browserName === 'firefox' ? (
        <p>
          To change them, open <strong>about:addons</strong>, click the gear button, then{' '}
          <strong>Manage Extension Shortcuts</strong>.
        </p>
      ) : (
        <p>
          To change them, open <strong>chrome://extensions/shortcuts</strong> (in Edge, edge://extensions/shortcuts).
        </p>
      )}
      {env.openShortcutSettings && (
        <button type="button" onClick={() => void env.openShortcutSettings!()}>
          Open the shortcut settings
        </button>
      )}
    </section>
  );
}
