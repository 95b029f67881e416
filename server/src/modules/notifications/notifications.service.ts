import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { DbOrTx } from '../../platform/db/client.js';
import type { PlatformDeps } from '../../platform/deps.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { Notifier } from '../../platform/notify/notify.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import { smsChannel, type Channel } from './notifications.channels.js';
import { codeChannel } from './notifications.codes.js';
import { notificationsError } from './notifications.errors.js';
import { renderMessage } from './notifications.messages.js';
import { recordPast } from './notifications.past.js';
import { channelAllowed, groupOf, inboxGroups, needMessages, needRules, outsideChannels, type ChannelName, type InboxGroup, type SubjectType } from './notifications.policy.js';
import { inboxMessages, notificationPreferences } from './notifications.table.js';

/** What another module asks the inbox to tell people (see `notify`). */
export type NotifyInput = {
  /** Makes the message exactly once per recipient: the causing event's id, or a job key. */
  key: string;
  /** e.g. `deadline.warn50`; its words are `inbox.<type>.title/body` (notifications.messages.ts). */
  type: string;
  /** Account ids. */
  recipients: string[];
  /** What it is about, for the link: a need, a whistle (a called unit may not see the need itself), a webhook. */
  subject: { type: SubjectType; id: string; label: string };
  params?: Record<string, string | number>;
};

type Deps = PlatformDeps & { notifier: Notifier; accounts: AccountsService };
type Row = typeof inboxMessages.$inferSelect;

export function createNotificationsService(deps: Deps) {
  const { db } = deps;
  // outside channels on in this installation: SMS only once a gateway is configured
  const channels: Channel[] = deps.config.smsGatewayUrl ? [smsChannel(deps)] : [];

  const mine = (actor: Actor) => and(eq(inboxMessages.districtId, actor.districtId), eq(inboxMessages.accountId, actor.accountId));
  const view = (locale: Locale, m: Row) => ({
    id: m.id,
    type: m.type,
    ...renderMessage(locale, m),
    subject: { type: m.subjectType as SubjectType, id: m.subjectId, label: m.subjectLabel },
    read: m.readAt !== null,
    readAt: m.readAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  });

  /** A person's channel choices for one group, as `group:channel` → on/off (only those they set). */
  async function choicesOf(tx: DbOrTx, districtId: string, accountIds: string[], group?: InboxGroup): Promise<Map<string, Map<string, boolean>>> {
    const rows = await tx
      .select()
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.districtId, districtId), inArray(notificationPreferences.accountId, accountIds), group ? eq(notificationPreferences.typeGroup, group) : undefined));
    const byAccount = new Map<string, Map<string, boolean>>();
    for (const r of rows) {
      const choices = byAccount.get(r.accountId) ?? new Map<string, boolean>();
      choices.set(`${r.typeGroup}:${r.channel}`, r.enabled);
      byAccount.set(r.accountId, choices);
    }
    return byAccount;
  }

  /** Every group with each channel: my choice or the default; the inbox is always on and locked. */
  async function preferences(actor: Actor) {
    const choices = (await choicesOf(db, actor.districtId, [actor.accountId])).get(actor.accountId) ?? new Map<string, boolean>();
    return {
      channels: outsideChannels.map((name) => ({ name, available: channels.some((c) => c.name === name) })),
      items: inboxGroups.flatMap((group) => [
        { group, channel: 'inbox' as const, enabled: true, locked: true },
        ...outsideChannels.map((channel) => ({ group, channel, enabled: channelAllowed(group, channel, choices), locked: false })),
      ]),
    };
  }

  return {
    /** How verification codes reach phones (SMS with a gateway, else the development channel). */
    codes: codeChannel(deps),

    /**
     * Puts a message in each recipient's inbox, in the caller's transaction, exactly once per key
     * and recipient (UNIQUE (account, source_key) … ON CONFLICT DO NOTHING: a second call with the
     * same key, even concurrent, adds nothing); each new message then goes to the outside channels
     * its recipient allows. Answers the recipients who got a new message.
     */
    async notify(tx: DbOrTx, districtId: string, input: NotifyInput): Promise<{ created: string[] }> {
      const recipients = [...new Set(input.recipients)];
      if (recipients.length === 0) return { created: [] };
      const params = input.params ?? {};
      const now = deps.clock.now();
      const rows = await tx
        .insert(inboxMessages)
        .values(recipients.map((accountId) => ({ districtId, accountId, sourceKey: input.key, type: input.type, subjectType: input.subject.type, subjectId: input.subject.id, subjectLabel: input.subject.label, params, createdAt: now })))
        .onConflictDoNothing()
        .returning({ id: inboxMessages.id, accountId: inboxMessages.accountId });
      if (rows.length > 0 && channels.length > 0) {
        const group = groupOf(input.type);
        const choices = await choicesOf(tx, districtId, rows.map((r) => r.accountId), group);
        for (const row of rows) {
          for (const channel of channels) {
            if (!channelAllowed(group, channel.name, choices.get(row.accountId) ?? new Map())) continue;
            await channel.send(tx, { districtId, id: row.id, accountId: row.accountId, type: input.type, subject: input.subject, params });
          }
        }
      }
      return { created: rows.map((r) => r.accountId) };
    },

    /** The order events that tell someone (`needs.<action>`), and what each tells whom: the subscriber's own rules. */
    needEventTypes: Object.keys(needRules),
    needMessages,
    /** Messages of the past, written in bulk as `notify` wrote them then (the demo's history): notifications.past.ts. */
    recordPast,

    /** My messages, newest first; `unread` keeps only those not read yet. */
    async list(actor: Actor, q: { unread?: boolean; page: number; pageSize: number }, locale: Locale) {
      const where = and(mine(actor), q.unread ? isNull(inboxMessages.readAt) : undefined);
      const [rows, [total]] = await Promise.all([
        db.select().from(inboxMessages).where(where).orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(inboxMessages).where(where),
      ]);
      return { items: rows.map((m) => view(locale, m)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
    },

    async unreadCount(actor: Actor): Promise<{ count: number }> {
      const [row] = await db.select({ n: count() }).from(inboxMessages).where(and(mine(actor), isNull(inboxMessages.readAt)));
      return { count: row?.n ?? 0 };
    },

    /** Marks one of my messages read (again: no change); another's message is not found. */
    async markRead(actor: Actor, id: string, locale: Locale) {
      const [updated] = await db
        .update(inboxMessages)
        .set({ readAt: deps.clock.now() })
        .where(and(mine(actor), eq(inboxMessages.id, id), isNull(inboxMessages.readAt)))
        .returning();
      const row = updated ?? (await db.select().from(inboxMessages).where(and(mine(actor), eq(inboxMessages.id, id))))[0];
      if (!row) throw notificationsError('notifications.not_found');
      return view(locale, row);
    },

    async markAllRead(actor: Actor): Promise<{ updated: number }> {
      const rows = await db.update(inboxMessages).set({ readAt: deps.clock.now() }).where(and(mine(actor), isNull(inboxMessages.readAt))).returning({ id: inboxMessages.id });
      return { updated: rows.length };
    },

    preferences,

    /** Saves my choices; one equal to the default is stored too, so a later change of default does not flip it. */
    async savePreferences(actor: Actor, items: { group: InboxGroup; channel: ChannelName; enabled: boolean }[]) {
      if (items.length > 0) {
        await db.transaction(async (tx) => {
          for (const item of items) {
            await tx
              .insert(notificationPreferences)
              .values({ districtId: actor.districtId, accountId: actor.accountId, typeGroup: item.group, channel: item.channel, enabled: item.enabled, updatedAt: deps.clock.now() })
              .onConflictDoUpdate({ target: [notificationPreferences.districtId, notificationPreferences.accountId, notificationPreferences.typeGroup, notificationPreferences.channel], set: { enabled: item.enabled, updatedAt: deps.clock.now() } });
          }
        });
      }
      return preferences(actor);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
