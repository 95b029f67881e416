/**
 * The privacy policy's version (隐私政策, PIPL): registration records which one a person agreed to.
 * Change it with the policy's text (web/src/features/h5/locales, `privacy`), so everyone who signs up
 * afterwards agrees to the new one.
 */
export const PRIVACY_POLICY_VERSION = '2026-12-01';
