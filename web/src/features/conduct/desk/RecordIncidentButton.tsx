import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordIncidentDrawer } from './RecordIncidentDrawer';

/**
 * The button for a volunteer's detail page (the volunteers feature places it; its page must load
 * the 'conduct' namespace): opens the record form for that volunteer.
 */
export function RecordIncidentButton({ volunteer, onRecorded }: { volunteer: { id: string; name: string }; onRecorded?: () => void }) {
  const { t } = useTranslation('conduct');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="record-incident">
        {t('record.button')}
      </Button>
      <RecordIncidentDrawer volunteer={volunteer} open={open} onClose={() => setOpen(false)} onRecorded={onRecorded} />
    </>
  );
}
