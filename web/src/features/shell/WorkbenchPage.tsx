import { Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/time';
import { allows, can, TEAM_INBOX_PATH, useMe } from '../auth/session';
import { EntryCards } from './EntryCards';
import { RoleTags } from './RoleTags';
import { ScopeFigures } from './ScopeFigures';

/** The landing page of the back office: who I am, what my subtree holds, where to go next. */
export function WorkbenchPage() {
  const { t } = useTranslation('shell');
  const me = useMe();
  const { account, scope } = me;
  // a team leader without a staff role has only their inbox here
  if (!allows(me, 'staff')) return <Navigate to={TEAM_INBOX_PATH} replace />;

  return (
    <>
      <PageHeader title={t('workbench.greeting', { name: account.name })} description={t('common:app.slogan')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card title={t('workbench.myAccount')} className="lx-entry-card">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('common:field.roles')}>
                <RoleTags roles={account.roles} />
              </Descriptions.Item>
              <Descriptions.Item label={t('workbench.scope')}>
                {t('scopeValue', { name: scope.regionName ?? t('common:empty') })}
              </Descriptions.Item>
              <Descriptions.Item label={t('common:field.phone')}>{account.phone}</Descriptions.Item>
              <Descriptions.Item label={t('common:field.lastLoginAt')}>{formatDateTime(account.lastLoginAt) || t('common:empty')}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={15}>{can(me, 'regions.read') && <ScopeFigures />}</Col>
      </Row>
      <EntryCards />
    </>
  );
}
