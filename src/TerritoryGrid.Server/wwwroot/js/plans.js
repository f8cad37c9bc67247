// The plans panel, for planners and admins: the workspace's reassignment plans, and its plan stress tests with their
// comparison side by side; each alignment of a test opens as its own sandbox workspace. Viewers do not see it.
import { el, number } from './dom.js';

const $ = (id) => document.getElementById(id);
const ws = (workspace) => `/api/workspaces/${encodeURIComponent(workspace)}`;
const measures = [
  ['territoryWeeksUnderServed', 'Territory-weeks under-served', 0],
  ['territoryWeeksOverServed', 'Territory-weeks over-served', 0],
  ['meanWorkloadCv', 'Workload per rep: CV', 3],
  ['meanPotentialCv', 'Potential per rep: CV', 3],
  ['accountsMoved', 'Accounts moved', 0],
  ['accountValueMoved', 'Account value moved', 0],
  ['relationshipsBroken', 'Relationships broken', 0],
  ['travelHoursPerWeek', 'Travel hours per week', 0],
  ['revenueAtRisk', 'Revenue at risk', 0],
];

let timer = null;

async function read(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

function planRow(plan) {
  return el('tr', { 'data-id': plan.id },
    el('td', { text: plan.id }), el('td', { text: plan.name }), el('td', { class: 'plan-status', text: plan.status }),
    el('td', { text: plan.author }), el('td', { text: plan.effectiveAt ? plan.effectiveAt.slice(0, 10) : '–' }),
    el('td', { text: plan.rollbackOf ? `rollback of ${plan.rollbackOf}` : '' }));
}

function comparison(test) {
  const figures = test.figures ?? [];
  const head = el('tr', {}, el('th', { text: 'Measure' }), ...figures.map((f) => el('th', { text: f.variant })));
  const rows = measures.map(([key, title, digits]) => {
    const values = figures.map((f) => f[key]);
    const best = Math.min(...values.filter((v) => Number.isFinite(v)));
    return el('tr', {}, el('td', { text: title }), ...values.map((v) =>
      el('td', { class: figures.length > 1 && v === best && values.some((x) => x !== best) ? 'best' : '', text: number(v, digits) })));
  });
  const links = el('p', {}, el('a', { href: `${ws(test.workspace)}/stress-tests/${encodeURIComponent(test.id)}/comparison.html`, text: 'comparison page', target: '_blank' }),
    el('a', { href: `${ws(test.workspace)}/stress-tests/${encodeURIComponent(test.id)}/comparison.csv`, text: 'CSV' }),
    ...(test.workspaces ?? []).map((name, i) => el('a', { href: `/?workspace=${encodeURIComponent(name)}`, text: i === 0 ? 'open today\'s alignment' : `open plan ${i}` })));
  return el('div', { class: 'stress-comparison' }, el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)), links);
}

function testItem(test) {
  const title = `${test.id} · ${test.scenario} · ${test.planIds.join(', ') || 'no plans'} · ${test.status}`;
  const item = el('li', { 'data-id': test.id }, el('div', { class: 'stress-title', text: title }));
  if (test.progress) item.append(el('div', { class: 'muted', text: test.progress }));
  if (test.error) item.append(el('div', { class: 'reason', text: test.error }));
  if (test.status === 'done') item.append(comparison(test));
  return item;
}

/** Shows the plans and stress tests of <workspace>, refreshing while a test runs; hidden for callers who may not plan. */
export async function showPlans(workspace) {
  clearTimeout(timer);
  const [plans, tests] = await Promise.all([read(`${ws(workspace)}/plans`), read(`${ws(workspace)}/stress-tests`)]);
  $('plans').hidden = plans === null;
  if (plans === null) return;
  $('plan-list').tBodies[0].replaceChildren(...plans.map(planRow));
  $('stress-tests').replaceChildren(...(tests ?? []).slice().reverse().map((t) => testItem({ ...t, workspace })));
  if ((tests ?? []).some((t) => t.status === 'queued' || t.status === 'running')) {
    timer = setTimeout(() => showPlans(workspace), 2000);
  }
}
