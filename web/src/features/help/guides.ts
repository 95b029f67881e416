import type { RoleCode } from '../../lib/roles';

/*
 * The guides are the Markdown files of docs/guide, bundled with this feature: the repository's
 * documentation and the in-app help are one text. Images are the committed screenshots beside them.
 */
const texts = import.meta.glob<string>('../../../../docs/guide/{zh-CN,en}/*.md', { query: '?raw', import: 'default', eager: true });
const images = import.meta.glob<string>('../../../../docs/guide/images/*.png', { query: '?url', import: 'default', eager: true });

/** The guides in the order a person holding several roles is offered them: their widest work first. */
export const guideRoles = ['districtAdmin', 'streetAdmin', 'communityAdmin', 'gridWorker', 'teamLeader', 'partner', 'volunteer', 'resident'] as const satisfies readonly RoleCode[];
export type GuideRole = (typeof guideRoles)[number];

const files: Record<GuideRole, string> = {
  districtAdmin: 'district-admin',
  streetAdmin: 'street-admin',
  communityAdmin: 'community-admin',
  gridWorker: 'grid-worker',
  teamLeader: 'team-leader',
  partner: 'partner-unit',
  volunteer: 'volunteer',
  resident: 'resident',
};

/** The guides for these roles, widest first; everyone has at least the resident's guide. */
export function rolesWithGuides(roles: readonly string[]): GuideRole[] {
  const mine = guideRoles.filter((r) => roles.includes(r));
  return mine.length ? mine : ['resident'];
}

/** The guide's Markdown in this language (English for any language but Chinese). */
export function guideText(role: GuideRole, language: string): string {
  const lang = language.startsWith('zh') ? 'zh-CN' : 'en';
  return texts[`../../../../docs/guide/${lang}/${files[role]}.md`] ?? '';
}

/** The bundled URL of an image the guides name as `../images/x.png` or `images/x.png`; undefined for any other. */
export function guideImage(src: string): string | undefined {
  const name = /^(?:\.\.\/)?images\/([\w.-]+\.png)$/.exec(src)?.[1];
  return name ? images[`../../../../docs/guide/images/${name}`] : undefined;
}
