import type { FactBaseStats } from '../messages/schema';
import type { BackgroundClient } from './background-client';

/** Ask the background for the fact base's size; throws with a readable message when it can not answer. */
export function fetchStats(background: BackgroundClient): Promise<FactBaseStats> {
  return background.request('stats/get', {});
}
