/**
 * Editors write local office times; the kiosk compares instants. The zone comes from site.yaml.
 * One implementation for the server and the browser: `instantOf` in `$lib/zone`.
 */
export { instantOf as localToInstant } from '../../zone.ts';
