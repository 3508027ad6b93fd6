import { EntityNamePicker } from './EntityNamePicker.jsx';
import { EntityPicker } from './EntityPicker.jsx';
import { EntityTagsPicker } from './EntityTagsPicker.jsx';
import { OwnerPicker } from './OwnerPicker.jsx';
import { PlainField } from './PlainField.jsx';
import { RepoUrlPicker } from './RepoUrlPicker.jsx';

const known = { OwnerPicker, EntityPicker, RepoUrlPicker, EntityNamePicker, EntityTagsPicker };

/** rjsf `fields` for every ui:field the steps name: ours, or a plain input. */
export function fieldsFor(steps) {
  const fields = { ...known };
  const walk = (ui) => {
    if (!ui || typeof ui !== 'object') return;
    const name = ui['ui:field'];
    if (typeof name === 'string' && !fields[name]) fields[name] = PlainField;
    Object.values(ui).forEach(walk);
  };
  steps.forEach((s) => walk(s.uiSchema));
  return fields;
}
