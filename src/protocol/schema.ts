import { z } from 'zod';

/**
 * Protocol content as data. Structure lives in `prompts/<protocol-id>.json`; every word a person
 * reads lives in `locales/<lng>/protocol.<protocol-id>.json` under the keys documented on each
 * step kind below. Adding a protocol, a step or a language needs no TypeScript change.
 */

/** Stable kebab-case identifier. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are kebab-case: a-z, 0-9 and single dashes');
export type Id = z.infer<typeof Id>;

/**
 * Where a piece of guidance comes from: a file under `../shared/seeds/` with a line range, or a
 * named public standard (treaty, statute, published protocol).
 */
export const SourceRef = z.union([
  z.object({ doc: z.string().regex(/^[0-9a-z_]+\.txt$/), lines: z.string().regex(/^\d+-\d+$/) }).strict(),
  z.object({ standard: z.string().min(3) }).strict(),
]);
export type SourceRef = z.infer<typeof SourceRef>;

/** The fixed category list of the indicator catalogue. Extend only by adding, never renaming. */
export const CATEGORIES = [
  'act.recruitment', 'act.transport', 'act.transfer', 'act.harbouring', 'act.receipt',
  'means.force-violence', 'means.threats', 'means.threats-to-family', 'means.coercion', 'means.abduction',
  'means.deception', 'means.abuse-of-vulnerability', 'means.payment-to-controller', 'means.debt-bondage',
  'means.document-retention', 'means.isolation-confinement', 'means.withheld-wages', 'means.substance-dependency',
  'purpose.sexual-exploitation', 'purpose.forced-labour', 'purpose.domestic-servitude', 'purpose.forced-criminality',
  'purpose.begging', 'purpose.forced-marriage', 'purpose.organ-removal', 'purpose.illegal-adoption',
  'scenario.drug-production', 'scenario.drug-transport', 'scenario.drug-ingestion', 'scenario.drug-selling',
  'vulnerability.child', 'vulnerability.migrant-irregular', 'vulnerability.lgbtiq', 'vulnerability.poverty-dependants',
  'vulnerability.disability', 'vulnerability.indigenous', 'vulnerability.substance-use', 'vulnerability.prior-violence',
  'vulnerability.language-barrier',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** The element a category belongs to: the part before the dot. */
export type Element = 'act' | 'means' | 'purpose' | 'scenario' | 'vulnerability';
export const elementOf = (c: Category): Element => c.split('.')[0] as Element;

export const Strength = z.enum(['strong', 'contextual', 'proposed-presumption']);
export type Strength = z.infer<typeof Strength>;

export const SCENARIOS = [
  'general', 'sexual', 'labour', 'domestic', 'begging', 'forced-marriage', 'child',
  'drug-production', 'drug-transport', 'drug-ingestion', 'drug-selling',
] as const;
export const Scenario = z.enum(SCENARIOS);
export type Scenario = z.infer<typeof Scenario>;

/**
 * One indicator of the catalogue `prompts/indicators.json`. Its words live in
 * `locales/<lng>/indicators.json` as `{ "<id>": { "label": "...", "hint": "..." } }`.
 */
export const Indicator = z.object({
  id: Id,
  categories: z.array(Category).min(1),
  strength: Strength,
  scenarios: z.array(Scenario).min(1),
  sources: z.array(SourceRef).min(1),
}).strict();
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorCatalogue = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  indicators: z.array(Indicator).min(1),
}).strict();
export type IndicatorCatalogue = z.infer<typeof IndicatorCatalogue>;

/** An answer value as stored: yes/no/unknown, a choice option id, or short text. */
export const AnswerValue = z.string().max(2000);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** A condition on what has been recorded so far; used by branch steps and by `when` on any step. */
export type Condition =
  | { answer: string; is: string }
  | { answer: string; in: string[] }
  | { answered: string }
  | { marked: string }
  | { markedAnyIn: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ answer: Id, is: z.string() }).strict(),
    z.object({ answer: Id, in: z.array(z.string()).min(1) }).strict(),
    z.object({ answered: Id }).strict(),
    z.object({ marked: Id }).strict(),
    z.object({ markedAnyIn: z.array(Id).min(1) }).strict(),
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
  ]),
);

/**
 * Tags give a step a meaning that other parts of Faro rely on (summary, quality flags):
 * - `consent`: records one consent item (its `consent` field names it);
 * - `legal-status`: asks whether the person is a witness/possible victim, detained or a suspect;
 * - `safeguards`: the safeguards a detained person or suspect must hear first;
 * - `free-account`: the person's own uninterrupted account;
 * - `child-screen` / `child-path`: the screen for a possible minor and the child path itself;
 * - `referral` / `next-steps`: protection referral and recorded next steps;
 * - `np-victim`, `np-link`, `np-criterion`: the two-step non-punishment test and its criteria;
 * - `topic`: a topic probe whose coverage the summary reports.
 */
export const TAGS = [
  'consent', 'legal-status', 'safeguards', 'free-account', 'child-screen', 'child-path', 'referral',
  'next-steps', 'np-victim', 'np-link', 'np-criterion', 'topic', 'timeline',
] as const;
export const Tag = z.enum(TAGS);
export type Tag = z.infer<typeof Tag>;

const StepBase = {
  id: Id,
  /** Section id; `sections.<section>` in the locale file names it. */
  section: Id,
  /** Shown only when this holds; otherwise the engine passes over it without recording a skip. */
  when: Condition.optional(),
  /** A required step cannot be skipped. */
  required: z.boolean().optional(),
  tags: z.array(Tag).optional(),
  /** Indicators this step offers for one-tap marking (text from `indicators.json`). */
  indicators: z.array(Id).optional(),
  sources: z.array(SourceRef).min(1),
};

/**
 * Locale keys for every step: `steps.<id>.title`, `steps.<id>.body` (what to do now) and
 * `steps.<id>.why` (the reason, shown by `why`). Kind-specific keys are listed per kind.
 */
export const GuidanceStep = z.object({ ...StepBase, kind: z.literal('guidance') }).strict();

/** Keys: `steps.<id>.questions.<question-id>`. A closed question names its open `followUp`. */
export const SuggestedQuestion = z.object({
  id: Id,
  style: z.enum(['open', 'closed']),
  followUp: Id.optional(),
}).strict();
export const QuestionsStep = z.object({
  ...StepBase,
  kind: z.literal('questions'),
  questions: z.array(SuggestedQuestion).min(1),
  /** Phrases to avoid at this moment: keys `steps.<id>.avoid.<item-id>`. */
  avoid: z.array(Id).optional(),
}).strict();

/** Keys: `steps.<id>.items.<item-id>`: what not to say or do. */
export const CautionsStep = z.object({ ...StepBase, kind: z.literal('cautions'), items: z.array(Id).min(1) }).strict();

/** An indicator checklist; `indicators` is required here. */
export const ChecklistStep = z.object({ ...StepBase, kind: z.literal('checklist'), indicators: z.array(Id).min(1) }).strict();

/**
 * A question the interviewer answers. Keys: `steps.<id>.prompt`, and for choices
 * `steps.<id>.options.<option-id>`. `yes-no-unknown` answers are `yes`, `no`, `unknown`.
 */
export const Answer = z.discriminatedUnion('type', [
  z.object({ type: z.literal('yes-no-unknown') }).strict(),
  z.object({ type: z.literal('choice'), options: z.array(Id).min(2) }).strict(),
  z.object({ type: z.literal('text'), maxLength: z.number().int().positive().max(2000) }).strict(),
]);
export type Answer = z.infer<typeof Answer>;
export const QuestionStep = z.object({
  ...StepBase,
  kind: z.literal('question'),
  answer: Answer,
  /** With the `consent` tag: the consent item this answer records (e.g. `interview`, `notes`, `sharing`). */
  consent: Id.optional(),
  /** The engine will not move past this step unless the answer is one of these (a gate). */
  proceedOnlyIf: z.array(z.string()).min(1).optional(),
}).strict();

/** Invisible: the engine jumps to the first rule that holds, else `otherwise`, else the next step. */
export const BranchStep = z.object({
  id: Id,
  section: Id,
  kind: z.literal('branch'),
  rules: z.array(z.object({ when: Condition, goto: Id }).strict()).min(1),
  otherwise: Id.optional(),
  sources: z.array(SourceRef).optional(),
}).strict();

/** The closing step: shows the session summary. Keys as every step. */
export const SummaryStep = z.object({ ...StepBase, kind: z.literal('summary') }).strict();

export const Step = z.discriminatedUnion('kind', [
  GuidanceStep, QuestionsStep, CautionsStep, ChecklistStep, QuestionStep, BranchStep, SummaryStep,
]);
export type Step = z.infer<typeof Step>;
export type StepKind = Step['kind'];

/**
 * A whole protocol. Keys in `locales/<lng>/protocol.<id>.json`: `title`, `description`,
 * `sections.<section-id>`, and the step keys above. Steps run in array order unless a branch
 * says otherwise; `sections` gives the order and names of sections.
 */
export const Protocol = z.object({
  id: Id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** Roles that may start it. */
  roles: z.array(z.enum(['officer', 'defender', 'supervisor'])).min(1),
  /** Position on the menu (lowest first); protocols without one come last, by id. */
  menuOrder: z.number().int().nonnegative().optional(),
  sections: z.array(Id).min(1),
  steps: z.array(Step).min(1),
}).strict();
export type Protocol = z.infer<typeof Protocol>;
