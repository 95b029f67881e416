import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title, one line of explanation and the page's main actions. */
export function PageHeader({ title, description, extra }: { title: ReactNode; description?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="lx-page-header">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description && <Typography.Text type="secondary">{description}</Typography.Text>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
