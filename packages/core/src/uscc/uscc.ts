/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, S, V, Z); the last one is a
 * check character over the first 17 (weighted sum modulo 31).
 */

/** The code's alphabet; a character's value is its index. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i is 3^i mod 31, as the standard tabulates them. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const BODY_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

/** The check character for a 17-character body, or `undefined` if the body is malformed. */
export function usccCheckCharacter(body: string): string | undefined {
  if (!BODY_PATTERN.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i += 1) {
    sum += USCC_ALPHABET.indexOf(body.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Whether `code` is a well-formed USCC whose check character is right. */
export function isValidUscc(code: string): boolean {
  if (code.length !== 18) return false;
  const expected = usccCheckCharacter(code.slice(0, 17));
  return expected !== undefined && expected === code.charAt(17);
}
