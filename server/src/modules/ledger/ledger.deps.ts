import type { PlatformDeps } from '../../platform/deps.js';
import type { AuditService } from '../audit/audit.service.js';
import type { RegionsService } from '../regions/regions.service.js';
import type { NeedsService } from '../needs/needs.service.js';
import type { VolunteersService } from '../volunteers/volunteers.service.js';

export type LedgerDeps = PlatformDeps & { audit: AuditService; regions: RegionsService; volunteers: VolunteersService; needs: NeedsService };
