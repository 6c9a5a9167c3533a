export * from './mi-period';
export * from './mi-sql';
export * from './mi-csv';
export * from './mi-surface';
