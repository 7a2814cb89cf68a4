export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1677ff" />
      <path d="M16 5l9 3.5v7c0 5.6-3.8 10-9 11.5C10.8 25.5 7 21.1 7 15.5v-7L16 5z" fill="#fff" />
      <path d="M14.5 11h3v3.5H21v3h-3.5V21h-3v-3.5H11v-3h3.5z" fill="#1677ff" />
    </svg>
  );
}
