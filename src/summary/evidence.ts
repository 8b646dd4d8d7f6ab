import type { Category } from '../protocol/schema';
import { EVIDENCE, type EvidenceId, type EvidenceItem } from './summary-types';

/**
 * Which records and reports are worth requesting for the file, given the categories of the indicators
 * found. The aim is to show, with material the State can gather, the person's vulnerability, how they
 * were recruited and controlled, and the link between the exploitation and the offence, so the file
 * never rests on the person's word alone.
 */
const TRIGGERS: Record<EvidenceId, readonly Category[]> = {
  'phone-records': ['act.recruitment', 'means.threats', 'means.threats-to-family', 'means.deception', 'means.coercion', 'means.payment-to-controller'],
  'travel-records': ['act.transport', 'act.transfer', 'act.receipt', 'scenario.drug-transport', 'scenario.drug-ingestion'],
  'migration-records': ['vulnerability.migrant-irregular', 'means.document-retention', 'act.transfer'],
  'socio-environmental-report': [
    'vulnerability.poverty-dependants', 'vulnerability.prior-violence', 'vulnerability.indigenous', 'vulnerability.lgbtiq',
    'vulnerability.disability', 'vulnerability.migrant-irregular', 'vulnerability.child', 'means.abuse-of-vulnerability',
  ],
  'medical-report': ['scenario.drug-ingestion', 'means.force-violence', 'means.substance-dependency', 'vulnerability.substance-use', 'purpose.sexual-exploitation'],
  'psychological-report': ['means.force-violence', 'means.threats', 'means.threats-to-family', 'means.coercion', 'means.isolation-confinement', 'vulnerability.prior-violence', 'purpose.sexual-exploitation'],
  'financial-records': ['means.debt-bondage', 'means.withheld-wages', 'means.payment-to-controller', 'vulnerability.poverty-dependants'],
  'age-documents': ['vulnerability.child'],
  'prior-violence-records': ['vulnerability.prior-violence', 'means.force-violence'],
  'network-investigation': ['scenario.drug-production', 'scenario.drug-transport', 'scenario.drug-selling', 'scenario.drug-ingestion', 'purpose.forced-criminality'],
};

/** Evidence items in a fixed order, each with the found categories that call for it. */
export function evidenceFor(found: ReadonlySet<Category>): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  for (const id of EVIDENCE) {
    const because = TRIGGERS[id].filter((c) => found.has(c));
    if (because.length) out.push({ id, because });
  }
  return out;
}
