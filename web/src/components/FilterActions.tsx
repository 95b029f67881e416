import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The 查询 / 重置 pair that ends every filter bar: submit the form, or clear every filter. */
export function FilterActions({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('search')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={onReset}>
          {t('reset')}
        </Button>
      </Space>
    </Form.Item>
  );
}
