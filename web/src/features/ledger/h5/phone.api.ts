import { api, type ApiBody, type ApiQuery, type ApiResponse } from '../../../api/api';
import { http } from '../../../api/client';

export type MyLedger = ApiResponse<'/api/ledger/me', 'get'>;
export type Statement = ApiResponse<'/api/ledger/me/statement', 'get'>;
export type StatementLine = Statement['items'][number];
export type StatementQuery = ApiQuery<'/api/ledger/me/statement', 'get'>;
export type Withdrawal = ApiResponse<'/api/ledger/withdrawals', 'get'>[number];
export type WithdrawalInput = ApiBody<'/api/ledger/withdrawals', 'post'>;

export const phoneLedgerApi = {
  mine: () => api.get('/api/ledger/me'),
  statement: (query: StatementQuery) => api.get('/api/ledger/me/statement', { query }),
  download: (format: 'pdf' | 'xlsx', query: { from?: string; to?: string; lang: 'zh-CN' | 'en' }) => http.download(`/api/ledger/me/statement.${format}`, query),
  withdrawals: () => api.get('/api/ledger/withdrawals'),
  withdraw: (body: WithdrawalInput) => api.post('/api/ledger/withdrawals', { body }),
};

export const phoneLedgerKeys = {
  all: ['ledger'] as const,
  mine: ['ledger', 'me'] as const,
  statement: (q: StatementQuery) => ['ledger', 'me', 'statement', q] as const,
  withdrawals: ['ledger', 'withdrawals'] as const,
};

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export const shanghaiToday = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export type PeriodPreset = 'thisMonth' | 'thisYear' | 'custom';
export function periodOf(preset: Exclude<PeriodPreset, 'custom'>, today = shanghaiToday()): { from: string; to: string } {
  return preset === 'thisMonth' ? { from: `${today.slice(0, 7)}-01`, to: today } : { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** 1.5 → "1.5"; +: "+1.5". */
export const amountText = (n: number, signed = false) => `${signed && n > 0 ? '+' : ''}${Math.round(n * 100) / 100}`;
