// ui:field EntityPicker: an entity of Paved's catalog, as an entity ref; ui:options.catalogFilter.kind narrows it.
import { Labelled } from './Labelled.jsx';
import { useEffect, useState } from 'react';
import { api } from '../api.js';

export const entityRef = (e) =>
  `${String(e.kind).toLowerCase()}:${e.metadata?.namespace || 'default'}/${e.metadata?.name}`;

export function EntityPicker({ schema, name, idSchema, formData, onChange, uiSchema, disabled, readonly, required }) {
  const [entities, setEntities] = useState(null);
  const options = uiSchema?.['ui:options'] || {};
  const kind = options.catalogFilter?.kind || (options.allowedKinds || [])[0];
  useEffect(() => {
    let live = true;
    api
      .entities(kind ? { kind: String(kind).toLowerCase() } : {})
      .then((list) => live && setEntities(list))
      .catch(() => live && setEntities([]));
    return () => {
      live = false;
    };
  }, [kind]);
  const refs = (entities || []).map(entityRef);
  if (formData && !refs.includes(formData)) refs.unshift(formData);
  return (
    <Labelled id={idSchema.$id} schema={schema} name={name} required={required}>
    <select
      id={idSchema.$id}
      className="form-control"
      value={formData ?? ''}
      required={required}
      disabled={disabled || readonly || entities === null}
      onChange={(e) => onChange(e.target.value || undefined)}
    >
      <option value="">{entities === null ? 'Loading the catalog…' : 'Choose an entity'}</option>
      {refs.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
    </Labelled>
  );
}
