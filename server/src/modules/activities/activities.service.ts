import type { Actor } from '../../platform/auth/actor.js';
import { activityAccess } from './activities.access.js';
import { activityCheckin } from './activities.checkin.js';
import type { ActivitiesDeps } from './activities.deps.js';
import { activityHours } from './activities.hours.js';
import { activityJobs } from './activities.jobs.js';
import { isThemedDate, nextThemedDate } from './activities.policy.js';
import { activityReads } from './activities.read.js';
import { activitySchedule } from './activities.schedule.js';
import { ensureDefaultSettings, saveSettings, settingsOf, type ActivitySettings } from './activities.settings.js';
import { activitySignup } from './activities.signup.js';
import { activitySummary } from './activities.summary.js';

/**
 * Activities (活动, modules/activities): scheduled by a community or a team, one-off or recurring;
 * sign-up with a waitlist; check-in by the organiser's rotating signed QR code or roll call; the
 * organiser's hours approval queue; the public record. Each use case has its file; this joins them.
 */
export function createActivitiesService(deps: ActivitiesDeps) {
  const access = activityAccess(deps);
  const summary = activitySummary(deps, access);
  return {
    ...activityReads(deps, access),
    schedule: activitySchedule(deps, access),
    signup: activitySignup(deps, access),
    checkin: activityCheckin(deps, access),
    hours: activityHours(deps, access),
    summary,
    jobs: activityJobs(deps),
    canSee: summary.canSeePhotos,

    /** Whether a local date suits a themed day (主题党日), and the next 15th or 28th from it. */
    themedDay(date: string) {
      return { themed: isThemedDate(date), suggestion: nextThemedDate(date) };
    },

    settings: (actor: Actor) => settingsOf(deps.db, actor.districtId),
    async saveSettings(actor: Actor, settings: ActivitySettings) {
      await deps.db.transaction(async (tx) => {
        await saveSettings(tx, actor.districtId, settings, deps.clock.now());
        await deps.audit.record(actor, { action: 'activities.settings', objectType: 'activitySettings', objectId: actor.districtId, details: settings });
      });
      return settingsOf(deps.db, actor.districtId);
    },
    ensureDefaults: ensureDefaultSettings,
  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
