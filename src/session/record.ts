import { z } from 'zod';
import { Role } from '../review/roles';

/**
 * The interview record: what the protocol engine reads and writes (`ProtocolState`) and the
 * metadata around it (`SessionRecord`). Stored encrypted; validated with these schemas on every
 * load so a damaged or tampered file is reported, never half-used.
 */

export const IsoTime = z.string().datetime({ offset: true });

/** A change to a note, kept so a correction never loses the original. */
export const NoteRevision = z.object({
  action: z.enum(['created', 'corrected', 'deleted']),
  text: z.string().optional(),
  at: IsoTime,
  by: z.string(),
}).strict();

/** A timestamped note attached to the step that was current when it was written. */
export const Note = z.object({
  id: z.string().min(1),
  stepId: z.string(),
  text: z.string(),
  at: IsoTime,
  deleted: z.boolean().optional(),
  history: z.array(NoteRevision).optional(),
}).strict();
export type Note = z.infer<typeof Note>;

/**
 * An indicator's status in this session. `suggested` comes from reading the notes and is never
 * treated as found until the interviewer confirms it (`confirmed`). `noteIds` are the notes that
 * support it.
 */
export const Mark = z.object({
  status: z.enum(['confirmed', 'suggested', 'dismissed']),
  stepId: z.string(),
  at: IsoTime,
  noteIds: z.array(z.string()).optional(),
}).strict();
export type Mark = z.infer<typeof Mark>;

export const AnswerRecord = z.object({ value: z.string().max(2000), at: IsoTime }).strict();

/** A consent item as the person gave it: `yes`, `no` or `unknown`. */
export const ConsentRecord = z.object({ value: z.string(), at: IsoTime, stepId: z.string() }).strict();

/** A dated event of the person's life, for the life-story timeline. */
export const TimelineEvent = z.object({
  id: z.string(),
  when: z.string().max(100),
  text: z.string().max(2000),
  at: IsoTime,
}).strict();

/** What the engine owns: where the session is, and everything recorded in it. */
export const ProtocolState = z.object({
  protocolId: z.string(),
  protocolVersion: z.string(),
  /** Current step; null once the protocol has reached its end. */
  cursor: z.string().nullable(),
  /** Steps shown so far, in order, for `back`. */
  trail: z.array(z.string()),
  answers: z.record(z.string(), AnswerRecord),
  skipped: z.array(z.string()),
  marks: z.record(z.string(), Mark),
  notes: z.array(Note),
  consent: z.record(z.string(), ConsentRecord),
  timeline: z.array(TimelineEvent).optional(),
  /** Monotonic counter for note and event ids. */
  seq: z.number().int().nonnegative(),
}).strict();
export type ProtocolState = z.infer<typeof ProtocolState>;

export const SESSION_STATUSES = ['in-progress', 'paused', 'completed', 'submitted', 'changes-requested', 'signed-off'] as const;
export const SessionStatus = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatus>;

/** Who wrote the session, copied at creation so access checks never depend on later edits. */
export const Author = z.object({ id: z.string(), role: Role, office: z.string() }).strict();
export type Author = z.infer<typeof Author>;

/** A review action by a supervisor. */
export const ReviewEntry = z.object({
  action: z.enum(['comment', 'request-changes', 'sign-off', 'submit']),
  by: z.string(),
  at: IsoTime,
  text: z.string().max(4000).optional(),
}).strict();

export const SessionRecord = z.object({
  schemaVersion: z.literal(1),
  id: z.string().uuid(),
  /** `defender` sessions are privileged: only their author and the supervisors of a defence office read them. */
  kind: z.enum(['officer', 'defender']),
  author: Author,
  office: z.string(),
  locale: z.string(),
  status: SessionStatus,
  createdAt: IsoTime,
  updatedAt: IsoTime,
  state: ProtocolState,
  review: z.array(ReviewEntry).optional(),
  /** Serialized Bot Framework conversation reference, for telling the author about a review. */
  conversationRef: z.record(z.string(), z.unknown()).optional(),
}).strict();
export type SessionRecord = z.infer<typeof SessionRecord>;
