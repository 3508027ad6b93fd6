// A labelled select for a ui:field whose choices are loaded: disabled while they load; a value the
// choices lack (a default, a value from before) is still shown.
import { Labelled } from './Labelled.jsx';

export function ChoiceField({ field, choices, loading, placeholder, label = (c) => c, ...select }) {
  const { schema, name, idSchema, formData, onChange, disabled, readonly, required } = field;
  const values = [...(choices || [])];
  if (formData && !values.includes(formData)) values.unshift(formData);
  return (
    <Labelled id={idSchema.$id} schema={schema} name={name} required={required}>
      <select
        id={idSchema.$id}
        className="form-control"
        value={formData ?? ''}
        required={required}
        disabled={disabled || readonly || choices === null}
        {...select}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{choices === null ? loading : placeholder}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    </Labelled>
  );
}
