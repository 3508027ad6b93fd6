// rjsf leaves the label of a custom ui:field to the field: its title names the control.
export function Labelled({ id, schema, name, required, children }) {
  return (
    <>
      <label className="control-label" htmlFor={id}>
        {schema?.title || name}
        {required && <span className="required">*</span>}
      </label>
      {schema?.description && <p className="field-description">{schema.description}</p>}
      {children}
    </>
  );
}
