import type { PiiCategory } from './text-analyzer';

/**
 * Localised redaction labels from the `analysis` locale namespace (`analysis:pii.<category>`), for
 * {@link redact}: `redact(text, pii, piiLabels(t))`. Takes any `t(key)` so this file needs no i18next.
 */
export function piiLabels(t: (key: string) => string): (category: PiiCategory) => string {
  return (category) => t(`analysis:pii.${category}`);
}
