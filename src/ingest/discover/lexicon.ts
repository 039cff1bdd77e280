/**
 * What compromise knows about single words and short phrases, behind a small,
 * typed surface. Discovery asks it whether a capitalised word is an ordinary
 * English word ("However", "Participants"), a given name, a place, a month or
 * a demonym. It never asks compromise to parse a whole article: a parse costs
 * 0.4–1 s per 5,000 words here, and compromise's own people/places/
 * organizations scored 67% precision and 38% recall on our labelled articles
 * (`scripts/eval-discovery.ts --baseline`). Its tagger without the "three"
 * layer ("compromise/two") knows the same words and is 50 KB smaller.
 */
import nlp from 'compromise/two';
import countryNames from './countries.json';
import cityNames from './places.json';

type Tags = readonly string[];

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
}

// `nlp.model()` is typed as `object`; these are the fields compromise 14 documents for plugins.
const model = nlp.model() as CompromiseModel;
const lexicon = model.one.lexicon;

/** Tags that say a word is a person's name. */
const PERSON_NAME_TAGS = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName']);

// Countries and territories compromise does not know as places, lower case; built on first use.
let unknownCountries: Set<string> | undefined;

/**
 * Tags compromise's lexicon gives a lower-case word or phrase; empty when it does not know it. A country or
 * territory of ISO 3166 (`countries.json`, see `scripts/places.ts`) that compromise does not know, or knows only
 * as a demonym, is a country: compromise tags "Philippines" and "Laos" as plural demonyms. One it knows as
 * anything else keeps its tags ("Jordan" a person's name, "United Nations" an organisation).
 */
export function lexiconTags(phrase: string): Tags {
  const key = phrase.toLowerCase();
  unknownCountries ??= new Set(
    countryNames
      .map((name) => name.toLowerCase())
      .filter((name) => {
        // "Diego Garcia", "Tristan da Cunha": a territory named like a person is more often a person in the news.
        const first = name.split(' ')[0]!;
        if (name.includes(' ') && listedTags(first).some((tag) => PERSON_NAME_TAGS.has(tag))) return false;
        // Only where compromise knows nothing else of it: "United Nations" stays an organisation.
        return listedTags(name).every((tag) => tag === 'Demonym' || tag === 'Plural');
      }),
  );
  return unknownCountries.has(key) ? ['Country'] : listedTags(key);
}

/** Compromise's own tags for a lower-case key, as a list. */
function listedTags(key: string): Tags {
  const entry = lexicon[key];
  return entry === undefined ? [] : typeof entry === 'string' ? [entry] : entry;
}

const COMMON_TAGS = new Set([
  'Adjective',
  'Comparative',
  'Superlative',
  'Adverb',
  'Verb',
  'Infinitive',
  'PresentTense',
  'PastTense',
  'Gerund',
  'Participle',
  'PhrasalVerb',
  'Modal',
  'Copula',
  'Auxiliary',
  'Conjunction',
  'Preposition',
  'Determiner',
  'Pronoun',
  'QuestionWord',
  'Expression',
  'Uncountable',
  'Actor',
  'Duration',
  'Date',
  'Value',
  'Cardinal',
  'Ordinal',
  'TextValue',
  'Unit',
  'Reflexive',
  'Negative',
]);

const NAME_TAGS = new Set([
  'ProperNoun',
  'Person',
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Organization',
  'SportsTeam',
  'Place',
  'Country',
  'City',
  'Region',
  'Demonym',
]);

// Tagging a word alone costs about 0.3 ms; articles repeat their words, so each is tagged once per process.
// Only compromise's first pass is run: the second (its match network of context fixes) costs 40-300 ms to
// build on first use, which the first article a user adds would pay, and says nothing more about a word
// standing alone than the inflection check below.
const taggedAlone = new Map<string, Tags>();

function tagsAlone(word: string): Tags {
  const key = word.toLowerCase();
  let tags = taggedAlone.get(key);
  if (!tags) {
    const doc = nlp.tokenize(key);
    doc.compute('preTagger');
    const terms = (doc.json() as { terms?: { tags?: string[] }[] }[])[0]?.terms ?? [];
    tags = terms.length === 1 ? (terms[0]?.tags ?? []) : [];
    taggedAlone.set(key, tags);
  }
  return tags;
}

// Prefixes and endings that make a listed word into another word of its kind ("reinvest", "unclear",
// "disappears"), which the first pass reads as unknown nouns.
const WORD_PREFIXES = /^(?:re|un|dis|mis|pre|over|under|out|co|de|non)(?=\p{Ll}{3})/u;
const WORD_ENDINGS = /(?:s|es)$/;

function isListedInflection(word: string): boolean {
  const lower = word.toLowerCase();
  const isCommon = (tags: Tags) => !tags.some((tag) => NAME_TAGS.has(tag)) && tags.some((tag) => COMMON_TAGS.has(tag));
  const unprefixed = lower.replace(WORD_PREFIXES, '');
  if (unprefixed !== lower && isCommon(lexiconTags(unprefixed))) return true;
  // Only a verb takes the ending: "Foods" and "Wells" are names as often as plurals.
  const stem = lower.replace(WORD_ENDINGS, '');
  return stem !== lower && isCommon(lexiconTags(stem)) && lexiconTags(stem).includes('Infinitive');
}

/**
 * True when the word, lower-cased, is ordinary English: compromise's lexicon
 * lists it with a common part of speech, or its tagger reads it, alone, as an
 * adjective, adverb, verb, number and the like. Unknown words come back as
 * nouns from the tagger and are not counted as common, since names are
 * unknown words too.
 */
export function isCommonWord(word: string): boolean {
  const listed = lexiconTags(word);
  if (listed.length > 0) {
    if (listed.some((tag) => NAME_TAGS.has(tag))) return false;
    return true;
  }
  const tags = tagsAlone(word);
  if (tags.some((tag) => COMMON_TAGS.has(tag))) return true;
  return tags.includes('Noun') && !tags.includes('ProperNoun') && isListedInflection(word);
}

/** Verb tags the tagger guesses from a word's ending ("-ify", "-ize"). */
const VERB_TAGS = new Set(['Verb', 'Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'Participle']);

/**
 * True when the lexicon does not list the word and the tagger, reading it alone, only guesses from its ending
 * that it is a verb ("Spotify", "Shopify"): a weak sign, which a capital mid-sentence outweighs. A guessed
 * adjective ("British", "Turkish") is not one: those endings make the demonyms the lexicon misses.
 */
export function isGuessedVerb(word: string): boolean {
  if (lexiconTags(word).length > 0) return false;
  const tags = tagsAlone(word).filter((tag) => COMMON_TAGS.has(tag));
  return tags.length > 0 && tags.every((tag) => VERB_TAGS.has(tag));
}

/**
 * True when a plain capitalised word ends like an English abstract or
 * agent noun ("Distribution", "Performance", "Membership"; not "France": too short). Compromise does
 * not list most such nouns and tags any unknown word as a noun, so their
 * endings are the best sign left; camel-case names ("PlayStation") are exempt.
 */
export function hasCommonNounEnding(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}{7,}$/u.test(word)) return false;
  if (!/(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ology|ing)$/.test(word)) return false;
  return !lexiconTags(word).some((tag) => NAME_TAGS.has(tag));
}

/** True when compromise's lexicon itself lists the word with a common part of speech (no guessing from its ending). */
export function isListedCommonWord(word: string): boolean {
  const listed = lexiconTags(word);
  return listed.length > 0 && !listed.some((tag) => NAME_TAGS.has(tag));
}

/** Tags compromise lists nouns under ("Singular", "Plural", "Uncountable", "Currency"). */
const NOUN_TAGS = new Set(['Noun', 'Singular', 'Plural', 'Uncountable', 'Currency']);

/** A word compromise lists as a noun only: no verb, adjective or other word class, and no name. */
export function isListedNoun(word: string): boolean {
  const listed = lexiconTags(word);
  return listed.length > 0 && listed.every((tag) => NOUN_TAGS.has(tag));
}

/**
 * "Planners", "Bakers", "Runners": the plural of an agent noun made from an English verb, which names a kind of
 * people, not one body. Compromise lists the verb, not the noun. The singular is left alone: it is a family name
 * as often ("Walker", "Fisher").
 */
export function isAgentNounPlural(word: string): boolean {
  const match = /^(\p{L}{3,}?)(e?)rs$/u.exec(word.toLowerCase());
  if (!match || lexiconTags(word).some((tag) => NAME_TAGS.has(tag))) return false;
  const stem = match[1]!;
  const stems = [stem, `${stem}${match[2]}`, stem.replace(/(\p{L})\1$/u, '$1')];
  return stems.some((candidate) => lexiconTags(candidate).includes('Infinitive'));
}

/** True when compromise lists the word as a given name ("Jeff", "Ellen"). */
export function isFirstName(word: string): boolean {
  return lexiconTags(word).some((tag) => tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName');
}

/** True when compromise lists the word as a family name ("Obama"). */
export function isLastName(word: string): boolean {
  return lexiconTags(word).includes('LastName');
}

/** True when compromise lists the word or phrase as a place: country, region, city ("New Zealand", "Seattle"). */
export function isKnownPlace(phrase: string): boolean {
  return lexiconTags(phrase).some((tag) => tag === 'Place' || tag === 'Country' || tag === 'City' || tag === 'Region');
}

/** True when compromise lists the word or phrase as a country or a region ("Nevada", "Kenya"), not only a town. */
export function isKnownRegion(phrase: string): boolean {
  return lexiconTags(phrase).some((tag) => tag === 'Country' || tag === 'Region');
}

/** True when compromise lists the word or phrase as an organisation or team ("Sony", "BBC"). */
export function isKnownOrganization(phrase: string): boolean {
  return lexiconTags(phrase).some((tag) => tag === 'Organization' || tag === 'SportsTeam');
}

/** True when the word names a people or nationality ("American", "Kenyan"); hyphenated forms count part by part. */
export function isDemonym(word: string): boolean {
  const parts = word.toLowerCase().split('-');
  return parts.every((part) => lexiconTags(part).includes('Demonym') || DEMONYMS_MISSING.has(part));
}

// Demonyms our articles use that compromise 14 does not list.
const DEMONYMS_MISSING = new Set([
  'latin',
  'alaskan',
  'māori',
  'maori',
  'hispanic',
  'arab',
  'asian',
  'western',
  // Faiths name groups of people the way demonyms do ("a Catholic priest", "Muslim voters").
  'catholic',
  'protestant',
  'christian',
  'muslim',
  'jewish',
  'hindu',
  'buddhist',
  'sikh',
  'evangelical',
  'orthodox',
]);

/** True when compromise counts the word as the head of a place name ("Valley", "Island"). */
export function isPlaceWord(word: string): boolean {
  return Object.hasOwn(model.two.placeWords, word.toLowerCase());
}

/** True when compromise counts the word as the head of an organisation's name ("Times", "Airlines"). */
export function isOrganizationWord(word: string): boolean {
  return Object.hasOwn(model.two.orgWords, word.toLowerCase());
}

// Built on first use, not at load: a story with no capitalised candidate never pays for it.
let cities: Set<string> | undefined;

/**
 * True when the word or phrase is the name of a city of at least 50,000 people ("Burbank", "Palo Alto"),
 * from GeoNames by way of `scripts/places.ts`. Many such names are also English words ("Reading", "Split")
 * or family names ("Lincoln"), so callers weigh it as a sign, never as proof.
 */
export function isListedCity(phrase: string): boolean {
  cities ??= new Set(cityNames.map((name) => name.toLowerCase()));
  return cities.has(phrase.toLowerCase());
}

// Initials → country, from compromise's multi-word countries ("US" → "united states"); built on first use.
let countryInitials: Map<string, string> | undefined;

/**
 * The country whose name's initials the word is ("U.S.", "UK", "UAE"), by compromise's list of countries;
 * undefined when it names none. Connecting words are left out of the initials ("Democratic Republic of the
 * Congo" → "DRC").
 */
export function countryOfInitials(word: string): string | undefined {
  if (!/^(?:\p{Lu}\.){2,4}$|^\p{Lu}{2,4}$/u.test(word)) return undefined;
  if (!countryInitials) {
    countryInitials = new Map();
    // Keys first and tags only for phrases: reading every entry costs the first article 40 ms, this 5-10.
    for (const phrase of Object.keys(lexicon)) {
      if (!phrase.includes(' ') || !lexiconTags(phrase).includes('Country')) continue;
      const initials = phrase
        .split(' ')
        .filter((part) => !['of', 'the', 'and'].includes(part))
        .map((part) => part[0]!.toUpperCase())
        .join('');
      // Two countries with the same initials name neither.
      countryInitials.set(initials, countryInitials.has(initials) ? '' : phrase);
    }
  }
  const letters = word.replace(/\./g, '');
  // "CAR" is a car before it is the Central African Republic; "US" is the one pronoun kept.
  if (letters.length > 2 && letters === word && lexiconTags(letters).length > 0) return undefined;
  return countryInitials.get(letters) || undefined;
}
