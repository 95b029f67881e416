import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { postsApi, type NewPostType, type PostType } from '../posts.api';
import { postKeys, usePostTypes } from '../posts.queries';

type Values = { code?: string; name: string; nameEn: string; description?: string; sortOrder?: number; active?: boolean };

function TypeFormModal({ type, loading, onCancel, onSubmit }: { type: PostType | null; loading: boolean; onCancel: () => void; onSubmit: (v: Values) => void }) {
  const { t } = useTranslation('posts');
  const [form] = Form.useForm<Values>();
  return (
    <Modal open title={t(type ? 'types.edit' : 'types.add')} okText={t('common:save')} okButtonProps={{ loading }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={type ?? { sortOrder: 100 }} onFinish={onSubmit}>
        {!type && (
          <Form.Item name="code" label={t('types.code')} extra={t('types.codeHint')} rules={[{ required: true, pattern: /^[A-Za-z0-9_-]+$/, message: t('types.codeRule') }]}>
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('types.name')} rules={[{ required: true, whitespace: true, message: t('types.nameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('types.nameEn')} rules={[{ required: true, whitespace: true, message: t('types.nameRequired') }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="description" label={t('types.description')}>
          <Input.TextArea maxLength={300} rows={3} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('types.sortOrder')}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
        {type && (
          <Form.Item name="active" label={t('types.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 岗位类别: the district's post types; a type in use is switched off, one nobody uses may be deleted. */
export function PostTypesPage() {
  const { t } = useTranslation('posts');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const queryClient = useQueryClient();
  const [retired, setRetired] = useState(false);
  const [editing, setEditing] = useState<PostType | 'new' | null>(null);
  const types = usePostTypes(retired);
  const done = async (text: string) => {
    setEditing(null);
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: postKeys.types });
  };
  const save = useMutation({
    mutationFn: (v: Values) =>
      editing && editing !== 'new'
        ? postsApi.updateType(editing.id, { name: v.name.trim(), nameEn: v.nameEn.trim(), description: v.description ?? '', sortOrder: v.sortOrder, active: v.active })
        : postsApi.createType({ ...v, code: v.code!.trim(), name: v.name.trim(), nameEn: v.nameEn.trim() } as NewPostType),
    onSuccess: () => done(t('types.saved')),
    onError: (e) => report(e),
  });
  const remove = useMutation({ mutationFn: (id: string) => postsApi.deleteType(id), onSuccess: () => done(t('types.deleted')), onError: (e) => report(e) });

  const columns = [
    { title: t('types.name'), dataIndex: 'name', key: 'name', width: 140 },
    { title: t('types.nameEn'), dataIndex: 'nameEn', key: 'nameEn', width: 200 },
    { title: t('types.description'), dataIndex: 'description', key: 'description' },
    { title: t('types.posts'), dataIndex: 'posts', key: 'posts', width: 90 },
    { title: t('types.active'), key: 'active', width: 90, render: (_: unknown, x: PostType) => <Tag color={x.active ? 'success' : 'default'} bordered={false}>{t(x.active ? 'types.on' : 'types.off')}</Tag> },
    {
      title: t('field.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, x: PostType) => (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => setEditing(x)}>
            {t('common:edit')}
          </Button>
          {x.posts === 0 && (
            <Popconfirm title={t('types.deleteConfirm', { name: x.name })} onConfirm={() => remove.mutate(x.id)}>
              <Button size="small" type="link" danger>
                {t('types.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.types')} description={t('types.intro')} extra={<Button type="primary" onClick={() => setEditing('new')}>{t('types.add')}</Button>} />
      <Card>
        <Checkbox checked={retired} onChange={(e) => setRetired(e.target.checked)}>
          {t('types.showRetired')}
        </Checkbox>
        <Table<PostType> style={{ marginTop: 16 }} rowKey="id" size="middle" columns={columns} dataSource={types.data} loading={types.isFetching} pagination={false} data-testid="post-types-table" />
      </Card>
      {editing && <TypeFormModal type={editing === 'new' ? null : editing} loading={save.isPending} onCancel={() => setEditing(null)} onSubmit={(v) => save.mutate(v)} />}
    </>
  );
}
