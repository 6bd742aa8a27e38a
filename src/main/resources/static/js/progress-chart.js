// Charts of a model's indicators over time against their targets (Chart.js, loaded on first use).
// The data comes from the JSON address in data-chart-url; no inline script is needed (CSP script-src 'self').
(function () {
  var chartJs = null;

  function loadChartJs() {
    if (window.Chart) {
      return Promise.resolve(window.Chart);
    }
    if (!chartJs) {
      chartJs = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = '/webjars/chart.js/dist/chart.umd.min.js';
        s.onload = function () { resolve(window.Chart); };
        s.onerror = reject;
        document.head.appendChild(s);
      });
    }
    return chartJs;
  }

  function number(v) {
    return v === null || v === undefined ? null : Number(v);
  }

  function draw(box, series, Chart) {
    box.textContent = '';
    series.forEach(function (s, i) {
      if (!s.points.length && s.target === null) {
        return;
      }
      var col = document.createElement('div');
      col.className = 'col-md-6';
      var fig = document.createElement('figure');
      fig.className = 'indicator-chart';
      var cap = document.createElement('figcaption');
      cap.className = 'small fw-semibold';
      cap.textContent = s.name + (s.measure ? ' (' + s.measure + ')' : '');
      var canvas = document.createElement('canvas');
      canvas.id = 'chart-' + s.code;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', (box.dataset.labelChart || 'Biểu đồ') + ': ' + cap.textContent);
      fig.appendChild(cap);
      fig.appendChild(canvas);
      col.appendChild(fig);
      box.appendChild(col);
      var labels = s.points.map(function (p) { return p.asOf.split('-').reverse().join('/'); });
      var values = s.points.map(function (p) { return number(p.value); });
      if (s.baseline !== null) {
        labels.unshift(box.dataset.labelBaseline || 'Ban đầu');
        values.unshift(number(s.baseline));
      }
      if (!labels.length) {
        labels.push('');
      }
      var datasets = [{
        label: box.dataset.labelValue || 'Kết quả',
        data: values, borderColor: '#b3261e', backgroundColor: '#b3261e', tension: 0.2
      }];
      if (s.target !== null) {
        datasets.push({
          label: box.dataset.labelTarget || 'Mục tiêu',
          data: labels.map(function () { return number(s.target); }),
          borderColor: '#198754', backgroundColor: '#198754', borderDash: [6, 4],
          pointRadius: labels.length > 1 ? 0 : 4
        });
      }
      new Chart(canvas, {
        type: 'line',
        data: { labels: labels, datasets: datasets },
        options: {
          animation: false, responsive: true, maintainAspectRatio: true, aspectRatio: 2,
          scales: { y: { beginAtZero: true,
            ticks: { callback: function (v) { return Number(v).toLocaleString('vi-VN'); } } } },
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }
        }
      });
    });
    box.dataset.rendered = 'true';
  }

  function render(root) {
    (root || document).querySelectorAll('[data-chart-url]').forEach(function (box) {
      if (box.dataset.rendered) {
        return;
      }
      box.dataset.rendered = 'loading';
      Promise.all([fetch(box.dataset.chartUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.json(); }), loadChartJs()])
        .then(function (all) { draw(box, all[0], all[1]); })
        .catch(function () { box.dataset.rendered = 'failed'; });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { render(document); });
  document.addEventListener('htmx:afterSettle', function (e) { render(e.target); });
})();
