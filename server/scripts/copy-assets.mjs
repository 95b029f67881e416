// Nothing in src/ besides TypeScript needs copying yet; the migrations folder is read from server/drizzle.
// Kept as the one place to add non-TS assets (fonts, templates) to the build.
export {};
