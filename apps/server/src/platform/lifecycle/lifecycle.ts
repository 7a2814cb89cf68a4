import type { LocalizedText } from '../errors.ts';

/** One transition of a document's lifecycle, declared as data. */
export interface TransitionSpec {
  from: readonly string[];
  to: string;
  /** Past-tense event published when the transition completes. */
  event: string;
  label: LocalizedText;
  signature?: { meanings: readonly string[] };
  approval?: boolean;
  /** The author signs their own record (an inspector's verdict): not hidden from the author by the four-eyes filter. */
  authorSigns?: boolean;
  reasonRequired?: boolean;
  /** Columns stamped with the acting user and time (e.g. submitted_by / submitted_at): segregation of duties, approval rounds. */
  stamp?: { by: string; at: string };
}

export interface Lifecycle {
  states: Record<string, LocalizedText>;
  initial: string;
  /** States in which content may still be edited; every other state is immutable. */
  editable: readonly string[];
  transitions: Record<string, TransitionSpec>;
}

export type TransitionDecision = { allowed: true; to: string } | { allowed: false };

export function decideTransition(lifecycle: Lifecycle, transition: string, status: string): TransitionDecision {
  const spec = lifecycle.transitions[transition];
  if (!spec || !spec.from.includes(status)) return { allowed: false };
  return { allowed: true, to: spec.to };
}

export function isEditable(lifecycle: Lifecycle, status: string): boolean {
  return lifecycle.editable.includes(status);
}

/** The actions a record offers in its current status; the UI shows only these. */
export function availableTransitions(lifecycle: Lifecycle, status: string): string[] {
  return Object.entries(lifecycle.transitions)
    .filter(([, spec]) => spec.from.includes(status))
    .map(([name]) => name);
}
