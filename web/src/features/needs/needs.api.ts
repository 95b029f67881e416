import { http, type Page, type Query } from '../../api/client';

export const needStatuses = [
  'submitted', 'verifying', 'accepted', 'rejected', 'merged', 'dispatched', 'pooled', 'taken',
  'claimed', 'in_service', 'completed', 'rated', 'closed', 'reopened', 'cancelled', 'escalated',
] as const;
export type NeedStatus = (typeof needStatuses)[number];
export const needKinds = ['microWish', 'serviceRequest', 'grievance'] as const;
export type NeedKind = (typeof needKinds)[number];
/** Channels staff record a need from; "self" (the phone page) and "open311" are set by the server. */
export const staffChannels = ['hotline', 'letter', 'visit', 'wishWall', 'import'] as const;
export const needChannels = ['self', ...staffChannels, 'open311'] as const;
export type NeedChannel = (typeof needChannels)[number];
export const severities = ['general', 'important', 'major'] as const;
export type Severity = (typeof severities)[number];
export type NeedView = 'all' | 'mine' | 'team' | 'pool' | 'tasks';
/** What a user may do to a need; the server lists in `actions` those open to the caller now. */
export const needActions = [
  'verify', 'accept', 'reject', 'merge', 'dispatch', 'pool', 'take', 'decline', 'rule',
  'assign', 'grab', 'checkIn', 'complete', 'rate', 'confirm', 'cancel', 'escalate', 'reply',
] as const;
export type NeedAction = (typeof needActions)[number];

/** A row of a needs list, with the requester disclosed as far as the caller's part allows. */
export type NeedSummary = {
  id: string;
  number: string;
  kind: NeedKind;
  categoryId: string;
  categoryName: string | null;
  categoryNameEn: string | null;
  title: string;
  status: NeedStatus;
  severity: Severity;
  channel: NeedChannel;
  regionId: string;
  regionName: string;
  address: string | null;
  requesterName: string;
  requesterPhone: string | null;
  slots: number;
  filled: number;
  teamId: string | null;
  teamName: string | null;
  rulingPending: boolean;
  duplicateCount: number;
  rating: number | null;
  createdAt: string;
  acceptedAt: string | null;
  deadlineAt: string | null;
  completedAt: string | null;
};

export type NeedEvent = {
  seq: number;
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorRole: string;
  actorName: string | null;
  note: string | null;
  attachments: string[];
  data: Record<string, unknown> | null;
};

export type Assignment = {
  round: number;
  slotNo: number;
  volunteerId: string;
  volunteerName: string | null;
  via: string;
  status: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  summary: string | null;
};

/** One need as the caller sees it, with the story so far and the actions the caller may take now. */
export type NeedDetail = NeedSummary & {
  description: string;
  photos: string[];
  answers: Record<string, string>;
  wantedFrom: string | null;
  wantedTo: string | null;
  isPublic: boolean;
  round: number;
  declineCount: number;
  duplicateOf: string[];
  mergedIntoId: string | null;
  ratingComment: string | null;
  solved: boolean | null;
  assignments: Assignment[];
  timeline: NeedEvent[];
  myRelations: string[];
  actions: NeedAction[];
};

/** What an action answers when the caller can no longer see the need (their team declined it). */
export type HiddenNeed = { id: string; status: NeedStatus; hidden: true };

export type NeedFilters = {
  status?: string;
  categoryId?: string;
  regionId?: string;
  channel?: string;
  kind?: string;
  from?: string;
  to?: string;
  q?: string;
};
export type NeedListQuery = NeedFilters & { view: NeedView; page: number; pageSize: number };

export type NewNeed = {
  kind: NeedKind;
  categoryId: string;
  title: string;
  description: string;
  photos?: string[];
  answers?: Record<string, string>;
  regionId: string;
  address?: string;
  wantedFrom?: string;
  wantedTo?: string;
  slots?: number;
  severity?: Severity;
  isPublic?: boolean;
  channel?: string;
  requesterName?: string;
  requesterPhone?: string;
};

export type SimilarNeed = { id: string; number: string; title: string; status: NeedStatus; createdAt: string; regionName: string };
export type BulkResult = { id: string; ok: boolean; code?: string };
export type UploadedFile = { id: string; mime: string; size: number; url: string };

export const fileUrl = (id: string) => `/api/files/${id}`;

export const needsApi = {
  list: (query: NeedListQuery, signal?: AbortSignal) => http.get<Page<NeedSummary>>('/api/needs', query as Query, signal),
  get: (id: string) => http.get<NeedDetail>(`/api/needs/${id}`),
  create: (body: NewNeed) => http.post<NeedDetail>('/api/needs', body),
  similar: (categoryId: string, regionId: string, signal?: AbortSignal) => http.get<SimilarNeed[]>('/api/needs/similar', { categoryId, regionId }, signal),
  follow: (id: string) => http.post<{ ok: boolean }>(`/api/needs/${id}/follow`, {}),
  /** POST /api/needs/:id/<path>; every action takes a JSON body, empty or not. */
  act: (id: string, path: string, body: object = {}) => http.post<NeedDetail | HiddenNeed>(`/api/needs/${id}/${path}`, body),
  /** Audited on the server: who saw whose number, and when. */
  revealPhone: (id: string) => http.post<{ value: string | null }>(`/api/needs/${id}/reveal-phone`, {}),
  bulk: (body: { ids: string[]; action: 'accept' | 'dispatch' | 'pool'; teamId?: string; note?: string }) => http.post<BulkResult[]>('/api/needs/bulk', body),
  export: (query: NeedFilters & { view: NeedView }) => http.download('/api/needs/export', query as Query),
  uploadImage: (file: Blob, name: string) => {
    const form = new FormData();
    form.append('file', file, name);
    return http.upload<UploadedFile>('/api/files', form);
  },
};

export function isHidden(result: NeedDetail | HiddenNeed): result is HiddenNeed {
  return 'hidden' in result;
}
