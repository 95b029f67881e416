import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { allows, useMe } from '../auth/session';
import { menuEntries } from './menu';

/** Shortcut cards to the modules this user may open. */
export function EntryCards() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const entries = menuEntries.filter((e) => e.path !== '/' && allows(me, e.access));

  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      {entries.map((entry) => (
        <Col xs={24} md={8} key={entry.path}>
          <Card hoverable onClick={() => navigate(entry.path)} className="lx-entry-card">
            <Card.Meta
              avatar={<span className="lx-entry-icon">{entry.icon}</span>}
              title={t(entry.labelKey)}
              description={<Typography.Text type="secondary">{t(`${entry.labelKey}Hint`)}</Typography.Text>}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
