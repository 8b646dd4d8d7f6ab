import type { PiiSpan } from '../text-analyzer';
import { findAddresses } from './address';
import type { PiiCandidate } from './candidate';
import { findEmails, findPhones } from './contact';
import { findBirthDates } from './dates';
import { findDocuments } from './documents';
import { findPersons } from './person';

/**
 * All PII spans in a text, without overlaps: where detectors disagree, the stronger kind wins
 * (e-mail > document > date of birth > phone > address/person), then the longer span.
 */
export function detectPii(text: string): PiiSpan[] {
  const candidates: PiiCandidate[] = [
    ...findEmails(text), ...findDocuments(text), ...findBirthDates(text), ...findPhones(text), ...findAddresses(text), ...findPersons(text),
  ].sort((a, b) => b.priority - a.priority || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: PiiCandidate[] = [];
  for (const c of candidates) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  return kept
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ start: c.start, end: c.end, category: c.category, text: text.slice(c.start, c.end) }));
}
