import { useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, Form, Input, List, NavBar, Selector, Stepper, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useBack } from '../../../lib/use-back';
import { useMe } from '../../auth/session';
import { CommunityPicker } from '../../h5/CommunityPicker';
import { useMobileErrorReporter } from '../../h5/use-mobile-error';
import { CategoryField } from '../../needs/h5/CategoryField';
import { amountText, phoneLedgerApi, phoneLedgerKeys, type Withdrawal } from './phone.api';
import './ledger-h5.css';
import { scrollToFirstError } from '../../h5/first-error';

type Values = {
  forWhom: ('self' | 'family')[];
  beneficiaryName?: string;
  relation?: string;
  beneficiaryPhone?: string;
  category?: string[];
  title: string;
  description: string;
  regionId: string;
  address?: string;
  hours: number;
};

const stateColor = { held: 'warning', paid: 'success', returned: 'default' } as const;

/** 我的 › 服务换服务: spend passbook hours on a service need for me or a family member; my withdrawals and their state. */
export function H5WithdrawPage() {
  const { t } = useTranslation(['ledger', 'needs']);
  const back = useBack('/h5/me/passbook');
  const navigate = useNavigate();
  const { account, scope } = useMe();
  const homeLabel = scope.path?.filter((n) => n.type !== 'district').map((n) => n.name).join(' / ') || (account.regionName ?? '');
  const [form] = Form.useForm<Values>();
  const forWhom = (Form.useWatch('forWhom', form) as Values['forWhom'] | undefined)?.[0] ?? 'self';
  const report = useMobileErrorReporter();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: phoneLedgerKeys.mine, queryFn: () => phoneLedgerApi.mine() });
  const list = useQuery({ queryKey: phoneLedgerKeys.withdrawals, queryFn: () => phoneLedgerApi.withdrawals() });
  const available = mine.data?.hours ?? 0;
  const max = Math.max(0.5, Math.min(100, Math.floor(available * 2) / 2));

  // one key per filled-in form: a double tap or a retry after a lost answer makes one need and one hold
  const requestKey = useRef(crypto.randomUUID());
  const withdraw = useMutation({
    mutationFn: (v: Values) =>
      phoneLedgerApi.withdraw({
        forWhom: v.forWhom[0] ?? 'self',
        ...(v.forWhom[0] === 'family' ? { beneficiaryName: v.beneficiaryName?.trim(), relation: v.relation?.trim(), beneficiaryPhone: v.beneficiaryPhone?.trim() || undefined } : {}),
        categoryId: v.category?.at(-1) ?? '',
        title: v.title.trim(),
        description: v.description.trim(),
        regionId: v.regionId,
        address: v.address?.trim() || undefined,
        hours: v.hours,
        requestKey: requestKey.current,
      }),
    onSuccess: () => {
      requestKey.current = crypto.randomUUID();
      Toast.show({ icon: 'success', content: t('h5.withdraw.done') });
      void queryClient.invalidateQueries({ queryKey: phoneLedgerKeys.all });
      form.resetFields();
    },
    onError: (error) => report(error, form),
  });

  return (
    <div className="lx-h5-page" data-testid="h5-withdraw">
      <NavBar onBack={back}>{t('h5.withdraw.title')}</NavBar>
      <p className="lx-ledger-intro">{t('h5.withdraw.intro')}</p>
      <List mode="card">
        <List.Item extra={<span data-testid="withdraw-available">{mine.data ? `${amountText(available)} ${t('h5.unit.hours')}` : '—'}</span>}>{t('h5.withdraw.available')}</List.Item>
      </List>
      <Form
        form={form}
        mode="card"
        layout="vertical"
        initialValues={{ forWhom: ['self'], regionId: account.regionId, hours: 1 }}
        onFinish={(v) => withdraw.mutate(v)}
        onFinishFailed={scrollToFirstError}
        footer={
          <Button block type="submit" color="primary" size="large" loading={withdraw.isPending} disabled={available <= 0} data-testid="withdraw-submit">
            {t('h5.withdraw.submit')}
          </Button>
        }
      >
        <Form.Item name="forWhom" label={t('h5.withdraw.forWhom')}>
          <Selector columns={2} options={(['self', 'family'] as const).map((v) => ({ value: v, label: t(`h5.withdraw.${v}`) }))} data-testid="withdraw-for" />
        </Form.Item>
        {forWhom === 'family' && (
          <>
            <Form.Item name="beneficiaryName" label={t('h5.withdraw.beneficiaryName')} rules={[{ required: true, message: t('h5.withdraw.beneficiaryNameRequired') }]}>
              <Input maxLength={50} clearable data-testid="withdraw-name" />
            </Form.Item>
            <Form.Item name="relation" label={t('h5.withdraw.relation')} rules={[{ required: true, message: t('h5.withdraw.relationRequired') }]}>
              <Input maxLength={20} clearable placeholder={t('h5.withdraw.relationPlaceholder')} data-testid="withdraw-relation" />
            </Form.Item>
            <Form.Item name="beneficiaryPhone" label={t('h5.withdraw.beneficiaryPhone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('h5.withdraw.phoneInvalid') }]}>
              <Input type="tel" maxLength={11} clearable data-testid="withdraw-phone" />
            </Form.Item>
          </>
        )}
        <Form.Header>{t('h5.withdraw.what')}</Form.Header>
        <Form.Item name="category" label={t('needs:field.category')} rules={[{ required: true, message: t('needs:categoryRequired') }]}>
          <CategoryField placeholder={t('needs:categoryPlaceholder')} />
        </Form.Item>
        <Form.Item name="title" label={t('needs:field.title')} rules={[{ required: true, message: t('needs:titleRequired') }, { min: 2, message: t('needs:titleTooShort') }]}>
          <Input maxLength={100} clearable placeholder={t('needs:titlePlaceholder')} data-testid="withdraw-title" />
        </Form.Item>
        <Form.Item name="description" label={t('needs:field.description')} rules={[{ required: true, message: t('needs:descriptionRequired') }]}>
          <TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('needs:descriptionPlaceholder')} data-testid="withdraw-description" />
        </Form.Item>
        <Form.Header>{t('h5.withdraw.where')}</Form.Header>
        <Form.Item name="regionId" label={t('needs:field.place')} rules={[{ required: true, message: t('needs:regionRequired') }]}>
          <CommunityPicker placeholder={t('common:communityPicker.title')} initialLabel={homeLabel} />
        </Form.Item>
        <Form.Item name="address" label={t('needs:field.address')}>
          <Input maxLength={200} clearable placeholder={t('needs:addressPlaceholder')} />
        </Form.Item>
        <Form.Item name="hours" label={t('h5.withdraw.hours')} description={t('h5.withdraw.hoursHint', { max: amountText(max) })} layout="horizontal" childElementPosition="right">
          <Stepper min={0.5} max={max} step={0.5} digits={1} data-testid="withdraw-hours" />
        </Form.Item>
      </Form>
      <List mode="card" header={t('h5.withdraw.mine')} data-testid="withdraw-list">
        {list.isPending && (
          <List.Item>
            <DotLoading color="primary" />
          </List.Item>
        )}
        {list.isError && <ErrorBlock status="default" title={list.error.message} description="" />}
        {list.data?.length === 0 && <List.Item>{t('h5.withdraw.empty')}</List.Item>}
        {list.data?.map((w) => <WithdrawalItem key={w.needId} w={w} onOpen={() => navigate(`/h5/needs/${w.needId}`)} />)}
      </List>
    </div>
  );
}

function WithdrawalItem({ w, onOpen }: { w: Withdrawal; onOpen: () => void }) {
  const { t } = useTranslation('ledger');
  return (
    <List.Item
      data-testid="withdrawal-item"
      data-state={w.state}
      onClick={onOpen}
      description={
        <>
          <div>
            {w.number} · {w.forWhom === 'family' ? t('h5.withdraw.forFamily', { name: w.beneficiaryName, relation: w.relation ?? '' }) : t('h5.withdraw.self')}
          </div>
          <div>{w.state === 'held' ? t('h5.withdraw.spent', { hours: amountText(w.hours) }) : t('h5.withdraw.settled', { paid: amountText(w.paid ?? 0), returned: amountText(w.returned ?? 0) })}</div>
        </>
      }
      extra={
        <Tag color={stateColor[w.state]} fill="outline">
          {t(`h5.withdraw.state.${w.state}`)}
        </Tag>
      }
    >
      {w.title}
    </List.Item>
  );
}
