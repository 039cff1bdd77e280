// @vitest-environment node
/**
 * Every message goes through the protocol's client (`src/messages/client.ts`, issue 14): it stamps the
 * request with the protocol version, reads the answer with the call map's schema and words the errors.
 * So no code calls `sendMessage` with a request of its own making: each call is a transport, an arrow
 * function that forwards exactly the request the client hands it (`(request) => runtime.sendMessage(request)`),
 * and only the wrappers listed here hold one.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** The transports: each hands the one function that sends to a client (or to the page that makes one). */
const TRANSPORTS = [
  'entrypoints/content/parts.ts', // the content script's, for its client and its every-frame sending half
  'entrypoints/popup/main.tsx', // the popup's client of the background
  'entrypoints/story/main.tsx', // the story page's
  'src/ui/options/environment.ts', // the options page's, in the environment its client sends through
  'src/ui/popup/page-client.ts', // the popup's client of the page in the active tab
  'src/background/commands.ts', // the keyboard commands, to the active tab's top frame
  'src/background/user-articles.ts', // the fact base's change notice, to every tab
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Each `sendMessage` call in `source`, and those that send anything but what their transport was given. */
function sendsIn(source: string): { calls: number; raw: string[] } {
  const file = ts.createSourceFile('probe.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  let calls = 0;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'sendMessage'
    ) {
      calls += 1;
      // runtime.sendMessage(request) or tabs.sendMessage(tabId, request, options?)
      const isTabs = node.arguments.length >= 2 && !ts.isObjectLiteralExpression(node.arguments[0]!);
      const message = node.arguments[isTabs ? 1 : 0];
      const transport = node.parent;
      const forwards =
        message !== undefined &&
        ts.isIdentifier(message) &&
        ts.isArrowFunction(transport) &&
        transport.body === node &&
        transport.parameters.length === 1 &&
        transport.parameters[0]!.name.getText(file) === message.text;
      if (!forwards) found.push(node.getText(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { calls, raw: found };
}

const rawSends = (source: string) => sendsIn(source).raw;

describe('messages are sent only through the client', () => {
  it.each([
    ["browser.runtime.sendMessage({ type: 'matcher/get' });"],
    ["void browser.runtime.sendMessage({ type: 'story/open', storyId });"],
    ["const request = { type: 'entity/get', entityId }; await runtime.sendMessage(request);"],
    ['const send = (request) => browser.runtime.sendMessage({ ...request, protocol: 0 });'],
    ["await tabs.sendMessage(tab.id, { type: 'factbase/changed' });"],
    ['const send = (request) => tabs.sendMessage(tabId, notice, { frameId: 0 });'],
  ])('finds a raw send in %s', (source) => {
    expect(rawSends(source)).toHaveLength(1);
  });

  it.each([
    ['const send: Send = (request) => browser.runtime.sendMessage(request);'],
    ['createPoster((request) => api.tabs.sendMessage(tab.id!, request, { frameId: 0 }));'],
    ['interface TabsApi { sendMessage(tabId: number, request: ContentRequest): Promise<unknown>; }'],
  ])('lets a transport be: %s', (source) => {
    expect(rawSends(source)).toEqual([]);
  });

  it('holds in src/ and entrypoints/: only the transports send, and they forward the client’s request', () => {
    const files = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'entrypoints'))];
    const raw: string[] = [];
    const sending: string[] = [];
    for (const file of files) {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      const sends = sendsIn(fs.readFileSync(file, 'utf8'));
      raw.push(...sends.raw.map((call) => `${relative}: ${call}`));
      if (sends.calls > 0) sending.push(relative);
    }
    expect(raw).toEqual([]);
    expect(sending.sort()).toEqual([...TRANSPORTS].sort());
  });
});
