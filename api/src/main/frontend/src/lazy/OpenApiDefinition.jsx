// An OpenAPI definition rendered by swagger-ui-react. Loaded by dynamic import() from an API's
// page only: the library is heavy (see bench/README.md), the first page does not carry it.
import SwaggerUI from 'swagger-ui-react';
import { addStylesheet } from './stylesheet.js';

addStylesheet('swagger-ui');

/** `definition` is the API entity's spec.definition: YAML or JSON text. */
export default function OpenApiDefinition({ definition }) {
  return (
    <section className="openapi" aria-label="OpenAPI definition">
      <SwaggerUI spec={definition} supportedSubmitMethods={[]} docExpansion="list" defaultModelsExpandDepth={0} />
    </section>
  );
}
