// Formatting of sizes, numbers and dates for display (English UI).

const numberFormat = new Intl.NumberFormat('en');

export function formatNumber(value) {
  return value === null || value === undefined ? '—' : numberFormat.format(value);
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** 494_000_000 → "494M" (model parameters). */
export function formatCount(value) {
  if (value === null || value === undefined) return '—';
  if (value >= 1e9) return `${(value / 1e9).toFixed(1)}B`;
  if (value >= 1e6) return `${Math.round(value / 1e6)}M`;
  if (value >= 1e3) return `${Math.round(value / 1e3)}K`;
  return String(value);
}

export function formatDate(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? '—'
    : date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatSeconds(ms) {
  if (ms === null || ms === undefined) return '';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "es" → "Spanish"; unknown codes stay as they are. */
export function languageName(code) {
  return { en: 'English', es: 'Spanish', other: 'Other' }[code] ?? code;
}

/** "1 document", "3 documents" (numbers formatted). */
export function plural(count, noun, nouns = `${noun}s`) {
  return `${formatNumber(count)} ${count === 1 ? noun : nouns}`;
}
