import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import type { Category } from '../needs/categories.api';
import type { Severity } from '../needs/needs.api';
import { SeverityTag } from '../needs/desk/NeedStatusTag';
import { useCategories } from '../needs/needs.queries';
import { CategoryFormModal } from './CategoryFormModal';

type Row = Category & { children?: Row[] };
type Editing = { mode: 'edit'; category: Category } | { mode: 'create'; parent: Category | null } | null;

const byOrder = (a: Category, b: Category) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

/** Every category of the district, retired ones too (greyed), as classes with their kinds under them. */
function allCategoryRows(list: readonly Category[]): Row[] {
  return list
    .filter((c) => !c.parentId)
    .sort(byOrder)
    .map((top) => {
      const kids = list.filter((c) => c.parentId === top.id).sort(byOrder);
      return kids.length ? { ...top, children: kids } : { ...top };
    });
}

/** 需求分类: the category tree; edit a category, add a kind under a class. */
export function CategoriesTab() {
  const { t, i18n } = useTranslation('needs-config');
  const { data, isFetching } = useCategories();
  const [editing, setEditing] = useState<Editing>(null);
  const rows = useMemo(() => allCategoryRows(data ?? []), [data]);
  const en = i18n.language === 'en';

  const columns: ColumnsType<Row> = [
    {
      title: t('category.name'),
      key: 'name',
      render: (_, c) => (
        <Space size={4}>
          <Typography.Text type={c.active ? undefined : 'secondary'}>{en ? c.nameEn : c.name}</Typography.Text>
          {!c.active && <Tag bordered={false}>{t('retired')}</Tag>}
        </Space>
      ),
    },
    { title: t('category.defaultSeverity'), dataIndex: 'defaultSeverity', width: 110, render: (s: Severity) => <SeverityTag severity={s} /> },
    {
      title: t('category.photoRequiredOnClose'),
      dataIndex: 'photoRequiredOnClose',
      width: 120,
      render: (v: boolean) => (v ? t('yes') : t('no')),
    },
    { title: t('category.extraQuestions'), key: 'questions', width: 100, render: (_, c) => c.extraQuestions.length || t('common:empty') },
    { title: t('category.sortOrder'), dataIndex: 'sortOrder', width: 80 },
    {
      title: t('common:actions'),
      key: 'actions',
      width: 180,
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', category: c })}>
            {t('common:edit')}
          </Button>
          {!c.parentId && (
            <Button type="link" size="small" onClick={() => setEditing({ mode: 'create', parent: c })}>
              {t('category.addChild')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="lx-config-toolbar">
        <Typography.Text type="secondary">{t('category.hint')}</Typography.Text>
        <Button type="primary" onClick={() => setEditing({ mode: 'create', parent: null })}>
          {t('category.addTop')}
        </Button>
      </div>
      {/* antd expands "all rows" when the table mounts: mount it again once the rows have come */}
      <ListTable<Row>
        key={data ? 'rows' : 'waiting'}
        rowKey="id"
        size="middle"
        rows={data && rows}
        fetching={isFetching}
        columns={columns}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
      />
      {editing?.mode === 'edit' && <CategoryFormModal mode="edit" category={editing.category} onClose={() => setEditing(null)} />}
      {editing?.mode === 'create' && <CategoryFormModal mode="create" parent={editing.parent} onClose={() => setEditing(null)} />}
    </>
  );
}
