// A lazily loaded page's library stylesheet (bundled as its own assets/<name>.css), added once
// when the page's module is first imported.
export function addStylesheet(name) {
  const href = `/assets/${name}.css`;
  if (!document.querySelector(`link[href="${href}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }
}
