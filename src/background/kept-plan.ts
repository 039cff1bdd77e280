/**
 * The matcher's plan, kept across background restarts so that the first page after one is answered at
 * once (issue 16). A content script's first request is `matcher/get`; without this it waited for the
 * background to read, check and merge every user article (seconds with thousands of them). The plan the
 * background served last is kept in `storage.session` with the builder's id; a restarted background
 * answers with it while it merges, then compares: if the merged fact base plans differently (the articles
 * changed while it was stopped), every tab is told to ask again. Any change to the articles wakes the
 * background, which merges and serves the new plan, so a kept plan is rarely stale, and never for long.
 */
import type { StorageArea } from '../settings/storage-area';
import type { BackgroundHandlers } from './router';

/** The key of the kept plan in its storage area. */
export const MATCHER_PLAN_KEY = 'matcherPlan';

/** What is kept: the plan as `matcher/get` answers it, and the builder it was made by. */
interface KeptPlan {
  version: 1;
  builderId: string;
  plan: unknown;
}

function isKeptPlan(value: unknown, builderId: string): value is KeptPlan {
  const record = value as Partial<KeptPlan> | null | undefined;
  return typeof record === 'object' && record !== null && record.version === 1 && record.builderId === builderId;
}

/** What {@link serveKeptPlan} needs. */
export interface KeptPlanOptions {
  /** `storage.session`; absent where the browser has none (then nothing is kept). */
  area: StorageArea | undefined;
  builderId: string;
  /** Settles once the articles stored at start are merged. */
  ready: Promise<void>;
  /** Tell every tab the fact base changed. */
  notifyTabs(): Promise<void>;
  log(message: string): void;
}

/**
 * The same handlers, but `matcher/get` answers with the kept plan until the start's merge is done; every
 * plan served afterwards is kept for the next start.
 */
export function serveKeptPlan(handlers: BackgroundHandlers, options: KeptPlanOptions): BackgroundHandlers {
  const { area, builderId, log } = options;
  let started = false;
  let servedEarly: string | null = null;
  let lastKept: unknown = null;

  const kept: Promise<unknown> = area
    ? area.get(MATCHER_PLAN_KEY).then(
        (stored) => (isKeptPlan(stored[MATCHER_PLAN_KEY], builderId) ? stored[MATCHER_PLAN_KEY].plan : null),
        (error: unknown) => {
          log(`could not read the kept matcher plan: ${String(error)}`);
          return null;
        },
      )
    : Promise.resolve(null);

  const planNow = async (): Promise<unknown> => {
    const answer = (await handlers['matcher/get']({ type: 'matcher/get' }, {})) as { ok: boolean; value?: unknown };
    if (answer.ok && answer.value !== lastKept) {
      lastKept = answer.value;
      area
        ?.set({ [MATCHER_PLAN_KEY]: { version: 1, builderId, plan: answer.value } satisfies KeptPlan })
        .catch((error: unknown) => log(`could not keep the matcher plan: ${String(error)}`));
    }
    return answer;
  };

  void options.ready
    .then(async () => {
      started = true;
      const answer = (await planNow()) as { value?: unknown };
      // Served a plan the merged fact base no longer gives: the tabs that got it ask again.
      if (servedEarly !== null && servedEarly !== JSON.stringify(answer.value)) await options.notifyTabs();
    })
    .catch((error: unknown) => log(`could not check the kept matcher plan: ${String(error)}`));

  return {
    ...handlers,
    'matcher/get': async () => {
      if (!started) {
        const plan = await kept;
        if (plan !== null && !started) {
          servedEarly ??= JSON.stringify(plan);
          return { ok: true, value: plan };
        }
      }
      return planNow();
    },
  };
}
