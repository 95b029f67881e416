import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Result, Row, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { allows, TEAM_INBOX_PATH, useMe } from '../../auth/session';
import { NeedOversight } from '../../oversight/NeedOversight';
import { useNeedDetail } from '../needs.queries';
import { DuplicateHints } from './DuplicateHints';
import { NeedActions } from './NeedActions';
import { NeedInfoCard } from './NeedInfoCard';
import { NeedStatusTag } from './NeedStatusTag';
import { NeedTimeline } from './NeedTimeline';
import { AssignmentsCard, RatingCard, RequesterCard } from './PeopleCards';
import { WhistlePanel } from '../../whistles/desk/WhistlePanel';
import './needs-desk.css';

/** One need in the back office: its facts, people, timeline, and the actions open to me now. */
export function NeedDetailPage() {
  const { t } = useTranslation('needs');
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const back = useBack(allows(me, 'staff') ? '/needs' : TEAM_INBOX_PATH);
  const detail = useNeedDetail(id);
  const need = detail.data;

  if (detail.isError) {
    const missing = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('detail.notFound') : detail.error.message}
        extra={<Button onClick={back}>{t('common:back')}</Button>}
      />
    );
  }
  if (!need) return <Skeleton active paragraph={{ rows: 12 }} />;

  return (
    <div data-testid="need-detail" data-status={need.status}>
      <PageHeader
        title={
          <Space align="start">
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('common:back')} />
            <span className="lx-detail-title">{need.title}</span>
          </Space>
        }
        description={
          <Space size={12} className="lx-detail-subtitle">
            <NeedStatusTag need={need} />
            <span>{t('detail.subtitle', { number: need.number })}</span>
            <span>{t('detail.submittedBy', { name: need.requesterName, at: formatDateTime(need.createdAt) })}</span>
          </Space>
        }
        extra={<NeedActions need={need} onHidden={() => navigate(TEAM_INBOX_PATH)} />}
      />
      {need.rulingPending && <Alert type="warning" showIcon className="lx-page-alert" message={t('rulingPendingHint')} />}
      {need.mergedIntoId && (
        <Alert type="info" showIcon className="lx-page-alert" message={<Link to={`/needs/${need.mergedIntoId}`}>{t('detail.mergedInto')}</Link>} />
      )}
      <DuplicateHints need={need} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <NeedInfoCard need={need} />
          <RatingCard need={need} />
          <AssignmentsCard need={need} />
          <NeedOversight need={need} />
        </Col>
        <Col xs={24} xl={8}>
          <WhistlePanel needId={need.id} />
          <RequesterCard need={need} />
          <Card title={t('detail.timeline')} className="lx-detail-card">
            <NeedTimeline need={need} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
