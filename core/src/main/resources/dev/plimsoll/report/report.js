(function () {
  var d = JSON.parse(document.getElementById('plimsoll-data').textContent);
  var drawn = 0;
  function marks(u) {
    var ctx = u.ctx, top = u.bbox.top, h = u.bbox.height;
    ctx.save();
    d.marks.forEach(function (m, idx) {
      var x0 = u.valToPos(m.from, 'x', true);
      ctx.fillStyle = m.color; ctx.strokeStyle = m.color;
      if (m.type === 'band') {
        var x1 = u.valToPos(m.to, 'x', true);
        ctx.fillRect(x0, top, Math.max(1, x1 - x0), h);
      } else {
        ctx.lineWidth = 2; ctx.beginPath(); ctx.moveTo(x0, top); ctx.lineTo(x0, top + h); ctx.stroke();
      }
      ctx.fillStyle = '#333'; ctx.font = (11 * devicePixelRatio) + 'px sans-serif';
      // staggered rows: marks that start close together keep readable labels
      ctx.fillText(m.label, x0 + 4, top + (14 + 13 * (idx % 3)) * devicePixelRatio);
    });
    ctx.restore();
  }
  function counted() {
    var done = false;
    return function () {
      if (!done) { done = true; drawn++; document.body.setAttribute('data-charts-drawn', String(drawn)); }
    };
  }
  function chart(id, series, data, axes, scales) {
    var el = document.getElementById(id);
    scales.x = { time: true };
    // the same plot width on every chart, so that their time axes line up: two right axes each
    while (axes.length < 4) {
      axes.push({ scale: 'y', side: 1, size: 60, values: function (u, v) { return v.map(function () { return ''; }); },
        grid: { show: false }, ticks: { show: false } });
    }
    var opts = { width: Math.min(1180, window.innerWidth - 40), height: 300, series: series, axes: axes,
      scales: scales, cursor: { sync: { key: 'plimsoll' } }, hooks: { draw: [marks, counted()] } };
    return new uPlot(opts, data, el);
  }
  var loadSeries = [{}, { label: 'VUs', stroke: '#36c', scale: 'y' },
    { label: 'requests/s', stroke: '#2a7', scale: 'y' }, { label: 'failed/s', stroke: '#c22', scale: 'y' }];
  var loadData = [d.x, d.vus, d.rps, d.errors];
  var loadAxes = [{}, { scale: 'y', label: 'VUs · requests/s' }];
  var loadScales = {};
  if (d.cpu) { loadSeries.push({ label: 'CPU % ' + d.cpuLabel, stroke: '#e08a00', scale: 'pct' });
    loadData.push(d.cpu); loadScales.pct = { range: [0, 100] };
    loadAxes.push({ scale: 'pct', side: 1, size: 60, label: 'CPU %', grid: { show: false } }); }
  if (d.nodes) { loadSeries.push({ label: d.nodesLabel, stroke: '#000', width: 2, scale: 'nodes',
    paths: uPlot.paths.stepped({ align: 1 }) }); loadData.push(d.nodes);
    loadScales.nodes = { range: function (u, min, max) { return [0, Math.max(1, Math.ceil(max) + 1)]; } };
    loadAxes.push({ scale: 'nodes', side: 1, size: 60, label: 'nodes', grid: { show: false },
      incrs: [1, 2, 5, 10] }); }
  chart('chart-load', loadSeries, loadData, loadAxes, loadScales);
  var latSeries = [{}, { label: 'client p95 (k6, ms)', stroke: '#36c', scale: 'y' }];
  var latData = [d.x, d.clientP95];
  if (d.lbP95) { latSeries.push({ label: 'ALB p95 ' + d.lbP95Label, stroke: '#e08a00', scale: 'y' });
    latData.push(d.lbP95); }
  if (d.backendP95) { latSeries.push({ label: 'backend p95 ' + d.backendP95Label, stroke: '#2a7', scale: 'y' });
    latData.push(d.backendP95); }
  chart('chart-latency', latSeries, latData, [{}, { scale: 'y', label: 'ms' }], {});
})();
