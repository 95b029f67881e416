/** A count over its label, one tap to the list it counts; in red when `alert` and above zero. '–' while it loads. */
export function CountButton({ count, label, alert, busy, onClick, testId }: { count: number | undefined; label: string; alert?: boolean; busy?: boolean; onClick: () => void; testId: string }) {
  const over = alert && (count ?? 0) > 0;
  return (
    <button type="button" className={`lx-h5-count${over ? ' lx-h5-count-alert' : ''}`} onClick={onClick} aria-busy={busy} data-testid={testId}>
      <strong>{count ?? '–'}</strong>
      <span>{label}</span>
    </button>
  );
}
