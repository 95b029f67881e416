import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { TIME_ZONE } from '../../lib/time';
import { useMe } from '../auth/session';
import { CalendarImport } from './CalendarImport';
import type { CalendarDay } from './deadlines.api';
import { useCalendar } from './deadlines.queries';
import { DayModal } from './DayModal';
import { MonthGrid } from './MonthGrid';
import './deadlines.css';

const months = Array.from({ length: 12 }, (_, i) => i + 1);

/** 节假日日历: a year at a glance; the district admin clicks a day to set or clear it, or imports a sheet. */
export function HolidayCalendarPage() {
  const { t } = useTranslation('deadlines');
  const today = dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');
  // the year shown is in the URL (?year=…), so a reload stays on it
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Number(today.slice(0, 4));
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });
  const { data, isFetching } = useCalendar(year);
  const editable = useMe().account.roles.includes('districtAdmin');
  const [picked, setPicked] = useState<string>();
  const days = useMemo(() => new Map<string, CalendarDay>((data?.year === year ? data.days : []).map((d) => [d.day, d])), [data, year]);
  const counts = { holiday: [...days.values()].filter((d) => d.kind === 'holiday').length, workday: [...days.values()].filter((d) => d.kind === 'workday').length };

  return (
    <>
      <PageHeader title={t('menu.calendar')} description={t('calendar.description')} extra={editable && <CalendarImport />} />
      <Card>
        <div className="lx-calendar-toolbar">
          <Space>
            <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label={t('calendar.prevYear')} />
            <Typography.Title level={5} className="lx-calendar-year" data-testid="calendar-year">
              {t('calendar.year', { year })}
            </Typography.Title>
            <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label={t('calendar.nextYear')} />
            {isFetching && <Spin size="small" />}
          </Space>
          <Space size="large" className="lx-calendar-legend">
            <span>
              <i className="lx-legend lx-day-holiday" /> {t('calendar.kind.holiday')} · {counts.holiday}
            </span>
            <span>
              <i className="lx-legend lx-day-workday" /> {t('calendar.kind.workday')} · {counts.workday}
            </span>
            <span>
              <i className="lx-legend lx-day-weekend" /> {t('calendar.weekend')}
            </span>
          </Space>
        </div>
        <Typography.Paragraph type="secondary" className="lx-deadline-hint">
          {editable ? t('calendar.hintEditable') : t('calendar.hintReadOnly')}
        </Typography.Paragraph>
        <div className="lx-calendar-year-grid" aria-busy={isFetching}>
          {months.map((m) => (
            <MonthGrid key={m} year={year} month={m} days={days} today={today} onPick={editable ? setPicked : undefined} />
          ))}
        </div>
      </Card>
      {picked && <DayModal day={picked} current={days.get(picked)} onClose={() => setPicked(undefined)} />}
    </>
  );
}
