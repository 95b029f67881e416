import type { NeedStatus } from './needs.api';

/** A named group of states, for the tabs above a list; `status` is the API's comma-separated filter, `due` its deadline filter. */
export type Stage<K extends string = string> = { key: K; status?: string; due?: 'overdue' | 'within24h' };

const join = (list: NeedStatus[]) => list.join(',');
/** Keeps each list's keys as literals: every one needs its tab label (web/test/i18n.test.ts). */
const stages = <const K extends string>(list: Stage<K>[]) => list;

/** The ledger's tabs follow the work a community does with an order (受理 → 派单 → 办理 → 评价). */
export const ledgerStages = stages([
  { key: 'all' },
  { key: 'intake', status: join(['submitted', 'verifying']) },
  { key: 'toDispatch', status: join(['accepted', 'reopened', 'escalated']) },
  { key: 'inProgress', status: join(['dispatched', 'pooled', 'taken', 'claimed', 'in_service']) },
  { key: 'toRate', status: join(['completed']) },
  { key: 'finished', status: join(['rated', 'closed']) },
  { key: 'stopped', status: join(['rejected', 'merged', 'cancelled']) },
]);

/** A resident's own needs. */
export const mineStages = stages([
  { key: 'all' },
  { key: 'open', status: join(['submitted', 'verifying', 'accepted', 'dispatched', 'pooled', 'taken', 'claimed', 'in_service', 'reopened', 'escalated']) },
  { key: 'toRate', status: join(['completed']) },
  { key: 'finished', status: join(['rated', 'closed', 'rejected', 'merged', 'cancelled']) },
]);

/** A team leader's inbox: to take, to staff, being served, done. */
export const inboxStages = stages([
  { key: 'toTake', status: join(['dispatched']) },
  { key: 'toAssign', status: join(['taken', 'claimed']) },
  { key: 'serving', status: join(['claimed', 'in_service']) },
  { key: 'done', status: join(['completed', 'rated', 'closed']) },
  { key: 'all' },
]);

/** The phone's to-do list of staff: a grid worker verifies, a community admin accepts and dispatches; overdue items apart. */
export const workStages = stages([
  { key: 'intake', status: join(['submitted', 'verifying']) },
  { key: 'toDispatch', status: join(['accepted', 'reopened', 'escalated']) },
  { key: 'overdue', due: 'overdue' },
  { key: 'inProgress', status: join(['dispatched', 'pooled', 'taken', 'claimed', 'in_service']) },
  { key: 'all' },
]);

/** A volunteer's tasks. */
export const taskStages = stages([
  { key: 'open', status: join(['claimed', 'in_service']) },
  { key: 'done', status: join(['completed', 'rated', 'closed']) },
  { key: 'all' },
]);

export const stageOf = <K extends string>(list: Stage<K>[], status: string | undefined): K | undefined => list.find((s) => s.status === status)?.key;

/** 超期 and 即将超期 (due within 24 hours), both only while the deadline runs: the lists' `due` filter. */
export const dueFilters = ['overdue', 'within24h'] as const;
