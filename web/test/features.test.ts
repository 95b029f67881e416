import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureRoute } from '../src/app/feature';
import { features } from '../src/app/features';
import { deskFrameNamespaceSet, phoneFrameNamespaceSet, routeOf } from '../src/app/frame-namespaces';
import { crumbTrail, deskFrameNamespaces, deskMenu, phoneFrameNamespaces, phoneServices, phoneTabs } from '../src/app/navigation';
import { readCatalogues } from './i18n/catalogues';

const src = path.resolve(import.meta.dirname, '../src');
const { catalogues } = readCatalogues();
const zh = (ns: string, key: string) => catalogues.get(ns)?.['zh-CN'].get(key);

/** Every URL a manifest declares, with who may open it: 'desk public /login', 'phone member /h5/needs/:id'. */
function urls(): string[] {
  const full = (prefix: string, r: FeatureRoute) => (r.index ? prefix || '/' : `${prefix}/${r.path}`);
  return features.flatMap((f) => [
    ...Object.entries(f.desk ?? {}).flatMap(([slot, routes]) => routes.map((r) => `desk ${slot} ${full('', r)}${r.access ? ` (${r.access})` : ''}`)),
    ...Object.entries(f.phone ?? {}).flatMap(([slot, routes]) => routes.map((r) => `phone ${slot} ${full('/h5', r)}`)),
  ]);
}

describe('the feature registry', () => {
  it('lists every feature folder once, each manifest naming its folder (its locale namespace)', () => {
    const folders = fs.readdirSync(path.join(src, 'features')).sort();
    expect(features.map((f) => f.name).sort()).toEqual(folders);
    for (const f of features) {
      const manifest = fs.readFileSync(path.join(src, 'features', f.name, 'manifest.ts'), 'utf8');
      expect(manifest).toContain(`name: '${f.name}'`);
      expect(catalogues.has(f.name)).toBe(true);
    }
  });

  it('serves every URL of the app as before, to the same users', () => {
    expect(urls().sort()).toEqual(
      [
        'desk public /login',
        'desk public /verify/certificate',
        'desk public /verify/certificate/:code',
        'desk signedIn /change-password',
        'desk app /',
        'desk app /*',
        'desk app /profile/password',
        'desk app /needs (staff)',
        'desk app /needs/new (staff)',
        'desk app /needs/:id',
        'desk app /team-orders (teamLeader)',
        'desk app /oversight/decisions (staff)',
        'desk app /whistles',
        'desk app /whistles/:id',
        'desk app /whistle-units (regions.manage)',
        'desk app /partners (accounts.manage)',
        'desk app /partners/behind (accounts.manage)',
        'desk app /partners/:id (accounts.manage)',
        'desk app /activities',
        'desk public /activity-record/:id',
        'desk app /activities/:id',
        'desk app /conduct (staff)',
        'desk app /conduct-entries (regions.manage)',
        'desk app /points (staff)',
        'desk app /points-rules (regions.manage)',
        'desk app /posts (staff)',
        'desk app /care (staff)',
        'desk app /care/:id (staff)',
        'desk app /post-types (regions.manage)',
        'desk app /jobs (jobs.manage)',
        'desk app /webhooks (webhooks.manage)',
        'desk app /needs-config (regions.manage)',
        'desk app /figures (staff)',
        'desk app /big-screen (staff)',
        'desk app /deadline-rules (regions.read)',
        'desk app /holiday-calendar (regions.read)',
        'desk app /volunteers (accounts.read)',
        'desk app /volunteers/:id (accounts.read)',
        'desk public /verify/card/:code',
        'desk app /regions (regions.read)',
        'desk app /accounts (accounts.read)',
        'desk app /teams (accounts.manage)',
        'desk app /teams/:id',
        'desk app /audit (audit.read)',
        'desk app /inbox',
        'phone public /h5/board',
        'phone public /h5/board/:districtId',
        'phone public /h5/login',
        'phone public /h5/privacy',
        'phone public /h5/register',
        'phone signedIn /h5/password',
        'phone member /h5',
        'phone member /h5/me',
        'phone member /h5/me/certificates',
        'phone member /h5/me/passbook',
        'phone member /h5/me/time-bank',
        'phone member /h5/needs',
        'phone member /h5/needs/new',
        'phone member /h5/needs/:id',
        'phone member /h5/needs/:id/close',
        'phone member /h5/pool',
        'phone member /h5/tasks',
        'phone member /h5/team-orders',
        'phone member /h5/whistles',
        'phone member /h5/whistles/:id',
        'phone member /h5/work',
        'phone member /h5/partner-unit',
        'phone member /h5/activities',
        'phone member /h5/activities/check-in',
        'phone member /h5/activities/:id',
        'phone member /h5/activities/:id/code',
        'phone member /h5/conduct',
        'phone member /h5/teams',
        'phone member /h5/teams/:id',
        'phone member /h5/posts',
        'phone member /h5/care',
        'phone member /h5/care/:id',
        'phone member /h5/inbox',
        'phone member /h5/volunteer',
        'phone member /h5/inbox/preferences',
        'desk app /mall (accounts.manage)',
        'desk app /mall/redemptions (accounts.manage)',
        'desk app /mall/pickup (accounts.manage)',
        'phone member /h5/mall',
        'phone member /h5/mall/mine',
        'phone member /h5/mall/pickup',
        'phone member /h5/mall/redemptions/:id',
        'phone member /h5/mall/:id',
        'desk app /help',
        'phone member /h5/help',
      ].sort(),
    );
  });

  it('draws the back-office menu as before: entries, order, who sees them, names', () => {
    expect(deskMenu.map((e) => `${e.path} ${e.access} ${zh(e.namespace, e.label)}`)).toEqual([
      '/ desk 首页',
      '/needs staff 需求台账',
      '/needs/new staff 代录需求',
      '/oversight/decisions staff 待审批',
      '/team-orders teamLeader 队长接单',
      '/whistles staff 吹哨报到',
      '/activities undefined 志愿活动',
      '/figures staff 统计分析',
      '/big-screen staff 数据大屏',
      '/posts staff 岗位管理',
      '/volunteers accounts.read 志愿者管理',
      '/care staff 关爱对象',
      '/teams accounts.manage 志愿服务队',
      '/conduct staff 负面言行',
      '/points staff 积分发放统计',
      '/needs-config regions.manage 办单配置',
      '/whistle-units regions.manage 吹哨单位',
      '/deadline-rules regions.read 期限规则',
      '/holiday-calendar regions.read 节假日日历',
      '/post-types regions.manage 岗位类别',
      '/conduct-entries regions.manage 负面清单',
      '/points-rules regions.manage 积分规则',
      '/regions regions.read 区域网格',
      '/partners accounts.manage 共建单位',
      '/partners/behind accounts.manage 未达标党员',
      '/mall accounts.manage 积分超市',
      '/mall/redemptions accounts.manage 兑换记录',
      '/mall/pickup accounts.manage 兑换核销',
      '/accounts accounts.read 账号管理',
      '/audit audit.read 审计日志',
      '/jobs jobs.manage 任务队列',
      '/webhooks webhooks.manage 接口推送',
    ]);
  });

  it('draws the phone tab bar and home services as before', () => {
    expect(phoneTabs.map((e) => `${e.path}${e.volunteer ? ' volunteer' : ''}${e.roles ? ` ${e.roles.join('|')}` : ''} ${zh(e.namespace, e.label)}`)).toEqual([
      '/h5 首页',
      '/h5/team-orders teamLeader 接单',
      '/h5/work gridWorker|communityAdmin|streetAdmin|districtAdmin 待办',
      '/h5/needs 需求',
      '/h5/pool volunteer 抢单',
      '/h5/tasks volunteer 任务',
      '/h5/inbox 消息',
      '/h5/me 我的',
    ]);
    expect(phoneServices.map((e) => `${e.key} ${e.path ?? 'soon'}${e.volunteer ? ' volunteer' : ''}${e.roles ? ` ${e.roles.join('|')}` : ''}`)).toEqual([
      'needs /h5/needs/new',
      'myNeeds /h5/needs',
      'pool /h5/pool volunteer',
      'tasks /h5/tasks volunteer',
      'care /h5/care volunteer',
      'posts /h5/posts volunteer',
      'teams /h5/teams volunteer',
      'whistles /h5/whistles volunteer',
      'partner-unit /h5/partner-unit partner',
      'volunteer /h5/volunteer',
      'activities /h5/activities',
      'checkIn /h5/activities/check-in volunteer',
      'timeBank /h5/me/passbook volunteer',
      'serviceSwap /h5/me/time-bank volunteer',
      'mall /h5/mall volunteer',
      'mall-pickup /h5/mall/pickup partner',
      'conduct /h5/conduct',
      'certificates /h5/me/certificates volunteer',
      'board /h5/board',
      'help /h5/help',
    ]);
  });

  it('links every menu entry, tab and service to a page that exists', () => {
    const paths = new Set(urls().map((u) => u.split(' ')[2]));
    const targets = [...deskMenu.map((e) => e.path), ...phoneTabs.map((e) => e.path), ...phoneServices.flatMap((e) => (e.path ? [e.path] : []))];
    expect(targets.filter((p) => !paths.has(p))).toEqual([]);
    const orders = (list: { order: number }[]) => new Set(list.map((e) => e.order)).size === list.length;
    expect([orders(deskMenu), orders(phoneTabs), orders(phoneServices)]).toEqual([true, true, true]);
  });

  it('loads every menu icon and every catalogue the manifests name', async () => {
    const icons = features.flatMap((f) => [...(f.menu ?? []), ...(f.phoneTabs ?? []), ...(f.phoneServices ?? [])].map((e) => e.icon));
    for (const icon of icons) expect(typeof (await icon()).default).toMatch(/function|object/);
    for (const f of features) {
      const [zhCN, en] = await Promise.all([f.locales['zh-CN'](), f.locales.en()]);
      // English plural forms (x_one, x_other) stand for Chinese's one key x
      const keysOf = (words: object) => [...new Set(Object.keys(words).map((k) => k.replace(/_(one|other)$/, '')))].sort();
      expect(keysOf(zhCN.default)).toEqual(keysOf(en.default));
      expect(zhCN.default).toEqual(JSON.parse(fs.readFileSync(path.join(src, 'features', f.name, 'locales/zh-CN.json'), 'utf8')));
    }
  });

  it('names every back-office page in its breadcrumb: 详情 only below a menu entry (a record opened from its list)', () => {
    const words = (step: ReturnType<typeof crumbTrail>[number]) => ('text' in step ? step.text : (zh(step.label.includes(':') ? step.label.split(':')[0]! : step.namespace, step.label.replace(/^\w+:/, '')) ?? `missing ${step.label}`));
    const trails = features
      .flatMap((f) => f.desk?.app ?? [])
      .filter((r) => r.path && r.path !== '*')
      .map((r) => `/${r.path!.replace(/:\w+/g, 'x')}`)
      .sort()
      .map((url) => `${url} ${crumbTrail(url, () => true).map(words).join(' / ')}`);
    expect(trails).toEqual([
      '/accounts 首页 / 账号管理',
      '/activities 首页 / 志愿活动',
      '/activities/x 首页 / 志愿活动 / 详情',
      '/audit 首页 / 审计日志',
      '/big-screen 首页 / 数据大屏',
      '/care 首页 / 关爱对象',
      '/care/x 首页 / 关爱对象 / 详情',
      '/conduct 首页 / 负面言行',
      '/conduct-entries 首页 / 负面清单',
      '/deadline-rules 首页 / 期限规则',
      '/figures 首页 / 统计分析',
      '/help 首页 / 帮助',
      '/holiday-calendar 首页 / 节假日日历',
      '/inbox 首页 / 消息中心',
      '/jobs 首页 / 任务队列',
      '/mall 首页 / 积分超市',
      '/mall/pickup 首页 / 兑换核销',
      '/mall/redemptions 首页 / 兑换记录',
      '/needs 首页 / 需求台账',
      '/needs-config 首页 / 办单配置',
      '/needs/new 首页 / 代录需求',
      '/needs/x 首页 / 需求台账 / 详情',
      '/oversight/decisions 首页 / 待审批',
      '/partners 首页 / 共建单位',
      '/partners/behind 首页 / 未达标党员',
      '/partners/x 首页 / 共建单位 / 详情',
      '/points 首页 / 积分发放统计',
      '/points-rules 首页 / 积分规则',
      '/post-types 首页 / 岗位类别',
      '/posts 首页 / 岗位管理',
      '/profile/password 首页 / 修改密码',
      '/regions 首页 / 区域网格',
      '/team-orders 首页 / 队长接单',
      '/teams 首页 / 志愿服务队',
      '/teams/x 首页 / 志愿服务队 / 详情',
      '/volunteers 首页 / 志愿者管理',
      '/volunteers/x 首页 / 志愿者管理 / 详情',
      '/webhooks 首页 / 接口推送',
      '/whistle-units 首页 / 吹哨单位',
      '/whistles 首页 / 吹哨报到',
      '/whistles/x 首页 / 吹哨报到 / 详情',
    ]);
    // a page that names its own last step (the help page's guide title) shows it after the route's name
    expect(crumbTrail('/help', () => true, '区管理员使用指南').map(words)).toEqual(['首页', '帮助', '区管理员使用指南']);
    expect(crumbTrail('/nowhere', () => true, '页面不存在').map(words)).toEqual(['首页', '页面不存在']);
    // a team leader (not staff) opens an order from 队长接单: it is named under that entry, not as a bare 详情
    const leader = (entry: { access?: string }) => entry.access === undefined || entry.access === 'teamLeader';
    expect(crumbTrail('/needs/x', leader).map(words)).toEqual(['首页', '队长接单', '详情']);
    expect(crumbTrail('/needs/x', () => true).map(words)).toEqual(['首页', '需求台账', '详情']);
    // a 403 names no page the user may not see, only that there is no access
    expect(crumbTrail('/accounts', leader, '无权访问').map(words)).toEqual(['首页', '无权访问']);
    expect(crumbTrail('/accounts/x', leader, '无权访问').map(words)).toEqual(['首页', '无权访问']);
    // 代录 (/needs/new, staff only) is its own entry's page, not an order 队长接单 opens
    expect(crumbTrail('/needs/new', leader, '无权访问').map(words)).toEqual(['首页', '无权访问']);
  });
});

describe('what app/boot.ts asks for before the app has arrived', () => {
  it('the frames’ namespaces from the manifests alone are the sets navigation.ts draws', () => {
    expect([...deskFrameNamespaceSet].sort()).toEqual([...new Set(deskFrameNamespaces)].sort());
    expect([...phoneFrameNamespaceSet].sort()).toEqual([...phoneFrameNamespaces].sort());
  });

  it('the phone frame’s catalogue, cut by the build from the manifests’ text, holds every tab and tile label in both languages', async () => {
    const { phoneFrameLabels, phoneFrameWords } = await import('../phone-frame-words');
    const drawn = new Map<string, Set<string>>();
    for (const e of [...phoneTabs, ...phoneServices]) if (!e.label.includes(':')) drawn.set(e.namespace, (drawn.get(e.namespace) ?? new Set()).add(e.label));
    const cut = phoneFrameLabels();
    expect([...cut.keys()].sort()).toEqual([...drawn.keys()].sort());
    for (const [feature, keys] of cut) expect([...keys].sort(), feature).toEqual([...drawn.get(feature)!].sort());
    for (const language of ['zh-CN', 'en']) {
      const words = phoneFrameWords(language);
      for (const e of [...phoneTabs, ...phoneServices]) {
        if (e.label.includes(':')) continue;
        const value = e.label.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], words[e.namespace]);
        expect(typeof value, `${language} ${e.namespace}:${e.label}`).toBe('string');
      }
    }
    // a few words, not a catalogue: the needs feature's tiles and tabs, not its hundreds of other words
    expect(JSON.stringify(phoneFrameWords('zh-CN')).length).toBeLessThan(3_000);
  });

  it('picks the route of every address a manifest declares, a literal segment before a parameter', () => {
    for (const f of features) {
      for (const [surface, prefix] of [['desk', ''], ['phone', '/h5']] as const) {
        for (const routes of Object.values(f[surface] ?? {})) {
          for (const r of routes) {
            const address = r.index ? prefix || '/' : `${prefix}/${r.path!.replace(/:\w+/g, '0a1b')}`;
            expect(routeOf(address)?.route, address).toBe(r);
          }
        }
      }
    }
    expect(routeOf('/h5/needs/new')?.route.path).toBe('needs/new');
    expect(routeOf('/nowhere/at/all')).toBeUndefined();
  });
});
