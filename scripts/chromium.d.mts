/** Debian's Chromium as tests, scripts and benches start it (scripts/chromium.mjs). */
export declare const chromiumPath: () => string;
export declare const CHROMIUM_ARGS: string[];
