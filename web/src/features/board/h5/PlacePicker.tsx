import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, CascadePicker } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionsApi } from '../../regions/regions.api';
import { regionKeys } from '../../regions/regions.queries';

type Props = { districtId: string; districtName: string; value?: string; onChange: (regionId: string | undefined, label: string) => void; label: string };

/**
 * Whose board: the whole district, a street, or one community (the board goes no further down). The
 * streets and their communities come from the public place list, read once when the picker opens.
 */
export function PlacePicker({ districtId, districtName, value, onChange, label }: Props) {
  const { t } = useTranslation('board');
  const [open, setOpen] = useState(false);
  const streets = useQuery({ queryKey: regionKeys.publicChildren(districtId), queryFn: () => regionsApi.publicChildren(districtId), staleTime: 10 * 60_000, enabled: open || Boolean(value) });
  // the board goes down to communities: a street's grids, or a community hung directly under the
  // district, are told apart by their type (a tree may skip a level)
  const streetNodes = (streets.data ?? []).filter((n) => n.type === 'street');
  const directCommunities = (streets.data ?? []).filter((n) => n.type === 'community');
  const communities = useQueries({
    queries: streetNodes.map((s) => ({ queryKey: regionKeys.publicChildren(s.id), queryFn: () => regionsApi.publicChildren(s.id), staleTime: 10 * 60_000, enabled: open })),
  });
  const options = [
    { label: t('wholeDistrict', { name: districtName }), value: districtId, children: [] },
    ...streetNodes.map((s, i) => ({
      label: s.name,
      value: s.id,
      children: [{ label: t('wholeStreet'), value: s.id }, ...(communities[i]?.data ?? []).filter((c) => c.type === 'community').map((c) => ({ label: c.name, value: c.id }))],
    })),
    ...directCommunities.map((c) => ({ label: c.name, value: c.id, children: [] })),
  ];
  return (
    <>
      <Button size="small" className="lx-board-place" onClick={() => setOpen(true)} data-testid="board-place">
        {label} ▾
      </Button>
      <CascadePicker
        title={t('placeTitle')}
        options={options}
        visible={open}
        onClose={() => setOpen(false)}
        cancelText={t('cancel')}
        confirmText={t('confirm')}
        onConfirm={(values, extend) => {
          const picked = values.filter(Boolean).map(String);
          const last = picked.at(-1);
          const names = extend.items.filter(Boolean).map((o) => String(o!.label));
          if (!last || last === districtId) onChange(undefined, t('wholeDistrict', { name: districtName }));
          else onChange(last, last === picked[0] ? names[0]! : names.join(' › '));
        }}
      />
    </>
  );
}
