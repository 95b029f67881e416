import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { deskFrameNamespaces, deskMenu, labelOf } from '../../app/navigation';
import { NavIcon } from '../../components/NavIcon';
import { allows, useMe } from '../auth/session';

/** Shortcut cards to the modules this user may open. */
export function EntryCards() {
  const { t } = useTranslation(deskFrameNamespaces);
  const me = useMe();
  const navigate = useNavigate();
  const entries = deskMenu.filter((e) => e.path !== '/' && allows(me, e.access));

  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      {entries.map((entry) => (
        <Col xs={24} md={8} key={entry.path}>
          <Card hoverable onClick={() => navigate(entry.path)} className="lx-entry-card">
            <Card.Meta
              avatar={
                <span className="lx-entry-icon">
                  <NavIcon entry={entry} />
                </span>
              }
              title={labelOf(t, entry.namespace, entry.label)}
              description={<Typography.Text type="secondary">{labelOf(t, entry.namespace, entry.hint)}</Typography.Text>}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
