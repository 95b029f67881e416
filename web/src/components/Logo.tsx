/** The 连心 mark: two nested hearts, red and gold (the party-building colours). */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden focusable="false">
      <rect width="64" height="64" rx="14" fill="#b3151c" />
      <path d="M32 50 14 33a10 10 0 0 1 14-14l4 4 4-4a10 10 0 0 1 14 14Z" fill="#fff" />
      <path d="M32 44 21 33a5 5 0 0 1 7-7l4 4 4-4a5 5 0 0 1 7 7Z" fill="#f5c342" />
    </svg>
  );
}
