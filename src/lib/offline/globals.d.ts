/** package.json "version", set by `define` in vite.config.ts. */
declare const __KIOSK_APP_VERSION__: string;
