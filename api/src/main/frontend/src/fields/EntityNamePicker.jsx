// ui:field EntityNamePicker: a catalog entity's name; its validator (validators.js) runs on Next.
import { TextField } from './TextField.jsx';

export function EntityNamePicker(props) {
  return (
    <TextField
      field={props}
      autoFocus={props.autofocus}
      autoComplete="off"
      spellCheck={false}
      aria-invalid={props.rawErrors?.length ? true : undefined}
    />
  );
}
