/**
 * Qualifiers that make an amount a floor: the least it may be ("at least 30", "for as little as $5"). The
 * figure check reads them as a stretch open upwards and the popover writes them "≥": one list for both.
 */
export const FLOOR_QUALIFIERS = [
  'at least',
  'no less than',
  'no fewer than',
  'a minimum of',
  'minimum',
  'as little as',
  'as low as',
  'as few as',
] as const;
