export * from './shanghai-time.js';
export * from './state-council-years.js';
export * from './working-days.js';
export * from './year-schedule.schema.js';
