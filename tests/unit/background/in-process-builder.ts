/**
 * The builder for unit tests: the background's real client, over a channel that answers with the real
 * builder in this process, each message copied through JSON as it is when it crosses to the worker.
 */
import { createBuilderClient, type BuilderClient } from '@/src/background/builder/client';
import type { BuilderRequest } from '@/src/background/builder/protocol';
import { answerBuilderRequest } from '@/src/background/builder/serve';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A client whose builder runs here; `calls` lists the requests it was sent. */
export function inProcessBuilder(): BuilderClient & { calls: BuilderRequest['type'][] } {
  const calls: BuilderRequest['type'][] = [];
  const client = createBuilderClient(async () => {
    let answer: (response: ReturnType<typeof answerBuilderRequest>) => void = () => {};
    return {
      post(request) {
        calls.push(request.type);
        const sent = copy(request);
        setTimeout(() => answer(copy(answerBuilderRequest(sent))), 0);
      },
      listen(onAnswer) {
        answer = onAnswer;
      },
      close() {},
    };
  });
  return Object.assign(client, { calls });
}
