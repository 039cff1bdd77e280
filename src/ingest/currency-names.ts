/**
 * Currencies by their names, lower case, singular and plural: "49.95 Euro" names no entity, "176 Hong Kong
 * dollars" is money and not the place's, "a million dollars" counts no banknotes.
 */
export const CURRENCY_NAMES: ReadonlySet<string> = new Set(
  (
    'dollar dollars euro euros pound pounds yen yuan renminbi rupee rupees peso pesos franc francs rouble roubles ' +
    'ruble rubles krona kronor krone ringgit baht shekel shekels dirham dirhams naira rupiah lira won rand real reals'
  ).split(' '),
);

/** Of those, the ones that are also English words or names ("won", "real", Ezra Pound): no sign alone. */
export const AMBIGUOUS_CURRENCY_NAMES: ReadonlySet<string> = new Set([
  'pound',
  'pounds',
  'lira',
  'won',
  'rand',
  'real',
  'reals',
]);
