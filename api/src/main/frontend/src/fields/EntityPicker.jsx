// ui:field EntityPicker: an entity of Paved's catalog, as an entity ref; ui:options.catalogFilter.kind narrows it.
import { api } from '../api.js';
import { useLoad } from '../common.jsx';
import { ChoiceField } from './ChoiceField.jsx';

export const entityRef = (e) =>
  `${String(e.kind).toLowerCase()}:${e.metadata?.namespace || 'default'}/${e.metadata?.name}`;

export function EntityPicker(props) {
  const options = props.uiSchema?.['ui:options'] || {};
  const kind = options.catalogFilter?.kind || (options.allowedKinds || [])[0];
  const { data, error } = useLoad(() => api.entities(kind ? { kind: String(kind).toLowerCase() } : {}), [kind]);
  const entities = error ? [] : data;
  return (
    <ChoiceField
      field={props}
      choices={entities && entities.map(entityRef)}
      loading="Loading the catalog…"
      placeholder="Choose an entity"
    />
  );
}
