import 'i18next';

// useTranslation() without a namespace reads the common one; the type of `t` then names the
// namespaces it reads, which web/test/i18n.test.ts uses to check every key against its catalogue.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
  }
}
