import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { mallApi, mallCategories, type MallCategory, type MallItem } from '../mall.api';
import { useMallChange, useMallItems } from '../mall.queries';
import { ListTable } from '../../../components/ListTable';

type FormValues = {
  category: MallCategory;
  name: string;
  description?: string;
  price: number;
  stock: number;
  perPersonLimit: number;
  validity: [Dayjs, Dayjs];
  pickupDays?: number;
  pickupPlace: string;
  pickupNotes?: string;
};

function ItemModal({ item, onClose }: { item: MallItem | 'new'; onClose: () => void }) {
  const { t } = useTranslation('mall');
  const [form] = Form.useForm<FormValues>();
  const report = useApiErrorReporter();
  const [photos, setPhotos] = useState<string[]>(item === 'new' ? [] : item.photos);
  const save = useMallChange((v: FormValues) => {
    const body = {
      category: v.category,
      name: v.name,
      description: v.description ?? '',
      price: v.price,
      stock: v.stock,
      perPersonLimit: v.perPersonLimit,
      validFrom: v.validity[0].format('YYYY-MM-DD'),
      validTo: v.validity[1].format('YYYY-MM-DD'),
      pickupDays: v.pickupDays ?? 7,
      pickupPlace: v.pickupPlace,
      pickupNotes: v.pickupNotes ?? '',
      photos,
    };
    return item === 'new' ? mallApi.create(body) : mallApi.update(item.id, body);
  });
  const initial: Partial<FormValues> =
    item === 'new'
      ? { category: 'goods', price: 10, stock: 10, perPersonLimit: 1, pickupDays: 7, validity: [dayjs(), dayjs().add(1, 'month')] }
      : { ...item, validity: [dayjs(item.validFrom), dayjs(item.validTo)] };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      const up = await mallApi.uploadImage(file, file.name);
      setPhotos((p) => [...p, up.id]);
    } catch (e) {
      report(e);
    }
  };
  return (
    <Modal
      open
      title={item === 'new' ? t('desk.newItem') : t('desk.editItem')}
      onCancel={onClose}
      okText={t('common:save')}
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((v) => save.mutate(v, { onSuccess: onClose, onError: (e) => report(e, form) }))}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="mall-item-form">
        <Space wrap>
          <Form.Item name="category" label={t('field.category')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={mallCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input style={{ width: 360 }} data-testid="mall-item-name" />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="price" label={t('field.price')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} addonAfter={t('pointsUnit')} />
          </Form.Item>
          <Form.Item name="stock" label={t('field.stock')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="perPersonLimit" label={t('field.perPersonLimit')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item name="pickupDays" label={t('field.pickupDays')}>
            <InputNumber min={1} max={365} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="validity" label={t('field.validity')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="pickupPlace" label={t('field.pickupPlace')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="mall-item-place" />
        </Form.Item>
        <Form.Item name="pickupNotes" label={t('field.pickupNotes')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label={t('field.photos')}>
          <Space wrap>
            {photos.map((p) => (
              <img key={p} src={`/api/files/${p}`} alt="" style={{ width: 64, height: 64, objectFit: 'cover' }} onClick={() => setPhotos((all) => all.filter((x) => x !== p))} />
            ))}
            <input type="file" accept="image/*" onChange={(e) => void upload(e.target.files?.[0])} />
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 积分超市 · 物品管理: the items I offer (my community's, below it), with stock and redemptions; add, edit, take off the shelf. */
export function MallItemsPage() {
  const { t } = useTranslation('mall');
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const report = useApiErrorReporter();
  const [query, setQuery] = useState<{ page: number; pageSize: number; category?: MallCategory; manage: true }>({ page: 1, pageSize: 20, manage: true });
  const list = useMallItems(query);
  const [editing, setEditing] = useState<MallItem | 'new' | null>(null);
  const toggle = useMallChange((i: MallItem) => mallApi.update(i.id, { active: !i.active }));
  return (
    <>
      <PageHeader
        title={t('menu.items')}
        description={t('desk.itemsDescription')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')} data-testid="mall-new-item">
            {t('desk.newItem')}
          </Button>
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Select allowClear aria-label={t('desk.categoryFilter')} placeholder={t('category.all')} style={{ width: 160 }} value={query.category} onChange={(category) => setQuery((q) => ({ ...q, page: 1, category }))} options={mallCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        </Space>
        <ListTable<MallItem>
          rowKey="id"
          data-testid="mall-items-table"
          rows={list.data?.items}
          fetching={list.isFetching}
          paging={{ page: query.page, pageSize: query.pageSize, total: list.data?.total, onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })) }}
          columns={[
            { title: t('field.name'), dataIndex: 'name' },
            { title: t('field.category'), dataIndex: 'category', render: (c: MallCategory) => t(`category.${c}`) },
            { title: t('field.provider'), dataIndex: 'providerName' },
            { title: t('field.price'), dataIndex: 'price' },
            { title: t('field.stock'), dataIndex: 'stock' },
            { title: t('field.redeemed'), dataIndex: 'redeemed' },
            { title: t('field.validity'), render: (_, i) => `${i.validFrom} – ${i.validTo}` },
            { title: t('field.state'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>) },
            {
              title: '',
              render: (_, i) =>
                i.canManage && (
                  <Space>
                    <a onClick={() => setEditing(i)}>{t('common:edit')}</a>
                    <a onClick={() => navigate(`/mall/redemptions?itemId=${i.id}`)}>{t('menu.redemptions')}</a>
                    <a onClick={() => void modal.confirm({ content: i.active ? t('desk.deactivateConfirm') : t('desk.activateConfirm'), onOk: () => toggle.mutateAsync(i).catch(report) })}>{i.active ? t('desk.deactivate') : t('desk.activate')}</a>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {editing && <ItemModal item={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
