import type { CountryCode, PhoneNumber } from 'libphonenumber-js/min';
import { closestNames } from '../../catalog/closest-names.js';
import type { ExpressionFunction } from '../expression-compiler.js';
import { FunctionArgumentError } from './function-argument-error.js';

/**
 * libphonenumber-js with its `min` metadata (about 80 KB of it): the countries, their calling
 * codes, national prefixes, the lengths their numbers can have (`isPossible`) and each country's
 * number pattern (`isValid`); `max` adds each number type's patterns (mobile, fixed line: for
 * `getType`), about 70 KB more (20 KB gzipped) to a builder page, for types these functions do
 * not ask about. Imported on first use, so a builder page that bundles the design entry loads it
 * as a chunk of its own only when an expression it previews reads a phone number.
 */
type Phones = typeof import('./phone-library.js');
let loading: Promise<Phones> | undefined;
const phones = (): Promise<Phones> => (loading ??= import('./phone-library.js'));

/**
 * Gives the library to use instead of importing it on first use: an expression worker thread
 * started from the TypeScript sources has tsx's `require` hook only, which a dynamic `import()`
 * does not go through, so it imports the library statically and hands it over here.
 */
export function providePhoneLibrary(library: Phones): void {
  loading = Promise.resolve(library);
}

/** The country a number without `+` is read in when none is given: Flowline's gyms are mostly in the US. */
export const DEFAULT_PHONE_COUNTRY = 'US';

/** Longer text is no phone number (libphonenumber-js refuses more than 250 characters too). */
const MAX_PHONE_LENGTH = 250;

/**
 * How a number without `+` is read: in a country (ISO 3166 alpha-2, `GB`) or with a calling code
 * (`44`, `+44`); the country is libphonenumber-js's choice for calling codes several countries
 * share (`1`: US, CA, ...), which only matters for the number's validity, not its E.164 form.
 */
type Region = { readonly country: CountryCode } | { readonly callingCode: string };

let callingCodes: ReadonlySet<string> | undefined;

function knownCallingCodes({ getCountries, getCountryCallingCode }: Phones): ReadonlySet<string> {
  callingCodes ??= new Set(getCountries().map((country) => getCountryCallingCode(country)));
  return callingCodes;
}

/** Reads the country argument; a country or calling code no country has is a mistake in the expression. */
function regionOf(lib: Phones, country: unknown, functionName: string): Region {
  if (country === undefined || country === null || country === '') return { country: DEFAULT_PHONE_COUNTRY };
  if (typeof country === 'number' && Number.isInteger(country) && country > 0) return regionOf(lib, String(country), functionName);
  if (typeof country !== 'string') {
    throw new FunctionArgumentError('phone.bad-country', `$${functionName}: the country must be a string such as "GB" or "44", not ${JSON.stringify(country) ?? typeof country}`, 'Give an ISO country code ("US", "GB") or a calling code ("1", "+44").');
  }
  const text = country.trim();
  if (/^[A-Za-z]{2}$/.test(text)) {
    const code = text.toUpperCase();
    if (lib.isSupportedCountry(code)) return { country: code };
    const suggestion = code === 'UK' ? 'GB' : closestNames(code, lib.getCountries(), 1)[0];
    throw new FunctionArgumentError('phone.unknown-country', `$${functionName}: "${text}" is no ISO 3166 country code`, `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Give an ISO country code ("US", "GB", "DE") or a calling code ("1", "+44").`);
  }
  if (/^\+?\d{1,3}$/.test(text)) {
    const code = text.replace('+', '');
    if (knownCallingCodes(lib).has(code)) return { callingCode: code };
    throw new FunctionArgumentError('phone.unknown-country', `$${functionName}: no country has the calling code "${text}"`, 'Give a calling code countries use ("1" for the US and Canada, "44" for the UK), or an ISO country code ("US", "GB").');
  }
  throw new FunctionArgumentError('phone.bad-country', `$${functionName}: "${text.slice(0, 40)}" is neither an ISO country code nor a calling code`, 'Give an ISO country code ("US", "GB") or a calling code ("1", "+44").');
}

function parse({ parsePhoneNumberFromString }: Phones, text: string, region: Region): PhoneNumber | undefined {
  return 'country' in region ? parsePhoneNumberFromString(text, region.country) : parsePhoneNumberFromString(text, { defaultCallingCode: region.callingCode });
}

/**
 * The phone number `phone` stands for, read in `region` when it has no `+`: undefined when it
 * cannot be one. `00` before a number is the international prefix of most countries; it is read
 * as `+` when the number makes no sense otherwise (in the US, `011` is the prefix and `00` is not).
 * A number counts when it has a length the country's numbers can have (libphonenumber-js's
 * `isPossible`): `isValid` would also refuse numbers of ranges kept for fiction and tests, such
 * as the UK's 07700 900xxx, which gyms use in their test data, and real numbers of ranges newer
 * than the metadata. Only a national number starting with 0 must be valid too: it is a national
 * prefix left in (a French 06 number a digit short), except where numbers do start with 0 (Italy).
 */
async function phoneNumberOf(phone: unknown, country: unknown, functionName: string): Promise<PhoneNumber | undefined> {
  const lib = await phones();
  const region = regionOf(lib, country, functionName);
  if (typeof phone === 'number') {
    if (!Number.isSafeInteger(phone) || phone <= 0) return undefined;
    return phoneNumberOf(String(phone), country, functionName);
  }
  if (typeof phone !== 'string') return undefined;
  const text = phone.trim();
  if (text === '' || text.length > MAX_PHONE_LENGTH) return undefined;
  const found = parse(lib, text, region);
  if (found && counts(found)) return found;
  if (text.startsWith('00')) {
    const international = lib.parsePhoneNumberFromString(`+${text.slice(2)}`);
    if (international && counts(international)) return international;
  }
  return undefined;
}

function counts(found: PhoneNumber): boolean {
  return found.isPossible() && (!found.nationalNumber.startsWith('0') || found.isValid());
}

/**
 * `$toE164(phone, country?)`: the phone number in E.164 (`+447700900123`), without its extension,
 * or nothing when the text is no possible phone number of the country. `country` (default `US`)
 * is how a number without `+` is read: an ISO code (`GB`) or a calling code (`44`, `+44`); an
 * unknown one fails the expression.
 */
export async function toE164(phone: unknown, country?: unknown): Promise<string | undefined> {
  return (await phoneNumberOf(phone, country, 'toE164'))?.number;
}

/** `$phoneExtension(phone, country?)`: the extension written with the number (`12` of `555-0101 ext. 12`), or nothing. */
export async function phoneExtension(phone: unknown, country?: unknown): Promise<string | undefined> {
  return (await phoneNumberOf(phone, country, 'phoneExtension'))?.ext || undefined;
}

export const toE164Function: ExpressionFunction = {
  implementation: toE164 as (...args: never[]) => unknown,
  signature: '<(sn)-(sn)?:s>',
};

export const phoneExtensionFunction: ExpressionFunction = {
  implementation: phoneExtension as (...args: never[]) => unknown,
  signature: '<(sn)-(sn)?:s>',
};
