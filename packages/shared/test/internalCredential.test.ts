import { describe, expect, it } from 'vitest';
import { internalCredential, isInternalCredential } from '../src/internalCredential.js';

describe('isInternalCredential', () => {
  it('accepts the credential of its own secret only, however often and for however many secrets it is asked', () => {
    for (let round = 0; round < 3; round += 1) {
      for (const secret of ['secret-a', 'secret-b']) {
        const credential = internalCredential(secret);
        expect(isInternalCredential(credential, secret)).toBe(true);
        expect(isInternalCredential(credential, secret === 'secret-a' ? 'secret-b' : 'secret-a')).toBe(false);
        expect(isInternalCredential(`${credential.slice(0, -1)}${credential.endsWith('A') ? 'B' : 'A'}`, secret)).toBe(false);
        expect(isInternalCredential(credential.slice(1), secret)).toBe(false);
        for (const absent of ['', null, undefined]) expect(isInternalCredential(absent, secret)).toBe(false);
      }
    }
  });
});
