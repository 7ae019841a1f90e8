/** Small DOM and formatting helpers shared by the page's modules. */

export function byId(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`Plume: element #${id} is missing from index.html.`);
  return found;
}

/** Creates an element: properties are DOM properties (never HTML), children are nodes or plain text. */
export function element(tagName, properties = {}, children = []) {
  const created = document.createElement(tagName);
  for (const [name, value] of Object.entries(properties)) {
    if (name === 'ariaHidden') created.setAttribute('aria-hidden', value);
    else created[name] = value;
  }
  created.append(...children);
  return created;
}

export function formatNumber(value) {
  return new Intl.NumberFormat('fr-FR').format(value);
}

export function formatBytes(bytes) {
  if (bytes < 1024) return `${formatNumber(bytes)} octets`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} Ko`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} Mo`;
}

export function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function preferredScrollBehavior() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
