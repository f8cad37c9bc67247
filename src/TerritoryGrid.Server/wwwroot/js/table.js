import { el, money, ratio, percent, statusLabel } from './dom.js';
import { sparkline } from './charts.js';

// The territories table keeps one row per territory for the page's life and writes only what changed: with 1,000
// territories in every frame, rebuilding ~12,000 nodes ten times a second is what made frames late and the heap churn.
export function territoryTable(tbody, onOpen) {
  const rows = new Map();

  function rowFor(territory) {
    let row = rows.get(territory.id);
    if (!row) {
      const status = el('span', { class: 'status' });
      const cells = [el('td'), el('td', {}, status), el('td'), el('td'), el('td'), el('td'), el('td'), el('td')];
      const id = territory.id;
      row = { tr: el('tr', { 'data-id': id, onclick: () => onOpen(id) }, ...cells), cells, status, text: [], statusKey: null, trend: null };
      rows.set(id, row);
    }
    return row;
  }

  function update(row, t) {
    const text = [t.name, null, ratio(t.coverage), ratio(t.adherence), money(t.totals.revenue), money(t.netProfit), percent(t.funnel.conversionRate)];
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== null && row.text[i] !== text[i]) row.cells[i].textContent = row.text[i] = text[i];
    }
    const statusKey = `${t.status}|${t.statusReason}`;
    if (row.statusKey !== statusKey) {
      row.statusKey = statusKey;
      row.status.className = `status ${t.status}`;
      row.status.textContent = statusLabel[t.status];
      row.status.title = t.statusReason;
    }
    // A frame that leaves a trend unchanged hands over the same array, so identity says whether to redraw.
    if (row.trend !== t.trend) {
      row.trend = t.trend;
      row.cells[7].replaceChildren(sparkline(t.trend));
    }
  }

  return {
    // Shows `territories` in this order; rows move only when the order changed.
    show(territories) {
      const wanted = territories.map((t) => {
        const row = rowFor(t);
        update(row, t);
        return row.tr;
      });
      const current = tbody.children;
      if (current.length !== wanted.length || wanted.some((tr, i) => current[i] !== tr)) tbody.replaceChildren(...wanted);
    },
    // Forgets rows of territories no longer in the workspace (a reload or another workspace).
    keepOnly(ids) {
      for (const id of rows.keys()) if (!ids.has(id)) rows.delete(id);
    },
  };
}
