import { describe, expect, it } from 'vitest';
import { signPushPressData, verifyPushPressSignature } from '@flowline/connectors';

const VECTOR_SECRET = 'whsec_test_secret';
const VECTOR_BODY =
  '{"event":"customer.created","created":1764190000,"data":{"id":"usr_123","companyId":"cmp_1","email":"ann@example.com"}}';
const VECTOR_SIGNATURE = 'bc3209625a162667a8bfd4190a2913fadee2263ea807a6b6277d938294922e78';

function vectorData(): unknown {
  return (JSON.parse(VECTOR_BODY) as { data: unknown }).data;
}

describe('signPushPressData', () => {
  it('reproduces the reference test vector', () => {
    expect(signPushPressData(vectorData(), VECTOR_SECRET)).toBe(VECTOR_SIGNATURE);
  });

  it('signs the re-serialized data, so whitespace in the raw body does not matter', () => {
    const spaced = '{ "event": "customer.created", "created": 1764190000, "data": { "id": "usr_123", "companyId": "cmp_1", "email": "ann@example.com" } }';
    expect(signPushPressData((JSON.parse(spaced) as { data: unknown }).data, VECTOR_SECRET)).toBe(VECTOR_SIGNATURE);
  });

  it('refuses an empty secret and unserializable data', () => {
    expect(() => signPushPressData({}, '')).toThrow(/secret/);
    expect(() => signPushPressData(undefined, VECTOR_SECRET)).toThrow(/JSON-serializable/);
  });
});

describe('verifyPushPressSignature', () => {
  it('accepts the reference test vector', () => {
    expect(verifyPushPressSignature({ data: vectorData(), signature: VECTOR_SIGNATURE, secrets: [VECTOR_SECRET] })).toBe(true);
  });

  it('refuses an upper-case or padded hex header: PushPress sends lowercase hex only', () => {
    for (const signature of [VECTOR_SIGNATURE.toUpperCase(), `${VECTOR_SIGNATURE.slice(0, 10).toUpperCase()}${VECTOR_SIGNATURE.slice(10)}`, ` ${VECTOR_SIGNATURE}`, `${VECTOR_SIGNATURE}\n`]) {
      expect(verifyPushPressSignature({ data: vectorData(), signature, secrets: [VECTOR_SECRET] }), signature).toBe(false);
    }
  });

  it('accepts both the old and the new secret during rotation, and not a removed one', () => {
    const data = vectorData();
    const oldSig = signPushPressData(data, 'whsec_old');
    const newSig = signPushPressData(data, 'whsec_new');
    const removedSig = signPushPressData(data, 'whsec_removed');
    const secrets = ['whsec_new', 'whsec_old'];
    expect(verifyPushPressSignature({ data, signature: oldSig, secrets })).toBe(true);
    expect(verifyPushPressSignature({ data, signature: newSig, secrets })).toBe(true);
    expect(verifyPushPressSignature({ data, signature: removedSig, secrets })).toBe(false);
  });

  it('rejects a wrong value of the right length (the constant-time comparison path)', () => {
    const wrong = (VECTOR_SIGNATURE.startsWith('0') ? '1' : '0') + VECTOR_SIGNATURE.slice(1);
    expect(verifyPushPressSignature({ data: vectorData(), signature: wrong, secrets: [VECTOR_SECRET] })).toBe(false);
  });

  it('rejects signatures of the wrong length, odd length, or non-hex without throwing', () => {
    const data = vectorData();
    for (const signature of [
      VECTOR_SIGNATURE.slice(0, 62),
      VECTOR_SIGNATURE.slice(0, 63),
      `${VECTOR_SIGNATURE}00`,
      `${VECTOR_SIGNATURE.slice(0, 63)}z`,
      '',
      `sha256=${VECTOR_SIGNATURE}`,
    ]) {
      expect(verifyPushPressSignature({ data, signature, secrets: [VECTOR_SECRET] }), signature).toBe(false);
    }
  });

  it('rejects a missing or repeated header', () => {
    const data = vectorData();
    expect(verifyPushPressSignature({ data, signature: undefined, secrets: [VECTOR_SECRET] })).toBe(false);
    expect(verifyPushPressSignature({ data, signature: [VECTOR_SIGNATURE, VECTOR_SIGNATURE], secrets: [VECTOR_SECRET] })).toBe(false);
  });

  it('rejects a signature when the data was changed', () => {
    const data = { ...(vectorData() as Record<string, unknown>), email: 'eve@example.com' };
    expect(verifyPushPressSignature({ data, signature: VECTOR_SIGNATURE, secrets: [VECTOR_SECRET] })).toBe(false);
  });

  it('says what it expected when given no secrets', () => {
    expect(() => verifyPushPressSignature({ data: {}, signature: VECTOR_SIGNATURE, secrets: [] })).toThrow(/non-empty array/);
  });
});

describe('verifyPushPressSignature on data it cannot re-serialize', () => {
  it('answers false instead of throwing', () => {
    let deep: unknown = [];
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    expect(verifyPushPressSignature({ data: deep, signature: VECTOR_SIGNATURE, secrets: [VECTOR_SECRET] })).toBe(false);
  });
});
