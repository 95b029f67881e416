// One icon per module, so a manifest can name its menu icon without putting the icon library into
// the entry chunk (the package ships these modules without their own type declarations).
declare module '@ant-design/icons/es/icons/*' {
  import type { ComponentType } from 'react';

  const Icon: ComponentType;
  export default Icon;
}

// The phone frame's words, made by the build (web/phone-frame-words.ts): { <feature>: { …label keys } }.
declare module 'virtual:phone-frame-words/*' {
  const words: Record<string, object>;
  export default words;
}
