// An unknown ui:field falls back to a plain text input, so a template from elsewhere still renders.
export function PlainField({ idSchema, formData, onChange, disabled, readonly, required }) {
  return (
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
  );
}
