import { useState } from 'react';
import { api } from '../api.js';
import { ErrorMessage, Loading, useLoad } from '../common.jsx';
import { Stepper } from '../form/Stepper.jsx';
import { useTemplateSteps } from '../form/useTemplateSteps.js';
import { Link, navigate, useTitle } from '../router.jsx';
import { DryRun } from './DryRun.jsx';

export function CreatePage({ name }) {
  const { data: template, error } = useLoad(() => api.template(name), [name]);
  const steps = useTemplateSteps(template);
  const [preview, setPreview] = useState(null);
  useTitle(template ? `Create: ${template.title || template.name}` : 'Create');
  if (error) return <ErrorMessage error={error} />;
  if (!template) return <Loading what="the template" />;
  return (
    <>
      <p className="crumbs">
        <Link to="/">Create</Link> / {template.name}
      </p>
      <h1>{template.title || template.name}</h1>
      {template.description && <p>{template.description}</p>}
      <Stepper
        steps={steps}
        onPreview={async (values) => setPreview(await api.dryRun(name, values))}
        onCreate={async (values) => {
          const run = await api.createRun(name, values);
          navigate(`/runs/${run.id}`);
        }}
      />
      {preview && <DryRun report={preview} />}
    </>
  );
}
