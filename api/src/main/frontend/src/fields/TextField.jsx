// A labelled text input for a ui:field; an empty input is no value, so the schema's default applies.
import { Labelled } from './Labelled.jsx';

export function TextField({ field, ...input }) {
  const { schema, name, idSchema, formData, onChange, disabled, readonly, required } = field;
  return (
    <Labelled id={idSchema.$id} schema={schema} name={name} required={required}>
      <input
        id={idSchema.$id}
        className="form-control"
        type="text"
        value={formData ?? ''}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        {...input}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
    </Labelled>
  );
}
