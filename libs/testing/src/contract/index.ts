export * from './openapi-contract';
export * from './contract-mismatches';
export * from './response-watch';
export * from './service-contract';
