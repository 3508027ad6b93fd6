// Turns a template's `parameters` pages into form steps {title, schema, uiSchema}, moving every
// inline `ui:*` key into the uiSchema as Backstage's scaffolder does.

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Moves the `ui:*` keys of `schema` (in place) into `uiSchema`, walking nested schemas. */
export function extractUiSchema(schema, uiSchema) {
  if (!isObject(schema)) return;
  for (const key of Object.keys(schema)) {
    if (key.startsWith('ui:')) {
      uiSchema[key] = schema[key];
      delete schema[key];
    }
  }
  const { properties, items, anyOf, oneOf, allOf, dependencies, then, else: otherwise } = schema;
  if (isObject(properties)) {
    for (const [name, node] of Object.entries(properties)) {
      if (!isObject(node)) continue;
      uiSchema[name] = isObject(uiSchema[name]) ? uiSchema[name] : {};
      extractUiSchema(node, uiSchema[name]);
    }
  }
  if (isObject(items)) {
    uiSchema.items = isObject(uiSchema.items) ? uiSchema.items : {};
    extractUiSchema(items, uiSchema.items);
  }
  for (const list of [anyOf, oneOf, allOf]) {
    if (Array.isArray(list)) list.forEach((node) => extractUiSchema(node, uiSchema));
  }
  if (isObject(dependencies)) {
    Object.values(dependencies).forEach((node) => extractUiSchema(node, uiSchema));
  }
  extractUiSchema(then, uiSchema);
  extractUiSchema(otherwise, uiSchema);
}

/** One step per page; a page's own title, or "Step n". */
export function templateSteps(template) {
  const pages = template?.pages ?? (template?.parameters ? [template.parameters] : []);
  return pages.map((page, index) => {
    const schema = structuredClone(page);
    const uiSchema = {};
    extractUiSchema(schema, uiSchema);
    const { title, description, ...rest } = schema;
    return {
      title: title || `Step ${index + 1}`,
      description,
      schema: { type: 'object', ...rest },
      uiSchema,
    };
  });
}

export function useTemplateSteps(template) {
  // pages are small; a fresh copy per template is cheap and keeps the answer untouched
  return template ? templateSteps(template) : [];
}
