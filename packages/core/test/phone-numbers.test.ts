import { describe, expect, it } from 'vitest';
import { ExpressionCompiler, ExpressionError } from '../src/index.js';
import { phoneExtension, toE164 } from '../src/expressions/functions/to-e164.js';

const compiler = new ExpressionCompiler();
const evaluate = (source: string, input: unknown = {}, bindings: Record<string, unknown> = {}) => compiler.compile(source, '/steps/0/input/phone').evaluate(input, bindings, '/steps/0/input/phone');
const failure = async (source: string): Promise<ExpressionError> => {
  try {
    await evaluate(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`${source} did not fail`);
};

describe('$toE164: the issue\'s cases', () => {
  it('reads a number in the country named by an ISO code (07700 900123 in GB)', async () => {
    expect(await evaluate("$toE164('07700 900123', 'GB')")).toBe('+447700900123');
  });

  it('gives nothing for a number too short to be one of the country (555-0101 in the US)', async () => {
    expect(await evaluate("$toE164('555-0101')")).toBeUndefined();
  });

  it('leaves the extension out of the E.164 number', async () => {
    expect(await evaluate("$toE164('(512) 555-0101 ext. 12')")).toBe('+15125550101');
  });
});

describe('$toE164 across countries', () => {
  it.each([
    ['US', '(512) 555-0143', '+15125550143'],
    ['US', '1-512-555-0143', '+15125550143'],
    ['US', '512.555.0199', '+15125550199'],
    ['CA', '(416) 555-0199', '+14165550199'],
    ['GB', '020 7946 0958', '+442079460958'],
    ['GB', '+44 (0)7700 900123', '+447700900123'],
    ['DE', '030 123456', '+4930123456'],
    ['DE', '0151 23456789', '+4915123456789'],
    ['FR', '06 12 34 56 78', '+33612345678'],
    ['AU', '0412 345 678', '+61412345678'],
    ['AU', '(02) 9876 5432', '+61298765432'],
    ['MX', '55 1234 5678', '+525512345678'],
    ['BR', '(11) 91234-5678', '+5511912345678'],
    ['IN', '098765 43210', '+919876543210'],
    ['IT', '06 1234 5678', '+390612345678'],
  ])('reads a number of %s written as %s', async (country, phone, e164) => {
    expect(await toE164(phone, country)).toBe(e164);
  });

  it('takes the country code in lower case', async () => {
    expect(await toE164('07700 900123', 'gb')).toBe('+447700900123');
  });

  it('takes a calling code instead of a country, with or without +, as text or a number', async () => {
    expect(await toE164('020 7946 0958', '44')).toBe('+442079460958');
    expect(await toE164('020 7946 0958', '+44')).toBe('+442079460958');
    expect(await toE164('030 123456', 49)).toBe('+4930123456');
    expect(await toE164('(512) 555-0143', '1')).toBe('+15125550143');
  });

  it('reads a number in the US when no country is given', async () => {
    expect(await toE164('512 555 0143')).toBe('+15125550143');
    expect(await toE164('512 555 0143', null)).toBe('+15125550143');
  });

  it('keeps a number written with + in its own country, whatever the country given', async () => {
    expect(await toE164('+44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(await toE164('+49 30 123456', 'FR')).toBe('+4930123456');
  });

  it('reads 00 as the international prefix, also in the US where the prefix is 011', async () => {
    expect(await toE164('0044 20 7946 0958')).toBe('+442079460958');
    expect(await toE164('0049 30 123456', 'DE')).toBe('+4930123456');
    expect(await toE164('011 44 20 7946 0958', 'US')).toBe('+442079460958');
  });

  it('takes a number given as a JSON number', async () => {
    expect(await toE164(5125550143)).toBe('+15125550143');
  });

  it('takes the phone from the context when called with no argument', async () => {
    expect(await evaluate('phone.$toE164()', { phone: '(512) 555-0143' })).toBe('+15125550143');
  });

  it('takes the country from $config when the expression passes it', async () => {
    expect(await evaluate('$toE164(phone, $config.defaultCountry)', { phone: '07700 900123' }, { config: { defaultCountry: 'GB' } })).toBe('+447700900123');
    expect(await evaluate('$toE164(phone, $config.defaultCountry)', { phone: '(512) 555-0143' }, { config: {} })).toBe('+15125550143');
  });
});

describe('$toE164: what is no phone number gives nothing', () => {
  it.each([
    ['text', 'call me'],
    ['too few digits', '12'],
    ['too many digits for the country', '512 555 0143 9999'],
    ['an empty string', ''],
    ['only spaces', '   '],
    ['more than 250 characters', '5'.repeat(251)],
  ])('gives nothing for %s', async (_title, phone) => {
    expect(await toE164(phone)).toBeUndefined();
  });

  it('gives nothing for no value, so a missing field stays missing', async () => {
    expect(await evaluate('$toE164(phone)', {})).toBeUndefined();
    expect(await toE164(undefined)).toBeUndefined();
    expect(await toE164(null)).toBeUndefined();
    expect(await toE164(-5)).toBeUndefined();
    expect(await toE164(1.5)).toBeUndefined();
  });

  it('gives nothing for a number of a length no number of the country has (a UK mobile a digit too long, a French mobile a digit short)', async () => {
    expect(await toE164('07700 9001234', 'GB')).toBeUndefined();
    expect(await toE164('06 12 34 56 7', 'FR')).toBeUndefined();
  });
});

describe('$phoneExtension', () => {
  it.each([
    ['(512) 555-0101 ext. 12', '12'],
    ['512-555-0101 x 7', '7'],
    ['+1 512 555 0101 #345', '345'],
    ['512-555-0101;ext=12', '12'],
  ])('gives the extension of %s', async (phone, extension) => {
    expect(await phoneExtension(phone)).toBe(extension);
  });

  it('gives nothing for a number without an extension, or no number', async () => {
    expect(await phoneExtension('(512) 555-0101')).toBeUndefined();
    expect(await phoneExtension('555-0101')).toBeUndefined();
    expect(await phoneExtension(undefined)).toBeUndefined();
  });

  it('reads the number in the given country', async () => {
    expect(await evaluate("$phoneExtension('020 7946 0958 ext 4', 'GB')")).toBe('4');
  });
});

describe('$toE164: a country that is a mistake fails the expression, with what to write instead', () => {
  it('refuses UK, which is no ISO code, and suggests GB', async () => {
    const error = await failure("$toE164('07700 900123', 'UK')");
    expect(error).toMatchObject({ code: 'expression.evaluation', jsonataCode: 'phone.unknown-country', pointer: '/steps/0/input/phone' });
    expect(error.message).toContain('"UK" is no ISO 3166 country code');
    expect(error.hint).toContain('Did you mean "GB"?');
  });

  it('refuses a calling code no country has', async () => {
    const error = await failure("$toE164('020 7946 0958', '999')");
    expect(error).toMatchObject({ jsonataCode: 'phone.unknown-country' });
    expect(error.message).toContain('no country has the calling code "999"');
  });

  it('refuses a country that is neither a code nor a calling code', async () => {
    const error = await failure("$toE164('020 7946 0958', 'England')");
    expect(error).toMatchObject({ jsonataCode: 'phone.bad-country' });
    expect(error.hint).toContain('ISO country code');
  });

  it('refuses a country of another type with JSONata\'s own signature error', async () => {
    await expect(evaluate("$toE164('020 7946 0958', {'c': 'GB'})")).rejects.toMatchObject({ code: 'expression.evaluation', jsonataCode: 'T0410' });
  });
});
