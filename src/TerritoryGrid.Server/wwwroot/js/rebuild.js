// The notice that a workspace's metrics are being rebuilt from its stored activity: figures on screen are being
// recomputed and move as the replay goes on. Polled (a rebuild is rare and long): every 2 s while one runs, else 10 s.
import { percent } from './dom.js';

let workspace = null;
let timer = null;

async function poll() {
  clearTimeout(timer);
  const shown = workspace;
  let rebuild = null;
  try {
    const response = await fetch(`/api/workspaces/${encodeURIComponent(shown)}/rebuild`, { headers: { accept: 'application/json' } });
    rebuild = response.ok ? await response.json() : null;
  } catch {
    rebuild = null;
  }
  if (shown !== workspace) return;
  const banner = document.getElementById('rebuild-banner');
  const running = rebuild?.status === 'running';
  banner.hidden = !running;
  if (running) {
    banner.textContent = `Rebuilding metrics from the stored activity (${rebuild.phase}): ${percent(rebuild.progress)} of ` +
      `${rebuild.recordsTotal.toLocaleString()} log records replayed, started by ${rebuild.startedBy}. Figures and status history are being recomputed.`;
  }
  timer = setTimeout(poll, running ? 2000 : 10000);
}

export function watchRebuild(name) {
  workspace = name;
  if (name) poll();
}
