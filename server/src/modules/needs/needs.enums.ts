/** The closed vocabularies of needs, kept free of imports so schemas and services share them. */
export const needKinds = ['microWish', 'serviceRequest', 'grievance'] as const; // 微心愿 · 服务需求 · 诉求
export type NeedKind = (typeof needKinds)[number];
/** What may go on the public board: a grievance (诉求) names others, so it never does. */
export const boardKinds: readonly NeedKind[] = ['microWish', 'serviceRequest'];

/** Where a need came from: self-service, 12345 hotline, letters/visits, door visits, wish wall/box/card, Open311, Excel. */
export const channels = ['self', 'hotline', 'letter', 'visit', 'wishWall', 'open311', 'import', 'carePlan'] as const;
export type Channel = (typeof channels)[number];

export const severities = ['general', 'important', 'major'] as const; // 一般 · 重要 · 重大
export type SeverityCode = (typeof severities)[number];

export const needViews = ['all', 'mine', 'team', 'pool', 'tasks'] as const;
export type NeedView = (typeof needViews)[number];

/** What the to-do counts count (needs.counts.ts): the ledger's stages and a leader's, due soon and overdue. */
export const bucketKeys = ['all', 'intake', 'toDispatch', 'toTake', 'inProgress', 'toRate', 'finished', 'stopped', 'toAssign', 'serving', 'done', 'dueSoon', 'overdue'] as const;
export type BucketKey = (typeof bucketKeys)[number];
