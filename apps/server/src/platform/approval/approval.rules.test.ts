import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideApproval, selectApplicableRules, type ApprovalRule } from './approval.rules.ts';
import { decideTransition, availableTransitions } from '../lifecycle/lifecycle.ts';
import { masterRecordLifecycle } from '../../modules/master-data/index.ts';

const rule = (over: Partial<ApprovalRule>): ApprovalRule => ({
  id: 'r1', rule_key: 'k', version: 1, document: 'd', transition: 'approve', condition: true, role_key: 'qa_head',
  required_count: 1, distinct_from_author: true, effective_from: '2026-01-01', effective_to: null, requirement_ids: [], ...over,
});

describe('approval rules', () => {
  test('conditions are JSON Logic data, never eval: a string condition is data, not code', () => {
    const rules = [rule({ condition: { '==': [{ var: 'deviceClass' }, 'III'] } })];
    assert.equal(selectApplicableRules(rules, { deviceClass: 'III' }, '2026-06-01').length, 1);
    assert.equal(selectApplicableRules(rules, { deviceClass: 'II' }, '2026-06-01').length, 0);
    const hostile = [rule({ condition: 'process.exit(1)' })];
    // A bare string is a truthy literal in JSON Logic: nothing is executed.
    assert.equal(selectApplicableRules(hostile, {}, '2026-06-01').length, 1);
  });

  test('only the latest version in force on the day applies', () => {
    const rules = [
      rule({ id: 'v1', version: 1, required_count: 1 }),
      rule({ id: 'v2', version: 2, required_count: 2, effective_from: '2026-07-01' }),
      rule({ id: 'old', rule_key: 'gone', effective_to: '2026-03-01' }),
    ];
    assert.deepEqual(selectApplicableRules(rules, {}, '2026-06-01').map((r) => r.id), ['v1']);
    assert.deepEqual(selectApplicableRules(rules, {}, '2026-07-02').map((r) => r.id), ['v2']);
  });

  test('US-P11-05: segregation of duties, role and count', () => {
    const rules = [rule({ required_count: 2 })];
    const base = { rules, given: [], approverRoles: ['qa_head'], authorIds: ['author'] };
    assert.deepEqual(decideApproval({ ...base, approverId: 'author' }), { kind: 'refused', reason: 'self_approval', rule: rules[0] });
    assert.equal(decideApproval({ ...base, approverId: 'x', approverRoles: ['sales'] }).kind, 'refused');
    const first = decideApproval({ ...base, approverId: 'a' });
    assert.equal(first.kind === 'approve' && first.complete, false);
    const second = decideApproval({ ...base, given: [{ rule_id: 'r1', approver_id: 'a' }], approverId: 'b' });
    assert.equal(second.kind === 'approve' && second.complete, true);
    assert.equal(decideApproval({ ...base, given: [{ rule_id: 'r1', approver_id: 'a' }], approverId: 'a' }).kind, 'refused');
    assert.deepEqual(decideApproval({ ...base, rules: [], approverId: 'a' }), { kind: 'no_rule' });
  });
});

describe('lifecycle as data', () => {
  test('transitions are allowed only from their states', () => {
    assert.deepEqual(decideTransition(masterRecordLifecycle, 'submit', 'draft'), { allowed: true, to: 'submitted' });
    assert.deepEqual(decideTransition(masterRecordLifecycle, 'approve', 'draft'), { allowed: false });
    assert.deepEqual(decideTransition(masterRecordLifecycle, 'nonsense', 'draft'), { allowed: false });
    assert.deepEqual(availableTransitions(masterRecordLifecycle, 'submitted'), ['approve', 'reject']);
    assert.deepEqual(availableTransitions(masterRecordLifecycle, 'approved'), []);
  });
});
