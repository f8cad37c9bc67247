import { el, money, ratio, percent, statusLabel } from './dom.js';
import { sparkline } from './charts.js';

// Rows drawn beyond the visible ones on each side, so a scroll shows drawn rows before the next paint.
const overscan = 8;

// The territories table shows, of the sorted and filtered list, only the rows in its scroll box: with 1,000
// territories in every frame, keeping all 12,000 cells in the document made every frame pay style and layout for rows
// nobody sees. A row keeps its nodes for the page's life and writes only what changed; rows out of view are written
// when they scroll in. Spacer rows stand for the rows above and below, so the scroll bar is the whole list's.
export function territoryTable(scrollBox, tbody, onOpen) {
  const rows = new Map();
  const table = tbody.closest('table');
  let order = [];
  let rowHeight = 0;
  let paintQueued = false;
  const above = el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colSpan: 8 }));
  const below = el('tr', { class: 'spacer', 'aria-hidden': 'true' }, el('td', { colSpan: 8 }));

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
    const text = [t.name, null, ratio(t.coverage), ratio(t.adherence), money(t.revenue), money(t.netProfit), percent(t.conversionRate)];
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
    if (row.trend !== t.coverageTrend) {
      row.trend = t.coverageTrend;
      row.cells[7].replaceChildren(sparkline(t.coverageTrend));
    }
  }

  function spacer(tr, count) {
    if (count === 0) return [];
    tr.style.height = `${count * rowHeight}px`;
    return [tr];
  }

  function paint() {
    // Rows are one line each, so one row's height (measured once it is in the document) places them all.
    if (!rowHeight && tbody.firstElementChild?.dataset.id) rowHeight = tbody.firstElementChild.getBoundingClientRect().height;
    const height = rowHeight || 32;
    const first = Math.max(0, Math.floor(scrollBox.scrollTop / height) - overscan);
    const last = Math.min(order.length, Math.ceil((scrollBox.scrollTop + scrollBox.clientHeight) / height) + overscan);
    const visible = order.slice(first, last).map((t) => {
      const row = rowFor(t);
      update(row, t);
      return row.tr;
    });
    const wanted = [...spacer(above, rowHeight ? first : 0), ...visible, ...spacer(below, rowHeight ? order.length - last : 0)];
    const current = tbody.children;
    if (current.length !== wanted.length || wanted.some((tr, i) => current[i] !== tr)) tbody.replaceChildren(...wanted);
    if (!rowHeight && visible.length > 0 && last < order.length) paint();
  }

  scrollBox.addEventListener('scroll', () => {
    if (paintQueued) return;
    paintQueued = true;
    requestAnimationFrame(() => {
      paintQueued = false;
      paint();
    });
  }, { passive: true });

  return {
    // Shows `territories` in this order: the rows in view are drawn, the others when they scroll in.
    show(territories) {
      order = territories;
      table.dataset.territories = String(territories.length);
      paint();
    },
    // Forgets rows of territories no longer in the workspace (a reload or another workspace).
    keepOnly(ids) {
      for (const id of rows.keys()) if (!ids.has(id)) rows.delete(id);
    },
  };
}
