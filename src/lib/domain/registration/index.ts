// Self-registration of an organization: step schemas, form reading, the draft between steps.
export * from './schema.ts';
export * from './form.ts';
export * from './draft.ts';
export * from './text.ts';
export { channelValueIssue, isWebAddress } from './contact.ts';
export { languageName, languageOptions, isLanguageCode } from '../languages.ts';
export { slotsToOpeningHours, isOpeningHours } from './schedule.ts';
