/**
 * The user's corrections in `browser.storage.local`, under one versioned
 * record of their own, beside the articles and settings they never touch.
 * Read as the articles are (`store.ts`): reading never writes and never
 * throws; a correction that fails its schema is left out and reported, and
 * the whole unreadable record is kept aside before the next write.
 */
import { describeIssue } from '../settings/issues';
import { keepAside } from '../settings/quarantine';
import type { ReadableArea, StorageArea, StorageChangedEvent } from '../settings/storage-area';
import {
  CORRECTIONS_KEY,
  CORRECTIONS_VERSION,
  Correction,
  addCorrection,
  correctionSlot,
  correctionsRecord,
  removeCorrection,
  type CorrectionRequest,
} from './corrections';

/** How the stored record was found; see `SettingsStatus` for the meaning of each. */
export type CorrectionsStatus = 'default' | 'current' | 'corrupt';

/** The outcome of reading the stored record. */
export interface CorrectionsReading {
  corrections: Correction[];
  status: CorrectionsStatus;
  /** What could not be read, one sentence each. */
  problems: string[];
}

/** Interpret whatever storage holds under {@link CORRECTIONS_KEY}. Pure; never throws. */
export function readStoredCorrections(stored: unknown): CorrectionsReading {
  if (stored === undefined) return { corrections: [], status: 'default', problems: [] };
  const record = stored as { version?: unknown; corrections?: unknown } | null;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { corrections: [], status: 'corrupt', problems: ['the stored corrections are not a record'] };
  }
  if (record.version !== CORRECTIONS_VERSION) {
    return {
      corrections: [],
      status: 'corrupt',
      problems: [`the stored corrections have version ${JSON.stringify(record.version)}, not ${CORRECTIONS_VERSION}`],
    };
  }
  if (!Array.isArray(record.corrections)) {
    return { corrections: [], status: 'corrupt', problems: ['the stored corrections have no list of corrections'] };
  }
  const corrections: Correction[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  record.corrections.forEach((candidate, index) => {
    const parsed = Correction.safeParse(candidate);
    if (!parsed.success) {
      problems.push(describeIssue(parsed.error.issues[0]!, candidate, `corrections[${index}]`));
      return;
    }
    // Two in one slot can only come from an edited record; the first stands, as it would have been applied.
    const slot = correctionSlot(parsed.data);
    if (seen.has(slot)) problems.push(`corrections[${index}]: corrects what an earlier correction does`);
    else {
      seen.add(slot);
      corrections.push(parsed.data);
    }
  });
  return { corrections, status: problems.length ? 'corrupt' : 'current', problems };
}

/** Read the corrections with how they were found. */
export async function readCorrections(area: ReadableArea): Promise<CorrectionsReading> {
  return readStoredCorrections((await area.get(CORRECTIONS_KEY))[CORRECTIONS_KEY]);
}

/** Replace the stored list with `change(list)`, keeping an unreadable record aside first. Returns the new list. */
export async function updateCorrections(
  area: StorageArea,
  change: (corrections: Correction[]) => Correction[],
  now: number = Date.now(),
): Promise<Correction[]> {
  const stored = (await area.get(CORRECTIONS_KEY))[CORRECTIONS_KEY];
  const reading = readStoredCorrections(stored);
  const record = correctionsRecord(change(reading.corrections));
  if (reading.status === 'corrupt') await keepAside(area, CORRECTIONS_KEY, stored, now);
  await area.set({ [CORRECTIONS_KEY]: record });
  return record.corrections;
}

/** Store one correction, replacing any it supersedes. */
export function saveCorrection(
  area: StorageArea,
  request: CorrectionRequest,
  now: number = Date.now(),
): Promise<Correction[]> {
  return updateCorrections(area, (corrections) => addCorrection(corrections, request, now), now);
}

/** Remove one correction (undo it); removing one that is not there does nothing. */
export function deleteCorrection(
  area: StorageArea,
  correction: Correction,
  now: number = Date.now(),
): Promise<Correction[]> {
  return updateCorrections(area, (corrections) => removeCorrection(corrections, correction), now);
}

/** Call `listener` with the readable corrections whenever another context changes them; returns a stop function. */
export function watchCorrections(
  onChanged: StorageChangedEvent,
  listener: (corrections: Correction[]) => void,
): () => void {
  const onChange = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName === 'local' && CORRECTIONS_KEY in changes) {
      listener(readStoredCorrections(changes[CORRECTIONS_KEY]!.newValue).corrections);
    }
  };
  onChanged.addListener(onChange);
  return () => onChanged.removeListener(onChange);
}
