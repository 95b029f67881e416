import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePageCrumb } from './page-crumb';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageCrumb(t('errors.pageNotFound'));
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('errors.pageNotFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('backHome')}
        </Button>
      }
    />
  );
}
