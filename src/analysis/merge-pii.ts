import type { PiiCategory, PiiSpan } from './text-analyzer';

/**
 * Azure PII categories mapped to Faro's. Identity and travel document kinds (passport, national id,
 * CPF, RG, DNI, tax and social security numbers, driving licences) become `document`; categories
 * Faro does not track (organisations, URLs, IP addresses, plain dates…) are dropped.
 */
export function mapAzureCategory(category: string): PiiCategory | undefined {
  if (category === 'Email') return 'email';
  if (category === 'PhoneNumber') return 'phone';
  if (category === 'Person') return 'person';
  if (category === 'Address') return 'address';
  if (/Passport|Identity|NationalI[dD]|IDRG|DNI|CPF|Cpf|CURP|Curp|RUT|Cedula|SocialSecurity|DriversLicense|TaxIdentification|PersonalIdentification|IdentificationNumber|ResidentIdentity/.test(category)) {
    return 'document';
  }
  return undefined;
}

/**
 * The union of two PII span lists: spans that overlap are merged into one covering both (so a
 * redaction never leaves part of either visible), named by the longer of them.
 */
export function mergePii(text: string, a: readonly PiiSpan[], b: readonly PiiSpan[]): PiiSpan[] {
  const all = [...a, ...b].filter((s) => s.end > s.start).sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Array<{ start: number; end: number; category: PiiCategory; len: number }> = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.len) { last.category = s.category; last.len = s.end - s.start; }
      last.end = Math.max(last.end, s.end);
    } else out.push({ start: s.start, end: s.end, category: s.category, len: s.end - s.start });
  }
  return out.map(({ start, end, category }) => ({ start, end, category, text: text.slice(start, end) }));
}
