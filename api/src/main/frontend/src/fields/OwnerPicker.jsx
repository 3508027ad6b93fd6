// ui:field OwnerPicker: the teams the signed-in user may act for (every group for the platform team).
import { Labelled } from './Labelled.jsx';
import { useEffect, useState } from 'react';
import { api } from '../api.js';

export function ownerRef(group) {
  return group.includes(':') ? group : `group:default/${group}`;
}

export function OwnerPicker({ schema, name, idSchema, formData, onChange, disabled, readonly, rawErrors, required }) {
  const [groups, setGroups] = useState(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.me(), api.entities({ kind: 'group' }).catch(() => [])])
      .then(([me, entities]) => {
        const catalogGroups = me.platform ? entities.map((e) => e.metadata?.name).filter(Boolean) : [];
        live && setGroups([...new Set([...(me.groups || []), ...catalogGroups])].sort());
      })
      .catch(() => live && setGroups([]));
    return () => {
      live = false;
    };
  }, []);
  const options = (groups || []).map(ownerRef);
  if (formData && !options.includes(formData)) options.unshift(formData);
  return (
    <Labelled id={idSchema.$id} schema={schema} name={name} required={required}>
    <select
      id={idSchema.$id}
      className="form-control"
      value={formData ?? ''}
      required={required}
      disabled={disabled || readonly || groups === null}
      aria-invalid={rawErrors?.length ? true : undefined}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">{groups === null ? 'Loading your teams…' : 'Choose a team'}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o.replace(/^group:default\//, '')}
        </option>
      ))}
    </select>
    </Labelled>
  );
}
