/**
 * The local addresses on which TCP sockets listen on a port, read from the kernel's
 * tables (Linux: /proc/net/tcp and tcp6). Tests use it to pin that an engine is reachable
 * from this machine only: a listener on 0.0.0.0 or :: shows up as such.
 */
import { readFile } from 'node:fs/promises';

const LISTEN = '0A';

/** `0100007F` (a little-endian 32-bit word) → `127.0.0.1`. */
function ipv4(hex: string): string {
  return [6, 4, 2, 0].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join('.');
}

/** 32 hex digits, four little-endian words → `::`, `::1`, `::ffff:127.0.0.1` or 8 groups. */
function ipv6(hex: string): string {
  const bytes = [0, 8, 16, 24].flatMap((w) => [6, 4, 2, 0].map((i) => hex.slice(w + i, w + i + 2)));
  const word = bytes.join('').toLowerCase();
  if (/^0{32}$/.test(word)) return '::';
  if (/^0{31}1$/.test(word)) return '::1';
  if (word.startsWith('00000000000000000000ffff')) return `::ffff:${ipv4(hex.slice(24))}`;
  return word.match(/.{4}/g)?.join(':') ?? word;
}

async function table(file: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').slice(1);
  } catch {
    return []; // no IPv6 in this kernel
  }
}

export async function listeningAddresses(port: number): Promise<string[]> {
  const found: string[] = [];
  for (const [file, decode] of [
    ['/proc/net/tcp', ipv4],
    ['/proc/net/tcp6', ipv6],
  ] as const) {
    for (const line of await table(file)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [address, hexPort] = local?.split(':') ?? [];
      if (state === LISTEN && address && Number.parseInt(hexPort ?? '', 16) === port) {
        found.push(decode(address));
      }
    }
  }
  return found.sort();
}
