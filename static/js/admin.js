// Hireboard back office: progressive enhancement only. Every feature below has a
// server-side equivalent, so the pages work the same with this file blocked.
(function () {
  'use strict';

  // Typing in a field must never trigger a shortcut.
  function isTyping(el) {
    return !!el && (el.isContentEditable ||
      (el.closest && el.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')));
  }

  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (isTyping(e.target)) return;
    // Behind a modal dialog the page is inert; let the dialog handle its own keys.
    if (document.querySelector('dialog[open]')) return;

    // e.code keeps "n" working on non-Latin layouts (e.g. Ukrainian, where that key types "т").
    var isN = e.key === 'n' || (e.code === 'KeyN' && !e.shiftKey && !/^[a-z]$/i.test(e.key));
    var isE = e.key === 'e' || (e.code === 'KeyE' && !e.shiftKey && !/^[a-z]$/i.test(e.key));

    if (e.key === '/') {
      // The list's own filter where there is one, else the back office's search.
      var search = document.querySelector('[data-shortcut="search"]') ||
        document.querySelector('[data-shortcut="global-search"]');
      if (search) {
        e.preventDefault(); // otherwise the "/" would be typed into the field
        search.focus();
        if (typeof search.select === 'function') search.select();
      }
    } else if (isN) {
      var link = document.querySelector('a[data-shortcut="new"]');
      if (link) { e.preventDefault(); link.click(); }
    } else if (isE) {
      var edit = document.querySelector('a[data-shortcut="edit"]');
      if (edit) { e.preventDefault(); edit.click(); }
    } else if (e.key === '?') {
      var help = document.getElementById('shortcuts');
      if (help && typeof help.showModal === 'function' && !help.open) {
        e.preventDefault();
        help.showModal(); // Escape closes it natively
      }
    }
  });

  // Row checkboxes may sit outside the batch <form> (form="…" attribute), so go through
  // form.elements, which includes them, rather than querying the form's subtree.
  function owner(box) {
    return box.form || box.closest('form');
  }

  function inForm(form, selector) {
    if (!form) return Array.prototype.slice.call(document.querySelectorAll(selector));
    return Array.prototype.filter.call(form.elements, function (el) { return el.matches(selector); });
  }

  function refresh(form) {
    var boxes = inForm(form, 'input[type="checkbox"][name="ids"]:not(:disabled)');
    var checked = boxes.filter(function (b) { return b.checked; }).length;
    inForm(form, 'input[type="checkbox"][data-select-all]').forEach(function (all) {
      all.checked = boxes.length > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    });
    var counter = (form && form.querySelector('[data-selected-count]')) ||
      document.querySelector('[data-selected-count]');
    if (counter) counter.textContent = String(checked);
  }

  document.addEventListener('change', function (e) {
    var t = e.target;
    if (!(t instanceof HTMLElement)) return;

    if (t.matches('input[type="checkbox"][data-select-all]')) {
      var form = owner(t);
      inForm(form, 'input[type="checkbox"][name="ids"]:not(:disabled)').forEach(function (b) {
        b.checked = t.checked;
      });
      refresh(form);
    } else if (t.matches('input[type="checkbox"][name="ids"]')) {
      refresh(owner(t));
    } else if (t.matches('select[data-autosubmit]') && t.form) {
      // requestSubmit (unlike submit) fires the submit event, so data-confirm still applies.
      if (typeof t.form.requestSubmit === 'function') t.form.requestSubmit();
      else t.form.submit();
    }
  });

  // Quick confirmation; the server still shows its own confirmation page without JS.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var message = (e.submitter && e.submitter.getAttribute('data-confirm')) ||
      form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) e.preventDefault();
  });

  // Browsers restore checkbox state on back/forward navigation: sync counters and
  // "select all" boxes with it.
  function refreshAll() {
    var seen = [];
    document.querySelectorAll('input[type="checkbox"][data-select-all], input[type="checkbox"][name="ids"]')
      .forEach(function (box) {
        var form = owner(box);
        if (seen.indexOf(form) === -1) { seen.push(form); refresh(form); }
      });
  }
  refreshAll();
  window.addEventListener('pageshow', function (e) { if (e.persisted) refreshAll(); });

  // Language tabs on forms. Without this script every language's fieldset shows, one under
  // the other; with it they become an ARIA tablist (arrow keys move between tabs).
  document.querySelectorAll('[data-tabs]').forEach(function (box) {
    var panels = Array.prototype.slice.call(box.querySelectorAll(':scope > fieldset.lang-tab'));
    if (panels.length < 2) return;
    var list = document.createElement('div');
    list.setAttribute('role', 'tablist');
    var tabs = panels.map(function (panel, i) {
      var legend = panel.querySelector('legend');
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.id = panel.id + '-tab';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', panel.id);
      tab.textContent = legend ? legend.textContent : String(i + 1);
      var state = panel.getAttribute('data-state');
      if (state === 'missing') tab.classList.add('tab-missing');
      if (state === 'outdated') tab.classList.add('tab-stale');
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
      tab.addEventListener('click', function () { select(i, false); });
      tab.addEventListener('keydown', function (e) {
        var visible = tabs.filter(function (t) { return !t.hidden; });
        var at = visible.indexOf(tab);
        var next = null;
        if (e.key === 'ArrowRight') next = visible[(at + 1) % visible.length];
        else if (e.key === 'ArrowLeft') next = visible[(at - 1 + visible.length) % visible.length];
        else if (e.key === 'Home') next = visible[0];
        else if (e.key === 'End') next = visible[visible.length - 1];
        if (next) { e.preventDefault(); select(tabs.indexOf(next), true); }
      });
      list.appendChild(tab);
      return tab;
    });
    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === index;
        tab.setAttribute('aria-selected', on ? 'true' : 'false');
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) tabs[index].focus();
    }
    box.insertBefore(list, panels[0]);
    var firstError = panels.findIndex(function (p) { return p.hasAttribute('data-has-error'); });
    select(firstError >= 0 ? firstError : 0, false);

    // On a new record, the language chosen as the original has no translation tab.
    var original = document.querySelector('select[data-original-locale]');
    function syncOriginal() {
      if (!original) return;
      panels.forEach(function (panel, i) {
        if (panel.getAttribute('data-state') === 'original') return;
        var same = panel.getAttribute('data-locale') === original.value;
        tabs[i].hidden = same;
        if (same && tabs[i].getAttribute('aria-selected') === 'true') select(0, false);
      });
    }
    if (original && !original.disabled) {
      original.addEventListener('change', syncOriginal);
      syncOriginal();
    }
  });

  // An error summary takes the focus, so screen readers announce it and Tab reaches the
  // links to the fields.
  var summary = document.getElementById('form-errors');
  if (summary) summary.focus();
  document.addEventListener('click', function (e) {
    var link = e.target instanceof Element && e.target.closest('#form-errors a[href^="#"]');
    if (!link) return;
    var field = document.getElementById(link.getAttribute('href').slice(1));
    var panel = field && field.closest('fieldset.lang-tab[role="tabpanel"]');
    if (panel && panel.hidden) {
      var tab = document.getElementById(panel.id + '-tab');
      if (tab) tab.click();
    }
    if (field) { e.preventDefault(); field.focus(); }
  });

  // Association fields: suggestions from /admin/{resource}/lookup as the user types.
  document.querySelectorAll('input[data-lookup]').forEach(function (input) {
    var list = input.list;
    if (!list) return;
    var timer = null;
    var last = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === last || q.charAt(0) === '#') return;
        last = q;
        fetch(input.getAttribute('data-lookup') + '?q=' + encodeURIComponent(q), {
          credentials: 'same-origin',
          headers: { Accept: 'application/json' }
        }).then(function (r) { return r.ok ? r.json() : []; }).then(function (found) {
          if (q !== last) return; // an older answer arriving late
          list.textContent = '';
          found.forEach(function (item) {
            var option = document.createElement('option');
            option.value = item.label;
            list.appendChild(option);
          });
        }).catch(function () { /* suggestions are a convenience; typing still works */ });
      }, 200);
    });
  });
  // The applications board: a card dragged onto another column moves there, through the
  // card's own form (the same request its menu sends). A column the card may not move to
  // does not take the drop.
  var board = document.querySelector('[data-board]');
  if (board) {
    var dragged = null;
    var allows = function (card, stage) {
      var select = card && card.querySelector('select[name="to"]');
      return !!select && Array.prototype.some.call(select.options, function (o) {
        return o.value === stage;
      });
    };
    board.querySelectorAll('.board-card').forEach(function (card) {
      if (!card.querySelector('form.board-move')) return;
      card.setAttribute('draggable', 'true');
      card.addEventListener('dragstart', function (e) {
        dragged = card;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', card.id);
        card.classList.add('dragging');
      });
      card.addEventListener('dragend', function () {
        card.classList.remove('dragging');
        dragged = null;
      });
    });
    board.querySelectorAll('.board-column').forEach(function (column) {
      var stage = column.getAttribute('data-stage');
      column.addEventListener('dragover', function (e) {
        if (allows(dragged, stage)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          column.classList.add('drop-target');
        }
      });
      column.addEventListener('dragleave', function () {
        column.classList.remove('drop-target');
      });
      column.addEventListener('drop', function (e) {
        column.classList.remove('drop-target');
        if (!allows(dragged, stage)) return;
        e.preventDefault();
        var form = dragged.querySelector('form.board-move');
        form.querySelector('select[name="to"]').value = stage;
        form.submit();
      });
    });
  }

  // A secret shown once (a new API token): its button copies it and says so.
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field || !navigator.clipboard) { button.hidden = true; return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = button.getAttribute('data-copied');
      });
    });
  });
  // The map picker of the posting and company forms: search a place or click the map, drag
  // the marker; the latitude and longitude fields (which work without it) follow, and typing
  // in them moves the marker. Leaflet is served by the app (see build.rs).
  var picker = document.getElementById('map-picker');
  var latField = document.getElementById('f-latitude');
  var lonField = document.getElementById('f-longitude');
  if (picker && latField && lonField) {
    var pickerStatus = document.getElementById('map-picker-status');
    var loadAsset = function (tag, attributes) {
      return new Promise(function (resolve, reject) {
        var element = document.createElement(tag);
        Object.assign(element, attributes);
        element.onload = resolve;
        element.onerror = reject;
        document.head.appendChild(element);
      });
    };
    picker.hidden = false;
    Promise.all([
      loadAsset('link', { rel: 'stylesheet', href: picker.getAttribute('data-style') }),
      loadAsset('script', { src: picker.getAttribute('data-script') }),
    ]).then(function () { startPicker(window.L); }, function () {
      pickerStatus.textContent = picker.getAttribute('data-unavailable');
    });
  }

  function startPicker(L) {
    var read = function () {
      var lat = parseFloat(latField.value.replace(',', '.'));
      var lon = parseFloat(lonField.value.replace(',', '.'));
      return (isFinite(lat) && isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) ? [lat, lon] : null;
    };
    var map = L.map('map-picker-map', { worldCopyJump: true });
    L.tileLayer(picker.getAttribute('data-tiles'), {
      maxZoom: 19,
      attribution: picker.getAttribute('data-attribution'),
    }).addTo(map);
    var marker = null;
    var put = function (latlng) {
      if (marker) { marker.setLatLng(latlng); return; }
      marker = L.marker(latlng, { draggable: true, keyboard: true }).addTo(map);
      marker.on('dragend', function () { write(marker.getLatLng()); });
    };
    var write = function (latlng) {
      latField.value = latlng.lat.toFixed(5);
      lonField.value = L.latLng(latlng).wrap().lng.toFixed(5);
      pickerStatus.textContent = picker.getAttribute('data-set')
        .replace('{lat}', latField.value).replace('{lon}', lonField.value);
    };
    var start = read();
    if (start) { put(start); map.setView(start, 13); } else { map.setView([50.5, 10.5], 4); }
    map.on('click', function (e) { put(e.latlng); write(e.latlng); });
    [latField, lonField].forEach(function (field) {
      field.addEventListener('change', function () {
        var point = read();
        if (point) { put(point); map.panTo(point); }
      });
    });
    // Places whose name starts with the text typed, from the board's gazetteer.
    var find = document.getElementById('map-picker-find');
    var options = document.getElementById('map-picker-places');
    var found = [];
    var timer = null;
    find.addEventListener('input', function () {
      var match = found.filter(function (p) { return p.label === find.value; })[0];
      if (match) {
        var point = [match.lat, match.lon];
        put(point);
        write(L.latLng(point));
        map.setView(point, 12);
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = find.value.trim();
        if (!q) return;
        fetch(picker.getAttribute('data-find') + '?q=' + encodeURIComponent(q), {
          headers: { Accept: 'application/json' },
          credentials: 'same-origin',
        }).then(function (response) { return response.ok ? response.json() : []; })
          .then(function (places) {
            found = places;
            options.replaceChildren.apply(options, places.map(function (p) {
              var option = document.createElement('option');
              option.value = p.label;
              return option;
            }));
          });
      }, 200);
    });
  }

  // An import's progress: the page asks for it every second and reloads once the run ends
  // (without JavaScript the page refreshes itself).
  var progress = document.querySelector('[data-import-progress]');
  if (progress) {
    var bar = document.getElementById('import-progress');
    var label = document.getElementById('import-progress-label');
    var poll = function () {
      fetch(progress.getAttribute('data-import-progress'), { credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (state) {
          if (!state) { return; }
          if (!state.working) { window.location.reload(); return; }
          bar.max = Math.max(state.total, 1);
          bar.value = state.done;
          if (state.total > 0) { bar.removeAttribute('aria-busy'); }
          label.textContent = state.label;
          window.setTimeout(poll, 1000);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 1000);
  }
})();
