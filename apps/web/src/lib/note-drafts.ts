/**
 * Drafts of the claim note, kept in this browser's localStorage as the analyst types and restored
 * when they come back (after Back, a reload, a crash or a closed tab), until the note is saved.
 *
 * Why localStorage rather than autosaving to the server: every annotation save is a versioned,
 * audited write, so saving half-typed text every second would fill the claim's history with
 * fragments, show them to adjudicators (who see drafts), and race a second tab of the same analyst
 * into version conflicts. A local draft costs nothing, survives a failed or conflicting save (the
 * typed text is never replaced), and the note still reaches the server the way it always did:
 * on leaving the field or Ctrl+Enter. Its limit: the draft lives on this device only.
 */

const PREFIX = "claimdesk:note-draft";

/** One key per analyst and claim, so analysts sharing a browser never see each other's drafts. */
export function noteDraftKey(userId: number | string, claimId: number): string {
  return `${PREFIX}:${userId}:${claimId}`;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // Storage disabled (privacy settings): drafts are then not kept.
  }
}

export function readNoteDraft(key: string): string | null {
  return storage()?.getItem(key) ?? null;
}

export function writeNoteDraft(key: string, text: string): void {
  try {
    storage()?.setItem(key, text);
  } catch {
    // Quota exceeded: the draft is simply not kept; typing goes on.
  }
}

export function clearNoteDraft(key: string): void {
  storage()?.removeItem(key);
}

/** The note as saved from a draft: blank text is no note. */
export function noteFromDraft(draft: string): string | null {
  return draft.trim() === "" ? null : draft;
}
