// Trend charts (ECharts): an element with data-trend names the JSON it draws; found on load and
// in every fragment htmx swaps in. The data is counts and labels the server formatted; titles of
// releases reach the chart only as tooltip text, which ECharts escapes (no HTML rendering here).
(function () {
  function draw(el) {
    if (el.getAttribute('data-drawn') || typeof echarts === 'undefined') {
      return;
    }
    el.setAttribute('data-drawn', 'pending');
    fetch(el.getAttribute('data-trend'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (t) {
        var chart = echarts.init(el, null, { renderer: 'canvas' });
        chart.setOption({
          animation: false,
          tooltip: { trigger: 'axis', renderMode: 'richText' },
          legend: { data: ['信息量', '负面'], top: 0 },
          grid: { left: 36, right: 16, top: 32, bottom: 48 },
          xAxis: { type: 'category', data: t.labels, name: '按' + t.bucket },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: '信息量', type: 'bar', data: t.items, itemStyle: { color: '#5470c6' },
              markLine: { symbol: 'none', label: { formatter: '发布', position: 'end' }, lineStyle: { color: '#198754' },
                tooltip: { formatter: function (p) { return p.name; } },
                data: t.releases.map(function (m) { return { xAxis: m.index, name: m.at + ' ' + m.text }; }) } },
            { name: '负面', type: 'line', data: t.negative, itemStyle: { color: '#dc3545' },
              markPoint: { symbol: 'pin', symbolSize: 28, label: { formatter: '研' },
                data: t.reassessments.map(function (m) { return { coord: [m.index, t.items[m.index]], name: m.at + ' ' + m.text }; }) } }
          ]
        });
        el.setAttribute('data-drawn', 'done');
        el.setAttribute('data-releases', String(t.releases.length));
        window.addEventListener('resize', function () { chart.resize(); });
      })
      .catch(function () {
        el.setAttribute('data-drawn', 'failed');
        el.textContent = '走势图加载失败，请刷新页面重试。';
      });
  }
  function drawAll(root) {
    (root || document).querySelectorAll('[data-trend]').forEach(draw);
  }
  document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
  document.addEventListener('htmx:afterSettle', function (event) { drawAll(event.target); });
})();

// The dashboard (舆情态势): numbers, charts and the due list, refreshed from data-dashboard every
// data-refresh seconds. Text goes in with textContent only; nothing from the data becomes markup.
(function () {
  var main = document.querySelector('[data-dashboard]');
  if (!main || typeof echarts === 'undefined') {
    return;
  }
  var dark = document.body.classList.contains('dashboard-screen');
  var charts = {};
  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id), dark ? 'dark' : null, { renderer: 'canvas' });
      window.addEventListener('resize', function () { charts[id].resize(); });
    }
    return charts[id];
  }
  function bars(id, ranked, unit, empty) {
    chart(id).setOption({
      animation: false, backgroundColor: 'transparent',
      title: { show: ranked.names.length === 0, text: empty, left: 'center', top: 'middle', textStyle: { fontSize: 14, fontWeight: 'normal' } },
      grid: { left: 8, right: 40, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: '{value}' + unit } },
      yAxis: { type: 'category', inverse: true, data: ranked.names },
      series: [{ type: 'bar', data: ranked.values, itemStyle: { color: '#0d6efd' },
        label: { show: true, position: 'right', formatter: function (p) { return p.value ? p.value + unit : ''; } } }]
    });
  }
  function text(id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = String(value); }
  }
  function render(b) {
    text('generated-at', b.generatedAt);
    text('new-items', b.today.newItems);
    text('negative-items', b.today.negativeItems);
    text('open-events', b.today.openEvents);
    text('due-soon', b.today.dueSoon);
    text('overdue', b.today.overdue);
    chart('chart-trend').setOption({
      animation: false, backgroundColor: 'transparent',
      legend: { data: ['信息量', '负面占比'], top: 0 },
      grid: { left: 40, right: 48, top: 32, bottom: 28 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'category', data: b.trend.labels },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [{ name: '信息量', type: 'bar', data: b.trend.items, itemStyle: { color: '#5470c6' } },
               { name: '负面占比', type: 'line', yAxisIndex: 1, data: b.trend.negativeShare, itemStyle: { color: '#dc3545' } }]
    });
    text('areas-title', b.townships.title);
    bars('chart-areas', b.townships, '', '没有下级区域');
    text('units-title', b.units.title);
    bars('chart-units', b.units, '%', '暂无排名：没有单位达到最低样本数');
    text('indices-title', b.indices.title);
    bars('chart-indices', b.indices, '', '上月没有可计算回应指数的事件');
    var tbody = document.getElementById('due-rows');
    if (tbody) {
      tbody.replaceChildren();
      b.due.forEach(function (d) {
        var tr = document.createElement('tr');
        var a = document.createElement('a');
        a.href = main.getAttribute('data-dashboard').replace(/\/dashboard\/data$/, '/events/' + encodeURIComponent(d.eventId));
        a.textContent = d.event;
        var cells = [a, d.clock, d.dueAt];
        cells.forEach(function (c) {
          var td = document.createElement('td');
          if (typeof c === 'string') { td.textContent = c; } else { td.appendChild(c); }
          tr.appendChild(td);
        });
        var badge = document.createElement('span');
        badge.className = 'badge text-bg-' + String(d.colour).replace(/[^a-z]/g, '');
        badge.textContent = d.countdown;
        var td = document.createElement('td');
        td.appendChild(badge);
        tr.appendChild(td);
        tbody.appendChild(tr);
      });
    }
    main.setAttribute('data-drawn', 'done');
  }
  function load() {
    fetch(main.getAttribute('data-dashboard'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(render)
      .catch(function () { main.setAttribute('data-drawn', 'failed'); text('generated-at', '（刷新失败，稍后重试）'); });
  }
  load();
  setInterval(load, 1000 * Math.max(30, parseInt(main.getAttribute('data-refresh'), 10) || 300));
  var full = document.querySelector('[data-fullscreen]');
  if (full) {
    full.addEventListener('click', function () { document.documentElement.requestFullscreen(); });
  }
})();
