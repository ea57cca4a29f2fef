#!/usr/bin/env node
// Generates src/main/resources/org/newsgraph/kb/countries.tsv, the country table of the
// newsgraph gazetteer, from pinned data packages plus a few hand-curated tables (below).
//
// Usage (from the kb-sources folder):
//   npm ci
//   mvn dependency:get -Dartifact=io.github.coordinates2country:coordinates2country:1.6
//   node generate-countries.mjs [path/to/coordinates2country-1.6.jar]
//
// Inputs:
//   - npm world-countries@5.1.0 (ODbL-1.0): ISO codes, French/English names, French demonyms,
//     capital names.
//   - Maven io.github.coordinates2country:coordinates2country:1.6 (Apache-2.0): its resource
//     countries.csv maps ~175 English country names to Wikidata QIDs. The jar is taken from the
//     first argument, else from $C2C_JAR, else from the local Maven repository (~/.m2).
//   - npm @rapideditor/country-coder@5.6.1 (ISC): src/data/borders.json gives a Wikidata QID
//     for every ISO 3166-1 code; used to cross-check the coordinates2country QIDs and to fill
//     the countries that coordinates2country lacks.
//   - verified-ids.tsv (this folder): country GeoNames ids and capital QIDs / GeoNames ids
//     that the project verified by hand.
// Optional: VERIFIED_IDS=<file> cross-checks the result against a TSV with columns
//   entity, wikidata, geonames (matched on English country names) and prints disagreements.
//
// Output: UTF-8 TSV, one header line, 14 columns, rows sorted by iso2. The script is
// deterministic: the same inputs give the same bytes.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, '..', 'src', 'main', 'resources', 'org', 'newsgraph', 'kb', 'countries.tsv');

const WC_VERSION = '5.1.0';
const CC_VERSION = '5.6.1';
const C2C_VERSION = '1.6';
// SHA-1 of coordinates2country-1.6.jar as published on Maven Central (the .jar.sha1 file).
const C2C_SHA1 = 'ba96a66e3caf55468546dc5f8f86a973b251482e';

const SRC_WC = `world-countries@${WC_VERSION} (ODbL-1.0)`;
const SRC_C2C = `coordinates2country@${C2C_VERSION} (Apache-2.0)`;
const SRC_CC = `@rapideditor/country-coder@${CC_VERSION} (ISC)`;

const HEADER = ['iso2', 'iso3', 'qid', 'geonames', 'name_fr', 'article_fr', 'names_fr_alt', 'name_en',
  'demonyms_fr', 'capital_qid', 'capital_geonames', 'dbpedia_fr', 'dbpedia_en', 'source'];

// ---------------------------------------------------------------------------------------------
// Small helpers

function die(msg) {
  console.error(`generate-countries: ${msg}`);
  process.exit(1);
}

function readJson(rel) {
  return JSON.parse(fs.readFileSync(path.join(HERE, rel), 'utf8'));
}

function checkVersion(pkg, want) {
  const got = readJson(`node_modules/${pkg}/package.json`).version;
  if (got !== want) die(`${pkg} is ${got}, expected ${want}: run "npm ci"`);
}

/** Accent- and case-folded key, used for de-duplication and collision checks. */
function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

/** Typographic clean-up of French strings from world-countries ("d' Ivoire", "-et", "’"). */
function cleanFr(s) {
  if (!s) return '';
  return s.replace(/’/g, "'").replace(/' +/g, "'").replace(/ +-/g, '-').replace(/- +/g, '-')
    .replace(/\s+/g, ' ').trim();
}

function lcFirst(s) {
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

// ---------------------------------------------------------------------------------------------
// Reading countries.csv out of the coordinates2country jar (a zip file), without dependencies.

function readZipEntry(zipPath, entryName) {
  const buf = fs.readFileSync(zipPath);
  // End of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) die(`${zipPath} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) die(`bad central directory in ${zipPath}`);
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOff = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (name === entryName) {
      if (buf.readUInt32LE(localOff) !== 0x04034b50) die(`bad local header in ${zipPath}`);
      const start = localOff + 30 + buf.readUInt16LE(localOff + 26) + buf.readUInt16LE(localOff + 28);
      const data = buf.subarray(start, start + csize);
      if (method === 0) return data;
      if (method === 8) return zlib.inflateRawSync(data);
      die(`unsupported zip method ${method} for ${entryName}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return die(`${entryName} not found in ${zipPath}`);
}

function locateC2cJar() {
  const candidates = [
    process.argv[2],
    process.env.C2C_JAR,
    path.join(os.homedir(), '.m2', 'repository', 'io', 'github', 'coordinates2country',
      'coordinates2country', C2C_VERSION, `coordinates2country-${C2C_VERSION}.jar`),
  ].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  return die('coordinates2country jar not found. Run: mvn dependency:get '
    + `-Dartifact=io.github.coordinates2country:coordinates2country:${C2C_VERSION} `
    + 'or pass the jar path as first argument / C2C_JAR');
}

// coordinates2country names that differ from every world-countries name / alt spelling.
const C2C_NAME_TO_ISO2 = {
  'East Timor': 'TL',
  "People's Republic of China": 'CN',
  'The Bahamas': 'BS',
  'The Gambia': 'GM',
  'Federated States of Micronesia': 'FM',
  'Czech Republic': 'CZ',
  'Turkey': 'TR',
  'Cape Verde': 'CV',
  'Ivory Coast': 'CI',
  'Republic of the Congo': 'CG',
  'Democratic Republic of the Congo': 'CD',
  'United States of America': 'US',
};
// Entries of coordinates2country that have no ISO 3166-1 code.
const C2C_NO_ISO = new Set(['Somaliland', 'Transnistria']);

// ---------------------------------------------------------------------------------------------
// Curated tables (hand-made by the project; each entry is a fact about French usage).

// name_fr: the usual French short name when world-countries gives another form. The
// world-countries form is kept in names_fr_alt when it is a usable surface form.
const NAME_FR = {
  AX: 'Îles Åland',
  CD: 'République démocratique du Congo',
  CV: 'Cap-Vert',
  EH: 'Sahara occidental',
  MU: 'Maurice',
  PW: 'Palaos',
  SA: 'Arabie saoudite',
  SR: 'Suriname',
  ST: 'Sao Tomé-et-Principe',
  SX: 'Sint Maarten',
  SZ: 'Eswatini',
  VA: 'Vatican',
};
// world-countries common names not to keep as alternative names (ambiguous or not a name).
const DROP_WC_COMMON = new Set(['CD', 'SX']);

// Official French names: corrections of world-countries (outdated or odd), or '' to drop one.
const OFFICIAL_FR = {
  BD: 'République populaire du Bangladesh',
  EH: '', // world-countries gives the name of the SADR, a different entity from the territory
  IM: '', // given in English
  LY: 'État de Libye', // world-countries has the pre-2011 name
  SA: "Royaume d'Arabie saoudite",
  SJ: '', // "Jan Mayen Svalbard" is not a name
  TW: 'République de Chine', // parenthetical "(Taïwan)" removed
  US: "États-Unis d'Amérique",
  VG: '', // "îles Vierges" alone is ambiguous with VI
};

// Extra French names and short forms seen in French news (curated; accents are folded by the
// matcher, so unaccented copies are not listed).
const ALT_FR = {
  AE: ['Émirats', 'EAU'],
  AX: ['Åland'],
  BA: ['Bosnie'],
  BY: ['Bélarus'],
  CD: ['RDC', 'RD Congo', 'Congo-Kinshasa'],
  CF: ['Centrafrique'],
  CG: ['Congo-Brazzaville'],
  CV: ['Îles du Cap-Vert'],
  GB: ['Grande-Bretagne'], // not "Angleterre": England is only part of the UK
  KG: ['Kirghizstan'],
  KP: ['RPDC'],
  MD: ['Moldova'],
  MM: ['Myanmar'],
  MU: ['Île Maurice'],
  PS: ['Territoires palestiniens'],
  PW: ['Palau'],
  RU: ['Fédération de Russie'],
  ST: ['São Tomé et Príncipe'],
  SV: ['El Salvador'],
  SZ: ['Swaziland'],
  TL: ['Timor-Leste'],
  TR: ['Türkiye'],
  US: ['USA', 'Amérique'],
  VA: ['Cité du Vatican'],
  VN: ['Vietnam'],
};

// French demonyms (masc|fem|masc.pl|fem.pl): corrections and additions. A value may hold
// several groups of four forms (the first group is the main one; the following groups are
// variants that the matcher should accept too). '' = no demonym (wrong in the source, or it
// would collide with the demonym of another country: AS/WS "samoan", BQ/NL "néerlandais",
// MP/US "américain", TF/FR "français").
const DEMONYMS_FR = {
  AE: 'émirien|émirienne|émiriens|émiriennes|émirati|émiratie|émiratis|émiraties',
  AG: 'antiguais|antiguaise|antiguais|antiguaises',
  AS: '',
  BF: 'burkinabè|burkinabè|burkinabè|burkinabè|burkinabé|burkinabée|burkinabés|burkinabées',
  BQ: '',
  EH: 'sahraoui|sahraouie|sahraouis|sahraouies',
  FK: 'malouin|malouine|malouins|malouines',
  KN: 'kittitien-et-névicien|kittitienne-et-névicienne|kittitiens-et-néviciens|kittitiennes-et-néviciennes',
  MP: '',
  NZ: 'néo-zélandais|néo-zélandaise|néo-zélandais|néo-zélandaises',
  PM: 'saint-pierrais|saint-pierraise|saint-pierrais|saint-pierraises|miquelonais|miquelonaise|miquelonais|miquelonaises',
  SH: 'sainte-hélénois|sainte-hélénoise|sainte-hélénois|sainte-hélénoises', // source has é/è mixed
  SZ: 'swazi|swazie|swazis|swazies',
  TF: '',
  TJ: 'tadjik|tadjike|tadjiks|tadjikes',
  UZ: 'ouzbek|ouzbèke|ouzbeks|ouzbèkes',
};

// ---- article_fr: French grammar rules plus exception lists --------------------------------
// Default rule: "l'" before a vowel (not before y: le Yémen; h is treated as aspirated: la
// Hongrie, le Honduras);
// otherwise feminine ("la") when the head word (first word of the name) ends in -e, else "le".
// Names taking no article: most islands and city-states, and "Saint-…" names.
const NO_ARTICLE = new Set([
  'Israël', 'Cuba', 'Madagascar', 'Chypre', 'Malte', 'Singapour', 'Monaco', 'Bahreïn',
  'Djibouti', 'Haïti', 'Oman', 'Taïwan', 'Sao Tomé-et-Principe', 'Maurice', 'Hong Kong', 'Macao',
  'Antigua-et-Barbuda', 'Trinité-et-Tobago', 'Porto Rico', 'Jersey', 'Guernesey', 'Gibraltar',
  'Montserrat', 'Anguilla', 'Aruba', 'Curaçao', 'Sint Maarten', 'Niue', 'Tokelau', 'Tuvalu',
  'Kiribati', 'Nauru', 'Tonga', 'Palaos', 'Mayotte', 'Guam', 'Wallis-et-Futuna',
]);
// Plural names ("les"); names starting with "Îles" / "Terres" are plural too.
const PLURAL = new Set([
  'États-Unis', 'Émirats arabes unis', 'Comores', 'Philippines', 'Pays-Bas', 'Pays-Bas caribéens',
  'Maldives', 'Seychelles', 'Bahamas', 'Bermudes', 'Fidji', 'Samoa', 'Samoa américaines',
]);
// Masculine although the head word ends in -e.
const MASCULINE = new Set(['Mexique', 'Cambodge', 'Mozambique', 'Zimbabwe', 'Belize', 'Suriname',
  'Royaume-Uni', 'Territoire britannique de l\'océan Indien']);
// Feminine although the head word does not end in -e.
const FEMININE = new Set(['Sierra Leone', 'Cité du Vatican', 'Réunion']);

function articleFr(name) {
  if (NO_ARTICLE.has(name) || /^Saint(e)?-/.test(name)) return '';
  if (PLURAL.has(name) || /^(Îles|Iles|Terres) /.test(name)) return 'les';
  if (/^[AEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜÅ]/i.test(name.normalize('NFC'))) return "l'";
  if (MASCULINE.has(name)) return 'le';
  if (FEMININE.has(name)) return 'la';
  const head = name.split(/[ -]/)[0];
  return /e$/.test(head) ? 'la' : 'le';
}

// ---- demonym plurals -------------------------------------------------------------------------
// Add -s, except after -s/-x/-z (français -> français). In compounds only the last element
// varies (nord-coréen -> nord-coréens), except "X-et-Y" where both do.
function pluralFr(w) {
  if (w.includes('-et-')) return w.split('-et-').map(pluralFr).join('-et-');
  const i = w.lastIndexOf('-');
  if (i >= 0) return w.slice(0, i + 1) + pluralFr(w.slice(i + 1));
  return /[sxz]$/.test(w) ? w : `${w}s`;
}

// ---- DBpedia local names ---------------------------------------------------------------------
// Default: the common name with spaces as underscores. Overrides where the Wikipedia title is
// known to differ; null where the title is not known with confidence (left empty).
const DBPEDIA_FR = {
  AX: 'Åland', CG: 'République_du_Congo', CY: 'Chypre_(pays)', DJ: 'Djibouti_(pays)',
  DM: 'Dominique_(pays)', EC: 'Équateur_(pays)', GD: 'Grenade_(pays)', GE: 'Géorgie_(pays)',
  IE: 'Irlande_(pays)', KM: 'Comores_(pays)', LU: 'Luxembourg_(pays)', MU: 'Maurice_(pays)',
  NG: 'Nigeria', RE: 'La_Réunion',
  BL: null, BQ: null, CX: null, FM: null, GS: null, MF: null, MS: null, PS: null, SX: null,
};
const DBPEDIA_EN = {
  AX: 'Åland', BS: 'The_Bahamas', CD: 'Democratic_Republic_of_the_Congo',
  CZ: 'Czech_Republic', FM: 'Federated_States_of_Micronesia', GE: 'Georgia_(country)',
  GM: 'The_Gambia', GS: 'South_Georgia_and_the_South_Sandwich_Islands', IE: 'Republic_of_Ireland',
  MF: 'Collectivity_of_Saint_Martin', PS: 'State_of_Palestine', TL: 'East_Timor', TR: 'Turkey',
};

function dbpediaName(iso2, table, name) {
  if (Object.prototype.hasOwnProperty.call(table, iso2)) return table[iso2] ?? '';
  return name.replace(/ /g, '_');
}

// ---------------------------------------------------------------------------------------------
// Main

checkVersion('world-countries', WC_VERSION);
checkVersion('@rapideditor/country-coder', CC_VERSION);

const countries = readJson('node_modules/world-countries/countries.json');
const borders = readJson('node_modules/@rapideditor/country-coder/src/data/borders.json');

// country-coder: ISO 3166-1 alpha-2 -> QID
const ccQid = {};
for (const f of borders.features) {
  const p = f.properties;
  if (p.iso1A2 && p.wikidata) ccQid[p.iso1A2] = p.wikidata;
}

// coordinates2country: English name -> QID, mapped to ISO 3166-1 alpha-2
const jarPath = locateC2cJar();
const sha1 = crypto.createHash('sha1').update(fs.readFileSync(jarPath)).digest('hex');
if (sha1 !== C2C_SHA1) die(`unexpected SHA-1 ${sha1} for the coordinates2country jar`);
const byName = new Map();
for (const c of countries) {
  for (const n of [c.name.common, c.name.official, ...c.altSpellings]) byName.set(fold(n), c.cca2);
}
const c2cQid = {};
const c2cText = readZipEntry(jarPath, 'countries.csv').toString('utf8');
for (const line of c2cText.split(/\r?\n/)) {
  if (!line.trim()) continue;
  const first = line.indexOf(',');
  const last = line.lastIndexOf(',');
  const name = line.slice(first + 1, last);
  const num = line.slice(last + 1).trim();
  if (!/^[0-9]+$/.test(num)) die(`bad line in countries.csv: ${line}`);
  if (C2C_NO_ISO.has(name)) continue;
  const iso2 = C2C_NAME_TO_ISO2[name] ?? byName.get(fold(name));
  if (!iso2) die(`coordinates2country name not mapped to ISO: ${name}`);
  if (c2cQid[iso2]) die(`two coordinates2country rows for ${iso2}`);
  c2cQid[iso2] = `Q${num}`;
}

// verified identifiers
const verified = {};
for (const line of fs.readFileSync(path.join(HERE, 'verified-ids.tsv'), 'utf8').split(/\r?\n/)) {
  if (!line || line.startsWith('#') || line.startsWith('iso2\t')) continue;
  const [iso2, qid, gn, capital, capQid, capGn, single] = line.split('\t');
  verified[iso2] = { qid, gn, capital, capQid, capGn, single: single === 'yes' };
}

const warnings = [];
const rows = [];
const stats = { qidBoth: 0, qidC2cOnly: 0, qidCcOnly: 0, qidConflict: [], geonames: 0, demonyms: 0,
  capitals: 0, dbpediaFr: 0, dbpediaEn: 0 };

for (const c of [...countries].sort((a, b) => a.cca2.localeCompare(b.cca2))) {
  const iso2 = c.cca2;
  const fra = c.translations.fra ?? {};
  const wcCommon = cleanFr(fra.common);
  const nameFr = NAME_FR[iso2] ?? wcCommon;
  const curatedFields = [];
  if (NAME_FR[iso2]) curatedFields.push('name_fr');

  // --- QID: coordinates2country first, country-coder for the rest; disagreements reported
  const q1 = c2cQid[iso2];
  const q2 = ccQid[iso2];
  let qid = q1 ?? q2 ?? '';
  const qidSources = [];
  if (q1) qidSources.push(SRC_C2C);
  if (q2 && (!q1 || q2 === q1)) qidSources.push(SRC_CC);
  if (q1 && q2 && q1 === q2) stats.qidBoth++;
  else if (q1 && q2) stats.qidConflict.push(`${iso2}: coordinates2country ${q1}, country-coder ${q2} (kept ${q1})`);
  else if (q1) stats.qidC2cOnly++;
  else if (q2) stats.qidCcOnly++;
  const v = verified[iso2];
  if (v && v.qid && v.qid !== qid) {
    warnings.push(`${iso2}: QID ${qid} disagrees with verified-ids.tsv ${v.qid}; using the verified one`);
    qid = v.qid;
  }

  // --- GeoNames and capital ids: verified values only
  const geonames = v?.gn ?? '';
  let capitalQid = '';
  let capitalGn = '';
  if (v && (v.capQid || v.capGn)) {
    const wcCapitals = (c.capital ?? []).map(fold);
    const want = fold(v.capital).replace(/[.,]/g, '').replace(/ dc$/, '');
    if (wcCapitals.some((n) => n.replace(/[.,]/g, '').replace(/ dc$/, '') === want)) {
      capitalQid = v.capQid;
      capitalGn = v.capGn;
    } else {
      warnings.push(`${iso2}: verified capital ${v.capital} is not the world-countries capital ${c.capital}`);
    }
  }

  // --- names_fr_alt
  const alts = [];
  const seen = new Set([fold(nameFr)]);
  const addAlt = (s) => {
    const t = cleanFr(s).replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    if (!t || seen.has(fold(t))) return;
    seen.add(fold(t));
    alts.push(t);
  };
  const official = Object.prototype.hasOwnProperty.call(OFFICIAL_FR, iso2) ? OFFICIAL_FR[iso2] : fra.official;
  if (OFFICIAL_FR[iso2] !== undefined) curatedFields.push('official name');
  addAlt(official);
  if (NAME_FR[iso2] && !DROP_WC_COMMON.has(iso2)) addAlt(wcCommon);
  for (const a of ALT_FR[iso2] ?? []) addAlt(a);
  if (ALT_FR[iso2]) curatedFields.push('names_fr_alt');

  // --- demonyms
  let demonyms;
  if (Object.prototype.hasOwnProperty.call(DEMONYMS_FR, iso2)) {
    demonyms = DEMONYMS_FR[iso2];
    curatedFields.push('demonyms_fr');
  } else {
    const d = c.demonyms?.fra;
    if (d && d.m && d.f) {
      const m = lcFirst(cleanFr(d.m)).toLowerCase();
      const f = lcFirst(cleanFr(d.f)).toLowerCase();
      demonyms = [m, f, pluralFr(m), pluralFr(f)].join('|');
    } else {
      demonyms = '';
    }
  }
  if (demonyms) stats.demonyms++;

  const dbFr = dbpediaName(iso2, DBPEDIA_FR, nameFr);
  const dbEn = dbpediaName(iso2, DBPEDIA_EN, c.name.common);

  const source = [SRC_WC];
  if (qid) {
    const checked = v && v.qid === qid ? ', checked against verified-ids.tsv' : '';
    source.push(`qid: ${qidSources.length ? qidSources.join(' + ') : 'verified-ids.tsv'}${checked}`);
  }
  if (geonames || capitalQid || capitalGn) source.push('geonames/capital ids: verified-ids.tsv');
  if (curatedFields.length) source.push(`curated: ${curatedFields.join(', ')}`);

  if (geonames) stats.geonames++;
  if (capitalQid || capitalGn) stats.capitals++;
  if (dbFr) stats.dbpediaFr++;
  if (dbEn) stats.dbpediaEn++;

  rows.push([iso2, c.cca3, qid, geonames, nameFr, articleFr(nameFr), alts.join('|'), c.name.common,
    demonyms, capitalQid, capitalGn, dbFr, dbEn, source.join('; ')]);
}

// ---------------------------------------------------------------------------------------------
// Checks

const iso2Seen = new Set();
const qidSeen = new Map();
for (const r of rows) {
  if (r.length !== HEADER.length) die(`row ${r[0]} has ${r.length} columns`);
  for (const cell of r) if (/[\t\r\n]/.test(cell)) die(`row ${r[0]} has a tab or newline in a cell`);
  if (!/^[A-Z]{2}$/.test(r[0]) || iso2Seen.has(r[0])) die(`bad or duplicate iso2 ${r[0]}`);
  iso2Seen.add(r[0]);
  if (r[2] && !/^Q[0-9]+$/.test(r[2])) die(`bad QID ${r[2]} for ${r[0]}`);
  if (r[2]) {
    if (qidSeen.has(r[2])) warnings.push(`QID ${r[2]} used by ${qidSeen.get(r[2])} and ${r[0]}`);
    qidSeen.set(r[2], r[0]);
  }
}

// Surface forms shared by two rows (names and demonyms) are reported, not removed.
const forms = new Map();
for (const r of rows) {
  const own = new Set([r[4], ...r[6].split('|'), ...r[8].split('|')].filter(Boolean).map(fold));
  for (const k of own) forms.set(k, [...(forms.get(k) ?? []), r[0]]);
}
for (const [k, isos] of forms) if (isos.length > 1) warnings.push(`surface form "${k}" shared by ${isos.join(', ')}`);

// Optional cross-check against an external list of verified ids (entity, wikidata, geonames).
if (process.env.VERIFIED_IDS) {
  const byEn = new Map();
  for (const c of countries) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) byEn.set(fold(n), c.cca2);
  }
  for (const f of borders.features) {
    const p = f.properties;
    if (p.iso1A2 && !byEn.has(fold(p.nameEn))) byEn.set(fold(p.nameEn), p.iso1A2);
  }
  const rowBy = new Map(rows.map((r) => [r[0], r]));
  let checked = 0;
  for (const line of fs.readFileSync(process.env.VERIFIED_IDS, 'utf8').split(/\r?\n/).slice(1)) {
    const [entity, wd, gn] = line.split('\t');
    if (!entity) continue;
    const iso2 = byEn.get(fold(entity));
    if (!iso2 || !rowBy.has(iso2)) continue;
    const r = rowBy.get(iso2);
    checked++;
    if (wd && /^Q[0-9]+$/.test(wd) && wd !== r[2]) warnings.push(`VERIFIED_IDS: ${entity} ${wd} vs ${iso2} ${r[2]}`);
    if (gn && gn !== r[3]) warnings.push(`VERIFIED_IDS: ${entity} geonames ${gn} vs ${iso2} ${r[3]}`);
  }
  console.log(`VERIFIED_IDS: ${checked} country rows checked`);
}

// ---------------------------------------------------------------------------------------------
// Output

const text = `${[HEADER, ...rows].map((r) => r.join('\t')).join('\n')}\n`;
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, text, 'utf8');

const withQid = rows.filter((r) => r[2]).length;
console.log(`wrote ${rows.length} rows to ${path.relative(HERE, OUT)}`);
console.log(`QIDs: ${withQid} (coordinates2country and country-coder agree: ${stats.qidBoth}, `
  + `coordinates2country only: ${stats.qidC2cOnly}, country-coder only: ${stats.qidCcOnly})`);
for (const s of stats.qidConflict) console.log(`QID conflict: ${s}`);
console.log(`GeoNames ids: ${stats.geonames}; capital ids: ${stats.capitals}; demonyms: ${stats.demonyms}; `
  + `dbpedia_fr: ${stats.dbpediaFr}; dbpedia_en: ${stats.dbpediaEn}`);
for (const w of warnings) console.log(`warning: ${w}`);
