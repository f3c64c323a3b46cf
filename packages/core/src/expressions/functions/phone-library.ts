/**
 * The parts of libphonenumber-js (with its `min` metadata) that to-e164.ts uses, imported by it on
 * first use: a module of its own, so that a bundler splits off only these (and the metadata) into
 * a lazy chunk, not every export of the package.
 */
export { getCountries, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
