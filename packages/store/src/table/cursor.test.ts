import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../errors.js';
import {
  type CursorScope,
  decodeCursorValue,
  decodeStartKey,
  encodeCursorValue,
  MAX_CURSOR_LENGTH,
} from './cursor.js';

const qingdao = { tenant: 'qingdao', province: 'shandong' };
const onTable: CursorScope = {
  ctx: qingdao,
  partitionKey: 'pk',
  partition: 'T#qingdao#APP#a1',
  sortKey: 'sk',
};
const onBans: CursorScope = {
  ctx: qingdao,
  partitionKey: 'gsi1pk',
  partition: 'T#shandong#BAN#ALL',
  sortKey: 'gsi1sk',
};
const banKey = {
  pk: 'T#shandong#BAN#91350100M000100Y43',
  sk: 'BAN#1',
  gsi1pk: 'T#shandong#BAN#ALL',
  gsi1sk: '2024-02-01T00:00:00.000Z#1',
};

describe('decodeCursorValue', () => {
  it('reads back what encodeCursorValue wrote', () => {
    const value = { p: 2, c: 'x', zh: '青岛' };
    expect(decodeCursorValue(encodeCursorValue(value))).toEqual(value);
  });

  it.each([
    ['empty', ''],
    ['with characters outside base64url', 'eyJwIjowfQ.'],
    ['padded', `${encodeCursorValue({ p: 0 })}=`],
    ['not canonical (trailing bits set)', 'eyJwIjowfR'],
    ['not JSON', Buffer.from('{p:0}').toString('base64url')],
    ['not UTF-8', Buffer.from([0xc3, 0x28]).toString('base64url')],
    ['too long', 'A'.repeat(MAX_CURSOR_LENGTH + 4)],
  ])('refuses a cursor %s', (_label, cursor) => {
    expect(() => decodeCursorValue(cursor)).toThrow(InvalidCursorError);
  });
});

describe('decodeStartKey', () => {
  it('accepts the table key of the queried partition', () => {
    const key = { pk: 'T#qingdao#APP#a1', sk: 'H#0002' };
    expect(decodeStartKey(encodeCursorValue(key), { ...onTable, beginsWith: 'H#' })).toEqual(key);
  });

  it('accepts an index key whose table key is a province item the city shares', () => {
    expect(decodeStartKey(encodeCursorValue(banKey), onBans)).toEqual(banKey);
  });

  it.each([
    ['without the table key', { gsi1pk: banKey.gsi1pk, gsi1sk: banKey.gsi1sk }],
    ['with an attribute more', { ...banKey, status: 'x' }],
    ['with a number', { ...banKey, gsi1sk: 1 }],
    ['with an empty value', { ...banKey, sk: '' }],
    ['of another index partition', { ...banKey, gsi1pk: 'T#shandong#BAN#SOME' }],
    ['pointing at a table item of another tenant', { ...banKey, pk: 'T#jinan#APP#a1' }],
    ['with a partition key over 2048 bytes', { ...banKey, pk: `T#qingdao#${'青'.repeat(700)}` }],
  ])('refuses an index key %s', (_label, key) => {
    expect(() => decodeStartKey(encodeCursorValue(key), onBans)).toThrow(InvalidCursorError);
  });

  it('refuses a sort key outside the prefix, or over 1024 bytes', () => {
    const scope = { ...onTable, beginsWith: 'H#' };
    const cursor = (sk: string) => encodeCursorValue({ pk: onTable.partition, sk });
    expect(() => decodeStartKey(cursor('META'), scope)).toThrow(InvalidCursorError);
    expect(() => decodeStartKey(cursor(`H#${'x'.repeat(1023)}`), scope)).toThrow(
      InvalidCursorError,
    );
    expect(decodeStartKey(cursor(`H#${'x'.repeat(1022)}`), scope).sk).toHaveLength(1024);
  });

  it('refuses JSON that is not an object', () => {
    for (const value of [null, 1, 'pk', [onTable.partition, 'sk']]) {
      expect(() => decodeStartKey(encodeCursorValue(value), onTable)).toThrow(InvalidCursorError);
    }
  });

  it('ignores no own property, not even __proto__', () => {
    const cursor = Buffer.from(
      `{"pk":"${onTable.partition}","sk":"x","__proto__":{"sk":"y"}}`,
    ).toString('base64url');
    expect(() => decodeStartKey(cursor, onTable)).toThrow(InvalidCursorError);
  });
});
