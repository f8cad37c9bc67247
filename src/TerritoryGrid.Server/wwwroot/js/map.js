// The map is drawn on a canvas from the accounts' coordinates (equirectangular projection fitted to the data):
// no tile server, no shapes from the network.
const colours = { underServed: '#c0392b', balanced: '#2e7d32', overServed: '#b7791f' };
const unknown = '#888';
const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const dotColours = Object.fromEntries([...Object.entries(colours), ['unknown', unknown]].map(([k, v]) => [k, rgb(v)]));
// Each account is a 2×2 dot blended over what is below it (source-over) at this opacity, so dense places darken.
const dotAlpha = 0.35;

// Where each account and territory falls on the canvas and what each territory's dots weigh in each pixel, computed
// once per map and canvas size (when the map arrives): a redraw after a status change then only sums colours.
const projections = new WeakMap();

function prepareMap(canvas, map) {
  if (!map || !map.accounts.length) return null;
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
  const projection = {
    width: canvas.width, height: canvas.height,
    centres: map.territories.map((t) => [px(t.longitude), py(t.latitude)]),
    ...blendWeights(canvas.width, canvas.height, dotsByTerritory(map, px, py)),
  };
  projections.set(map, projection);
  return projection;
}

// Each account's dot's top-left pixel, grouped by territory in drawing order: territory t's dots are
// x[first[t]..first[t + 1]), and y likewise.
function dotsByTerritory(map, px, py) {
  const territories = map.territories.length;
  const first = new Uint32Array(territories + 1);
  for (const account of map.accounts) if (account[2] < territories) first[account[2] + 1]++;
  for (let t = 0; t < territories; t++) first[t + 1] += first[t];
  const x = new Int32Array(first[territories]), y = new Int32Array(first[territories]), next = first.slice(0, territories);
  for (const [lat, lon, territory] of map.accounts) {
    if (territory >= territories) continue;
    const at = next[territory]++;
    x[at] = Math.round(px(lon));
    y[at] = Math.round(py(lat));
  }
  return { first, x, y };
}

// Source-over with one opacity makes a pixel's colour a weighted sum of the colours of the dots on it, the weights set
// by how many dots lie on it and in what order, never by the colours: with n dots, the k-th from the top weighs
// a·(1−a)^k / (1−(1−a)^n), and the pixel's opacity is 1−(1−a)^n. A territory's weight in a pixel is the sum over its
// dots there. Blending 100,000 dots pixel by pixel at every status change took 15–35 ms a redraw in Chromium on an idle
// machine, more beside a busy server; summing these weights takes 2–5 ms.
function blendWeights(width, height, { first, x, y }) {
  const pixelCount = width * height, territories = first.length - 1;
  const dotsOn = new Uint16Array(pixelCount);
  let visits = 0, most = 0;
  for (let dot = 0; dot < x.length; dot++) {
    for (let row = Math.max(0, y[dot]); row < Math.min(height, y[dot] + 2); row++) {
      for (let column = Math.max(0, x[dot]); column < Math.min(width, x[dot] + 2); column++) {
        const pixel = row * width + column;
        visits++;
        if (++dotsOn[pixel] > most) most = dotsOn[pixel];
      }
    }
  }
  const under = Float64Array.from({ length: most + 1 }, (_, k) => (1 - dotAlpha) ** k);
  const pixels = new Uint32Array(visits), weights = new Float32Array(visits), starts = new Uint32Array(territories + 1);
  const drawnOn = new Uint16Array(pixelCount), owner = new Int32Array(pixelCount).fill(-1), slot = new Uint32Array(pixelCount);
  let entries = 0;
  for (let territory = 0; territory < territories; territory++) {
    starts[territory] = entries;
    for (let dot = first[territory]; dot < first[territory + 1]; dot++) {
      for (let row = Math.max(0, y[dot]); row < Math.min(height, y[dot] + 2); row++) {
        for (let column = Math.max(0, x[dot]); column < Math.min(width, x[dot] + 2); column++) {
          const pixel = row * width + column, n = dotsOn[pixel], above = n - ++drawnOn[pixel];
          const weight = (dotAlpha * under[above]) / (1 - under[n]);
          if (owner[pixel] === territory) {
            weights[slot[pixel]] += weight;
            continue;
          }
          owner[pixel] = territory;
          slot[pixel] = entries;
          pixels[entries] = pixel;
          weights[entries++] = weight;
        }
      }
    }
  }
  starts[territories] = entries;
  const image = new ImageData(width, height);
  for (let pixel = 0; pixel < pixelCount; pixel++) image.data[pixel * 4 + 3] = dotsOn[pixel] ? (1 - under[dotsOn[pixel]]) * 255 : 0;
  return { pixels: pixels.slice(0, entries), weights: weights.slice(0, entries), starts, image, sums: new Float32Array(pixelCount * 3) };
}

function drawDots(context, map, projection, statusById) {
  const { pixels, weights, starts, image, sums } = projection;
  sums.fill(0);
  map.territories.forEach((t, territory) => {
    const [r, g, b] = dotColours[statusById.get(t.id)] || dotColours.unknown;
    for (let entry = starts[territory]; entry < starts[territory + 1]; entry++) {
      const at = pixels[entry] * 3, weight = weights[entry];
      sums[at] += r * weight;
      sums[at + 1] += g * weight;
      sums[at + 2] += b * weight;
    }
  });
  const data = image.data;
  for (let pixel = 0, at = 0; pixel < data.length; pixel += 4, at += 3) {
    data[pixel] = sums[at];
    data[pixel + 1] = sums[at + 1];
    data[pixel + 2] = sums[at + 2];
  }
  context.putImageData(image, 0, 0);
}

// One path per colour: a thousand territories are four fills and strokes, not a thousand of each.
function drawCentres(context, map, projection, statusById) {
  const paths = Object.fromEntries(Object.keys(dotColours).map((status) => [status, new Path2D()]));
  map.territories.forEach((t, i) => {
    const [x, y] = projection.centres[i];
    const path = paths[statusById.get(t.id)] ?? paths.unknown;
    path.moveTo(x + 5, y);
    path.arc(x, y, 5, 0, 2 * Math.PI);
  });
  context.strokeStyle = '#fff';
  for (const [status, path] of Object.entries(paths)) {
    context.fillStyle = colours[status] ?? unknown;
    context.fill(path);
    context.stroke(path);
  }
}

export function drawMap(canvas, map, statusById) {
  const context = canvas.getContext('2d');
  const projection = prepareMap(canvas, map);
  if (!projection) {
    context.clearRect(0, 0, canvas.width, canvas.height);
    return;
  }
  drawDots(context, map, projection, statusById);
  drawCentres(context, map, projection, statusById);
}
