// An unknown ui:field falls back to a plain text input, so a template from elsewhere still renders.
import { Labelled } from './Labelled.jsx';
export function PlainField({ schema, name, idSchema, formData, onChange, disabled, readonly, required }) {
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
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
    </Labelled>
  );
}
