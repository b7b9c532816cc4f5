// The web app's read-only seat map hook on `window` (web/lib/seat-map/test-hook.ts), typed for page.evaluate.
import type {} from '../../web/lib/seat-map/test-hook';
