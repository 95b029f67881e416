import { createAdmin } from '../server/src/cli/create-admin.js';
import type { PlatformDeps } from '../server/src/platform/deps.js';

/*
 * Another district's staff at work beside the reads of bench:reads: kept pages and counts are let go
 * of per district (platform/db/change-cache.ts, session 24), so a district's pages stay kept while
 * another district writes, and are read again when its own staff write.
 */
const PHONE = '13700000000';
const FIRST_PASSWORD = 'Bench@2026first';
const PASSWORD = 'Bench@2026other';

async function signIn(base: string, password: string): Promise<{ status: number; cookie: string }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: PHONE, password }) });
  return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}

/** A second district's admin, signed in (made, with its district's defaults, on the bench database's first run). */
export async function otherDistrictAdmin(deps: PlatformDeps, base: string): Promise<string> {
  const again = await signIn(base, PASSWORD);
  if (again.status === 200) return again.cookie;
  await createAdmin(deps, { phone: PHONE, name: '压测外区管理员', password: FIRST_PASSWORD, districtCode: '990000', districtName: '压测外区' });
  const first = await signIn(base, FIRST_PASSWORD);
  const changed = await fetch(`${base}/api/auth/password`, { method: 'POST', headers: { cookie: first.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: FIRST_PASSWORD, newPassword: PASSWORD }) });
  if (changed.status !== 200) throw new Error(`the other district's admin: password ${changed.status} ${await changed.text()}`);
  const signedIn = await signIn(base, PASSWORD);
  if (signedIn.status !== 200) throw new Error(`the other district's admin: login ${signedIn.status}`);
  return signedIn.cookie;
}

/**
 * The caller saves their district's first category as it is, every `everyMs` (a write to a table the
 * kept counts are read from, changing nothing), until `stop()`, which answers how many were saved.
 */
export function savingACategory(base: string, cookie: string, everyMs: number): { stop(): Promise<number> } {
  let saved = 0;
  let stopped = false;
  const loop = (async () => {
    const [category] = (await (await fetch(`${base}/api/need-categories`, { headers: { cookie } })).json()) as { id: string; extraQuestions: unknown[] }[];
    const body = JSON.stringify({ extraQuestions: category!.extraQuestions });
    while (!stopped) {
      const res = await fetch(`${base}/api/need-categories/${category!.id}`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json' }, body });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`saving a category: ${res.status}`);
      saved++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return saved;
    },
  };
}
