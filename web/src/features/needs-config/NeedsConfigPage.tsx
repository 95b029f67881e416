import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { CategoriesTab } from './CategoriesTab';
import { DeclineReasonsTab } from './DeclineReasonsTab';
import { ReplyTemplatesTab } from './ReplyTemplatesTab';
import './needs-config.css';

const tabs = ['categories', 'declineReasons', 'replyTemplates'] as const;

/** 办单配置: the district's need categories, decline reasons and reply templates (regions.manage). */
export function NeedsConfigPage() {
  const { t } = useTranslation('needs-config');
  // the open tab is in the URL (?tab=…), so a reload stays on it
  const [params, setParams] = useSearchParams();
  const active = tabs.find((tab) => tab === params.get('tab')) ?? 'categories';
  return (
    <>
      <PageHeader title={t('menu.needsConfig')} description={t('description')} />
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams(key === 'categories' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'categories', label: t('tab.categories'), children: <CategoriesTab /> },
            { key: 'declineReasons', label: t('tab.declineReasons'), children: <DeclineReasonsTab /> },
            { key: 'replyTemplates', label: t('tab.replyTemplates'), children: <ReplyTemplatesTab /> },
          ]}
        />
      </Card>
    </>
  );
}
