import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, switchLanguage, type Language } from './index';

/** Header language menu of the back office; the choice is remembered in this browser. */
export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [active],
        items: languages.map((lang) => ({ key: lang, label: t(`lang.${lang}`) })),
        onClick: ({ key }) => void switchLanguage(key as Language),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} className={light ? 'lx-header-button' : undefined} data-testid="language-switch">
        {t(`lang.${active}`)}
      </Button>
    </Dropdown>
  );
}
