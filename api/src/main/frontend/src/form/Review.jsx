// Every value the form holds, under the titles the form showed.
function shown(schema, value) {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(schema?.enum) && Array.isArray(schema?.enumNames)) {
    const i = schema.enum.indexOf(value);
    if (i >= 0) return schema.enumNames[i];
  }
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return value.join(', ') || '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function Review({ steps, formData }) {
  const listed = new Set();
  const rows = [];
  for (const step of steps) {
    for (const [name, schema] of Object.entries(step.schema.properties || {})) {
      listed.add(name);
      rows.push([schema.title || name, shown(schema, formData[name]), name]);
    }
  }
  for (const [name, value] of Object.entries(formData)) {
    if (!listed.has(name)) rows.push([name, shown(null, value), name]);
  }
  return (
    <dl className="review" aria-label="Values">
      {rows.map(([title, value, name]) => (
        <div key={name} className="row">
          <dt>{title}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
