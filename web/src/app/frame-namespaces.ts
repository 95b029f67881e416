import type { DeskSlot, FeatureManifest, FeatureRoute, PhoneSlot } from './feature';
import { features } from './features';
import { PHONE_FRAME_NS } from './phone-frame-words';

/*
 * What app/boot.ts needs to know of the first page before the app's code has arrived, from the
 * manifests alone (no React): the route a path shows and the namespaces each frame shows words of on every page, from the manifests alone (no React), so
 * app/boot.ts can ask for them before the app's code has arrived. app/navigation.ts orders the same
 * sets by menu order (web/test/features.test.ts checks they agree).
 */
const names = (has: (f: (typeof features)[number]) => boolean) => features.filter(has).map((f) => f.name);

/** The back-office frame: its own words, the menu's labels, the top bar's widgets and the breadcrumb's. */
export const deskFrameNamespaceSet: readonly string[] = [...new Set(['shell', ...names((f) => Boolean(f.menu?.length || f.headerItems?.length || f.desk?.app?.some((r) => r.crumb && r.path)))])];
/** The signed-in phone pages' tab bar and home tiles: their words cut from the features' (the home's cards load their own). */
export const phoneFrameNamespaceSet: readonly string[] = [PHONE_FRAME_NS];

export const frameNamespacesOf: Record<DeskSlot | PhoneSlot, readonly string[]> = { public: [], signedIn: [], app: deskFrameNamespaceSet, member: phoneFrameNamespaceSet };

type Candidate = { segments: string[]; feature: FeatureManifest; slot: DeskSlot | PhoneSlot; route: FeatureRoute };

const candidates: Candidate[] = features.flatMap((feature) => [
  ...Object.entries(feature.desk ?? {}).flatMap(([slot, list]) => (list ?? []).map((route) => ({ base: '', slot: slot as DeskSlot, route }))),
  ...Object.entries(feature.phone ?? {}).flatMap(([slot, list]) => (list ?? []).map((route) => ({ base: 'h5', slot: slot as PhoneSlot, route }))),
]
  .map(({ base, slot, route }) => ({ segments: [base, ...(route.index ? [] : (route.path ?? '').split('/'))].filter(Boolean), feature, slot, route })));

/** The route a path shows (a `:param` segment matches any one segment), as app/routes.tsx would pick it. */
export function routeOf(pathname: string): Candidate | undefined {
  const parts = pathname.split('/').filter(Boolean);
  const fits = (c: Candidate) => c.segments.length === parts.length && c.segments.every((s, i) => s.startsWith(':') || s === parts[i]);
  // a literal segment wins over a parameter ('needs/new' over 'needs/:id')
  const literals = (c: Candidate) => c.segments.filter((s) => !s.startsWith(':')).length;
  return candidates.filter(fits).sort((a, b) => literals(b) - literals(a))[0];
}
