// The interface languages, defined once: pure code (domain, mail, map) imports the type from here.

/** The interface languages, in the order of the region's official languages then English. */
export const LOCALES = ['fr', 'nl', 'en'] as const;

/** One interface language. */
export type Locale = (typeof LOCALES)[number];
