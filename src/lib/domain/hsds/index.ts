// Our directory as Open Referral HSDS 3.0 objects: pure mapping, shared by the read API, the
// tabular export and the import.
export * from './types.ts';
export * from './ids.ts';
export * from './taxonomy.ts';
export * from './schedule.ts';
export * from './map.ts';
export * from './query.ts';
export * from './licence.ts';
export * from './tabular.ts';
