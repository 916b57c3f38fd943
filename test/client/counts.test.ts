import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countOf } from '../../client/src/counts';

test('status bar counts: singular for one, plural otherwise, information uncounted', () => {
  assert.equal(countOf(1, 'error'), '1 error');
  assert.equal(countOf(2, 'error'), '2 errors');
  assert.equal(countOf(3, 'warning'), '3 warnings');
  assert.equal(countOf(0, 'hint'), '0 hints');
  assert.equal(countOf(2, 'information'), '2 information');
});
