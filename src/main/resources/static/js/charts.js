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
