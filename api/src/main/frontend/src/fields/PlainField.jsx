// An unknown ui:field falls back to a plain text input, so a template from elsewhere still renders.
import { TextField } from './TextField.jsx';

export function PlainField(props) {
  return <TextField field={props} />;
}
