// Always-on render telemetry, read by the dashboard load benchmark and handy from devtools: how long each overview
// frame took from reaching the page to being in the DOM. Bounded whatever the session length: rings of the latest
// samples and a few counters.
const capacity = 4096;
const received = [];

export const telemetry = {
  capacity,
  framesReceived: 0,
  framesRendered: 0,
  territoriesReceived: 0,
  // frameMs[i % capacity] is the i-th frame's time from arrival to DOM, frameTerritories[i % capacity] its size,
  // frameAt[i % capacity] when it arrived (performance.now()), to line a slow frame up with what else happened then.
  frameMs: new Float32Array(capacity),
  frameAt: new Float64Array(capacity),
  frameTerritories: new Uint32Array(capacity),
  renders: 0,
  // renderMs[i % capacity] is the i-th render's own work; one render can carry several frames.
  renderMs: new Float32Array(capacity),
  // Frames left undrawn because the page shows a past day (live figures must not overwrite it).
  framesWhilePast: 0,
  longTasks: 0,
  longTaskMs: 0,
};

export function frameReceived(territoryCount) {
  telemetry.framesReceived++;
  telemetry.territoriesReceived += territoryCount;
  // A frame that never gets rendered must not make this grow: the oldest arrival is dropped (and shows as unrendered).
  if (received.length === capacity) received.shift();
  received.push([performance.now(), territoryCount]);
}

export function rendered(startedAt) {
  const now = performance.now();
  for (const [at, territories] of received) {
    const slot = telemetry.framesRendered++ % capacity;
    telemetry.frameMs[slot] = now - at;
    telemetry.frameAt[slot] = at;
    telemetry.frameTerritories[slot] = territories;
  }
  received.length = 0;
  telemetry.renderMs[telemetry.renders++ % capacity] = now - startedAt;
}

// Main-thread tasks over 50 ms include work app code cannot time itself: parsing a frame's JSON, style and layout.
if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      telemetry.longTasks++;
      telemetry.longTaskMs += entry.duration;
    }
  }).observe({ type: 'longtask' });
}

window.territoryGridTelemetry = telemetry;
