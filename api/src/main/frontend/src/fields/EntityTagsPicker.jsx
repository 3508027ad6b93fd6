// ui:field EntityTagsPicker: a list of tags, suggested from the tags of the catalog's entities
// (ui:options.kinds narrows them, as in Backstage); validators.js checks each tag.
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { Labelled } from './Labelled.jsx';

export function EntityTagsPicker({ schema, name, idSchema, formData, onChange, uiSchema, disabled, readonly, required, rawErrors }) {
  const tags = Array.isArray(formData) ? formData : [];
  const [draft, setDraft] = useState('');
  const [suggestions, setSuggestions] = useState([]);
  const kinds = uiSchema?.['ui:options']?.kinds || [];
  const kindKey = kinds.join(',');
  useEffect(() => {
    let live = true;
    const lists = kinds.length ? kinds.map((k) => api.entities({ kind: String(k).toLowerCase() })) : [api.entities()];
    Promise.all(lists)
      .then((all) => live && setSuggestions([...new Set(all.flat().flatMap((e) => e.metadata?.tags || []))].sort()))
      .catch(() => live && setSuggestions([]));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kindKey]);
  const id = idSchema.$id;
  const add = () => {
    const tag = draft.trim();
    if (!tag) return;
    onChange([...tags, tag]);
    setDraft('');
  };
  const remove = (i) => {
    const rest = tags.filter((_, j) => j !== i);
    onChange(rest.length ? rest : undefined);
  };
  const off = disabled || readonly;
  return (
    <Labelled id={id} schema={schema} name={name} required={required}>
      {tags.length > 0 && (
        <ul className="tags editable" aria-label={`${schema?.title || name}: chosen`}>
          {tags.map((t, i) => (
            <li key={`${t}-${i}`}>
              {t}
              {!off && (
                <button type="button" className="remove" aria-label={`Remove ${t}`} onClick={() => remove(i)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!off && (
        <div className="tag-input">
          <input
            id={id}
            className="form-control"
            type="text"
            list={`${id}-suggestions`}
            value={draft}
            autoComplete="off"
            aria-invalid={rawErrors?.length ? true : undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ',') {
                e.preventDefault(); // Enter adds a tag here, it does not submit the page
                add();
              }
            }}
          />
          <button type="button" onClick={add}>
            Add
          </button>
        </div>
      )}
      <p className="field-description" id={`${id}-hint`}>
        Enter adds a tag.
      </p>
      <datalist id={`${id}-suggestions`}>
        {suggestions.filter((s) => !tags.includes(s)).map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </Labelled>
  );
}
