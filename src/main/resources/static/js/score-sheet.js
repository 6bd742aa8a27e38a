// The running total of a score sheet: Σ min(max(points, 0), max) × weight over its rows, as the server counts it
// (CouncilScoring.total). Numbers are read the Vietnamese way ("17,5") or the plain way ("17.5").
(function () {
  function read(raw) {
    var text = (raw || '').trim().replace(/\s/g, '');
    if (!text) {
      return 0;
    }
    text = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text) ? text.replace(/\./g, '') : text;
    var n = Number(text.replace(',', '.'));
    return isNaN(n) ? 0 : n;
  }

  function update(form) {
    var sum = 0;
    form.querySelectorAll('.sheet-points').forEach(function (input) {
      var max = Number(input.dataset.max);
      var points = Math.min(Math.max(read(input.value), 0), max);
      sum += points * Number(input.dataset.weight || 1);
    });
    var out = form.querySelector('.sheet-total');
    if (out) {
      out.textContent = (Math.round(sum * 100) / 100).toLocaleString(document.documentElement.lang || 'vi');
    }
  }

  document.addEventListener('input', function (e) {
    var form = e.target.closest && e.target.closest('form[data-score-sheet]');
    if (form) {
      update(form);
    }
  });
})();
