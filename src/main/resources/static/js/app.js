// htmx requests that change state carry the CSRF token of the page, like the forms do.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});

// Pickers: an input or textarea with data-picker="/units/pick" (or "/models/pick") gets a search box that lists
// what matches the words typed (accents ignored, by the server) and stores the chosen code in the original field,
// hidden (a textarea stays visible and gets one code per line). Arrow keys, Enter and Escape work as in a list box.
(function () {
  var seq = 0;

  function enhance(field) {
    var multi = field.tagName === 'TEXTAREA';
    var n = ++seq;
    var box = document.createElement('div');
    box.className = 'picker';
    var search = document.createElement('input');
    search.type = 'text';
    search.className = 'form-control picker-search';
    search.id = (field.id || 'picker') + '-search';
    search.autocomplete = 'off';
    search.setAttribute('role', 'combobox');
    search.setAttribute('aria-autocomplete', 'list');
    search.setAttribute('aria-expanded', 'false');
    search.setAttribute('aria-controls', 'picker-list-' + n);
    if (field.dataset.pickerPlaceholder) {
      search.placeholder = field.dataset.pickerPlaceholder;
    }
    if (field.classList.contains('is-invalid')) {
      search.classList.add('is-invalid');
    }
    var list = document.createElement('ul');
    list.id = 'picker-list-' + n;
    list.className = 'picker-list list-group shadow-sm';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    var label = field.id ? document.querySelector('label[for="' + field.id + '"]') : null;
    if (multi) {
      search.setAttribute('aria-label', field.dataset.pickerPlaceholder || (label ? label.textContent : ''));
      field.parentNode.insertBefore(box, field);
    } else {
      if (label) {
        label.htmlFor = search.id;
      }
      field.parentNode.insertBefore(box, field);
      field.type = 'hidden';
      search.value = field.dataset.pickerLabel || field.value;
      if (field.value && !field.dataset.pickerLabel) {
        fetchChoices(field.dataset.picker, field.value, function (choices) {
          choices.forEach(function (c) {
            // the name replaces the code shown meanwhile, unless the user has started typing
            if (c.code === field.value && search.value === field.value) { search.value = c.name; }
          });
        });
      }
    }
    box.appendChild(search);
    box.appendChild(list);
    var choices = [];
    var active = -1;
    var timer = null;

    function close() {
      list.hidden = true;
      active = -1;
      search.setAttribute('aria-expanded', 'false');
      search.removeAttribute('aria-activedescendant');
    }

    function highlight(i) {
      var items = list.querySelectorAll('[role="option"]');
      items.forEach(function (li, k) {
        li.classList.toggle('active', k === i);
        li.setAttribute('aria-selected', k === i ? 'true' : 'false');
      });
      active = i;
      if (i >= 0 && items[i]) {
        search.setAttribute('aria-activedescendant', items[i].id);
        items[i].scrollIntoView({block: 'nearest'});
      }
    }

    function choose(i) {
      var c = choices[i];
      if (!c) {
        return;
      }
      if (multi) {
        var codes = field.value.split(/\s*[\n,;]\s*/).filter(function (s) { return s; });
        if (codes.indexOf(c.code) < 0) {
          codes.push(c.code);
        }
        field.value = codes.join('\n');
        search.value = '';
      } else {
        field.value = c.code;
        search.value = c.name;
      }
      close();
      field.dispatchEvent(new Event('change', {bubbles: true}));
    }

    function show(found) {
      choices = found;
      list.innerHTML = '';
      found.forEach(function (c, k) {
        var li = document.createElement('li');
        li.id = list.id + '-' + k;
        li.className = 'list-group-item list-group-item-action';
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = c.name;
        var small = document.createElement('small');
        small.className = 'd-block picker-detail';
        small.textContent = c.detail;
        li.appendChild(small);
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(k); });
        list.appendChild(li);
      });
      if (!found.length) {
        var none = document.createElement('li');
        none.className = 'list-group-item small';
        none.textContent = field.dataset.pickerNone || '—';
        list.appendChild(none);
      }
      list.hidden = false;
      search.setAttribute('aria-expanded', 'true');
      highlight(found.length ? 0 : -1);
    }

    search.addEventListener('input', function () {
      var text = search.value.trim();
      if (!multi) {
        var free = field.dataset.pickerFree === 'true' || /^\d+$/.test(text);
        field.value = free ? text : '';
        if (!text) {
          field.dispatchEvent(new Event('change', {bubbles: true}));
        }
      }
      clearTimeout(timer);
      if (!text) {
        close();
        return;
      }
      timer = setTimeout(function () { fetchChoices(field.dataset.picker, text, show); }, 250);
    });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (list.hidden && search.value.trim()) {
          fetchChoices(field.dataset.picker, search.value.trim(), show);
          return;
        }
        var count = choices.length;
        if (count) {
          highlight((active + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
        }
      } else if (e.key === 'Enter' && !list.hidden) {
        e.preventDefault();
        if (active >= 0) {
          choose(active);
        }
      } else if (e.key === 'Escape' && !list.hidden) {
        e.preventDefault();
        close();
      }
    });
    search.addEventListener('blur', close);
  }

  function fetchChoices(url, text, done) {
    fetch(url + (url.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(text),
        {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(done)
        .catch(function () { done([]); });
  }

  function enhanceAll(root) {
    root.querySelectorAll('[data-picker]:not([data-picker-ready])').forEach(function (f) {
      f.setAttribute('data-picker-ready', '');
      enhance(f);
    });
  }

  document.addEventListener('DOMContentLoaded', function () { enhanceAll(document); });
  document.addEventListener('htmx:load', function (e) { enhanceAll(e.target); });
})();

// A table wider than its card scrolls inside it; the scrolling box takes the focus so the keyboard can scroll it too.
(function () {
  function focusable(root) {
    root.querySelectorAll('.table-responsive').forEach(function (box) {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute('tabindex')) {
        box.setAttribute('tabindex', '0');
      }
    });
  }
  document.addEventListener('DOMContentLoaded', function () { focusable(document); });
  document.addEventListener('htmx:load', function (e) { focusable(e.target); });
  window.addEventListener('resize', function () { focusable(document); });
})();

// Long sections of a page (<details data-open-wide>) start open on a wide screen and folded on a phone; the
// summary opens them with Enter or Space like any disclosure.
document.addEventListener('DOMContentLoaded', function () {
  if (window.matchMedia('(min-width: 992px)').matches) {
    document.querySelectorAll('details[data-open-wide]').forEach(function (d) { d.open = true; });
  }
});

// The import page: the upload's progress while htmx sends the file, then an indeterminate bar while the server checks
// it (a long file takes seconds); the template link follows the chosen kind.
(function () {
  function show(value) {
    var bar = document.getElementById('upload-progress');
    if (!bar) { return; }
    bar.hidden = false;
    document.getElementById('upload-status').hidden = false;
    if (value === null) { bar.removeAttribute('value'); } else { bar.value = value; }
  }
  document.addEventListener('htmx:beforeRequest', function (e) {
    if (e.target && e.target.closest && e.target.closest('#import-form')) { show(0); }
  });
  document.addEventListener('htmx:xhr:progress', function (e) {
    if (!e.detail || !e.detail.lengthComputable) { return; }
    show(e.detail.loaded >= e.detail.total ? null : Math.round(e.detail.loaded * 100 / e.detail.total));
  });
  document.addEventListener('htmx:afterRequest', function () {
    var bar = document.getElementById('upload-progress');
    if (bar) { bar.hidden = true; document.getElementById('upload-status').hidden = true; }
  });
  document.addEventListener('change', function (e) {
    if (e.target && e.target.id === 'kind') {
      var link = document.getElementById('template-link');
      if (link) { link.href = link.href.replace(/kind=[^&]*/, 'kind=' + encodeURIComponent(e.target.value)); }
    }
  });
})();

// Character counters: a field with data-counter="<id>" shows "n / max" in the element of that id as the user types;
// the element's data-counter-format holds the text with {0} for the count (the server wrote the first one).
(function () {
  function update(field) {
    var out = document.getElementById(field.dataset.counter);
    if (!out || !out.dataset.counterFormat) { return; }
    var n = field.value.length;
    out.textContent = out.dataset.counterFormat.replace('{0}', n.toLocaleString(document.documentElement.lang || 'vi'));
    var max = parseInt(field.getAttribute('maxlength'), 10);
    out.classList.toggle('text-danger', max > 0 && n >= max);
  }
  document.addEventListener('input', function (e) {
    if (e.target.dataset && e.target.dataset.counter) { update(e.target); }
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-counter]').forEach(update);
  });
})();
