/* Draws report.html's charts with the inlined Apache ECharts, from the JSON in #polyvirt-data only. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('polyvirt-data').textContent);
  // one colour per model on every chart (Tableau 10), so a model is recognised across charts
  var MODEL_COLORS = {vm: '#4e79a7', container: '#59a14f', faas: '#f28e2b', 'serverless-container': '#e15759',
    microvm: '#76b7b2', wasm: '#edc948', unikernel: '#b07aa1', edge: '#9c755f'};
  var EXTRA = ['#ff9da7', '#17becf', '#bcbd22', '#8c564b'];
  var PART_COLORS = {compute: '#4e79a7', requests: '#f28e2b', idle: '#bab0ac', other: '#76b7b2'};
  var OK = '#2f8f46', MUTED = '#9aa3b2', TARGET = '#c0392b';
  var charts = [];

  function color(model, i) { return MODEL_COLORS[model] || EXTRA[i % EXTRA.length]; }

  function usd(v) {
    if (v >= 1000) return '$' + Math.round(v).toLocaleString('en-US');
    if (v >= 1) return '$' + v.toFixed(2);
    return '$' + v.toPrecision(2);
  }

  function ms(v) {
    if (v >= 7200000) return +(v / 3600000).toPrecision(3) + ' h';
    if (v >= 120000) return (v / 60000).toFixed(1) + ' min';
    if (v >= 1000) return (v / 1000).toPrecision(3) + ' s';
    if (v >= 10) return Math.round(v) + ' ms';
    return v.toPrecision(2) + ' ms';
  }

  /** A share as a percentage, with a decimal below 10 % so small utilisations do not all read "0 %". */
  function percent(v) { return (100 * v).toFixed(v > 0 && v < 0.1 ? 1 : 0).replace(/\.0$/, '') + ' %'; }

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var c = echarts.init(el, null, {renderer: 'svg'});
    option.animation = false;
    // a legend that wraps on a narrow page (or paper) pushes the plot down instead of overlapping it
    if (option.legend && option.grid) option.grid.top += 18 * (legendRows(option.legend.data, el.clientWidth) - 1);
    option.textStyle = {fontFamily: 'system-ui, -apple-system, "Segoe UI", sans-serif'};
    if (!option.grid) option.grid = {left: 8, right: 16, top: 36, bottom: 8, containLabel: true};
    c.setOption(option);
    charts.push(c);
  }

  /** Estimates the rows a legend takes: each item is its text (~6.5 px a character at 11 px) plus its mark and gap. */
  function legendRows(names, width) {
    var rows = 1, used = 0, avail = Math.max(200, width - 20);
    names.forEach(function (n) {
      var w = 30 + 6.5 * String(n).length;
      if (used > 0 && used + w > avail) { rows++; used = 0; }
      used += w;
    });
    return rows;
  }

  function legend(names) {
    return {data: names, top: 0, left: 'center', itemWidth: 14, itemHeight: 8, textStyle: {fontSize: 11}};
  }

  function label(w, model) { return model === w.chosen ? model + ' ★' : model; }

  /** Monthly cost per model split into compute, requests, idle and other, stacked. */
  function cost(w) {
    var models = w.models.slice().reverse();
    var parts = ['compute', 'requests', 'idle', 'other'];
    var series = parts.map(function (p, k) {
      var s = {name: p, type: 'bar', stack: 'cost', barMaxWidth: 28, itemStyle: {color: PART_COLORS[p]},
        data: models.map(function (m) { return m.costPerMonth[p]; })};
      if (k === parts.length - 1) {
        s.label = {show: true, position: 'right', color: '#1d2433',
          formatter: function (q) { return usd(models[q.dataIndex].costPerMonth.total); }};
      }
      return s;
    });
    draw(w.id + '-cost', {
      legend: legend(parts),
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: usd},
      // room for the longest model name (about 6.5 px a character at 12 px), as axis labels are not measured
      grid: {left: 14 + 6.5 * Math.max.apply(null, models.map(function (m) { return label(w, m.model).length; })),
        right: 70, top: 36, bottom: 24},
      xAxis: {type: 'value', axisLabel: {formatter: usd, hideOverlap: true}},
      yAxis: {type: 'category', data: models.map(function (m) { return label(w, m.model); })},
      series: series
    });
  }

  /** Fraction of requests at or under each latency, per model, on a log latency axis, with the p99 target. */
  function cdf(w) {
    var withCdf = w.models.filter(function (m) { return m.latencyCdf; });
    if (!withCdf.length) return;
    var series = withCdf.map(function (m, i) {
      return {name: label(w, m.model), type: 'line', showSymbol: false, lineStyle: {width: m.model === w.chosen ? 3 : 2},
        itemStyle: {color: color(m.model, i)},
        data: m.latencyCdf.ms.map(function (x, k) { return [Math.max(x, 0.001), m.latencyCdf.fraction[k]]; })};
    });
    var lines = [{yAxis: 0.99, label: {formatter: 'p99', position: 'insideStartTop'}}];
    if (w.p99TargetMs) lines.push({xAxis: w.p99TargetMs, label: {formatter: 'target ' + ms(w.p99TargetMs), position: 'insideEndTop'}});
    series[0].markLine = {symbol: 'none', silent: true, lineStyle: {color: TARGET, type: 'dashed'}, data: lines};
    draw(w.id + '-cdf', {
      legend: legend(series.map(function (s) { return s.name; })),
      tooltip: {trigger: 'axis', formatter: function (ps) {
        return ps.map(function (p) { return p.marker + p.seriesName + ': ' + (100 * p.value[1]).toFixed(2) + ' % ≤ ' + ms(p.value[0]); }).join('<br>');
      }},
      grid: {left: 8, right: 36, top: 36, bottom: 24, containLabel: true},
      xAxis: {type: 'log', name: 'latency', nameLocation: 'middle', nameGap: 24, axisLabel: {formatter: ms},
        minorSplitLine: {show: true, lineStyle: {color: '#f3f4f7'}}},
      yAxis: {type: 'value', min: 0, max: 1, axisLabel: {formatter: percent}},
      series: series
    });
  }

  /** The Pareto chart's label font (ECharts' default 12 px in the page's family) and padding, to measure labels as drawn. */
  var PARETO_FONT = '12px system-ui, -apple-system, "Segoe UI", sans-serif', PARETO_PAD = [1, 3], PARETO_GAP = 8;
  var measureCanvas;

  /** The width and height of a Pareto label's box in pixels: its text measured in the label font, plus padding. */
  function paretoLabelSize(text) {
    measureCanvas = measureCanvas || document.createElement('canvas');
    var g = measureCanvas.getContext('2d');
    g.font = PARETO_FONT;
    // ECharts sets a 12 px line in a 14 px box; a pixel more each way absorbs rounding
    return {w: Math.ceil(g.measureText(text).width) + 2 * PARETO_PAD[1] + 2, h: 14 + 2 * PARETO_PAD[0] + 2};
  }

  function overlaps(a, b) { return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h; }

  /**
   * Where each Pareto label goes so that no two labels overlap, nor a label another model's point:
   * points are {x, y (pixels), r (symbol radius), w, h (label box)}; labels stay in {x0, y0, x1, y1} if they can.
   * Each label, the chosen model's first then in data order, takes the first free place among
   * above, below, right and left of its point, then stacked further above (or below) — a place always
   * exists, so the result is deterministic and overlap-free. Returns per point {position, offset}.
   */
  function paretoLabelPlaces(points, box) {
    var taken = points.map(function (p) { return {x: p.x - p.r, y: p.y - p.r, w: 2 * p.r, h: 2 * p.r}; });
    var order = points.map(function (p, i) { return i; }).sort(function (a, b) {
      return (points[b].first ? 1 : 0) - (points[a].first ? 1 : 0) || a - b;
    });
    var places = [];
    order.forEach(function (i) {
      var p = points[i], d = p.r + PARETO_GAP;
      // a label above or below a point near the plot's side slides along it to stay inside the plot
      var dx = Math.max(box.x0 + 1 - (p.x - p.w / 2), Math.min(0, box.x1 - 1 - (p.x + p.w / 2)));
      function above(k) { return {position: 'top', offset: [dx, -k * p.h], x: p.x - p.w / 2 + dx, y: p.y - d - (k + 1) * p.h}; }
      function below(k) { return {position: 'bottom', offset: [dx, k * p.h], x: p.x - p.w / 2 + dx, y: p.y + d + k * p.h}; }
      var cands = [above(0), below(0),
        {position: 'right', offset: [0, 0], x: p.x + d, y: p.y - p.h / 2},
        {position: 'left', offset: [0, 0], x: p.x - d - p.w, y: p.y - p.h / 2}];
      // stacked places: each of the other n − 1 labels and n − 1 points blocks at most 3 of those above,
      // so 6n of them always leave one free
      for (var k = 1; k <= 6 * points.length; k++) {
        cands.push(above(k));
        if (k <= points.length) cands.push(below(k));
      }
      function free(c, inBox) {
        var r = {x: c.x - 1, y: c.y - 1, w: p.w + 2, h: p.h + 2};
        if (inBox && (r.x < box.x0 || r.y < box.y0 || r.x + r.w > box.x1 || r.y + r.h > box.y1)) return false;
        return taken.every(function (t, j) { return j === i || !overlaps(r, t); });
      }
      // inside the plot if possible; else the first place clear of the others (stacking always finds one)
      var c = cands.filter(function (c) { return free(c, true); })[0] || cands.filter(function (c) { return free(c, false); })[0]
        || cands[cands.length - 1];
      taken.push({x: c.x, y: c.y, w: p.w, h: p.h});
      places[i] = {position: c.position, offset: c.offset};
    });
    return places;
  }

  /** Total cost of ownership per month (the planner's: bill + operations labour) against p99; the non-dominated ones green and joined. */
  function pareto(w) {
    var points = w.models.map(function (m) {
      return {name: m.model, value: [m.tcoPerMonth, Math.max(m.p99Ms, 0.001)],
        symbol: m.model === w.chosen ? 'diamond' : 'circle', symbolSize: m.model === w.chosen ? 20 : 14,
        itemStyle: {color: m.pareto ? OK : MUTED, borderColor: '#fff', borderWidth: 1}};
    });
    var front = w.models.filter(function (m) { return m.pareto; })
      .map(function (m) { return [m.tcoPerMonth, Math.max(m.p99Ms, 0.001)]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var scatter = {name: 'models', type: 'scatter', data: points,
      // a light backdrop keeps a name readable where it crosses the target line or a grid line
      label: {show: true, position: 'top', distance: PARETO_GAP, formatter: function (p) { return label(w, p.name); }, color: '#1d2433',
        backgroundColor: 'rgba(255,255,255,0.85)', padding: PARETO_PAD}};
    if (w.p99TargetMs) {
      scatter.markLine = {symbol: 'none', silent: true, lineStyle: {color: TARGET, type: 'dashed'},
        // unlabelled (the caption names it): a label inside the plot collided with the models' own labels near the target
        data: [{yAxis: w.p99TargetMs, label: {show: false}}]};
    }
    draw(w.id + '-pareto', {
      tooltip: {trigger: 'item', formatter: function (p) {
        return p.seriesName === 'front' ? 'Pareto front' : p.name + '<br>' + usd(p.value[0]) + '/month, p99 ' + ms(p.value[1]);
      }},
      grid: {left: 8, right: 48, top: 36, bottom: 24, containLabel: true},
      xAxis: {type: 'value', name: 'total cost of ownership per month (bill + operations)', nameLocation: 'middle', nameGap: 24, scale: true,
        axisLabel: {formatter: usd, hideOverlap: true}},
      // the axis name sits left of the axis line, clear of the p99 target's label inside the plot
      yAxis: {type: 'log', name: 'p99', nameTextStyle: {align: 'right'}, axisLabel: {formatter: ms}},
      series: [{name: 'front', type: 'line', data: front, symbol: 'none', silent: true, z: 1,
        lineStyle: {color: OK, type: 'dashed', width: 1.5}}, scatter]
    });
    var el = document.getElementById(w.id + '-pareto'), c = el && echarts.getInstanceByDom(el);
    if (!c) return;
    // labels are placed from the points' pixels (x linear, y log), so again whenever the chart is resized
    function place() {
      var at = points.map(function (p) {
        var px = c.convertToPixel({seriesIndex: 1}, p.value), size = paretoLabelSize(label(w, p.name));
        return {x: px[0], y: px[1], r: p.symbolSize / 2, w: size.w, h: size.h, first: p.name === w.chosen};
      });
      // labels keep to the plot, its top margin and the right margin: clear of the axes' own labels
      var g = c.getModel().getComponent('grid', 0).coordinateSystem.getRect();
      var places = paretoLabelPlaces(at, {x0: g.x, y0: Math.max(0, g.y - 30), x1: c.getWidth(), y1: g.y + g.height});
      c.setOption({series: [{}, {data: points.map(function (p, i) {
        return Object.assign({}, p, {label: {position: places[i].position, offset: places[i].offset}});
      })}]});
    }
    place();
    ['resize', 'beforeprint', 'afterprint'].forEach(function (e) {
      window.addEventListener(e, function () { c.resize(); place(); });
    });
  }

  /** Time axis in hours, or days beyond three days. */
  function timeAxis(series) {
    var hours = series.buckets * series.bucketSeconds / 3600;
    var days = hours > 72;
    var unit = days ? 86400 : 3600;
    return {unit: days ? 'days' : 'hours', at: function (k) { return +(k * series.bucketSeconds / unit).toFixed(4); },
      axis: {type: 'value', name: days ? 'days' : 'hours', nameLocation: 'middle', nameGap: 24, min: 0,
        max: +(series.buckets * series.bucketSeconds / unit).toFixed(4)}};
  }

  function withSeries(w) { return w.models.filter(function (m) { return m.series; }); }

  function perBucket(w, s) {
    var min = s.bucketSeconds / 60;
    return min >= 1 ? Math.round(min * 10) / 10 + ' min' : Math.round(s.bucketSeconds) + ' s';
  }

  /** Mean instances alive per bucket for each model, over the traffic (requests per second) they all saw. */
  function instances(w) {
    var ms_ = withSeries(w);
    if (!ms_.length) return;
    var s0 = ms_[0].series, t = timeAxis(s0);
    var series = [{name: 'requests/s', type: 'line', yAxisIndex: 1, step: 'start', showSymbol: false, z: 1,
      lineStyle: {width: 0}, areaStyle: {color: '#dfe4ec'}, itemStyle: {color: '#c4ccd8'},
      data: s0.arrivals.map(function (a, k) { return [t.at(k), a / s0.bucketSeconds]; })}];
    ms_.forEach(function (m, i) {
      series.push({name: label(w, m.model), type: 'line', step: 'start', showSymbol: false, z: 3,
        lineStyle: {width: m.model === w.chosen ? 2.5 : 1.5}, itemStyle: {color: color(m.model, i)},
        data: m.series.instances.map(function (v, k) { return [t.at(k), v]; })});
    });
    draw(w.id + '-instances', {
      legend: legend(series.map(function (s) { return s.name; })),
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '' : (+v).toPrecision(3); }},
      grid: {left: 8, right: 8, top: 56, bottom: 24, containLabel: true},
      xAxis: t.axis,
      yAxis: [{type: 'value', name: 'instances', nameTextStyle: {align: 'left'}},
        {type: 'value', name: 'requests/s', nameTextStyle: {align: 'right'}, splitLine: {show: false}}],
      series: series
    });
  }

  /** One step line per model of the per-bucket values under {@code key} of its series, the chosen model drawn thicker. */
  function stepLines(w, ms_, t, key) {
    return ms_.map(function (m, i) {
      return {name: label(w, m.model), type: 'line', step: 'start', showSymbol: false,
        lineStyle: {width: m.model === w.chosen ? 2.5 : 1.5}, itemStyle: {color: color(m.model, i)},
        data: m.series[key].map(function (v, k) { return [t.at(k), v]; })};
    });
  }

  /** Cold starts per bucket for each model. */
  function coldStarts(w) {
    var ms_ = withSeries(w);
    if (!ms_.length) return;
    var t = timeAxis(ms_[0].series);
    var series = stepLines(w, ms_, t, 'coldStarts');
    draw(w.id + '-cold', {
      legend: legend(series.map(function (s) { return s.name; })),
      tooltip: {trigger: 'axis'},
      grid: {left: 8, right: 16, top: 36, bottom: 24, containLabel: true},
      xAxis: t.axis,
      yAxis: {type: 'value', name: 'per ' + perBucket(w, ms_[0].series), nameTextStyle: {align: 'left'}, minInterval: 1},
      series: series
    });
  }

  /** Busy over alive capacity per bucket for each model. */
  function utilisation(w) {
    var ms_ = withSeries(w);
    if (!ms_.length) return;
    var t = timeAxis(ms_[0].series);
    var series = stepLines(w, ms_, t, 'utilization');
    draw(w.id + '-util', {
      legend: legend(series.map(function (s) { return s.name; })),
      tooltip: {trigger: 'axis', valueFormatter: function (v) { return (100 * v).toFixed(1) + ' %'; }},
      grid: {left: 8, right: 16, top: 36, bottom: 24, containLabel: true},
      xAxis: t.axis,
      yAxis: {type: 'value', min: 0, axisLabel: {formatter: percent}},
      series: series
    });
  }

  /**
   * Per-host utilisation over time for each model with a heat map (datacenter runs): one row per
   * listed host, one cell per bucket, coloured 0–100 % by a visual map.
   */
  function hostHeat(w) {
    w.models.filter(function (m) { return m.hostHeatMap; }).forEach(function (m) {
      var h = m.hostHeatMap, t = timeAxis(h), el = document.getElementById(w.id + '-heat-' + m.model);
      if (!el) return;
      // a row a host stays legible from 2 to 64 hosts: grow the chart rather than squash its rows
      el.style.height = Math.max(260, 110 + 14 * h.hosts.length) + 'px';
      var data = [];
      h.utilisation.forEach(function (row, y) { row.forEach(function (v, x) { data.push([x, y, v]); }); });
      var labels = [];
      for (var k = 0; k < h.buckets; k++) labels.push(t.at(k));
      draw(w.id + '-heat-' + m.model, {
        tooltip: {formatter: function (p) {
          return h.hosts[p.value[1]] + ', ' + labels[p.value[0]] + '–' + t.at(p.value[0] + 1) + ' ' + t.unit + ': ' + percent(p.value[2]);
        }},
        grid: {left: 8, right: 16, top: 16, bottom: 64, containLabel: true},
        xAxis: {type: 'category', data: labels, name: t.unit, nameLocation: 'middle', nameGap: 24, splitArea: {show: false},
          axisLabel: {hideOverlap: true}},
        yAxis: {type: 'category', data: h.hosts, inverse: true, splitArea: {show: false}},
        visualMap: {type: 'continuous', min: 0, max: 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
          itemHeight: 240, text: ['100 %', '0 %'], formatter: percent, inRange: {color: ['#f3f4f7', '#7b8db0', '#d9534f']}},
        series: [{name: m.model, type: 'heatmap', data: data, progressive: 0}]
      });
    });
  }

  /** A request rate, with fewer decimals as it grows. */
  function rate(v) {
    if (v >= 100) return Math.round(v).toLocaleString('en-US') + '/s';
    if (v >= 1) return +v.toPrecision(3) + '/s';
    return +v.toPrecision(3) + '/s';
  }

  /**
   * The break-even search's own simulations: FaaS's and the cheapest always-on model's monthly bill at
   * each traffic it tried (log rate axis; log cost axis when the bills span more than 20×), with the
   * workload's current rate and the break-even found.
   */
  function breakEven(w) {
    var b = w.breakEven;
    if (!b || !b.rate.length) return;
    function points(values) {
      return b.rate.map(function (r, k) { return values[k] == null ? null : [r, values[k]]; })
        .filter(function (p) { return p; });
    }
    var models = b.alwaysOnModel.filter(function (m, k, a) { return m && a.indexOf(m) === k; });
    var alwaysOnName = models.length === 1 ? models[0] : 'cheapest always-on (' + models.join(' / ') + ')';
    var faas = points(b.faas), on = points(b.alwaysOn), now = b.now || {};
    var mine = [];
    if (now.faas != null) mine.push({name: 'faas', value: [b.currentRate, now.faas], itemStyle: {color: color('faas', 0)}});
    if (now.alwaysOn != null) mine.push({name: now.alwaysOnModel, value: [b.currentRate, now.alwaysOn],
      itemStyle: {color: color(now.alwaysOnModel, 1)}});
    var bills = faas.concat(on).concat(mine.map(function (p) { return p.value; })).map(function (p) { return p[1]; })
      .filter(function (v) { return v > 0; });
    var rates = b.rate.concat([b.currentRate]).filter(function (v) { return v > 0; });
    // whole decades at both ends, so the log axis is labelled 0.01/s, 0.1/s, 1/s … rather than at odd ends
    var lo = Math.pow(10, Math.floor(Math.log10(Math.min.apply(null, rates))));
    var hi = Math.pow(10, Math.ceil(Math.log10(Math.max.apply(null, rates))));
    var logCost = bills.length && Math.max.apply(null, bills) > 20 * Math.min.apply(null, bills);
    var faasSeries = {name: label(w, 'faas'), type: 'line', data: faas, symbol: 'circle', symbolSize: 7, z: 3,
      lineStyle: {width: w.chosen === 'faas' ? 2.5 : 1.5}, itemStyle: {color: color('faas', 0)}};
    var onSeries = {name: models.length === 1 ? label(w, alwaysOnName) : alwaysOnName, type: 'line', data: on, symbol: 'rect',
      symbolSize: 7, z: 3, lineStyle: {width: w.chosen === alwaysOnName ? 2.5 : 1.5}, itemStyle: {color: color(models[0] || 'vm', 1)}};
    var mineSeries = {name: 'this run', type: 'scatter', data: mine, symbol: 'triangle', symbolSize: 12, z: 4,
      itemStyle: {color: '#5b6475'}};
    // whole decades of cost too, so the vertical markers below can span the plot exactly
    var yLo = logCost ? Math.pow(10, Math.floor(Math.log10(Math.min.apply(null, bills)))) : 0;
    var yHi = logCost ? Math.pow(10, Math.ceil(Math.log10(Math.max.apply(null, bills)))) : null;
    var series = [faasSeries, onSeries, mineSeries];
    /* A vertical marker is a two-point line series rather than an ECharts markLine: a markLine's
       xAxis value was drawn off its place on the log axis (0.005/s showed near 0.009/s). */
    function vertical(x, colour, text, position) {
      var top = [x, yHi == null ? Math.max.apply(null, bills) * 1.05 : yHi];
      series.push({name: 'marker', type: 'line', silent: true, symbol: 'none', z: 1, tooltip: {show: false},
        lineStyle: {color: colour, type: 'dashed', width: 1}, data: [[x, yLo], top]});
      // a line series with no symbols draws no point labels, so the text is an invisible point's label
      if (text) series.push({name: 'marker', type: 'scatter', silent: true, symbolSize: 0, tooltip: {show: false}, data: [top],
        label: {show: true, position: position, formatter: text, color: colour, fontSize: 11}});
    }
    if (b.currentRate > 0) vertical(b.currentRate, '#5b6475', 'now ' + rate(b.currentRate), 'top');
    if (b.found) {
      vertical(b.ratePerSecond, TARGET, '', 'top');
      // the label goes where the curves are not: below-right of the crossing (past it FaaS lies above the
      // always-on bill), or above-left when the crossing is in the right part of the plot
      var right = (Math.log(b.ratePerSecond) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) > 0.55;
      faasSeries.markPoint = {symbol: 'diamond', symbolSize: 16, silent: true, itemStyle: {color: TARGET},
        label: {show: true, position: right ? 'left' : 'right', offset: right ? [-2, -14] : [2, 14], color: TARGET, fontSize: 11,
          formatter: 'break-even ' + rate(b.ratePerSecond) + ', ' + usd(b.costPerMonth) + '/month'},
        data: [{coord: [b.ratePerSecond, b.costPerMonth]}]};
    }
    draw(w.id + '-breakeven', {
      legend: legend([faasSeries.name, onSeries.name, mineSeries.name]),
      tooltip: {trigger: 'item', formatter: function (p) {
        var k = p.seriesName === 'this run' ? -1 : b.rate.indexOf(p.value[0]);
        var who = p.seriesName === 'this run' ? p.name + ', this run' : p.seriesName + (k >= 0 && p.seriesIndex === 1 ? ' (' + b.alwaysOnModel[k] + ')' : '');
        return p.marker + who + '<br>' + rate(p.value[0]) + ': ' + usd(p.value[1]) + '/month';
      }},
      grid: {left: 8, right: 24, top: 56, bottom: 24, containLabel: true},
      xAxis: {type: 'log', name: 'mean requests per second' + (b.sustained ? ' (sustained)' : ''), nameLocation: 'middle',
        nameGap: 24, min: lo, max: hi, axisLabel: {formatter: rate, hideOverlap: true},
        minorSplitLine: {show: true, lineStyle: {color: '#f3f4f7'}}},
      yAxis: {type: logCost ? 'log' : 'value', min: logCost ? yLo : 0, max: yHi == null ? undefined : yHi, name: 'per month',
        nameTextStyle: {align: 'left'}, axisLabel: {formatter: usd}},
      series: series
    });
  }

  /**
   * The duration search's own simulations: the recommended model's and the runner-up's total cost a
   * month at each request-duration multiplier tried (log axis), points filled green where the
   * recommended model still wins, and the flip found.
   */
  function durationFlip(w) {
    var f = w.durationFlip;
    if (!f || !f.k.length) return;
    function points(values, mark) {
      return f.k.map(function (k, j) {
        if (values[j] == null) return null;
        return {value: [k, values[j]], itemStyle: mark && f.winner[j] === f.recommended ? {color: OK} : undefined};
      }).filter(function (p) { return p; });
    }
    var rec = {name: label(w, f.recommended), type: 'line', data: points(f.recommendedCost, true), symbol: 'circle', symbolSize: 8,
      lineStyle: {width: 2.5, color: color(f.recommended, 0)}, itemStyle: {color: color(f.recommended, 0)}};
    var chal = {name: label(w, f.challenger), type: 'line', data: points(f.challengerCost, false), symbol: 'rect', symbolSize: 7,
      lineStyle: {width: 1.5, color: color(f.challenger, 1)}, itemStyle: {color: color(f.challenger, 1)}};
    var series = [rec, chal];
    if (f.found) {
      // a two-point line rather than a markLine, which is drawn off its place on a log axis (see breakEven)
      var costs = f.recommendedCost.concat(f.challengerCost).filter(function (v) { return v != null; });
      var top = [f.multiplier, Math.max.apply(null, costs) * 1.05];
      series.push({name: 'marker', type: 'line', silent: true, symbol: 'none', z: 1, tooltip: {show: false},
        lineStyle: {color: TARGET, type: 'dashed', width: 1}, data: [[f.multiplier, 0], top]});
      series.push({name: 'marker', type: 'scatter', silent: true, symbolSize: 0, tooltip: {show: false}, data: [top],
        label: {show: true, position: 'top', color: TARGET, fontSize: 11,
          formatter: 'flip ×' + (+f.multiplier.toPrecision(3)) + ' (p50 ' + ms(f.p50NowMs * f.multiplier) + ')'}});
    }
    draw(w.id + '-durationflip', {
      legend: legend([rec.name, chal.name]),
      tooltip: {trigger: 'item', formatter: function (p) {
        return p.marker + p.seriesName + '<br>durations ×' + (+p.value[0].toPrecision(3)) + ' (p50 ' + ms(f.p50NowMs * p.value[0]) + '): '
          + usd(p.value[1]) + '/month';
      }},
      grid: {left: 8, right: 24, top: 56, bottom: 24, containLabel: true},
      xAxis: {type: 'log', name: 'request duration × (1 = today, p50 ' + ms(f.p50NowMs) + ')', nameLocation: 'middle', nameGap: 24,
        axisLabel: {formatter: function (v) { return '×' + (+v.toPrecision(2)); }, hideOverlap: true}},
      yAxis: {type: 'value', name: 'total per month', nameTextStyle: {align: 'left'}, axisLabel: {formatter: usd}},
      series: series
    });
  }

  /** One bar chart per chart column of a model's named table, against its first column; notable rows green. */
  function table(t) {
    t.charts.forEach(function (c, j) {
      draw(t.id + '-c' + j, {
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
        grid: {left: 8, right: 16, top: 16, bottom: 24, containLabel: true},
        xAxis: {type: 'category', data: t.labels, name: t.x, nameLocation: 'middle', nameGap: 24},
        yAxis: {type: 'value', scale: false},
        series: [{name: c.column, type: 'bar', barMaxWidth: 36,
          data: c.values.map(function (v, k) { return {value: v, itemStyle: {color: t.highlight[k] ? OK : '#7b8db0'}}; })}]
      });
    });
  }

  data.workloads.forEach(function (w) {
    if (!w.models.length) return;
    cost(w);
    cdf(w);
    pareto(w);
    instances(w);
    coldStarts(w);
    utilisation(w);
    hostHeat(w);
    breakEven(w);
    durationFlip(w);
    w.tables.forEach(table);
  });
  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
})();
