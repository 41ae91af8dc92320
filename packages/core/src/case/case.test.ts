import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../errors.js';
import { type CaseState, defineCaseKind, movedCase } from './case.js';

const kind = defineCaseKind<'open' | 'closed'>({
  name: 'test',
  transitions: { open: ['closed'], closed: [] },
});

const open: CaseState<'open' | 'closed'> & { note?: string } = {
  id: 'c-1',
  tenant: 'jining',
  status: 'open',
  version: 3,
  historyHead: 'h',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('movedCase', () => {
  it('moves by the table, advancing the version and the time, with the patch applied', () => {
    const at = new Date('2025-03-03T02:00:00.000Z');
    const moved = movedCase(kind, open, 'closed', at, { note: '已办结' });
    expect(moved).toEqual({
      ...open,
      status: 'closed',
      version: 4,
      updatedAt: at.toISOString(),
      note: '已办结',
    });
    expect(open.version).toBe(3);
  });

  it('refuses a move the table does not have', () => {
    const closed = { ...open, status: 'closed' as const };
    expect(() => movedCase(kind, closed, 'open', new Date())).toThrow(InvalidTransitionError);
  });
});
