/**
 * zod for everything a Lambda bundles: the functional `zod/mini` API, which tree-shakes (the
 * classic API put 443 KB of zod into every bundle), with the English messages the classic API
 * loads by itself ("Too small: expected string to have >=1 characters", "Unrecognized key").
 * Import it as `import * as z from '…/zod.js'` rather than from 'zod/mini', so that no bundle
 * loses its messages; a namespace import keeps tree shaking (an object re-export would not).
 */
import { en } from 'zod/locales';
import { config } from 'zod/mini';

config(en());

export * from 'zod/mini';
