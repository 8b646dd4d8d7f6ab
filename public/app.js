/* Faro web page: picks the language, the (demo) identity, and starts Web Chat on the local Direct Line. */
(function () {
  'use strict';

  var LOCALES = ['es', 'en', 'pt'];
  var WEBCHAT_LOCALE = { es: 'es-ES', en: 'en-US', pt: 'pt-BR' };
  var ROLES = ['officer', 'defender', 'supervisor'];
  var DEMO_KEY = 'faro.demoUserId';
  var USER_KEY = 'faro.userId';
  var DEMO_ID = /^demo-(officer|defender|supervisor)-[A-Za-z0-9_-]{1,64}$/;

  var $ = function (id) { return document.getElementById(id); };
  var strings = {};

  function browserLocale(fallback) {
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < langs.length; i++) {
      var base = String(langs[i] || '').toLowerCase().split(/[-_]/)[0];
      if (LOCALES.indexOf(base) >= 0) return base;
    }
    return LOCALES.indexOf(fallback) >= 0 ? fallback : 'es';
  }

  function randomId() {
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function storage(key, value) {
    try {
      if (value === undefined) return localStorage.getItem(key);
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch (e) { /* storage disabled: the identity lasts for this page only */ }
    return null;
  }

  function t(key, vars) {
    var s = strings[key] || key;
    Object.keys(vars || {}).forEach(function (k) { s = s.split('{{' + k + '}}').join(vars[k]); });
    return s;
  }

  function applyStrings(lng) {
    document.documentElement.lang = lng;
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-label]'), function (el) {
      el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label')));
    });
  }

  function getJson(url, init) {
    return fetch(url, init).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status + ' for ' + url);
      return r.json();
    });
  }

  function showStatus(key) {
    var el = $('status');
    el.hidden = !key;
    el.textContent = key ? t(key) : '';
  }

  var LOCALE_KEY = 'faro.locale';
  var chat = null;

  function renderChat(lng) {
    window.WebChat.renderWebChat({
      directLine: chat.directLine,
      store: chat.store,
      userID: chat.userID,
      locale: WEBCHAT_LOCALE[lng],
      styleOptions: { hideUploadButton: true, bubbleMaxWidth: 640, sendBoxHeight: 48 }
    }, $('webchat'));
  }

  /** Faro answered a language change: the page's own words and Web Chat's follow it, also after a reload. */
  function followLocale(lng) {
    if (LOCALES.indexOf(lng) < 0 || lng === document.documentElement.lang) return;
    storage(LOCALE_KEY, lng);
    getJson('/i18n/web/' + lng).then(function (s) {
      strings = s;
      applyStrings(lng);
      var role = $('current-role').getAttribute('data-role');
      if (role) showRole(role);
      if (chat) renderChat(lng);
    }).catch(function () { /* keep the current words */ });
  }

  function startChat(userID, lng) {
    showStatus('loading');
    return getJson('/v3/directline/tokens/generate', { method: 'POST' }).then(function (conv) {
      var directLine = window.WebChat.createDirectLine({
        domain: location.origin + '/v3/directline',
        token: conv.token,
        webSocket: false,
        pollingInterval: 300
      });
      var el = $('webchat');
      el.hidden = false;
      // Once connected, ask Faro for its welcome, in the page's language.
      var store = window.WebChat.createStore({}, function (api) {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: {} } });
            }
            if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
              var act = action.payload && action.payload.activity;
              var data = act && act.from && act.from.role === 'bot' && act.channelData;
              if (data && typeof data.faroLocale === 'string') setTimeout(function () { followLocale(data.faroLocale); }, 0);
            }
            return next(action);
          };
        };
      });
      chat = { directLine: directLine, store: store, userID: userID };
      renderChat(lng);
      showStatus(null);
      var input = el.querySelector('[data-id="webchat-sendbox-input"]');
      if (input) input.focus();
    });
  }

  function showPicker(lng) {
    showStatus(null);
    $('picker').hidden = false;
    $('role-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var checked = document.querySelector('input[name="role"]:checked');
      if (!checked || ROLES.indexOf(checked.value) < 0) return;
      var id = 'demo-' + checked.value + '-' + randomId();
      storage(DEMO_KEY, id);
      $('picker').hidden = true;
      showRole(checked.value);
      startChat(id, lng).catch(fail);
    });
    var first = document.querySelector('input[name="role"]');
    if (first) first.focus();
  }

  function showRole(role) {
    $('current-role').setAttribute('data-role', role);
    $('current-role').textContent = t('currentRole', { role: t('role_' + role) });
    $('demo-tag').hidden = false;
    $('session-bar').hidden = false;
  }

  function fail() {
    showStatus('loadError');
  }

  function main() {
    getJson('/config.json').then(function (config) {
      var chosen = storage(LOCALE_KEY);
      var lng = LOCALES.indexOf(chosen) >= 0 ? chosen : browserLocale(config.defaultLocale);
      return getJson('/i18n/web/' + lng).then(function (s) {
        strings = s;
        applyStrings(lng);
        if (!config.demo) {
          var userId = storage(USER_KEY);
          if (!userId) { userId = 'user-' + randomId(); storage(USER_KEY, userId); }
          return startChat(userId, lng);
        }
        $('change-role').addEventListener('click', function () {
          storage(DEMO_KEY, null);
          location.reload();
        });
        var saved = storage(DEMO_KEY);
        var m = saved && DEMO_ID.exec(saved);
        if (m) {
          showRole(m[1]);
          return startChat(saved, lng);
        }
        showPicker(lng);
      });
    }).catch(fail);
  }

  main();
})();
