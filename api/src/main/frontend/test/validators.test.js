// The custom fields' validators (node --test, run by Maven in the test phase).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseRepoUrl,
  serializeRepoUrl,
  validateEntityName,
  validateFields,
  validateRepoUrl,
  validateTags,
} from '../src/fields/validators.js';

test('an entity name follows Backstage: alphanumeric ends, [-_.] inside, at most 63', () => {
  for (const good of ['checkout', 'a', 'Checkout_v2.api', 'a-b']) assert.deepEqual(validateEntityName(good), [], good);
  for (const bad of ['-checkout', 'checkout-', 'has space', 'a/b', 'x'.repeat(64)]) {
    assert.equal(validateEntityName(bad).length, 1, bad);
  }
  assert.deepEqual(validateEntityName(''), [], 'empty is left to required');
});

test('tags are lowercase words joined by single hyphens, each once', () => {
  assert.deepEqual(validateTags(['java', 'spring-boot', 'c++', 'k8s:prod', '#team']), []);
  assert.equal(validateTags(['Java']).length, 1);
  assert.equal(validateTags(['two--hyphens', '-lead']).length, 2);
  assert.match(validateTags(['java', 'java'])[0], /twice/);
  assert.deepEqual(validateTags(undefined), []);
});

test('a repository URL reads and writes as host?owner=o&repo=r', () => {
  assert.deepEqual(parseRepoUrl('github.com?owner=acme&repo=checkout'), { host: 'github.com', owner: 'acme', repo: 'checkout' });
  assert.equal(serializeRepoUrl({ host: 'github.com', owner: 'acme', repo: 'checkout' }), 'github.com?owner=acme&repo=checkout');
  assert.deepEqual(parseRepoUrl(undefined), { host: '', owner: '', repo: '' });
  assert.equal(serializeRepoUrl({ host: '', owner: '', repo: '' }), undefined);
});

test('a repository URL keeps to the allowed hosts and owners', () => {
  const options = { allowedHosts: ['github.com'], allowedOwners: ['acme'] };
  assert.deepEqual(validateRepoUrl('github.com?owner=acme&repo=checkout', options), []);
  assert.match(validateRepoUrl('gitlab.com?owner=acme&repo=checkout', options).join(), /host must be one of github.com/);
  assert.match(validateRepoUrl('github.com?owner=evil&repo=checkout', options).join(), /owner must be one of acme/);
  assert.match(validateRepoUrl('github.com?owner=acme', options).join(), /name the repository/);
  assert.match(validateRepoUrl('github.com?owner=acme&repo=bad name', {}).join(), /letters, digits/);
});

test('validateFields puts each message at its field', () => {
  const added = {};
  const errors = Object.fromEntries(
    ['name', 'tags', 'other'].map((k) => [k, { addError: (m) => (added[k] ??= []).push(m) }]),
  );
  validateFields(
    { name: '-bad', tags: ['ok'], other: 'x' },
    errors,
    { name: { 'ui:field': 'EntityNamePicker' }, tags: { 'ui:field': 'EntityTagsPicker' }, other: { 'ui:field': 'Unknown' } },
  );
  assert.deepEqual(Object.keys(added), ['name']);
});
