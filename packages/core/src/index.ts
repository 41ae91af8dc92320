/**
 * @module @sme/core
 * The domain, pure: tenant configuration and its resolver, rules, the calendar, the
 * USCC check, and the ports the outer packages implement. No I/O.
 */
export * from './application/index.js';
export * from './calendar/index.js';
export * from './case/index.js';
export * from './clock/clock.js';
export * from './clock/virtual-clock.js';
export * from './errors.js';
export * from './review/panel-draw.js';
export * from './stages/index.js';
export * from './supervision/index.js';
export * from './tenant/index.js';
export * from './text/unsafe-characters.js';
export * from './uscc/uscc.js';
