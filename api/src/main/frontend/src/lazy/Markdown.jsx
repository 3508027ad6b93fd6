// An entity's README or TechDocs index, rendered by react-markdown. Loaded by dynamic import()
// from an entity's page only. Raw HTML in the Markdown is dropped (skipHtml), never injected, and
// react-markdown's default URL transform drops javascript: and other unsafe link targets.
import ReactMarkdown from 'react-markdown';

/** `markdown` is the document's text, as the overview answers it. */
export default function Markdown({ markdown }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml>{markdown}</ReactMarkdown>
    </div>
  );
}
