import { App, Button, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { useMe } from '../../auth/session';
import type { NeedDetail } from '../needs.api';
import { useSetOnBoard } from '../needs.queries';

const admins = ['communityAdmin', 'streetAdmin', 'districtAdmin'];

/**
 * 公示: whether the requester agreed to the public board (and to its photos), whether the community took the need down, and
 * (for admins) taking it down with a reason or putting it back. The consent stays the requester's.
 */
export function BoardControl({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const { account } = useMe();
  const setOnBoard = useSetOnBoard(need.id);
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const isAdmin = account.roles.some((r) => admins.includes(r));
  const change = (withdrawal: { withdrawn: boolean; reason?: string }) =>
    setOnBoard.mutateAsync({ withdrawal }).then(
      () => {
        setAsking(false);
        form.resetFields();
        void message.success(t(withdrawal.withdrawn ? 'board.withdrawn' : 'board.restored'));
      },
      (error: unknown) => report(error, form),
    );
  return (
    <Space wrap size={8}>
      <span>{t(need.onBoard ? (need.boardPhotos ? 'board.onBoardPhotos' : 'board.onBoard') : need.isPublic ? 'publicYes' : 'publicNo')}</span>
      {need.onBoard && need.boardWithdrawn && <Tag color="warning">{t('board.withdrawnTag')}</Tag>}
      {need.onBoard && isAdmin && !need.boardWithdrawn && (
        <Button size="small" onClick={() => setAsking(true)} data-testid="board-withdraw">
          {t('board.withdraw')}
        </Button>
      )}
      {need.onBoard && isAdmin && need.boardWithdrawn && (
        <Button size="small" loading={setOnBoard.isPending} onClick={() => void change({ withdrawn: false })} data-testid="board-restore">
          {t('board.restore')}
        </Button>
      )}
      <Modal
        open={asking}
        title={t('board.withdrawTitle')}
        okText={t('board.withdraw')}
        confirmLoading={setOnBoard.isPending}
        onCancel={() => setAsking(false)}
        onOk={() => void form.validateFields().then((v) => change({ withdrawn: true, reason: v.reason }))}
        destroyOnHidden
      >
        <p>{t('board.withdrawHint')}</p>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('board.reason')} rules={[{ required: true, whitespace: true, message: t('board.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={200} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
