// One rjsf Form per `parameters` page, then Review; Back, Next, Review and Create as in Backstage.
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { useMemo, useState } from 'react';
import { fieldsFor } from '../fields/index.js';
import { validateFields } from '../fields/validators.js';
import { ErrorMessage } from '../common.jsx';
import { Review } from './Review.jsx';

/** Server field errors ({field, message}) as rjsf extraErrors per step; the first step with one. */
export function serverErrors(steps, problem) {
  const perStep = steps.map(() => ({}));
  let first = -1;
  for (const { field, message } of problem?.errors ?? []) {
    const name = String(field || '').replace(/^[$./]+/, '').split(/[./[]/)[0];
    const index = steps.findIndex((s) => s.schema.properties && name in s.schema.properties);
    if (index < 0) continue;
    const entry = (perStep[index][name] ??= { __errors: [] });
    entry.__errors.push(message);
    if (first < 0 || index < first) first = index;
  }
  return { perStep, first };
}

/**
 * The form of `steps`; `onCreate` gets every value. A retry passes the run's values as
 * `initialData` and names its own submit button.
 */
export function Stepper({ steps, onCreate, onPreview, initialData, submitLabel = 'Create' }) {
  const [active, setActive] = useState(0);
  const [formData, setFormData] = useState(() => ({ ...(initialData || {}) }));
  const [extraErrors, setExtraErrors] = useState(() => steps.map(() => undefined));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const fields = useMemo(() => fieldsFor(steps), [steps]);
  const reviewing = active === steps.length;

  const submit = async (action) => {
    setBusy(true);
    setError(null);
    try {
      await action(formData);
    } catch (e) {
      const { perStep, first } = serverErrors(steps, e.problem);
      if (e.status === 400 && first >= 0) {
        setExtraErrors(perStep);
        setActive(first);
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stepper">
      <ol className="steps" aria-label="Steps">
        {[...steps.map((s) => s.title), 'Review'].map((title, i) => (
          <li key={i} aria-current={i === active ? 'step' : undefined} className={i < active ? 'done' : ''}>
            {title}
          </li>
        ))}
      </ol>
      {reviewing ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">Review</h2>
          <Review steps={steps} formData={formData} />
          <ErrorMessage error={error} />
          <div className="buttons">
            <button type="button" onClick={() => setActive(active - 1)} disabled={busy}>
              Back
            </button>
            {onPreview && (
              <button type="button" onClick={() => submit(onPreview)} disabled={busy}>
                Preview
              </button>
            )}
            <button type="button" className="primary" onClick={() => submit(onCreate)} disabled={busy}>
              {submitLabel}
            </button>
          </div>
        </section>
      ) : (
        <section aria-labelledby="page-title">
          <h2 id="page-title">{steps[active].title}</h2>
          {steps[active].description && <p>{steps[active].description}</p>}
          <Form
            key={active}
            schema={steps[active].schema}
            uiSchema={steps[active].uiSchema}
            formData={formData}
            fields={fields}
            validator={validator}
            customValidate={validateFields}
            extraErrors={extraErrors[active]}
            showErrorList={false}
            noHtml5Validate
            onChange={(e) => setFormData(e.formData)}
            onSubmit={(e) => {
              setFormData(e.formData);
              setExtraErrors((all) => all.map((x, i) => (i === active ? undefined : x)));
              setActive(active + 1);
            }}
          >
            <div className="buttons">
              <button type="button" onClick={() => setActive(active - 1)} disabled={active === 0}>
                Back
              </button>
              <button type="submit" className="primary">
                {active === steps.length - 1 ? 'Review' : 'Next'}
              </button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
