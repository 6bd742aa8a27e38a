// Charts of the statistics dashboard. The figures come from /statistics/data (the same objects the tables on the
// page are rendered from); nothing is counted here. No inline script: the page only names the URL in data-url.
(function () {
  'use strict';

  var COLORS = ['#b3261e', '#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#20c997', '#6c757d', '#d63384'];
  var FIELDS = ['ECONOMY', 'CULTURE_SOCIETY', 'DEFENSE_SECURITY', 'POLITICAL_SYSTEM'];
  var LEVELS = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE'];

  function bar(canvas, labels, datasets, options) {
    options = options || {};
    return new window.Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: options.horizontal ? 'y' : 'x',
        animation: false,
        plugins: { legend: { display: datasets.length > 1, position: 'bottom' } },
        scales: {
          x: { stacked: !!options.stacked, ticks: { precision: 0 } },
          y: { stacked: !!options.stacked, ticks: { precision: 0 }, beginAtZero: true }
        }
      }
    });
  }

  // Each slice's figure and share in its legend line ("Tập thể: 120 (60%)"): a donut alone shows no numbers.
  function doughnut(canvas, labels, values) {
    var lang = document.documentElement.lang || 'vi';
    var number = new Intl.NumberFormat(lang);
    var total = values.reduce(function (a, b) { return a + (b || 0); }, 0);
    labels = labels.map(function (l, i) {
      var v = values[i] || 0;
      return l + ': ' + number.format(v) + (total ? ' (' + Math.round(100 * v / total) + '%)' : '');
    });
    return new window.Chart(canvas, {
      type: 'doughnut',
      data: { labels: labels, datasets: [{ data: values, backgroundColor: COLORS.slice(0, values.length) }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { position: 'bottom' } } }
    });
  }

  function series(label, values, color) {
    return { label: label, data: values, backgroundColor: color, borderColor: color };
  }

  function draw(d) {
    var r = d.report, L = d.labels;
    var charts = {
      funnel: function (c) {
        var keys = ['registered', 'accepted', 'proposed', 'recognized'];
        bar(c, keys.map(function (k) { return L[k]; }),
          [series(L.registered, keys.map(function (k) { return r[k]; }), COLORS[0])], { horizontal: true });
      },
      byField: function (c) {
        bar(c, FIELDS.map(function (f) { return L[f]; }), ['registered', 'accepted', 'recognized'].map(function (k, i) {
          return series(L[k], FIELDS.map(function (f) { return r.byField[f][k]; }), COLORS[i]);
        }));
      },
      byYear: function (c) {
        var years = Object.keys(d.byYear);
        bar(c, years, ['registered', 'accepted', 'recognized'].map(function (k, i) {
          return series(L[k], years.map(function (y) { return d.byYear[y][k]; }), COLORS[i]);
        }));
      },
      byHolder: function (c) {
        var keys = Object.keys(r.byHolderType);
        doughnut(c, keys.map(function (k) { return L[k]; }), keys.map(function (k) { return r.byHolderType[k].registered; }));
      },
      byOrigin: function (c) {
        var keys = Object.keys(r.byOrigin);
        doughnut(c, keys.map(function (k) { return L[k]; }), keys.map(function (k) { return r.byOrigin[k].registered; }));
      },
      byLevel: function (c) {
        bar(c, LEVELS.map(function (l) { return L[l]; }),
          [series(L.recognized, LEVELS.map(function (l) { return r.recognizedByLevel[l]; }), COLORS[0])]);
      },
      activeRetired: function (c) {
        doughnut(c, [L.active, L.retired], [r.active, r.retired]);
      },
      commendations: function (c) {
        var forms = Object.keys(r.commendations.byForm);
        bar(c, forms.map(function (f) { return L[f]; }), ['COLLECTIVE', 'INDIVIDUAL'].map(function (h, i) {
          return series(L[h], forms.map(function (f) { return r.commendations.byForm[f][h]; }), COLORS[i + 1]);
        }), { stacked: true });
      },
      children: function (c) {
        bar(c, d.children.map(function (ch) { return ch.name; }), ['registered', 'recognized'].map(function (k, i) {
          return series(L[k], d.children.map(function (ch) { return ch.counts[k]; }), COLORS[i * 2]);
        }), { horizontal: true });
      }
    };
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var make = charts[canvas.getAttribute('data-chart')];
      if (make) {
        make(canvas);
        canvas.setAttribute('data-drawn', 'true');
      }
    });
    document.querySelectorAll('.chart-fallback').forEach(function (p) { p.classList.add('d-none'); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('main[data-url]');
    if (!root || !window.Chart || !root.getAttribute('data-url')) {
      return;
    }
    fetch(root.getAttribute('data-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok ? res.json() : Promise.reject(res.status); })
      .then(draw)
      .catch(function () { /* the tables carry every figure; charts are an extra */ });
  });
})();
