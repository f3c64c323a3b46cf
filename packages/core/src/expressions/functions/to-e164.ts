import type { ExpressionFunction } from '../expression-compiler.js';

/**
 * `$toE164(phone, countryCode?)`: a phone number in E.164 (`+15125550143`), or nothing when it
 * cannot be one. Numbers without `+` get the country calling code (default `1`) unless they
 * already start with it; punctuation and spaces are dropped.
 */
export function toE164(phone: unknown, countryCode: unknown = '1'): string | undefined {
  if (typeof phone !== 'string' && typeof phone !== 'number') return undefined;
  const text = String(phone).trim();
  const digits = text.replace(/\D/g, '');
  const code = String(countryCode).replace(/\D/g, '') || '1';
  let international: string;
  if (text.startsWith('+')) international = digits;
  else if (text.startsWith('00')) international = digits.slice(2);
  else if (code === '1' && digits.length === 11 && digits.startsWith('1')) international = digits;
  else international = `${code}${digits.replace(/^0/, '')}`;
  return international.length >= 8 && international.length <= 15 && !international.startsWith('0') ? `+${international}` : undefined;
}

export const toE164Function: ExpressionFunction = {
  implementation: toE164 as (...args: never[]) => unknown,
  signature: '<(sn)-(sn)?:s>',
};
