// The map is drawn on a canvas from the accounts' coordinates (equirectangular projection fitted to the data):
// no tile server, no shapes from the network.
const colours = { underServed: '#c0392b', balanced: '#2e7d32', overServed: '#b7791f' };
const unknown = '#888';

// Where each account and territory falls on the canvas, computed once per map and canvas size: a redraw after a
// status change then only fills rectangles.
const projections = new WeakMap();

function project(canvas, map) {
  const cached = projections.get(map);
  if (cached && cached.width === canvas.width && cached.height === canvas.height) return cached;
  let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity;
  for (const [lat, lon] of map.accounts) {
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  }
  const pad = 12, scale = Math.min((canvas.width - 2 * pad) / (maxLon - minLon || 1), (canvas.height - 2 * pad) / (maxLat - minLat || 1));
  const px = (lon) => pad + (lon - minLon) * scale, py = (lat) => canvas.height - pad - (lat - minLat) * scale;
  const byTerritory = map.territories.map(() => []);
  for (const [lat, lon, territory] of map.accounts) byTerritory[territory]?.push(px(lon), py(lat));
  const projection = {
    width: canvas.width, height: canvas.height,
    accounts: byTerritory.map((points) => Float32Array.from(points)),
    centres: map.territories.map((t) => [px(t.longitude), py(t.latitude)]),
  };
  projections.set(map, projection);
  return projection;
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const dotColours = Object.fromEntries([...Object.entries(colours), ['unknown', unknown]].map(([k, v]) => [k, rgb(v)]));
const dotAlpha = 0.35;

// The dots are blended into a pixel buffer and put on the canvas at once: 100,000 fillRect calls took about 50 ms a
// redraw in Chromium, the buffer a few. Each dot is blended over what is there (source-over, as fillRect with
// globalAlpha would), so dense places still darken.
function drawDots(context, canvas, map, projection, statusById) {
  const image = context.createImageData(canvas.width, canvas.height);
  const data = image.data, width = canvas.width, height = canvas.height;
  map.territories.forEach((t, i) => {
    const [r, g, b] = dotColours[statusById.get(t.id)] || dotColours.unknown;
    const points = projection.accounts[i];
    for (let p = 0; p < points.length; p += 2) {
      const x0 = Math.round(points[p]), y0 = Math.round(points[p + 1]);
      for (let y = y0; y < y0 + 2; y++) {
        if (y < 0 || y >= height) continue;
        for (let x = x0; x < x0 + 2; x++) {
          if (x < 0 || x >= width) continue;
          const o = (y * width + x) * 4;
          const below = data[o + 3] / 255, out = dotAlpha + below * (1 - dotAlpha);
          const keep = (below * (1 - dotAlpha)) / out, add = dotAlpha / out;
          data[o] = r * add + data[o] * keep;
          data[o + 1] = g * add + data[o + 1] * keep;
          data[o + 2] = b * add + data[o + 2] * keep;
          data[o + 3] = out * 255;
        }
      }
    }
  });
  context.putImageData(image, 0, 0);
}

export function drawMap(canvas, map, statusById) {
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  if (!map || !map.accounts.length) return;
  const projection = project(canvas, map);
  drawDots(context, canvas, map, projection, statusById);
  context.strokeStyle = '#fff';
  map.territories.forEach((t, i) => {
    const [x, y] = projection.centres[i];
    context.beginPath();
    context.fillStyle = colours[statusById.get(t.id)] || unknown;
    context.arc(x, y, 5, 0, 2 * Math.PI);
    context.fill();
    context.stroke();
  });
}
