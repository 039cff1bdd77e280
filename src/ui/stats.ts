import { GetStatsResponse, type FactBaseStats } from '../messages/schema';

/** Ask the background for the fact base's size; throws with a readable message when it can not answer. */
export async function fetchStats(runtime: {
  sendMessage: (message: unknown) => Promise<unknown>;
}): Promise<FactBaseStats> {
  const answer = GetStatsResponse.parse(await runtime.sendMessage({ type: 'stats/get' }));
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}
