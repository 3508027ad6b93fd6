// ui:field EntityNamePicker: a catalog entity's name; its validator (validators.js) runs on Next.
import { Labelled } from './Labelled.jsx';

export function EntityNamePicker({ schema, name, idSchema, formData, onChange, disabled, readonly, required, rawErrors, autofocus }) {
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
        autoFocus={autofocus}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={rawErrors?.length ? true : undefined}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
    </Labelled>
  );
}
