/**
 * Multi-tenancy rule (Citus-ready): every district-owned table carries `district_id` in its primary
 * key, its unique keys and its foreign keys to other district-owned tables, so the schema can be
 * distributed by district unchanged. These are the exceptions — reference tables, replicated to every
 * node — and adding one here is a design decision worth a review.
 */
export const referenceTables = [
  'regions', // the region tree: every district's rows point into it
  'phone_directory', // phone → account, global so a phone logs in to exactly one account
  'login_throttle', // failed logins per phone digest and source, whether or not the phone has an account
  'sms_codes', // verification codes per phone digest, asked before any account (or district) is known
  'system_settings', // installation-wide settings
  'rate_counters', // request counters keyed by user or address, shared by all instances
] as const;
