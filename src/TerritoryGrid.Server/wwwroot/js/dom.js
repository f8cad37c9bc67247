// Every name and reason reaches the page through textContent: data is never parsed as HTML.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('data-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) node.append(child);
  return node;
}

export const svg = (tag, attributes = {}) => {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
};

// One formatter per precision: toLocaleString builds a new one on every call, thousands of times a frame.
const formats = new Map();
const format = (digits) => {
  if (!formats.has(digits)) formats.set(digits, new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return formats.get(digits);
};

export const number = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : format(digits).format(Number(value));

// Amounts in the workspace's currency (ISO 4217, from the API), whole units: the figures are sums of many orders.
const moneyFormats = new Map();
let currency = 'USD';
export const setCurrency = (code) => { currency = code || 'USD'; };
export const money = (value) => {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!moneyFormats.has(currency)) moneyFormats.set(currency, new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }));
  return moneyFormats.get(currency).format(Number(value));
};

export const ratio = (value) => (value === null || value === undefined ? '–' : number(value, 2));
export const percent = (value) => (value === null || value === undefined ? '–' : `${number(value * 100, 1)}%`);
export const statusLabel = { underServed: 'under-served', balanced: 'balanced', overServed: 'over-served' };
export const day = (iso) => (iso ? iso.slice(0, 10) : '–');
