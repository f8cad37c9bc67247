import { api } from './api.js';
import { el, number, money, ratio, percent, statusLabel, day, setCurrency } from './dom.js';
import { histogram, trendChart } from './charts.js';
import { drawMap } from './map.js';
import { ensureSession } from './session.js';
import { frameReceived, rendered, telemetry } from './telemetry.js';
import { territoryTable } from './table.js';
import { showPlans } from './plans.js';
import { watchRebuild } from './rebuild.js';

const state = {
  // territories: each as an overview frame carries it (the server's TerritoryOverview; the REST snapshot is read in
  // that view, view=overview).
  workspace: null, territories: new Map(), sort: { key: 'status', desc: false }, filter: '',
  map: null, mapAlignment: null, mapDirty: false, selected: null, selectedRep: null, renderQueued: false, loading: null,
  // A past event-time day (yyyy-mm-dd) shown instead of live figures; null when live.
  asOf: null,
};
const $ = (id) => document.getElementById(id);
const table = territoryTable($('territory-scroll'), document.querySelector('#territories tbody'), (id) => openTerritory(id));
const statusOrder = { underServed: 0, balanced: 1, overServed: 2 };
const sortKeys = {
  name: (t) => t.name, status: (t) => statusOrder[t.status], coverage: (t) => t.coverage ?? Infinity,
  adherence: (t) => t.adherence, revenue: (t) => t.revenue, netProfit: (t) => t.netProfit,
  conversion: (t) => t.conversionRate,
};

const connection = new signalR.HubConnectionBuilder()
  .withUrl('/hubs/territories')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => Math.min(10000, 500 * 2 ** context.previousRetryCount) })
  .build();

connection.on('overview', (frame) => {
  if (frame.workspace !== state.workspace) return;
  if (state.asOf) {
    // A past day stays as it was read; alerts are news of now and still arrive.
    telemetry.framesWhilePast++;
    for (const alert of frame.alerts) addAlert(alert);
    return;
  }
  frameReceived(frame.territories.length);
  // A snapshot being read may predate this frame: the frame is applied again on top of it when it arrives.
  state.loading?.push(frame);
  apply(frame);
  for (const alert of frame.alerts) addAlert(alert);
  scheduleRender();
});

function apply(frame) {
  const trendUnchanged = new Set(frame.trendUnchanged);
  for (const territory of frame.territories) {
    const previous = state.territories.get(territory.id);
    if (previous && trendUnchanged.has(territory.id)) territory.coverageTrend = previous.coverageTrend;
    if (!previous || previous.status !== territory.status) state.mapDirty = true;
    state.territories.set(territory.id, territory);
  }
}

connection.on('territory', (frame) => {
  if (frame.workspace !== state.workspace || frame.territory.id !== state.selected || state.asOf) return;
  renderDrillHeader(frame.territory);
  scheduleDrillRefresh();
});

// A territory frame carries the territory, not its reps or their accounts: while it keeps changing, the drill-down
// rereads them at most every two seconds (reps' own roll-ups land every second).
let drillRefresh = null;
function scheduleDrillRefresh() {
  if (drillRefresh) return;
  drillRefresh = setTimeout(async () => {
    drillRefresh = null;
    const id = state.selected;
    if (!id || state.asOf) return;
    const detail = await api.territory(state.workspace, id).catch(() => null);
    if (!detail || state.selected !== id || state.asOf) return;
    showTerritory(detail);
    if (!$('rep-accounts').hidden && detail.reps.some((r) => r.id === state.selectedRep)) await openRep(state.selectedRep).catch(() => {});
  }, 2000);
}

connection.onreconnecting(() => setConnection('reconnecting'));
connection.onclose(() => setConnection('disconnected'));
connection.onreconnected(async () => {
  // Frames sent while disconnected are lost: join the groups again and re-read everything shown.
  setConnection('connected');
  await subscribe();
  await loadWorkspace({ resync: true });
});

function setConnection(value) {
  const badge = $('connection');
  badge.dataset.state = value;
  badge.textContent = value;
}

async function subscribe() {
  await connection.invoke('SubscribeOverview', state.workspace);
  if (state.selected && !state.asOf) await connection.invoke('SubscribeTerritory', state.workspace, state.selected);
}

// resync: a reread after a reconnect, of the workspace shown before it.
async function loadWorkspace({ resync = false } = {}) {
  if (state.asOf) return loadPast(state.asOf);
  state.loading = [];
  // A reread after a reconnect keeps the map it has unless the alignment changed meanwhile: reading and preparing the
  // map of 100,000 accounts holds the page's main thread for a few hundred milliseconds, while frames keep arriving.
  const kept = state.map;
  const [list, map] = await Promise.all([api.territories(state.workspace), kept ?? api.map(state.workspace).catch(() => null)]);
  showRecovery(list.recovering);
  const alignment = `${list.generation}/${list.alignmentVersion}`;
  const current = kept && state.mapAlignment !== alignment ? await api.map(state.workspace).catch(() => null) : map;
  const arrived = state.loading;
  state.loading = null;
  const before = state.territories;
  state.territories = new Map(list.territories.map((t) => [t.id, t]));
  if (resync) alertChangesMissed(before, arrived);
  for (const frame of arrived) apply(frame);
  table.keepOnly(new Set(state.territories.keys()));
  state.map = current;
  state.mapAlignment = alignment;
  state.mapDirty = true;
  scheduleRender();
  await refreshBalance();
  if (state.selected) await openTerritory(state.selected);
}

// The figures at the end of a past day. Per-rep balance is not kept per day: only company coverage is shown.
async function loadPast(asOf) {
  let list = null, problem = null;
  [list, state.map] = await Promise.all([
    api.territories(state.workspace, asOf).catch((error) => { problem = error.message; return null; }),
    state.map ? Promise.resolve(state.map) : api.map(state.workspace).catch(() => null),
  ]);
  if (state.asOf !== asOf) return;
  state.territories = new Map((list?.territories ?? []).map((t) => [t.id, t]));
  table.keepOnly(new Set(state.territories.keys()));
  const missing = list?.notRecorded?.length ? ` No figures recorded for that day: ${list.notRecorded.join(', ')}.` : '';
  $('as-of-banner').textContent = `Showing the end of ${asOf} (event time, UTC), a past day: live updates are paused.${problem ? ` ${problem}` : missing}`;
  const all = [...state.territories.values()];
  const demand = all.reduce((sum, t) => sum + t.demandHours, 0);
  $('company-coverage').textContent = demand > 0 ? ratio(all.reduce((sum, t) => sum + t.capacityHours, 0) / demand) : '–';
  for (const id of ['workload-cv', 'potential-cv']) $(id).textContent = '–';
  for (const id of ['workload-histogram', 'potential-histogram']) $(id).replaceChildren();
  state.mapDirty = true;
  scheduleRender();
  if (state.selected) await openTerritory(state.selected);
}

async function setAsOf(value) {
  state.asOf = value || null;
  document.body.classList.toggle('past', Boolean(state.asOf));
  $('as-of').value = state.asOf ?? '';
  $('as-of-live').hidden = !state.asOf;
  $('as-of-banner').hidden = !state.asOf;
  // The notice is about live figures (a past day shows its snapshot); going back to live reads it again.
  if (state.asOf) $('recovery-banner').hidden = true;
  const url = new URL(location.href);
  if (state.asOf) url.searchParams.set('asOf', state.asOf); else url.searchParams.delete('asOf');
  history.replaceState(null, '', url);
  if (state.workspace) await loadWorkspace();
}

async function refreshBalance() {
  if (!state.workspace || state.asOf) return;
  const balance = await api.balance(state.workspace).catch(() => null);
  if (!balance) return;
  $('company-coverage').textContent = ratio(balance.coverage);
  $('workload-cv').textContent = ratio(balance.workloadPerRep.coefficientOfVariation);
  $('potential-cv').textContent = ratio(balance.potentialPerRep.coefficientOfVariation);
  histogram($('workload-histogram'), balance.workloadValues);
  histogram($('potential-histogram'), balance.potentialValues);
}

// Each frame is drawn as soon as the page is free (the server already sends at most ten a second), and frames that
// arrive together are drawn once. A timer, not requestAnimationFrame, so a tab in the background still holds current
// numbers when it comes back.
function scheduleRender() {
  if (state.renderQueued) return;
  state.renderQueued = true;
  setTimeout(() => {
    state.renderQueued = false;
    render();
  }, 0);
}

function render() {
  const started = performance.now();
  const all = [...state.territories.values()];
  for (const status of Object.keys(statusOrder)) $(`count-${status}`).textContent = all.filter((t) => t.status === status).length;
  let watermark = '';
  for (const t of all) if (t.watermark > watermark) watermark = t.watermark;
  $('watermark').textContent = state.asOf
    ? `end of ${state.asOf} (event time)`
    : watermark ? `event time ${watermark.replace('T', ' ').slice(0, 16)}` : '';
  const key = sortKeys[state.sort.key];
  table.show(all
    .filter((t) => !state.filter || t.status === state.filter)
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1) * (state.sort.desc ? -1 : 1)));
  // 100,000 account dots are redrawn only when a colour can have changed.
  if (state.mapDirty) {
    state.mapDirty = false;
    drawMap($('map'), state.map, new Map(all.map((t) => [t.id, t.status])));
  }
  rendered(started);
}

// The alerts of frames sent while the page was disconnected are lost with them: a territory whose status differs from
// what the page showed before gets its alert from the reread figures, unless a frame since the reconnect brought it.
function alertChangesMissed(before, arrived) {
  const alerted = new Set(arrived.flatMap((frame) => frame.alerts.map((alert) => alert.territoryId)));
  for (const territory of state.territories.values()) {
    const shown = before.get(territory.id);
    if (!shown || shown.status === territory.status || alerted.has(territory.id)) continue;
    addAlert({ territoryId: territory.id, from: shown.status, to: territory.status, at: territory.statusSince, reason: territory.statusReason });
  }
}

function addAlert(change) {
  const list = $('alerts');
  // A change told by a frame and by a reread (one sent as the page came back) is shown once.
  const key = `${change.territoryId}|${change.from}|${change.to}|${day(change.at)}`;
  if ([...list.children].some((item) => item.dataset.key === key)) return;
  const territory = state.territories.get(change.territoryId);
  const item = el('li', { class: change.to, 'data-key': key },
    el('b', { text: territory ? territory.name : change.territoryId }),
    el('span', { text: ` ${statusLabel[change.from]} → ${statusLabel[change.to]} on ${day(change.at)}` }),
    el('div', { class: 'reason', text: change.reason }));
  list.prepend(item);
  while (list.children.length > 100) list.lastChild.remove();
}

function renderDrillHeader(territory) {
  $('drill-title').textContent = `${territory.name} — ${statusLabel[territory.status]}`;
  $('drill-reason').textContent = `${territory.statusReason} · coverage ${ratio(territory.coverage)} · adherence ${ratio(territory.adherence)} · ${number(territory.demandHours)} demand h/week for ${number(territory.capacityHours)} capacity h/week · revenue at risk ${money(territory.revenueAtRisk)}`;
  trendChart($('trend-chart'), territory.trend);
}

// The fiscal quarter against quota and the year against the last: only REST reads carry it (live frames do not).
function fiscalLine(fiscal) {
  if (!fiscal) return '';
  const quota = fiscal.quota === null ? 'no quota' : `${percent(fiscal.attainment)} of quota (${money(fiscal.wonValue)} won of ${money(fiscal.quota)})`;
  const growth = fiscal.yearOverYearGrowth === null ? 'no year-over-year comparison yet'
    : `${percent(fiscal.yearOverYearGrowth)} year over year (${fiscal.comparedMonths} completed months)`;
  return `${fiscal.period}: ${quota} · pipeline coverage ${ratio(fiscal.pipelineCoverage)} · ${fiscal.fiscalYear} revenue to date ${money(fiscal.revenueYearToDate)}, ${growth}`;
}

async function openTerritory(id) {
  if (state.selected && state.selected !== id) await connection.invoke('UnsubscribeTerritory', state.workspace, state.selected);
  state.selected = id;
  const asOf = state.asOf;
  if (!asOf) await connection.invoke('SubscribeTerritory', state.workspace, id);
  const detail = await api.territory(state.workspace, id, asOf).catch((error) => {
    $('drill-title').textContent = id;
    $('drill-reason').textContent = error.message;
    return null;
  });
  $('drilldown').hidden = false;
  $('drill-past').hidden = !asOf;
  if (asOf) $('drill-past').textContent = `At the end of ${asOf}. Reps are not kept per day: go back to live to see them.`;
  if (!detail) {
    $('reps').tBodies[0].replaceChildren();
    return;
  }

  showTerritory(detail);
}

function showTerritory(detail) {
  renderDrillHeader(detail.territory);
  $('drill-fiscal').textContent = fiscalLine(detail.territory.fiscal);
  const rows = detail.reps.map((r) => el('tr', { 'data-id': r.id, onclick: () => openRep(r.id) },
    el('td', { text: r.name }), el('td', { text: r.role }), el('td', { text: r.accountsOwned }),
    el('td', { text: `${number(r.workloadHours, 1)} h` }), el('td', { text: percent(r.utilisation) }),
    el('td', { text: ratio(r.adherence) }), el('td', { text: percent(r.funnel.opportunityToWinRate) }),
    el('td', { text: percent(r.quotaAttainment), title: fiscalLine(r.fiscal) })));
  $('reps').tBodies[0].replaceChildren(...rows);
  if (state.selectedRep && !detail.reps.some((r) => r.id === state.selectedRep)) $('rep-accounts').hidden = true;
}

// An orphaned account (its owner left, nobody took it over) is under-served by definition: say so on its row.
const orphanedBadge = (account) => (account.orphanedSince
  ? [' ', el('span', { class: 'badge orphaned', text: 'orphaned', title: `owner left ${day(account.orphanedSince)}, not reassigned` })]
  : []);

async function openRep(id) {
  state.selectedRep = id;
  const detail = await api.rep(state.workspace, id);
  $('rep-title').textContent = `${detail.rep.name}'s accounts`;
  const rows = detail.accounts.map((a) => el('tr', { 'data-id': a.id },
    el('td', { text: a.name }, ...orphanedBadge(a)), el('td', { text: a.segment.toUpperCase() }),
    el('td', { text: `${a.touchesDelivered} / ${number(a.touchesRequired, 1)}` }), el('td', { text: day(a.lastContactAt) }),
    el('td', { text: money(a.annualNetProfit) }), el('td', { text: money(a.totals.revenue) })));
  $('accounts').tBodies[0].replaceChildren(...rows);
  $('rep-accounts').hidden = false;
}

// A plan applied live (or a CRM export synced) moves accounts between territories: the page rereads the territories
// and the map when the workspace's alignment is no longer the one it shows.
async function refreshAlignment() {
  const name = state.workspace;
  if (!name || state.asOf || state.loading) return;
  const detail = await api.alignment(name).catch(() => null);
  if (!detail || name !== state.workspace || state.asOf) return;
  // A reconnect's reread may already have read the new alignment's map: the line under it still follows.
  const recovered = showRecovery(detail.recovering);
  if (recovered || `${detail.generation}/${detail.alignmentVersion}` !== state.mapAlignment) await loadWorkspace();
  showAlignment(detail);
}

// After a restart on a durable store, accounts report the activity logged before it again; until all have, live
// figures may leave some of it out. Returns whether a recovery shown until now is over (the figures are worth rereading).
function showRecovery(recovering) {
  const banner = $('recovery-banner');
  const wasShown = !banner.hidden;
  banner.hidden = !recovering;
  return wasShown && !recovering;
}

function showAlignment(detail) {
  const by = detail.alignedBy?.startsWith('sync-') ? 'a synced CRM export' : `plan ${detail.alignedBy}`;
  $('map-alignment').textContent = detail.alignmentVersion
    ? `Accounts as aligned by ${by} (alignment ${detail.alignmentVersion}).`
    : detail.generation ? 'Accounts as loaded.' : '';
}

async function switchWorkspace(name) {
  if (state.workspace) await connection.invoke('UnsubscribeOverview', state.workspace).catch(() => {});
  state.workspace = name;
  state.selected = null;
  state.map = null;
  $('drilldown').hidden = true;
  $('alerts').replaceChildren();
  const info = (await api.workspaces()).find((w) => w.name === name);
  const detail = await api.workspace(name).catch(() => ({}));
  setCurrency(detail.currency);
  $('workspace-kind').textContent = info ? `${info.kind} · ${info.companyName ?? ''}` : '';
  await subscribe();
  await loadWorkspace();
  showAlignment(detail);
  await showPlans(name);
  watchRebuild(name);
}

async function start() {
  for (const th of document.querySelectorAll('th[data-sort]')) {
    th.addEventListener('click', () => {
      state.sort = { key: th.dataset.sort, desc: state.sort.key === th.dataset.sort ? !state.sort.desc : false };
      scheduleRender();
    });
  }
  $('status-filter').addEventListener('change', (e) => { state.filter = e.target.value; scheduleRender(); });
  $('drill-close').addEventListener('click', () => { $('drilldown').hidden = true; state.selected = null; });
  $('workspace').addEventListener('change', (e) => switchWorkspace(e.target.value));
  $('as-of').addEventListener('change', (e) => setAsOf(e.target.value));
  $('as-of-live').addEventListener('click', () => setAsOf(null));
  await ensureSession();
  await connection.start();
  setConnection('connected');
  const workspaces = await api.workspaces();
  const names = workspaces.map((w) => w.name);
  const query = new URLSearchParams(location.search);
  const initial = query.get('workspace') ?? (names.includes('live') ? 'live' : names[0]);
  await setAsOf(query.get('asOf'));
  $('workspace').replaceChildren(...names.map((n) => el('option', { value: n, text: n, selected: n === initial })));
  if (initial) await switchWorkspace(initial);
  setInterval(() => {
    refreshBalance();
    refreshAlignment();
  }, 5000);
}

start().catch((error) => {
  setConnection('disconnected');
  document.querySelector('main').prepend(el('p', { class: 'reason', text: `Could not start the dashboard: ${error.message}` }));
});
