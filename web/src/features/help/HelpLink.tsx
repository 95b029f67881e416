import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** 帮助 in the top bar: opens the guide for the user's role. */
export function HelpLink() {
  const { t } = useTranslation('help');
  return (
    <Link to="/help" data-testid="help-link">
      <Button type="text" icon={<QuestionCircleOutlined />}>
        {t('link')}
      </Button>
    </Link>
  );
}
