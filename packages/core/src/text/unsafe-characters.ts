/**
 * Characters that text shown to people must not carry. Names, filenames, comments and
 * objections are read by reviewers and, once published, by the public; a control
 * character can hide or break what they see, and a bidirectional override can make a
 * name or `invoice<U+202E>fdp.exe` read as something else (Trojan Source, CVE-2021-42574).
 * Tab, line feed and carriage return stay: multi-line text needs them.
 */

/** Why a character is refused. */
export type UnsafeKind = 'control' | 'bidi' | 'surrogate';

export interface UnsafeCharacter {
  /** UTF-16 index in the text. */
  index: number;
  /** The code point (for a lone surrogate, the surrogate itself). */
  codePoint: number;
  kind: UnsafeKind;
}

/**
 * The kind of an unsafe code point, or undefined when it may appear. Besides the
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) the implicit marks
 * LRM, RLM and ALM are refused too: invisible, they still reorder the neutral
 * characters around them (dots, brackets), and Chinese or English text has no use for
 * them.
 */
export function unsafeKind(codePoint: number): UnsafeKind | undefined {
  if (codePoint < 0x20) {
    return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d ? undefined : 'control';
  }
  if (codePoint >= 0x7f && codePoint <= 0x9f) return 'control';
  if (
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    codePoint === 0x061c
  ) {
    return 'bidi';
  }
  return undefined;
}

/** A quick test that skips the walk for the text nearly every request carries. */
const MAYBE_UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/**
 * The first unsafe character of `text`, or undefined. A lone surrogate is refused as
 * well: it is not text, and storing it as UTF-8 would silently change it.
 */
export function findUnsafeCharacter(text: string): UnsafeCharacter | undefined {
  if (!MAYBE_UNSAFE.test(text)) return undefined;
  for (let index = 0; index < text.length; index += 1) {
    const codePoint = text.codePointAt(index) ?? 0;
    if (codePoint > 0xffff) {
      index += 1;
      continue;
    }
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      return { index, codePoint, kind: 'surrogate' };
    }
    const kind = unsafeKind(codePoint);
    if (kind) return { index, codePoint, kind };
  }
  return undefined;
}

/** `U+202E`, as people and error messages name a character. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with each unsafe character written as `\u{…}`, safe to echo in a message. */
export function escapeUnsafe(text: string): string {
  if (!MAYBE_UNSAFE.test(text)) return text;
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const codePoint = text.codePointAt(index) ?? 0;
    if (codePoint > 0xffff) {
      out += text.slice(index, index + 2);
      index += 1;
    } else if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || unsafeKind(codePoint)) {
      out += `\\u{${codePoint.toString(16).toUpperCase()}}`;
    } else {
      out += text[index];
    }
  }
  return out;
}
