import jsonLogic from 'json-logic-js';

/** An approval rule as stored: versioned data, its condition JSON Logic (evaluated, never eval'd). */
export interface ApprovalRule {
  id: string;
  rule_key: string;
  version: number;
  document: string;
  transition: string;
  condition: unknown;
  role_key: string;
  required_count: number;
  distinct_from_author: boolean;
  effective_from: string;
  effective_to: string | null;
  requirement_ids: string[];
}

export interface GivenApproval {
  rule_id: string;
  approver_id: string;
}

/** Latest version of each rule in force on `day` whose condition holds for the record. */
export function selectApplicableRules(rules: ApprovalRule[], record: Record<string, unknown>, day: string): ApprovalRule[] {
  const latest = new Map<string, ApprovalRule>();
  for (const rule of rules) {
    if (rule.effective_from > day || (rule.effective_to !== null && rule.effective_to < day)) continue;
    const current = latest.get(rule.rule_key);
    if (!current || current.version < rule.version) latest.set(rule.rule_key, rule);
  }
  return [...latest.values()].filter((rule) => Boolean(jsonLogic.apply(rule.condition as jsonLogic.RulesLogic, record)));
}

export type ApprovalDecision =
  | { kind: 'no_rule' }
  | { kind: 'refused'; reason: 'role' | 'self_approval' | 'already_approved'; rule?: ApprovalRule }
  | { kind: 'approve'; rules: ApprovalRule[]; complete: boolean; progress: { rule: string; given: number; required: number }[] };

/**
 * Decides what an approver's action means under the applicable rules: which rules it counts for,
 * whether segregation of duties forbids it, and whether the approvals are now complete.
 */
export function decideApproval(input: {
  rules: ApprovalRule[];
  given: GivenApproval[];
  approverId: string;
  approverRoles: readonly string[];
  authorIds: readonly (string | null | undefined)[];
}): ApprovalDecision {
  const { rules, given, approverId, approverRoles, authorIds } = input;
  if (rules.length === 0) return { kind: 'no_rule' };
  const mine = rules.filter((rule) => approverRoles.includes(rule.role_key));
  if (mine.length === 0) return { kind: 'refused', reason: 'role', rule: rules[0] };
  const selfRule = mine.find((rule) => rule.distinct_from_author && authorIds.includes(approverId));
  if (selfRule) return { kind: 'refused', reason: 'self_approval', rule: selfRule };
  const open = mine.filter((rule) => !given.some((g) => g.rule_id === rule.id && g.approver_id === approverId));
  if (open.length === 0) return { kind: 'refused', reason: 'already_approved', rule: mine[0] };
  const after = [...given, ...open.map((rule) => ({ rule_id: rule.id, approver_id: approverId }))];
  const progress = rules.map((rule) => ({
    rule: rule.rule_key,
    given: new Set(after.filter((g) => g.rule_id === rule.id).map((g) => g.approver_id)).size,
    required: rule.required_count,
  }));
  return { kind: 'approve', rules: open, complete: progress.every((p) => p.given >= p.required), progress };
}
