// ui:field OwnerPicker: the teams the signed-in user may act for (every group for the platform team).
import { api } from '../api.js';
import { useLoad } from '../common.jsx';
import { ChoiceField } from './ChoiceField.jsx';

export function ownerRef(group) {
  return group.includes(':') ? group : `group:default/${group}`;
}

async function teams() {
  const [me, entities] = await Promise.all([api.me(), api.entities({ kind: 'group' }).catch(() => [])]);
  const catalogGroups = me.platform ? entities.map((e) => e.metadata?.name).filter(Boolean) : [];
  return [...new Set([...(me.groups || []), ...catalogGroups])].sort();
}

export function OwnerPicker(props) {
  const { data, error } = useLoad(teams, []);
  const groups = error ? [] : data;
  return (
    <ChoiceField
      field={props}
      choices={groups && groups.map(ownerRef)}
      loading="Loading your teams…"
      placeholder="Choose a team"
      label={(o) => o.replace(/^group:default\//, '')}
      aria-invalid={props.rawErrors?.length ? true : undefined}
    />
  );
}
