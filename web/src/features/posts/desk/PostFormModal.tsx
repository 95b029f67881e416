import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { typeName, type NewPost, type Post, type PostPatch } from '../posts.api';
import { usePostTemplates, usePostTypes } from '../posts.queries';

type Values = { template?: string; regionId?: string; typeId: string; title: string; duties: string; skills?: string[]; quota: number; startsOn: Dayjs; endsOn?: Dayjs | null; place: string };

type Props = {
  post: Post | null;
  /** The caller runs one community: posts go there, no picker. */
  ownCommunity: boolean;
  onCancel: () => void;
  onSubmit: (values: NewPost | PostPatch) => Promise<unknown>;
};

const DAY = 'YYYY-MM-DD';

/** Publish a post (from one of the public service posts, or from scratch) or edit one; the quota never below the places held. */
export function PostFormModal({ post, ownCommunity, onCancel, onSubmit }: Props) {
  const { t, i18n } = useTranslation('posts');
  const [form] = Form.useForm<Values>();
  const report = useApiErrorReporter();
  const types = usePostTypes();
  const templates = usePostTemplates(!post);
  const fromTemplate = (id: string) => {
    const tpl = templates.data?.find((x) => x.id === id);
    if (tpl) form.setFieldsValue({ typeId: tpl.typeId, title: typeName(tpl, i18n.language), duties: tpl.duties, skills: tpl.skills });
  };
  const initial: Partial<Values> = post
    ? { typeId: post.type.id, title: post.title, duties: post.duties, skills: post.skills, quota: post.quota, startsOn: dayjs(post.startsOn), endsOn: post.endsOn ? dayjs(post.endsOn) : null, place: post.place }
    : { quota: 5, startsOn: dayjs() };
  const submit = async (v: Values) => {
    const fields = { typeId: v.typeId, title: v.title.trim(), duties: v.duties.trim(), skills: v.skills ?? [], quota: v.quota, startsOn: v.startsOn.format(DAY), endsOn: v.endsOn ? v.endsOn.format(DAY) : null, place: v.place.trim() };
    try {
      await onSubmit(post ? fields : { ...fields, regionId: ownCommunity ? undefined : v.regionId });
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal open width={640} title={t(post ? 'form.edit' : 'form.publish')} okText={t(post ? 'common:save' : 'form.publishOk')} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="post-form">
        {!post && (
          <Form.Item name="template" label={t('form.template')} extra={t('form.templateHint')}>
            <Select allowClear showSearch optionFilterProp="label" onChange={fromTemplate} options={(templates.data ?? []).map((x) => ({ value: x.id, label: typeName(x, i18n.language) }))} data-testid="post-template" />
          </Form.Item>
        )}
        {!post && !ownCommunity && (
          <Form.Item name="regionId" label={t('field.community')} extra={t('form.communityHint')} rules={[{ required: true, message: t('form.communityRequired') }]}>
            <RegionTreeSelect />
          </Form.Item>
        )}
        <Form.Item name="typeId" label={t('field.type')} rules={[{ required: true, message: t('form.typeRequired') }]}>
          <Select options={(types.data ?? []).map((x) => ({ value: x.id, label: typeName(x, i18n.language) }))} data-testid="post-type" />
        </Form.Item>
        <Form.Item name="title" label={t('field.title')} rules={[{ required: true, whitespace: true, message: t('form.titleRequired') }]}>
          <Input maxLength={100} data-testid="post-title" />
        </Form.Item>
        <Form.Item name="duties" label={t('field.duties')} rules={[{ required: true, whitespace: true, message: t('form.dutiesRequired') }]}>
          <Input.TextArea maxLength={1000} rows={3} data-testid="post-duties" />
        </Form.Item>
        <Form.Item name="skills" label={t('field.skills')} extra={t('form.skillsHint')}>
          <Select mode="tags" maxCount={10} tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="quota" label={t('field.quota')} extra={post ? t('form.quotaHint', { claimed: post.claimed }) : undefined} rules={[{ required: true, message: t('form.quotaRequired') }]}>
          <InputNumber min={post ? Math.max(1, post.claimed) : 1} max={1000} data-testid="post-quota" />
        </Form.Item>
        <Form.Item name="startsOn" label={t('field.startsOn')} rules={[{ required: true, message: t('form.startsOnRequired') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endsOn" label={t('field.endsOn')} extra={t('form.endsOnHint')}>
          <DatePicker allowClear />
        </Form.Item>
        <Form.Item name="place" label={t('field.place')} rules={[{ required: true, whitespace: true, message: t('form.placeRequired') }]}>
          <Input maxLength={200} data-testid="post-place" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
