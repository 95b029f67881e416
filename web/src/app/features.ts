import { accountsFeature } from '../features/accounts/manifest';
import { activitiesFeature } from '../features/activities/manifest';
import { auditFeature } from '../features/audit/manifest';
import { authFeature } from '../features/auth/manifest';
import { conductFeature } from '../features/conduct/manifest';
import { certificatesFeature } from '../features/certificates/manifest';
import { figuresFeature } from '../features/figures/manifest';
import { dashboardFeature } from '../features/dashboard/manifest';
import { deadlinesFeature } from '../features/deadlines/manifest';
import { h5Feature } from '../features/h5/manifest';
import { jobsFeature } from '../features/jobs/manifest';
import { needsConfigFeature } from '../features/needs-config/manifest';
import { needsFeature } from '../features/needs/manifest';
import { notificationsFeature } from '../features/notifications/manifest';
import { oversightFeature } from '../features/oversight/manifest';
import { postsFeature } from '../features/posts/manifest';
import { careFeature } from '../features/care/manifest';
import { boardFeature } from '../features/board/manifest';
import { regionsFeature } from '../features/regions/manifest';
import { shellFeature } from '../features/shell/manifest';
import { teamsFeature } from '../features/teams/manifest';
import { whistlesFeature } from '../features/whistles/manifest';
import { partnersFeature } from '../features/partners/manifest';
import { webhooksFeature } from '../features/webhooks/manifest';
import { volunteersFeature } from '../features/volunteers/manifest';
import { pointsFeature } from '../features/points/manifest';
import { ledgerFeature } from '../features/ledger/manifest';
import { mallFeature } from '../features/mall/manifest';
import { helpFeature } from '../features/help/manifest';
import type { FeatureManifest } from './feature';

/**
 * Every feature of the web app. Adding one: create its folder with a manifest.ts and its locales,
 * then add it here; the routes, the menus and the locale namespaces are built from this list.
 */
export const features: readonly FeatureManifest[] = [shellFeature, authFeature, needsFeature, whistlesFeature, activitiesFeature, postsFeature, careFeature, oversightFeature, conductFeature, needsConfigFeature, figuresFeature, dashboardFeature, deadlinesFeature, volunteersFeature, pointsFeature, teamsFeature, partnersFeature, regionsFeature, accountsFeature, auditFeature, notificationsFeature, jobsFeature, webhooksFeature, certificatesFeature, ledgerFeature, mallFeature, helpFeature, boardFeature, h5Feature];
