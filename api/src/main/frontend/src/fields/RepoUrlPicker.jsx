// ui:field RepoUrlPicker: host, owner and repository, as Backstage's value `host?owner=o&repo=r`.
// ui:options.allowedHosts and .allowedOwners turn host and owner into choices; validators.js checks them.
import { parseRepoUrl, serializeRepoUrl } from './validators.js';

function Part({ id, label, value, choices, onChange, disabled, readonly, invalid }) {
  const common = {
    id,
    className: 'form-control',
    value,
    disabled: disabled || (readonly && choices?.length > 0),
    'aria-invalid': invalid || undefined,
    onChange: (e) => onChange(e.target.value),
  };
  return (
    <div className="repo-part">
      <label htmlFor={id}>{label}</label>
      {choices?.length ? (
        <select {...common}>
          {choices.length > 1 && <option value="">Choose</option>}
          {choices.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      ) : (
        <input {...common} type="text" readOnly={readonly} autoComplete="off" spellCheck={false} />
      )}
    </div>
  );
}

export function RepoUrlPicker({ schema, name, idSchema, formData, onChange, uiSchema, disabled, readonly, required, rawErrors }) {
  const options = uiSchema?.['ui:options'] || {};
  const hosts = options.allowedHosts || [];
  const owners = options.allowedOwners || [];
  const parts = parseRepoUrl(formData);
  // one allowed host (or owner) is chosen already
  if (!parts.host && hosts.length === 1) parts.host = hosts[0];
  if (!parts.owner && owners.length === 1) parts.owner = owners[0];
  const set = (key) => (value) => onChange(serializeRepoUrl({ ...parts, [key]: value }));
  const id = idSchema.$id;
  const invalid = rawErrors?.length > 0;
  const shared = { disabled, readonly, invalid };
  return (
    <fieldset
      className="repo-url"
      aria-labelledby={`${id}-title`}
      aria-describedby={schema?.description ? `${id}-description` : undefined}
    >
      <span className="control-label" id={`${id}-title`}>
        {schema?.title || name}
        {required && <span className="required">*</span>}
      </span>
      {schema?.description && (
        <p className="field-description" id={`${id}-description`}>
          {schema.description}
        </p>
      )}
      <div className="repo-parts">
        <Part id={`${id}-host`} label="Host" value={parts.host} choices={hosts} onChange={set('host')} {...shared} />
        <Part id={`${id}-owner`} label="Repository owner" value={parts.owner} choices={owners} onChange={set('owner')} {...shared} />
        <Part id={`${id}-repo`} label="Repository name" value={parts.repo} onChange={set('repo')} {...shared} />
      </div>
    </fieldset>
  );
}
