/*
 * Plimsoll report: draws the charts that the report's Java side described in #plimsoll-data, with uPlot. Every chart
 * shares one time axis: the same plot width, one cursor (uPlot's cursor.sync), and zooming one zooms all. Times are
 * shown in the report's zone (UTC unless chosen otherwise), never the browser's. Text from the data reaches the page
 * only through textContent.
 */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('plimsoll-data').textContent);
  var body = document.body;
  var grid = data.grid;
  var n = grid.n;
  var xs = new Array(n);
  for (var i = 0; i < n; i++) {
    xs[i] = grid.t0 + i * grid.step;
  }
  var offsets = data.zone.offsets;
  var zoneLabel = data.zone.label;
  var HEIGHTS = { load: 210, capacity: 210, latency: 270, errors: 190, requests: 210 };
  var LEFT = 66;
  var RIGHT = 58;
  // every chart gets as many right-hand axis slots as the chart that needs most: equal plot widths
  var slots = 1 + data.charts.reduce(function (m, c) {
    return Math.max(m, c.axes.length - 1);
  }, 0);
  var charts = [];
  var ids = [];
  var extents = [];
  var drawn = 0;
  var syncing = false;

  function offsetAt(ts) {
    var off = offsets.length ? offsets[0][1] : 0;
    for (var k = 1; k < offsets.length && ts >= offsets[k][0]; k++) {
      off = offsets[k][1];
    }
    return off;
  }

  // a Date whose UTC fields are the wall-clock time in the report's zone
  function wall(ts) {
    return new Date((ts + offsetAt(ts)) * 1000);
  }

  function pad(v) {
    return v < 10 ? '0' + v : String(v);
  }

  function clock(ts, seconds) {
    var d = wall(ts);
    return pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + (seconds ? ':' + pad(d.getUTCSeconds()) : '');
  }

  function day(ts) {
    var d = wall(ts);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
  }

  // uPlot places time ticks through local-time getters: hand it dates whose local fields are the zone's wall clock
  function tzDate(ts) {
    var d = wall(ts);
    return new Date(d.getTime() + d.getTimezoneOffset() * 60000);
  }

  function timeValues(u, splits, axisIdx, space, incr) {
    var previous = null;
    return splits.map(function (ts) {
      if (ts == null) {
        return null;
      }
      var label = clock(ts, incr < 60);
      var today = day(ts);
      if (previous !== today) {
        label += '\n' + today;
      }
      previous = today;
      return label;
    });
  }

  function rgba(hex, alpha) {
    var v = parseInt(hex.slice(1), 16);
    return 'rgba(' + (v >> 16 & 255) + ',' + (v >> 8 & 255) + ',' + (v & 255) + ',' + alpha + ')';
  }

  function fmt(v, unit) {
    if (v == null || isNaN(v)) {
      return '–';
    }
    var a = Math.abs(v);
    var s = a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 || a === 0 ? v.toFixed(2) : v.toPrecision(2);
    if (unit === 'nodes' || unit === 'pods' || unit === 'VUs') {
      s = String(Math.round(v * 100) / 100);
    }
    return s + (unit === '%' ? ' %' : ' ' + unit);
  }

  function peak(values) {
    var m = null;
    for (var k = 0; k < values.length; k++) {
      if (values[k] != null && (m == null || values[k] > m)) {
        m = values[k];
      }
    }
    return m;
  }

  function plotWidth() {
    var section = document.getElementById('charts');
    return Math.max(420, Math.floor((section ? section.clientWidth : window.innerWidth) - 2));
  }

  function onScale(u, key) {
    if (key !== 'x' || syncing) {
      return;
    }
    syncing = true;
    var min = u.scales.x.min;
    var max = u.scales.x.max;
    charts.forEach(function (o) {
      if (o !== u && (o.scales.x.min !== min || o.scales.x.max !== max)) {
        o.setScale('x', { min: min, max: max });
      }
    });
    syncing = false;
  }

  function zoom(from, to) {
    if (!charts.length) {
      return;
    }
    var span = Math.max(to - from, grid.step * 10);
    var padding = Math.max(span * 0.1, grid.step * 5);
    var min = Math.max(xs[0], from - padding);
    var max = Math.min(xs[n - 1], to + padding);
    if (max <= min) {
      min = xs[0];
      max = xs[n - 1];
    }
    charts[0].setScale('x', { min: min, max: max });
  }

  function reset() {
    if (charts.length) {
      charts[0].setScale('x', { min: xs[0], max: xs[n - 1] });
    }
  }

  function drawMarks(u, under) {
    var ctx = u.ctx;
    var b = u.bbox;
    var px = uPlot.pxRatio || 1;
    ctx.save();
    ctx.beginPath();
    ctx.rect(b.left, b.top, b.width, b.height);
    ctx.clip();
    var labels = [];
    data.marks.forEach(function (m) {
      var x0 = u.valToPos(m.from, 'x', true);
      var x1 = u.valToPos(m.to, 'x', true);
      if (under) {
        if (m.type === 'band') {
          ctx.fillStyle = m.color;
          ctx.fillRect(x0, b.top, Math.max(px, x1 - x0), b.height);
        }
        return;
      }
      if (m.type === 'line') {
        ctx.strokeStyle = m.color;
        ctx.lineWidth = 2 * px;
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.moveTo(x0, b.top);
        ctx.lineTo(x0, b.top + b.height);
        ctx.stroke();
      } else if (m.type === 'lane') {
        ctx.fillStyle = m.color;
        ctx.fillRect(x0, b.top, Math.max(2 * px, x1 - x0), 4 * px);
      }
      labels.push({ x: x0, text: m.finding + ' · ' + m.label });
    });
    if (!under) {
      // labels in rows, each placed in the first row where it does not overlap the one before it
      ctx.font = (11 * px) + 'px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      labels.sort(function (p, q) {
        return p.x - q.x;
      });
      var rows = [];
      labels.forEach(function (l) {
        var w = ctx.measureText(l.text).width;
        var x = Math.min(l.x + 4 * px, b.left + b.width - w - 2 * px);
        var row = 0;
        while (row < rows.length && rows[row] > x - 6 * px) {
          row++;
        }
        if (row >= 4) {
          row = rows.indexOf(Math.min.apply(null, rows));
        }
        rows[row] = x + w;
        var y = b.top + (8 + 14 * row) * px;
        ctx.fillStyle = 'rgba(255,255,255,0.85)';
        ctx.fillRect(x - 2 * px, y - 1 * px, w + 4 * px, 13 * px);
        ctx.fillStyle = '#1a1a1a';
        ctx.fillText(l.text, x, y);
      });
    }
    ctx.restore();
  }

  function legend(el, u, spec, entries) {
    var time = document.createElement('span');
    time.className = 'time';
    el.appendChild(time);
    entries.forEach(function (e) {
      var button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('aria-pressed', 'true');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.borderTopColor = e.series.color;
      swatch.style.borderTopStyle = e.series.dash.length ? (e.series.dash[0] <= 2 ? 'dotted' : 'dashed') : 'solid';
      swatch.style.borderTopWidth = Math.max(2, Math.round(e.series.width)) + 'px';
      var label = document.createElement('span');
      label.className = 'label';
      label.textContent = e.series.label;
      var value = document.createElement('span');
      value.className = 'value';
      button.appendChild(swatch);
      button.appendChild(label);
      button.appendChild(value);
      button.title = 'Show or hide this series';
      button.addEventListener('click', function () {
        var show = button.getAttribute('aria-pressed') !== 'true';
        button.setAttribute('aria-pressed', String(show));
        e.indexes.forEach(function (idx) {
          u.setSeries(idx, { show: show });
        });
      });
      e.value = value;
      el.appendChild(button);
    });
    function update() {
      var idx = u.cursor.idx;
      time.textContent = idx == null ? 'peak' : clock(xs[idx], true) + ' ' + zoneLabel;
      entries.forEach(function (e) {
        var v = idx == null ? e.peak : e.series.v[idx];
        e.value.textContent = fmt(v, e.series.unit);
      });
    }
    update();
    return update;
  }

  function build(spec) {
    var figure = document.getElementById('chart-' + spec.id);
    var plot = figure.querySelector('.plot');
    var legendEl = figure.querySelector('.legend');
    var series = [{}];
    var values = [xs];
    var bands = [];
    var entries = [];
    var indexOf = {};
    var scales = { x: { time: true } };
    spec.axes.forEach(function (a) {
      scales[a.scale] = {
        range: function (u, min, max) {
          if (min == null || max == null) {
            return [0, 1];
          }
          var lo = a.fromZero ? Math.min(0, min) : min;
          var hi = max > lo ? max + (max - lo) * 0.06 : lo + 1;
          if (a.scale === 'pct') {
            hi = Math.max(100, hi);
          } else if (a.scale === 'nodes' || a.scale === 'pods') {
            hi = Math.ceil(max) + 1;
          }
          return [lo, hi];
        }
      };
    });
    spec.series.forEach(function (s) {
      var idx = series.length;
      var opts = {
        label: s.label,
        scale: s.scale,
        stroke: s.color,
        width: s.width,
        dash: s.dash,
        points: { show: false },
        spanGaps: false
      };
      if (s.step) {
        opts.paths = uPlot.paths.stepped({ align: 1 });
      }
      series.push(opts);
      values.push(s.v);
      indexOf[s.key] = idx;
      var entry = { series: s, indexes: [idx], peak: peak(s.v) };
      if (s.lo && s.hi) {
        // the min/max envelope of a coarse display step: two invisible series and the band between them
        series.push({ label: s.label + ' max', scale: s.scale, stroke: 'transparent', width: 0,
          points: { show: false } });
        values.push(s.hi);
        series.push({ label: s.label + ' min', scale: s.scale, stroke: 'transparent', width: 0,
          points: { show: false } });
        values.push(s.lo);
        bands.push({ series: [idx + 1, idx + 2], fill: rgba(s.color, 0.16) });
        entry.indexes.push(idx + 1, idx + 2);
        entry.peak = peak(s.v);
      }
      entries.push(entry);
    });
    spec.bands.forEach(function (b) {
      if (indexOf[b.upper] != null && indexOf[b.lower] != null) {
        bands.push({ series: [indexOf[b.upper], indexOf[b.lower]], fill: b.fill });
      }
    });
    var axes = [{
      scale: 'x',
      label: 'time (' + zoneLabel + ')',
      labelSize: 18,
      size: 44,
      space: 70,
      values: timeValues
    }];
    for (var k = 0; k < slots; k++) {
      var a = spec.axes[k];
      var axis = {
        scale: a ? a.scale : spec.axes[0].scale,
        side: k === 0 ? 3 : 1,
        size: k === 0 ? LEFT : RIGHT,
        label: a ? a.label : '',
        labelSize: 18,
        gap: 4,
        grid: { show: k === 0 }
      };
      if (!a) {
        axis.stroke = 'transparent';
        axis.ticks = { show: false };
        axis.values = function (u, splits) {
          return splits.map(function () {
            return '';
          });
        };
      } else if (a.scale === 'nodes' || a.scale === 'pods') {
        axis.incrs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
      }
      axes.push(axis);
    }
    var updateLegend = null;
    var first = true;
    var opts = {
      width: plotWidth(),
      height: HEIGHTS[spec.id] || 210,
      tzDate: tzDate,
      series: series,
      axes: axes,
      scales: scales,
      bands: bands,
      padding: [10, 8, 0, 0],
      legend: { show: false },
      cursor: {
        sync: { key: 'plimsoll', scales: ['x', null] },
        drag: { x: true, y: false, setScale: true },
        y: false,
        points: { show: false }
      },
      hooks: {
        drawClear: [function (u) {
          drawMarks(u, true);
        }],
        draw: [function (u) {
          drawMarks(u, false);
          if (first) {
            first = false;
            drawn++;
            body.setAttribute('data-charts-drawn', String(drawn));
            if (drawn === data.charts.length) {
              body.setAttribute('data-render-ms', String(Math.round(performance.now())));
            }
          }
        }],
        setCursor: [function () {
          if (updateLegend) {
            updateLegend();
          }
        }],
        setScale: [onScale]
      }
    };
    var u = new uPlot(opts, values, plot);
    updateLegend = legend(legendEl, u, spec, entries);
    charts.push(u);
    ids.push(spec.id);
    extents.push(entries.map(function (e) {
      return e.peak;
    }));
    return u;
  }

  data.charts.forEach(build);

  var resetButton = document.getElementById('reset-zoom');
  if (resetButton) {
    resetButton.addEventListener('click', reset);
  }
  Array.prototype.forEach.call(document.querySelectorAll('button.zoom'), function (b) {
    b.addEventListener('click', function () {
      zoom(Number(b.getAttribute('data-from')), Number(b.getAttribute('data-to')));
      var section = document.getElementById('charts');
      if (section && section.scrollIntoView) {
        section.scrollIntoView({ block: 'start' });
      }
    });
  });

  function resize(width) {
    charts.forEach(function (u) {
      u.setSize({ width: width, height: u.height });
    });
  }

  var pending = null;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      resize(plotWidth());
    }, 100);
  });
  // print on an A4/Letter page: narrower charts, the collapsed sections open
  window.addEventListener('beforeprint', function () {
    resize(680);
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) {
      d.setAttribute('open', '');
    });
  });
  window.addEventListener('afterprint', function () {
    resize(plotWidth());
  });

  // for tests and for people at the console: the uPlot instances, in page order
  window.plimsoll = { charts: charts, ids: ids, peaks: extents, zoom: zoom, reset: reset, clock: clock, zone: zoneLabel };
})();
