import { Skeleton, Table, type TableProps } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { listPhase, pageInRange } from '../lib/use-list-query';

/** The applied page: the pager shows the page asked for, even before its rows have come. */
export type TablePaging = { page: number; pageSize: number; total: number | undefined; onChange: (page: number, pageSize: number) => void };

type Props<T> = Omit<TableProps<T>, 'dataSource' | 'loading'> & {
  /** The rows answering the query on screen; undefined while that answer has not come yet. */
  rows: readonly T[] | undefined;
  /** A request for the query on screen is under way (first load or refresh). */
  fetching: boolean;
  /** Paging on the server; without it `pagination` pages the rows in the browser, as antd does. */
  paging?: TablePaging;
  /** What an answer with no rows says (antd's 暂无数据 by default). */
  emptyText?: ReactNode;
};

/**
 * The table every list uses (see lib/use-list-query): it shows the rows of the current query only,
 * a skeleton of rows while the first answer comes (a spinner over the old rows while a new one does)
 * — never "no data" before they come — and marks itself aria-busy meanwhile, which browser tests wait on.
 */
export function ListTable<T extends object>({ rows, fetching, paging, emptyText, locale, pagination, ...table }: Props<T>) {
  const { t } = useTranslation();
  const waiting = listPhase({ rows, fetching }) === 'waiting';
  // an answer past the end (the total shrank under the page asked for): back to the last page with rows
  const settledPage = paging && rows && !fetching && paging.total !== undefined ? pageInRange({ page: paging.page, pageSize: paging.pageSize, total: paging.total, rows: rows.length }) : undefined;
  const { page, pageSize, onChange: onPage } = paging ?? {};
  useEffect(() => {
    if (settledPage !== undefined && pageSize !== undefined && settledPage !== page) onPage?.(settledPage, pageSize);
  }, [settledPage, page, pageSize, onPage]);
  const serverPaging: TableProps<T>['pagination'] = paging && {
    current: paging.page,
    pageSize: paging.pageSize,
    total: paging.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total) => t('total', { total }),
    onChange: paging.onChange,
  };
  // rows to come are drawn as grey bars where they will be, not as a spinner over "no data"
  const emptyNode = waiting ? <Skeleton active title={false} paragraph={{ rows: 6, width: '100%' }} className="lx-list-waiting" /> : emptyText;

  return (
    <Table<T>
      {...table}
      aria-busy={fetching}
      loading={fetching && !waiting}
      dataSource={(rows ?? []) as T[]}
      locale={emptyNode === undefined ? locale : { ...locale, emptyText: emptyNode }}
      pagination={serverPaging ?? pagination}
    />
  );
}
