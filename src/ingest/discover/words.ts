/**
 * Closed word lists that entity discovery reasons with. They hold English
 * function words and newsroom vocabulary, never names of real entities, so
 * discovery finds entities from the text rather than from a gazetteer.
 * Every list is lower case; look words up with `.toLowerCase()`.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Function words: capitalised only because they open a sentence or a
 * heading, they never start, end or sit inside a name ("The", "However",
 * "Why", "It's"). Ordinary content words ("Recent", "Participants") are
 * recognised with compromise instead, because they can be part of a name
 * ("New Zealand", "Whole Foods").
 */
export const STOP_WORDS = set(`
  a an the this that these those there here it its it's i i'm i've i'd i'll me my mine we we're we've our ours us
  you you're you've your yours he he's his him she she's her hers they they're they've their theirs them
  who whom whose what which when where why how whatever whenever wherever however whichever
  and or but nor so yet for if then than else because since unless until while although though whether
  as at by in into on onto of off out over under up down to from with without within about above below
  after before during through throughout between among against across along around behind beyond near per via
  not no yes all any some each every both either neither few many much more most other another such
  also only just even still already again ever never always often sometimes perhaps maybe indeed instead
  meanwhile moreover furthermore additionally besides nevertheless nonetheless otherwise therefore thus hence
  accordingly consequently finally firstly secondly lastly overall ultimately basically essentially actually
  clearly obviously apparently fortunately unfortunately thankfully hopefully sadly luckily personally frankly
  interestingly notably importantly similarly likewise specifically generally typically usually recently
  currently previously earlier later today tomorrow yesterday tonight now once soon afterwards
  is are was were be been being am do does did done has have had having will would shall should can could may
  might must ought let let's
  yes ok okay oh well hey please thanks thank
  here's there's that's what's who's where's
`);

/**
 * Words that label a part of a page ("Related", "Photo", "Analysis") or count
 * and rank things ("One", "First"): never an entity on their own.
 */
export const LABEL_WORDS = set(`
  related update updated editor note photo photos video videos image images source sources read more share
  advertisement sponsored subscribe sign click follow comment comments gallery credit credits caption
  analysis analyzing background context overview summary conclusion introduction wrap-up recap hardware software
  one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand
  million billion trillion first second third fourth fifth last next new old big small good great best better top
  key main major minor full half same own
`);

/** Labels of photo credits and sources that open a run of capitalised words but are no part of the name ("Credit Jane Roe"). */
export const CREDIT_LABELS = set(`credit credits photo photos photograph image images source courtesy via`);

/** Words that may join capitalised words inside one name ("Department of Energy", "Bank of the West"). */
export const NAME_CONNECTORS = set(`of the de del della der di du da van von la le los las al bin y &`);

/**
 * Connectors that join words only inside an institution's name ("Center on
 * Poverty and Inequality", "Network for Integral Human Development"), because
 * between two company names they mean a list ("Amazon and Microsoft"). "in"
 * and "at" are left out: "Cultural Centre in Whangārei" is a centre and a town.
 */
export const INSTITUTION_CONNECTORS = set(`and for on`);

/**
 * Lower-case words that, after a number, make it a quantity ("Mojang 2 years
 * ago"), not part of a model name ("Xbox 360").
 */
export const QUANTITY_NOUNS = set(`
  year years month months week weeks day days hour hours minute minutes second seconds percent per times
  million billion trillion thousand hundred dozen people persons points pounds dollars euros cents inches feet
  miles meters metres kilometres kilometers km
`);

/**
 * Titles written before a person's name and cut off it ("President Barack
 * Obama", "CEO John Mackey"). Words that also open institution or place names
 * ("General Motors", "Prince Edward Island") are left out on purpose.
 */
export const LEADING_TITLES = set(`
  mr mrs ms mx dr prof sir dame rev president president-elect vice-president chancellor premier minister
  senator sen rep congressman congresswoman governor gov mayor judge ambassador commissioner
  chairman chairwoman chairperson ceo cfo cto coo cio cmo founder co-founder cofounder pope cardinal archbishop
  sheikh skipper coach professor
`);

/**
 * Job titles that, capitalised between an organisation or a portfolio and a
 * person's name, end the one and open the other ("NASA Administrator Jim
 * Bridenstine", "Finance Minister Ana Ruiz", "Attorney-General George Brandis").
 */
export const JOB_TITLES = set(`
  mr mrs ms dr prof president president-elect vice-president chancellor premier minister secretary
  attorney-general solicitor-general senator congressman congresswoman governor mayor judge justice ambassador
  commissioner administrator director chairman chairwoman chairperson chair ceo cfo cto coo cio founder co-founder
  cofounder spokesman spokeswoman spokesperson analyst economist professor coach captain skipper executive officer
  gov sen rep speaker superintendent ombudsman sheriff prosecutor detective sergeant lieutenant constable
  attorney leader
`);

/** Words that open a post's title with "of", written with a capital: "Head of Research", "Director of Sales". */
export const ROLE_OF_HEADS = set(`head director manager editor chief vice-president vp`);

/**
 * Military ranks before a person's name ("General Mark Milley", "Admiral Jane Roe"): cut off like a title, but
 * only before a given name, since "General Motors" and "Admiral Insurance" are names.
 */
export const MILITARY_RANKS = set(`
  general gen admiral adm colonel col commander cmdr brigadier marshal major maj captain capt lieutenant lt
  sergeant sgt corporal cpl
`);

/** Words that rank a job title rather than name anything ("Chief", "Deputy", "Senior Vice"). */
export const TITLE_RANKS = set(`
  chief deputy vice senior executive managing general acting interim former associate assistant principal
`);

/** Lower-case roles that, right before a capitalised name, say it is a person ("skipper Wade Bassi"). */
export const PERSON_ROLES = set(`
  president chancellor premier minister secretary senator governor mayor judge justice ambassador commissioner
  chairman chairwoman chair ceo cfo cto founder co-founder cofounder executive director manager head editor
  reporter correspondent columnist writer author photographer analyst economist professor researcher scientist
  programmer engineer designer spokesman spokeswoman spokesperson colleague skipper coach ranger elder
  whisperer lawyer attorney doctor teacher student officer agent detective captain king queen prince princess
  pope bishop actor actress singer artist entrepreneur billionaire millionaire investor rapper novelist comedian
  journalist activist lawmaker physician astronaut chef musician filmmaker producer
`);

/** Honorifics, a stronger sign than a role that what follows is a person. */
export const HONORIFICS = set(`mr mrs ms miss mx dr prof sir dame lord lady rev`);

/** Months and weekdays, with the abbreviations that are not also names ("Sun", "Mar", "Sat" are left out). */
export const CALENDAR_WORDS = set(`
  january february march april may june july august september october november december
  jan feb apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday tue tues thu thur thurs
`);

/**
 * Acronyms and short forms that name a technology, unit, role or time zone,
 * not an organisation. "AI" and "LLM" are topics; a page would light up on
 * every line if they were entities.
 */
export const GENERIC_ACRONYMS = set(`
  ai agi llm llms ml nlp gpu gpus cpu cpus tpu ram rom ssd hdd usb hdmi hdr lcd led oled vr ar xr os pc pcs tv tvs
  ui ux api apis sdk url html css json xml pdf sms mms gps nfc rfid lte wifi wi-fi 5g 4g 3g ip iot saas paas b2b b2c
  it ir hd uhd fps ghz mhz gb mb tb kb kw kwh mw gw mph km kg lb lbs mm cm mah wh
  ceo ceos cfo cto coo cio cmo vp svp evp md pr hr ipo ipos gdp cpi esg etf etfs roi kpi yoy qoq ctr cpm cpc arpu
  mau dau ltv
  am pm et pt ct mt est edt pst pdt cst cdt gmt utc bst cet
  q1 q2 q3 q4 h1 h2 fy ad bc ok faq diy tba tbd vip suv suvs ev evs ufo dna rna co2 nft nfts crm erp
  dm dms pov lol omg fyi asap rsvp aka eta diy id
  tcp udp http https ssl tls dns ftp ssh smtp imap rss svg png jpg jpeg gif mp3 mp4 irc cdn vpn dom ajax sql
  nosql cli gui ide html5 css3
`);

/**
 * The last word of an institution's name, mapped to its kind. Compromise's
 * own organisation words are too broad here ("Energy", "Data" end many phrases).
 */
export const INSTITUTION_HEADS: ReadonlyMap<string, 'company' | 'organization' | 'program'> = new Map([
  ...[
    'inc',
    'inc.',
    'corp',
    'corp.',
    'corporation',
    'co',
    'co.',
    'company',
    'ltd',
    'ltd.',
    'llc',
    'plc',
    'gmbh',
    'ag',
    'sa',
    'group',
    'holdings',
    'technologies',
    'labs',
    'systems',
    'bank',
    'capital',
    'partners',
    'ventures',
    'motors',
    'airlines',
    'airways',
    'pharmaceuticals',
    'studios',
    'entertainment',
    'industries',
    'enterprises',
    'brands',
    'market',
    'markets',
    'research',
    'media',
    'airline',
    'robotics',
    'machines',
    'aerospace',
    'animation',
    'networks',
    'communications',
    'solutions',
    'semiconductor',
    'therapeutics',
    'biosciences',
    'foods',
    'stores',
    'restaurants',
    'services',
  ].map((word) => [word, 'company'] as const),
  ...[
    'university',
    'institute',
    'academy',
    'college',
    'school',
    'department',
    'agency',
    'council',
    'commission',
    'committee',
    'ministry',
    'bureau',
    'office',
    'administration',
    'authority',
    'association',
    'society',
    'foundation',
    'center',
    'centre',
    'union',
    'federation',
    'organization',
    'organisation',
    'court',
    'parliament',
    'senate',
    'congress',
    'party',
    'army',
    'navy',
    'police',
    'service',
    'board',
    'church',
    'museum',
    'hospital',
    // Facilities run by a body: "Bartholomew County Jail", "Aberdeen Royal Infirmary".
    'infirmary',
    'clinic',
    'jail',
    'prison',
    'penitentiary',
    'trust',
    'fund',
    'coalition',
    'alliance',
    'league',
    'club',
    'network',
    'times',
    'post',
    'news',
    'journal',
    'tribune',
    'herald',
    'gazette',
    'chronicle',
    'magazine',
    'reporter',
    'exchange',
    'directorate',
  ].map((word) => [word, 'organization'] as const),
  ...['program', 'programme', 'initiative', 'project', 'mission'].map((word) => [word, 'program'] as const),
]);

/**
 * Words that, as the first word of a name, mark an institution
 * ("Department of Conservation", "Project Jonah", "University of Chicago").
 */
export const INSTITUTION_LEADS = set(`
  department ministry office bureau university institute academy college school center centre council commission
  committee agency bank church museum project federation union association society foundation
  `);

/** The last word of a place name. */
export const PLACE_HEADS = set(`
  valley island islands isle river lake lakes mountain mountains mount sea ocean bay beach coast county city state
  province region district street avenue road square harbour harbor port passage strait peninsula desert canyon gulf
  terminal locks airport park bridge falls forest hills heights sound channel cape point village town area
`);

/** Compass words that, in front of a known place, make a region of it ("Southern California", "North Wales"). */
export const COMPASS_WORDS = set(`
  north south east west northern southern eastern western central northeast northwest southeast southwest
  upper lower greater
`);

/**
 * Institution heads that British and American papers often write in lower case after the name they end
 * ("West Mercia police", "New York magazine", "Royal Shrewsbury hospital").
 */
export const LOWER_CASE_HEADS = set(`police magazine newspaper hospital council`);

/** Lower-case nouns that, right after a name, say it is a programme ("the Artemis program"). */
export const PROGRAM_NOUNS = set(`program programme programs programmes initiative scheme mission missions`);

/**
 * Words near a name that say it is a product ("play Minecraft", "download the app", "the console's"),
 * and words that say it is a company ("the firm", "its shares", "founded"). A name with no stronger sign
 * takes the kind its neighbourhood speaks of more.
 */
export const PRODUCT_CONTEXT = set(`
  app apps game games gaming gamer gamers play plays played playing player players console consoles headset
  device devices download downloaded downloads install installed installs version versions update updates
  browser browsers smartphone phone phones laptop tablet feature features edition sequel subscribers
  subscription streaming title titles model models launch launched release released
  car cars vehicle vehicles suv suvs sedan sedans truck trucks plug-in plug-ins extension extensions
`);
export const COMPANY_CONTEXT = set(`
  company companies firm firms startup start-up shares stock investors revenue revenues profit profits employees
  staff founded founder co-founder ceo chief executive acquired acquisition merger subsidiary headquartered
  headquarters retailer maker manufacturer chain brand owner owned bought sold
`);

/** Nouns that, right after a name, say the name is a product ("the Vision Pro headset", "Super Mario Run game"). */
export const PRODUCT_NOUNS = set(`
  app apps console consoles phone phones smartphone smartphones headset headsets device devices chatbot chatbots
  model models game games software laptop laptops tablet tablets browser browsers gadget gadgets camera cameras
  chip chips processor processors car cars truck trucks vehicle vehicles drone drones watch watches speaker speakers
  platform service subscription controller controllers engine edition version update player players
  index indices indexes
`);

/** Nouns that, right after a name, say it is a group of people ("the Manu Taupunga group", "the Islamic State group"). */
export const ORGANIZATION_NOUNS = set(`
  group groups organisation organization tribe iwi team club union party movement agency firm charity network
  coalition alliance collective
`);

/** Nouns that, right after a quoted title, say it names an event, which is not something we track. */
export const EVENT_NOUNS = set(`
  conference conferences summit summits festival festivals forum forums event events exhibition expo fair
  tour campaign campaigns meeting meetings symposium workshop hackathon awards ceremony gala show concert report
`);

/** Verbs of saying and announcing: the words just before them are often a person's or an organisation's name. */
export const SPEECH_VERBS = set(`
  said says say told tells added adds wrote writes announced announces reported reports noted notes explained
  explains argued argues claimed claims stated states confirmed confirms declined declines acknowledged
  acknowledges warned warns insisted insists admitted admits believes believed thinks thought recalled
  described describes launched launches released releases unveiled unveils bought buys acquired acquires
  sued sues hired hires plans planned expects expected
`);

/** Words that introduce examples in a list ("rivals such as Walmart", "hyperscalers like Amazon"). */
export const LIST_LEADS = set(`like including include includes included such as versus vs vs.`);

/**
 * Product-name parts that are common in technology writing; a name containing
 * one inside a word ("ChatGPT") or as a word ("Xbox One X", "Vision Pro") is
 * taken for a product when nothing else says what it is.
 */
export const PRODUCT_PARTS = set(`
  pro max mini plus ultra air lite edition series one gpt phone pad pod book watch tab go live vr x s
  average composite index
`);

/** Head words of agencies' names that are written both before and after what the agency is of. */
const AGENCY_HEADS: ReadonlySet<string> = new Set(['department', 'ministry', 'office', 'bureau', 'agency']);

/**
 * The other order of an agency's name, as a key: "energy department" for "department of energy", and back.
 * Undefined for a name that is not "Department of X" (or ministry, office, bureau, agency) or "X Department".
 */
export function reorderedAgencyName(key: string): string | undefined {
  const words = key.split(' ');
  const head = words[0]!;
  if (words.length >= 3 && AGENCY_HEADS.has(head) && words[1] === 'of') return [...words.slice(2), head].join(' ');
  const last = words[words.length - 1]!;
  if (words.length >= 2 && AGENCY_HEADS.has(last) && !words.includes('of'))
    return `${last} of ${words.slice(0, -1).join(' ')}`;
  return undefined;
}
