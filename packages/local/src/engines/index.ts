export * from './dynamodb-local.js';
export * from './free-port.js';
export * from './s3-local.js';
