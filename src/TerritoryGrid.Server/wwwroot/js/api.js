// REST reads: the snapshot a view starts from, and re-reads after a reconnect so no stale number stays on screen.
async function get(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `${response.status} ${response.statusText}`);
  }
  return response.json();
}

const past = (asOf) => (asOf ? `?asOf=${encodeURIComponent(asOf)}` : '');

const ws = (workspace) => `/api/workspaces/${encodeURIComponent(workspace)}`;

export const api = {
  workspaces: () => get('/api/workspaces'),
  // The workspace's kind, company, currency and fiscal year start.
  workspace: (workspace) => get(ws(workspace)),
  // The company generation and alignment only (polled: the workspace's own answer lists every territory and rep).
  alignment: (workspace) => get(`${ws(workspace)}/alignment`),
  // Each territory as the overview shows it (the shape of the hub's overview frames); asOf (yyyy-mm-dd, optional):
  // the figures at the end of that event-time day instead of live ones.
  territories: (workspace, asOf) => get(`${ws(workspace)}/territories?view=overview${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`),
  territory: (workspace, id, asOf) => get(`${ws(workspace)}/territories/${encodeURIComponent(id)}${past(asOf)}`),
  rep: (workspace, id) => get(`${ws(workspace)}/reps/${encodeURIComponent(id)}`),
  balance: (workspace) => get(`${ws(workspace)}/balance`),
  map: (workspace) => get(`${ws(workspace)}/map`),
};
