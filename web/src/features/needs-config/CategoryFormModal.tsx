import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { Category, ExtraQuestion } from '../needs/categories.api';
import { severities, type Severity } from '../needs/needs.api';
import type { CategoryPatch } from './needs-config.api';
import { useNeedsConfigChanges } from './needs-config.queries';

type Values = {
  code?: string;
  name: string;
  nameEn: string;
  notice?: string;
  extraQuestions?: ExtraQuestion[];
  photoRequiredOnClose?: boolean;
  defaultSeverity?: Severity;
  sortOrder?: number;
  active?: boolean;
};
type Props = { mode: 'edit'; category: Category; onClose: () => void } | { mode: 'create'; parent: Category | null; onClose: () => void };

const CODE_PATTERN = /^[A-Za-z0-9_.-]+$/;
const KEY_PATTERN = /^[A-Za-z0-9_]+$/;

/** The questions as the server takes them: options only for a choice, no empty English label. */
function cleanQuestions(questions: ExtraQuestion[] | undefined): ExtraQuestion[] {
  return (questions ?? []).map((q) => ({
    key: q.key.trim(),
    label: q.label.trim(),
    ...(q.labelEn?.trim() ? { labelEn: q.labelEn.trim() } : {}),
    type: q.type,
    ...(q.type === 'choice' ? { options: q.options ?? [] } : {}),
    required: Boolean(q.required),
  }));
}

/** Add a category (a class, or a kind under one) or edit one. Mounted only while open. */
export function CategoryFormModal(props: Props) {
  const { t } = useTranslation(['needs-config', 'needs']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const changes = useNeedsConfigChanges();
  const report = useApiErrorReporter();
  const creating = props.mode === 'create';
  const pending = changes.createCategory.isPending || changes.updateCategory.isPending;

  const submit = async (values: Values) => {
    const fields: CategoryPatch = {
      name: values.name.trim(),
      nameEn: values.nameEn.trim(),
      notice: values.notice?.trim() ?? '',
      extraQuestions: cleanQuestions(values.extraQuestions),
      photoRequiredOnClose: Boolean(values.photoRequiredOnClose),
      defaultSeverity: values.defaultSeverity,
      sortOrder: values.sortOrder,
    };
    try {
      if (creating) {
        await changes.createCategory.mutateAsync({ ...fields, name: fields.name!, nameEn: fields.nameEn!, code: values.code!.trim(), parentId: props.parent?.id });
      } else {
        await changes.updateCategory.mutateAsync({ id: props.category.id, patch: { ...fields, active: values.active } });
      }
      void message.success(t('common:saved'));
      props.onClose();
    } catch (error) {
      report(error, form);
    }
  };

  const initialValues: Values = creating
    ? { name: '', nameEn: '', defaultSeverity: 'general', photoRequiredOnClose: false, extraQuestions: [] }
    : {
        name: props.category.name,
        nameEn: props.category.nameEn,
        notice: props.category.notice ?? '',
        extraQuestions: props.category.extraQuestions,
        photoRequiredOnClose: props.category.photoRequiredOnClose,
        defaultSeverity: props.category.defaultSeverity,
        sortOrder: props.category.sortOrder,
        active: props.category.active,
      };

  const title = creating
    ? props.parent
      ? t('category.addChildTo', { name: props.parent.name })
      : t('category.addTop')
    : t('category.editTitle', { name: props.category.name });

  return (
    <Modal open width={720} title={title} okText={t('common:save')} confirmLoading={pending} onOk={() => form.submit()} onCancel={props.onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {creating && (
          <Form.Item
            name="code"
            label={t('category.code')}
            extra={t('category.codeHint')}
            rules={[
              { required: true, message: t('category.codeRequired') },
              { pattern: CODE_PATTERN, message: t('category.codeInvalid') },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('category.name')} rules={[{ required: true, whitespace: true, message: t('category.nameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('category.nameEn')} rules={[{ required: true, whitespace: true, message: t('category.nameRequired') }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="notice" label={t('category.notice')} extra={t('category.noticeHint')}>
          <Input.TextArea rows={2} maxLength={300} showCount />
        </Form.Item>
        <Form.Item name="defaultSeverity" label={t('category.defaultSeverity')}>
          <Select options={severities.map((s) => ({ value: s, label: t(`needs:severity.${s}`) }))} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('category.sortOrder')}>
          <InputNumber min={0} max={10000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="photoRequiredOnClose" label={t('category.photoRequiredOnClose')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {!creating && (
          <Form.Item name="active" label={t('category.active')} valuePropName="checked" extra={t('category.activeHint')}>
            <Switch />
          </Form.Item>
        )}
        <Form.Item label={t('category.extraQuestions')} extra={t('category.questionsHint')}>
          <Form.List name="extraQuestions">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field) => (
                  <Card
                    key={field.key}
                    size="small"
                    className="lx-config-question"
                    extra={<Button type="text" size="small" icon={<MinusCircleOutlined />} aria-label={t('common:delete')} onClick={() => remove(field.name)} />}
                  >
                    <Form.Item
                      name={[field.name, 'key']}
                      label={t('question.key')}
                      rules={[
                        { required: true, message: t('question.keyRequired') },
                        { pattern: KEY_PATTERN, message: t('question.keyInvalid') },
                      ]}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'label']} label={t('question.label')} rules={[{ required: true, whitespace: true, message: t('question.labelRequired') }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'labelEn']} label={t('question.labelEn')}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'type']} label={t('question.type')} rules={[{ required: true }]}>
                      <Select options={(['text', 'yesNo', 'choice'] as const).map((type) => ({ value: type, label: t(`questionType.${type}`) }))} />
                    </Form.Item>
                    <Form.Item noStyle dependencies={[['extraQuestions', field.name, 'type']]}>
                      {({ getFieldValue }) =>
                        getFieldValue(['extraQuestions', field.name, 'type']) === 'choice' && (
                          <Form.Item
                            name={[field.name, 'options']}
                            label={t('question.options')}
                            extra={t('question.optionsHint')}
                            rules={[{ required: true, type: 'array', min: 1, message: t('question.optionsRequired') }]}
                          >
                            <Select mode="tags" maxCount={20} open={false} tokenSeparators={[',', '，']} />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                    <Form.Item name={[field.name, 'required']} valuePropName="checked" noStyle>
                      <Checkbox>{t('question.required')}</Checkbox>
                    </Form.Item>
                  </Card>
                ))}
                {fields.length < 10 && (
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', type: 'text', required: false })}>
                    {t('question.add')}
                  </Button>
                )}
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
