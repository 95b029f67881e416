import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../lib/use-api-error';

type Props = {
  masked: string | null;
  canReveal: boolean;
  /** Asks the server for the full value; the server records the look in the audit log. */
  reveal: () => Promise<{ value: string | null }>;
  /** The confirmation question ("查看完整手机号？"). */
  confirmTitle: string;
};

/**
 * Personal data arrives masked (PIPL). Seeing the full value is a deliberate, audited act: the user
 * confirms, the server records who looked, and the value stays on screen only until they hide it.
 */
export function MaskedValue({ masked, canReveal, reveal: fetchFull, confirmTitle }: Props) {
  const { t } = useTranslation();
  const [full, setFull] = useState<string | null>(null);
  const report = useApiErrorReporter();
  const reveal = useMutation({
    mutationFn: fetchFull,
    onSuccess: ({ value }) => setFull(value ?? ''),
    onError: (error) => report(error),
  });

  if (!masked) return <Typography.Text type="secondary">{t('empty')}</Typography.Text>;
  if (full !== null) {
    return (
      <Space size={4}>
        <Typography.Text copyable>{full}</Typography.Text>
        <Tooltip title={t('reveal.hide')}>
          <Button type="text" size="small" icon={<EyeInvisibleOutlined />} onClick={() => setFull(null)} />
        </Tooltip>
      </Space>
    );
  }
  return (
    <Space size={4}>
      <span className="lx-masked">{masked}</span>
      {canReveal && (
        <Popconfirm
          title={confirmTitle}
          description={t('reveal.audited')}
          okText={t('reveal.confirm')}
          onConfirm={() => reveal.mutate()}
        >
          <Tooltip title={t('reveal.action')}>
            <Button type="text" size="small" icon={<EyeOutlined />} loading={reveal.isPending} aria-label={t('reveal.action')} />
          </Tooltip>
        </Popconfirm>
      )}
    </Space>
  );
}
