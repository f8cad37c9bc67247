// The map is drawn on a canvas from the accounts' coordinates (equirectangular projection fitted to the data):
// no tile server, no shapes from the network.
const colours = { underServed: '#c0392b', balanced: '#2e7d32', overServed: '#b7791f' };

export function drawMap(canvas, map, statusById) {
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  if (!map || !map.accounts.length) return;
  const lats = map.accounts.map((a) => a[0]), lons = map.accounts.map((a) => a[1]);
  const minLat = Math.min(...lats), maxLat = Math.max(...lats), minLon = Math.min(...lons), maxLon = Math.max(...lons);
  const pad = 12, scale = Math.min((canvas.width - 2 * pad) / (maxLon - minLon || 1), (canvas.height - 2 * pad) / (maxLat - minLat || 1));
  const px = (lon) => pad + (lon - minLon) * scale, py = (lat) => canvas.height - pad - (lat - minLat) * scale;
  context.globalAlpha = 0.35;
  for (const [lat, lon, territory] of map.accounts) {
    context.fillStyle = colours[statusById.get(map.territories[territory].id)] || '#888';
    context.fillRect(px(lon), py(lat), 2, 2);
  }
  context.globalAlpha = 1;
  for (const t of map.territories) {
    context.beginPath();
    context.fillStyle = colours[statusById.get(t.id)] || '#888';
    context.arc(px(t.longitude), py(t.latitude), 5, 0, 2 * Math.PI);
    context.fill();
    context.strokeStyle = '#fff';
    context.stroke();
  }
}
