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

    if (e.key === '/') {
      var search = document.querySelector('[data-shortcut="search"]');
      if (search) {
        e.preventDefault(); // otherwise the "/" would be typed into the field
        search.focus();
        if (typeof search.select === 'function') search.select();
      }
    } else if (isN) {
      var link = document.querySelector('a[data-shortcut="new"]');
      if (link) { e.preventDefault(); link.click(); }
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
})();
