import type { Translate } from './doc';

/**
 * Where renderers find words: the `summary` namespace for their own, `indicators:<id>.label` for
 * indicator names, `protocol.<id>:…` for protocol, section and step titles. A missing key shows its
 * id rather than failing, so a summary can always be produced.
 */
export const sx = (t: Translate, key: string, opts: Record<string, unknown> = {}): string => t(`summary:${key}`, opts);

export const indicatorLabel = (t: Translate, id: string): string => t(`indicators:${id}.label`, { defaultValue: id });

export const protocolTitle = (t: Translate, protocolId: string): string =>
  t(`protocol.${protocolId}:title`, { defaultValue: protocolId });

export const stepTitle = (t: Translate, protocolId: string, stepId: string): string =>
  t(`protocol.${protocolId}:steps.${stepId}.title`, { defaultValue: stepId });

export const sectionTitle = (t: Translate, protocolId: string, section: string): string =>
  t(`protocol.${protocolId}:sections.${section}`, { defaultValue: section });

/** A category id such as `means.threats` is a nested key under `summary:categories`. */
export const categoryLabel = (t: Translate, category: string): string =>
  sx(t, `categories.${category}`, { defaultValue: category });

/** An answer value as words: yes/no/unknown from `summary:values`, a choice option from the protocol, else as given. */
export function answerLabel(t: Translate, protocolId: string, stepId: string, value: string): string {
  if (['yes', 'no', 'unknown'].includes(value)) return sx(t, `values.${value}`);
  return t(`protocol.${protocolId}:steps.${stepId}.options.${value}`, { defaultValue: value });
}

/** Timestamps are shown the same in every language: `2026-03-01 14:05 UTC`. */
export const when = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

/** Answers that a reading already says (`supports`, `against`, `yes`, `no`…) add nothing shown next to it. */
export const READINGS: readonly string[] = ['supports', 'missing', 'against', 'yes', 'no'];
