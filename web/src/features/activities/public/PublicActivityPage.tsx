import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Image, Result, Skeleton, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../../api/api';
import { Logo } from '../../../components/Logo';
import { formatMinute } from '../../../lib/time';

/**
 * 活动纪实: the public record of a finished activity — what was done, where and when, by whom, how
 * many took part and the hours served, with its photos. Open to anyone (the community's notice board,
 * a shared link); no personal data.
 */
export function PublicActivityPage() {
  const { t } = useTranslation('activities');
  const { id = '' } = useParams();
  const record = useQuery({ queryKey: ['public-activity', id], queryFn: () => api.get('/api/public/activities/{id}', { params: { id } }), retry: false });
  const a = record.data;
  return (
    <main className="lx-verify-page" data-testid="public-activity">
      <Card style={{ maxWidth: 720, margin: '24px auto' }} title={<Space><Logo size={24} />{t('public.title')}</Space>}>
        {record.isPending && <Skeleton active />}
        {record.isError && <Result status="404" title={t('public.notFound')} />}
        {a && (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {a.title}
            </Typography.Title>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('public.when')}>{`${formatMinute(a.startsAt)} – ${formatMinute(a.endsAt)}`}</Descriptions.Item>
              <Descriptions.Item label={t('public.where')}>{a.place}</Descriptions.Item>
              <Descriptions.Item label={t('public.organiser')}>{a.organiserName}</Descriptions.Item>
            </Descriptions>
            <Space size={48}>
              <Statistic title={t('public.participants')} value={a.participants} />
              <Statistic title={t('public.hours')} value={Number(a.hours)} precision={1} />
            </Space>
            {a.summary && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.summary}</Typography.Paragraph>}
            {a.photos.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap>
                  {a.photos.map((p) => (
                    <Image key={p} width={200} height={150} style={{ objectFit: 'cover' }} src={`/api/public/activities/${a.id}/photos/${p}`} alt={t('public.photo')} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
          </Space>
        )}
      </Card>
    </main>
  );
}
