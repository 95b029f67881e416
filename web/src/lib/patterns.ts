/** Input shapes the server also checks; checking them here saves a round trip. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
/** 18-character resident ID; the server verifies the check digit too. */
export const ID_NUMBER_PATTERN = /^\d{17}[\dXx]$/;
