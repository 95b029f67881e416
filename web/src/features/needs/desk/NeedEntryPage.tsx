import { App, Button, Card, Col, Form, Row, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { wallClockToIso } from '../../../lib/time';
import { isHomeLevel } from '../../../lib/regions';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { useMe } from '../../auth/session';
import { questionsFor } from '../categories';
import type { NeedChannel, NeedKind, NewNeed, Severity } from '../needs.api';
import { useCategories, useCreateNeed } from '../needs.queries';
import { answersOf } from '../questions';
import { EntryFields } from './EntryFields';
import { SimilarPanel } from './SimilarPanel';
import './needs-desk.css';
import { wantedFields } from '../h5/wanted-window';

export type EntryValues = {
  channel: NeedChannel;
  requesterName: string;
  requesterPhone?: string;
  kind: NeedKind;
  category?: string[];
  severity?: Severity;
  title: string;
  description: string;
  answers?: Record<string, string | undefined>;
  regionId: string;
  address?: string;
  wanted?: [Dayjs | null, Dayjs | null] | null;
  slots?: number;
  isPublic?: boolean;
  boardPhotos?: boolean;
  photos?: string[];
};

function toNewNeed(v: EntryValues): NewNeed {
  return {
    channel: v.channel,
    requesterName: v.requesterName.trim(),
    requesterPhone: v.requesterPhone || undefined,
    kind: v.kind,
    categoryId: v.category?.at(-1) ?? '',
    severity: v.kind === 'grievance' ? v.severity : undefined,
    title: v.title.trim(),
    description: v.description.trim(),
    answers: answersOf(v.answers),
    regionId: v.regionId,
    address: v.address?.trim() || undefined,
    wantedFrom: v.wanted?.[0] ? wallClockToIso(v.wanted[0]) : undefined,
    wantedTo: v.wanted?.[1] ? wallClockToIso(v.wanted[1]) : undefined,
    slots: v.slots,
    isPublic: v.kind !== 'grievance' && v.isPublic,
    boardPhotos: v.kind !== 'grievance' && v.isPublic && Boolean(v.boardPhotos),
    photos: v.photos,
  };
}

/** 代录需求: staff record a need heard on the 12345 hotline, in a letter or visit, or on the wish wall. */
export function NeedEntryPage() {
  const { t } = useTranslation('needs');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EntryValues>();
  const report = useApiErrorReporter();
  const create = useCreateNeed();
  const categories = useCategories().data ?? [];
  const { scope } = useMe();
  // a community admin or grid worker records needs of their own node most of the time
  const homeRegion = scope.regionType && isHomeLevel(scope.regionType) ? scope.regionId : undefined;
  const category = Form.useWatch('category', form);
  const regionId = Form.useWatch('regionId', form);
  const categoryId = category?.at(-1);

  const submit = (values: EntryValues) =>
    create.mutate(toNewNeed(values), {
      onSuccess: (need) => {
        void message.success(t('entry.created', { number: need.number }));
        navigate(`/needs/${need.id}`);
      },
      onError: (error) => report(error, form, wantedFields),
    });

  return (
    <>
      <PageHeader title={t('menu.needEntry')} description={t('entry.description')} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card>
            <Form<EntryValues>
              form={form}
              name="needEntry"
              layout="vertical"
              initialValues={{ channel: 'hotline', kind: 'serviceRequest', severity: 'general', slots: 1, isPublic: false, regionId: homeRegion }}
              onFinish={submit}
              data-testid="need-entry-form"
            >
              <EntryFields questions={questionsFor(categories, categoryId)} />
              <Space>
                <Button type="primary" htmlType="submit" loading={create.isPending}>
                  {t('entry.submit')}
                </Button>
                <Button onClick={() => form.resetFields()}>{t('common:reset')}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <SimilarPanel categoryId={categoryId} regionId={regionId} />
        </Col>
      </Row>
    </>
  );
}
