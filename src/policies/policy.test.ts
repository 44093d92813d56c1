import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor, SystemActor } from '../domain/agencies/actor.js';
import type { Role } from '../domain/agencies/roles.js';
import { NotAllowed, NotFound } from '../domain/errors.js';
import { isOwnAgency } from './agencies.js';
import { assignableRoles, authorize, authorizeAction, can, inScope, scopePath } from './policy.js';
import { authorizeUserManagement, isSelf } from './users.js';

const staff = (role: Role, agencyPath = '/1/2/'): Actor => ({
  userId: 7,
  login: 'li.si',
  displayName: '李四',
  role,
  agencyId: 2,
  agencyName: '东区人民政府',
  agencyPath,
});
const SYSTEM: SystemActor = { system: true, label: '命令行' };

describe('the scope rule: one function', () => {
  test('a system administrator and the system see the whole tree; everyone else their own subtree', () => {
    assert.equal(scopePath(staff('system_admin')), '/');
    assert.equal(scopePath(SYSTEM), '/');
    for (const role of ['agency_admin', 'officer', 'office_head', 'publisher', 'auditor'] as const)
      assert.equal(scopePath(staff(role)), '/1/2/');
  });

  test('inScope follows scopePath: the subtree, not a sibling', () => {
    const admin = staff('agency_admin');
    assert.equal(inScope(admin, { agencyPath: '/1/2/9/' }), true);
    assert.equal(inScope(admin, { agencyPath: '/1/3/' }), false);
    assert.equal(inScope(staff('system_admin'), { agencyPath: '/1/3/' }), true);
  });
});

describe('rights as rows of the rules table', () => {
  test('verifying the audit chain and creating a root agency are system administrator rights', () => {
    for (const action of ['audit.verify', 'agency.createRoot'] as const) {
      assert.equal(can(staff('system_admin'), action), true);
      for (const role of ['agency_admin', 'officer', 'office_head', 'publisher', 'auditor'] as const)
        assert.equal(can(staff(role), action), false, `${role} ${action}`);
    }
    assert.throws(() => authorizeAction(staff('agency_admin'), 'audit.verify'), NotAllowed);
  });

  test('reading other people’s audit events: not for publishers and officers', () => {
    assert.equal(can(staff('publisher'), 'audit.view'), false);
    assert.equal(can(staff('officer'), 'audit.view'), false);
    assert.equal(can(staff('office_head'), 'audit.view'), true);
  });

  test('only a system administrator hands out or manages the system administrator role', () => {
    assert.ok(assignableRoles(staff('system_admin')).includes('system_admin'));
    assert.ok(!assignableRoles(staff('agency_admin')).includes('system_admin'));
    const root = { id: 1, role: 'system_admin', agencyPath: '/1/2/' };
    assert.throws(() => authorizeUserManagement(staff('agency_admin'), root), NotAllowed);
    authorizeUserManagement(staff('system_admin'), root);
  });
});

describe('authorize accepts the system actor (CLI, demo loader, jobs)', () => {
  test('it holds every right, everywhere, and is nobody’s own account or agency', () => {
    authorize(SYSTEM, 'agency.edit', { agencyPath: '/5/' });
    authorizeAction(SYSTEM, 'token.manage');
    authorizeUserManagement(SYSTEM, { id: 7, role: 'system_admin', agencyPath: '/1/' });
    assert.equal(can(SYSTEM, 'calendar.manageNational'), true);
    assert.ok(assignableRoles(SYSTEM).includes('system_admin'));
    assert.equal(isSelf(SYSTEM, { id: 7 }), false);
    assert.equal(isOwnAgency(SYSTEM, 2), false);
  });

  test('staff outside their subtree get NotFound, inside without the right NotAllowed', () => {
    assert.throws(() => authorize(staff('officer'), 'agency.edit', { agencyPath: '/1/3/' }), NotFound);
    assert.throws(() => authorize(staff('officer'), 'agency.edit', { agencyPath: '/1/2/' }), NotAllowed);
    assert.equal(isSelf(staff('agency_admin'), { id: 7 }), true);
    assert.equal(isOwnAgency(staff('agency_admin'), 2), true);
  });
});

describe('the document library (主动公开)', () => {
  test('an officer writes drafts; the office head or the publisher publishes and withdraws', () => {
    const doc = { agencyPath: '/1/2/5/' };
    assert.equal(can(staff('officer'), 'document.edit', doc), true);
    assert.equal(can(staff('officer'), 'document.publish', doc), false);
    assert.equal(can(staff('officer'), 'document.withdraw', doc), false);
    for (const role of ['office_head', 'publisher'] as const) {
      assert.equal(can(staff(role), 'document.publish', doc), true);
      assert.equal(can(staff(role), 'document.withdraw', doc), true);
    }
    assert.equal(can(staff('auditor'), 'document.view', doc), true);
    assert.equal(can(staff('auditor'), 'document.edit', doc), false);
  });

  test("another agency's document does not exist for the officer (404), however it is asked", () => {
    assert.throws(() => authorize(staff('officer'), 'document.edit', { agencyPath: '/1/3/' }), NotFound);
    assert.throws(() => authorize(staff('officer'), 'document.publish', { agencyPath: '/1/2/' }), NotAllowed);
  });
});
