(function () {
  // Plimsoll's trend page: one chart per figure over runs, change points and regressions marked.
  var d = JSON.parse(document.getElementById('plimsoll-trends').textContent);
  var drawn = 0;
  function done() {
    drawn++;
    document.body.setAttribute('data-charts-drawn', String(drawn));
  }
  function changeMarks(fig) {
    return function (u) {
      var ctx = u.ctx, top = u.bbox.top, h = u.bbox.height;
      ctx.save();
      fig.changes.forEach(function (c, idx) {
        var x = u.valToPos(c.t, 'x', true);
        ctx.strokeStyle = c.direction === 'regression' ? '#c0392b' : c.direction === 'improvement' ? '#27ae60' : '#7f8c8d';
        ctx.lineWidth = 2 * devicePixelRatio;
        ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
        ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + h); ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = '#333'; ctx.font = (11 * devicePixelRatio) + 'px sans-serif';
        ctx.fillText(c.label, x + 4 * devicePixelRatio, top + (14 + 13 * (idx % 3)) * devicePixelRatio);
      });
      ctx.restore();
    };
  }
  d.figures.forEach(function (fig) {
    var el = document.getElementById('chart-' + fig.id);
    if (!el) { return; }
    var width = Math.max(480, Math.min(1100, (el.clientWidth || document.body.clientWidth || 960) - 10));
    var regressions = fig.values.map(function (v, i) { return fig.regression[i] ? v : null; });
    var failed = fig.values.map(function (v, i) { return fig.verdicts[i] === 'fail' ? v : null; });
    var opts = {
      width: width,
      height: 260,
      scales: { x: { time: true } },
      series: [
        {},
        { label: fig.id + ' (' + fig.unit + ')', stroke: '#2c3e50', width: 2, points: { show: true, size: 6 } },
        { label: 'regression against its baseline', stroke: '#c0392b', width: 0,
          points: { show: true, size: 11, fill: '#c0392b' }, paths: function () { return null; } },
        { label: 'verdict fail', stroke: '#e67e22', width: 0,
          points: { show: true, size: 8, fill: '#ffffff' }, paths: function () { return null; } }
      ],
      axes: [{}, { label: fig.unit, size: 70 }],
      hooks: { draw: [changeMarks(fig), done] }
    };
    var drawnOnce = false;
    opts.hooks.draw = [changeMarks(fig), function () { if (!drawnOnce) { drawnOnce = true; done(); } }];
    new uPlot(opts, [fig.t, fig.values, regressions, failed], el);
  });
})();
