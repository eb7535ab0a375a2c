// Suggestions while typing, the only script of the app (served from /js, allowed by script-src 'self').
// - <input list="..." data-suggest-url="..."> : article titles for the input's <datalist>
// - <form data-related-url="..." data-related-target="..."> : articles matching the form's subject
//   and body, listed in the target element (which is shown only when there are some)
// Text from the server is set with .value and .textContent only, never as HTML.
(function () {
  'use strict';

  function debounce(fn, ms) {
    var timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; });
  }

  document.querySelectorAll('input[data-suggest-url][list]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    var lang = document.getElementById(input.dataset.suggestLang || '');
    input.addEventListener('input', debounce(function () {
      var q = input.value.trim();
      if (q.length < 2) {
        list.replaceChildren();
        return;
      }
      var url = input.dataset.suggestUrl + '?q=' + encodeURIComponent(q);
      if (lang && lang.value) {
        url += '&lang=' + encodeURIComponent(lang.value);
      }
      getJson(url).then(function (items) {
        if (input.value.trim() !== q) {
          return; // typed on meanwhile
        }
        list.replaceChildren.apply(list, items.map(function (s) {
          var option = document.createElement('option');
          option.value = s.title;
          return option;
        }));
      });
    }, 150));
  });

  document.querySelectorAll('form[data-related-url][data-related-target]').forEach(function (form) {
    var target = document.getElementById(form.dataset.relatedTarget);
    var box = target.closest('[hidden], aside') || target;
    form.addEventListener('input', debounce(function () {
      var text = Array.prototype.map.call(form.querySelectorAll('input[name=subject], textarea[name=body]'),
        function (e) { return e.value; }).join('\n').trim();
      if (text.length < 3) {
        target.replaceChildren();
        box.hidden = true;
        return;
      }
      getJson(form.dataset.relatedUrl + '?text=' + encodeURIComponent(text.slice(0, 2000))).then(function (items) {
        target.replaceChildren.apply(target, items.map(function (s) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = s.url;
          a.target = '_blank';
          a.rel = 'noopener';
          a.className = 'related-article';
          a.textContent = s.title;
          li.appendChild(a);
          return li;
        }));
        box.hidden = items.length === 0;
      });
    }, 300));
  });
})();
