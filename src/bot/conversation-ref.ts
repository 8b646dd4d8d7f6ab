import { TurnContext, type Activity } from 'botbuilder';
import type { SessionRecord } from '../session/record';
import type { SessionStore } from '../storage/session-store';

/**
 * The record with the author's current conversation reference, or undefined when it already holds
 * that one (so the caller saves only when something changed). Only call it on the author's own turns.
 */
export function rememberConversation(record: SessionRecord, activity: Partial<Activity>): SessionRecord | undefined {
  const ref = JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>;
  delete ref['activityId'];
  if (JSON.stringify(ref) === JSON.stringify(record.conversationRef ?? null)) return undefined;
  return { ...record, conversationRef: ref };
}

/**
 * Loads the session, and when `activity` is its author's and the reference changed, saves it with the
 * etag read. Returns the etag now current (or undefined when the session is gone or not the speaker's).
 */
export async function saveConversationRef(store: SessionStore, sessionId: string, authorId: string, activity: Partial<Activity>): Promise<string | undefined> {
  const stored = await store.load(sessionId);
  if (!stored || stored.record.author.id !== authorId) return undefined;
  const next = rememberConversation(stored.record, activity);
  if (!next) return stored.etag;
  const saved = await store.save(next, stored.etag);
  return saved.ok ? saved.etag : undefined;
}
