/**
 * The privacy policy's version shown on /h5/privacy and sent with a registration; the server
 * (platform/privacy/policy.ts) refuses any other, so the two change together with the text.
 */
export const PRIVACY_POLICY_VERSION = '2026-12-01';
