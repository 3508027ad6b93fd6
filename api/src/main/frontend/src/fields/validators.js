// The custom fields' own validators, pure so that `node --test` checks them: each takes the
// field's value and its ui:options and answers the messages to show at the field (none: valid).

/** Backstage's entity name rule (a Kubernetes object name): 1-63 of [A-Za-z0-9-_.], alphanumeric ends. */
export const ENTITY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export function validateEntityName(value) {
  if (value == null || value === '') return [];
  if (value.length > 63) return ['must be at most 63 characters'];
  if (!ENTITY_NAME.test(value)) {
    return ['must start and end with a letter or digit, and hold only letters, digits, "-", "_" and "."'];
  }
  return [];
}

/** Backstage's tag rule: lowercase words of [a-z0-9:+#] joined by single hyphens, at most 63 characters. */
export const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;

export function validateTags(tags) {
  if (tags == null) return [];
  const messages = [];
  const seen = new Set();
  for (const tag of tags) {
    if (typeof tag !== 'string' || !TAG.test(tag) || tag.length > 63) {
      messages.push(`"${tag}" is not a tag: lowercase letters, digits, ":", "+" or "#", words joined by "-", at most 63 characters`);
    } else if (seen.has(tag)) {
      messages.push(`"${tag}" is there twice`);
    }
    seen.add(tag);
  }
  return messages;
}

/** `host?owner=o&repo=r` (Backstage's RepoUrlPicker value) as {host, owner, repo}. */
export function parseRepoUrl(value) {
  if (!value) return { host: '', owner: '', repo: '' };
  const at = value.indexOf('?');
  const host = at < 0 ? value : value.slice(0, at);
  const params = new URLSearchParams(at < 0 ? '' : value.slice(at + 1));
  return { host, owner: params.get('owner') || '', repo: params.get('repo') || '' };
}

export function serializeRepoUrl({ host, owner, repo }) {
  const params = new URLSearchParams();
  if (owner) params.set('owner', owner);
  if (repo) params.set('repo', repo);
  const query = params.toString();
  return host || query ? `${host || ''}${query ? '?' + query : ''}` : undefined;
}

const REPO_PART = /^[A-Za-z0-9_.-]+$/;

export function validateRepoUrl(value, options = {}) {
  if (value == null || value === '') return [];
  const { host, owner, repo } = parseRepoUrl(value);
  const messages = [];
  const hosts = options.allowedHosts || [];
  const owners = options.allowedOwners || [];
  if (!host) messages.push('choose a host');
  else if (hosts.length && !hosts.includes(host)) messages.push(`host must be one of ${hosts.join(', ')}`);
  if (!owner) messages.push('name the repository owner');
  else if (owners.length && !owners.includes(owner)) messages.push(`owner must be one of ${owners.join(', ')}`);
  else if (!REPO_PART.test(owner)) messages.push('owner may hold only letters, digits, "-", "_" and "."');
  if (!repo) messages.push('name the repository');
  else if (!REPO_PART.test(repo)) messages.push('repository may hold only letters, digits, "-", "_" and "."');
  return messages;
}

export const validators = {
  EntityNamePicker: validateEntityName,
  EntityTagsPicker: validateTags,
  RepoUrlPicker: validateRepoUrl,
};

/**
 * rjsf customValidate for a step: runs the validator of every property whose ui:field has one,
 * adding its messages at that property.
 */
export function validateFields(formData, errors, uiSchema) {
  for (const [name, ui] of Object.entries(uiSchema || {})) {
    const validate = ui && typeof ui === 'object' ? validators[ui['ui:field']] : undefined;
    if (!validate || !errors[name]) continue;
    for (const message of validate(formData?.[name], ui['ui:options'] || {})) errors[name].addError(message);
  }
  return errors;
}
