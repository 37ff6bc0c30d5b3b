// Shared by the insight pages: API calls with the page's session, formatting, tables, log-out.
const insight = (() => {
  // the company's calendar zone: times are shown in it, named, whatever the browser's zone
  let zone;
  const zoneKnown = fetch('/api/insight/me', { headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : {})).then(me => { zone = me.zone; }).catch(() => {});

  async function api(path) {
    await zoneKnown;
    const response = await fetch('/api/insight' + path, { headers: { Accept: 'application/json, application/xml' } });
    if (response.status === 401) {
      window.location = '/insight/login';
    }
    const json = (response.headers.get('content-type') || '').includes('json');
    if (!response.ok) {
      throw new Error(`${path}: ${json ? (await response.json()).detail : response.status}`);
    }
    return json ? response.json() : response.text();
  }

  /** Sends JSON with the session's CSRF token; answers the JSON reply, or throws the problem's detail. */
  async function send(method, path, body) {
    const me = await api('/me');
    const response = await fetch('/api/insight' + path, {
      method, body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [me.csrfHeader]: me.csrfToken } });
    const reply = await response.json();
    if (!response.ok) {
      throw new Error(reply.detail || String(response.status));
    }
    return reply;
  }

  function duration(millis) {
    if (millis === null || millis === undefined) {
      return '–';
    }
    const minutes = Math.round(millis / 60000);
    if (minutes < 60) {
      return minutes + ' min';
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 48) {
      return hours + ' h' + (minutes % 60 ? ' ' + (minutes % 60) + ' min' : '');
    }
    return Math.floor(hours / 24) + ' d' + (hours % 24 ? ' ' + (hours % 24) + ' h' : '');
  }

  function time(iso) {
    if (!iso) {
      return '–';
    }
    return zone ? new Date(iso).toLocaleString('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' })
      + ' (' + zone + ')' : new Date(iso).toLocaleString();
  }

  function text(value) {
    return value === null || value === undefined ? '–' : String(value);
  }

  /** Fills a table: columns are [heading, row => cell text or Node, 'num' for numbers]. */
  function table(element, columns, rows) {
    element.replaceChildren();
    const head = element.createTHead().insertRow();
    columns.forEach(([heading, , kind]) => {
      const th = document.createElement('th');
      th.textContent = heading;
      th.className = kind || '';
      head.appendChild(th);
    });
    const body = element.createTBody();
    rows.forEach(row => {
      const tr = body.insertRow();
      columns.forEach(([, cell, kind]) => {
        const td = tr.insertCell();
        const value = cell(row);
        td.className = kind || '';
        value instanceof Node ? td.appendChild(value) : (td.textContent = text(value));
      });
    });
    if (rows.length === 0) {
      const td = body.insertRow().insertCell();
      td.colSpan = columns.length;
      td.textContent = 'Nothing in this period.';
    }
  }

  function link(href, label) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    return a;
  }

  function card(container, label, value) {
    const div = document.createElement('div');
    div.className = 'card';
    div.innerHTML = '<div class="value"></div><div class="label"></div>';
    div.querySelector('.value').textContent = text(value);
    div.querySelector('.label').textContent = label;
    container.appendChild(div);
  }

  async function session() {
    const me = await api('/me');
    document.getElementById('user').textContent = me.userId;
    document.getElementById('logout').addEventListener('click', async () => {
      await fetch('/insight/logout', { method: 'POST', headers: { [me.csrfHeader]: me.csrfToken } });
      window.location = '/insight/login?logout';
    });
  }

  return { api, send, duration, time, text, table, link, card, session };
})();
