// Compiles messages/ into src/lib/paraglide/ without starting Vite, for type checks and lint on a
// fresh clone (the Vite plugin does the same on every build and dev start).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.ts';

await compile(paraglideOptions);
