import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, List, NavBar, Popup } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isHomeLevel } from '../../lib/regions';
import { regionsApi, type RegionNode } from '../regions/regions.api';
import { regionKeys } from '../regions/regions.queries';

const LEAF_TYPE = 'building';

type Props = {
  value?: string;
  onChange?: (id: string) => void;
  placeholder: string;
  /** What to show for a preset value (the resident's home) before anything is picked. */
  initialLabel?: string;
};

/**
 * Where do you live: street → community → (grid → building), one level per screen, read from the
 * public region list (no login). A resident may stop at their community if they don't know more.
 * The public list carries no child counts, so every level above a building opens on tap.
 */
export function CommunityPicker({ value, onChange, placeholder, initialLabel = '' }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState<RegionNode[]>([]);
  // levels that were opened for the user (a lone district) and that "back" should not return to
  const [floor, setFloor] = useState(0);
  const [label, setLabel] = useState(initialLabel);
  const current = path.at(-1);
  const level = useQuery({
    queryKey: regionKeys.publicChildren(current?.id),
    queryFn: () => regionsApi.publicChildren(current?.id),
    enabled: open,
    staleTime: 10 * 60_000,
  });

  const lone = !current && level.data?.length === 1 ? level.data[0] : undefined;
  useEffect(() => {
    if (!lone) return;
    setPath([lone]);
    setFloor(1);
  }, [lone]);

  const back = () => (path.length > floor ? setPath(path.slice(0, -1)) : setOpen(false));
  const choose = (node: RegionNode) => {
    onChange?.(node.id);
    const trail = node === current ? path : [...path, node];
    setLabel(trail.filter((n) => n.type !== 'district').map((n) => n.name).join(' / '));
    setOpen(false);
  };

  return (
    <>
      <div
        className={value ? 'lx-h5-picker-value' : 'lx-h5-picker-placeholder'}
        onClick={() => setOpen(true)}
        onKeyDown={(event) => event.key === 'Enter' && setOpen(true)}
        role="button"
        tabIndex={0}
      >
        {value ? label : placeholder}
      </div>
      <Popup visible={open} onMaskClick={() => setOpen(false)} bodyStyle={{ height: '75vh', display: 'flex', flexDirection: 'column' }}>
        <NavBar onBack={back}>{current?.name ?? t('communityPicker.title')}</NavBar>
        <div className="lx-h5-picker-body">
          {level.isPending && <DotLoading color="primary" />}
          {level.isError && <ErrorBlock status="default" title={level.error.message} description="" />}
          {level.data?.length === 0 && <ErrorBlock status="empty" title={t('communityPicker.noChildren')} description="" />}
          <List>
            {(level.data ?? []).map((node) => (
              <List.Item
                key={node.id}
                description={t(`regionType.${node.type}`)}
                arrow={node.type !== LEAF_TYPE}
                onClick={() => (node.type === LEAF_TYPE ? choose(node) : setPath([...path, node]))}
              >
                {node.name}
              </List.Item>
            ))}
          </List>
        </div>
        {current && isHomeLevel(current.type) && (
          <div className="lx-h5-picker-footer">
            <Button block color="primary" onClick={() => choose(current)}>
              {t('communityPicker.chooseHere', { name: current.name })}
            </Button>
          </div>
        )}
      </Popup>
    </>
  );
}
