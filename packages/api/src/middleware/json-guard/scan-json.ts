/**
 * One pass over the text of a JSON body, without parsing it: how deep it nests, and
 * which strings (keys included) carry characters people must not be shown. A loop with
 * an explicit stack, so no input can exhaust the call stack; and the text is left to be
 * parsed once, by the route's validator. Malformed JSON is scanned as far as it goes:
 * the validator refuses it afterwards.
 */
import { findUnsafeCharacter, type UnsafeCharacter } from '@sme/core';

export type JsonPath = (string | number)[];

export interface JsonScan {
  /** Where nesting went past the limit, when it did. */
  tooDeepAt?: JsonPath;
  /** Strings with an unsafe character, in text order, up to the limit asked for. */
  unsafe: { path: JsonPath; found: UnsafeCharacter }[];
}

interface Frame {
  array: boolean;
  /** The current element of an array. */
  index: number;
  /** The current member of an object. */
  key: string | undefined;
  /** In an object, the next string is a key. */
  expectKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** `\b` and `\f` decode to control characters, so escapes must be read, not skipped. */
const ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  '"': '"',
  '\\': '\\',
  '/': '/',
};

/** The decoded string that starts with the quote at `start`, and where it ends. */
function readString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let from = start + 1;
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return { value: value + text.slice(from, i), end: i + 1 };
    if (c !== BACKSLASH) {
      i += 1;
      continue;
    }
    value += text.slice(from, i);
    const escaped = text.charAt(i + 1);
    const hex = text.slice(i + 2, i + 6);
    if (escaped === 'u' && HEX4.test(hex)) {
      value += String.fromCharCode(Number.parseInt(hex, 16));
      i += 6;
    } else {
      value += ESCAPES[escaped] ?? escaped;
      i += 2;
    }
    from = i;
  }
  return { value: value + text.slice(from), end: text.length };
}

export function scanJson(
  text: string,
  limits: { maxDepth: number; maxFindings: number },
): JsonScan {
  const frames: Frame[] = [];
  const unsafe: JsonScan['unsafe'] = [];
  const path = (): JsonPath => frames.map((f) => (f.array ? f.index : (f.key ?? '')));

  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const top = frames[frames.length - 1];
    if (c === QUOTE) {
      const { value, end } = readString(text, i);
      i = end;
      if (top && !top.array && top.expectKey) {
        top.key = value;
        top.expectKey = false;
      }
      const found = findUnsafeCharacter(value);
      if (found) {
        unsafe.push({ path: path(), found });
        if (unsafe.length >= limits.maxFindings) return { unsafe };
      }
      continue;
    }
    if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (frames.length >= limits.maxDepth) return { tooDeepAt: path(), unsafe };
      const array = c === OPEN_ARRAY;
      frames.push({ array, index: 0, key: undefined, expectKey: !array });
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      frames.pop();
    } else if (c === COMMA && top) {
      if (top.array) top.index += 1;
      else top.expectKey = true;
    }
    i += 1;
  }
  return { unsafe };
}
