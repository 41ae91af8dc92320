import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, NotEditableError } from '../errors.js';
import { assertEditable, assertTransition, canTransition } from './lifecycle.js';

describe('lifecycle', () => {
  it('lets a provider submit a draft or a returned application, and withdraw before listing', () => {
    expect(canTransition('draft', 'submitted')).toBe(true);
    expect(canTransition('returned', 'submitted')).toBe(true);
    expect(canTransition('publicity', 'withdrawn')).toBe(true);
    expect(canTransition('listed', 'withdrawn')).toBe(false);
  });

  it('refuses to move a final application', () => {
    expect(() => assertTransition('rejected', 'submitted')).toThrow(InvalidTransitionError);
  });

  it('lets the owner edit only a draft or a returned application', () => {
    expect(() => assertEditable('draft')).not.toThrow();
    expect(() => assertEditable('returned')).not.toThrow();
    expect(() => assertEditable('submitted')).toThrow(NotEditableError);
  });
});
