// One instance's timeline: every step, who, when, how long, form data, escalations, comments, repairs.
(() => {
  const $ = id => document.getElementById(id);
  const { api, duration, time, table, card } = insight;

  function formData(step) {
    const entries = Object.entries(step.formData || {});
    return entries.length ? entries.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ') : '';
  }

  function notes(step) {
    return (step.comments || []).map(c => `${c.userId || ''} (${time(c.time)}): ${c.message}`).join(' | ');
  }

  async function init() {
    await insight.session();
    const id = new URLSearchParams(window.location.search).get('id');
    const timeline = await api('/instances/' + encodeURIComponent(id));
    const i = timeline.instance;
    $('title').textContent = `${i.processKey} ${i.businessKey || i.id}`;
    card($('summary'), 'status', i.status);
    card($('summary'), 'started', time(i.started));
    card($('summary'), 'ended', time(i.ended));
    card($('summary'), 'duration', duration(i.durationMillis));
    card($('summary'), 'started by', i.startedBy);
    table($('steps'), [
      ['Step', s => s.name || s.activityId], ['Type', s => s.type], ['State', s => s.state],
      ['Started', s => time(s.started)], ['Ended', s => time(s.ended)],
      ['Took', s => duration(s.durationMillis), 'num'], ['Who', s => s.assignee],
      ['Claimed', s => s.claimed ? time(s.claimed) : ''], ['Due', s => s.due ? time(s.due) : ''],
      ['Late', s => s.late ? 'late' : ''], ['Escalated', s => s.escalated ? time(s.escalated) : ''],
      ['Form data', formData], ['Comments', notes]], timeline.steps);
    [...$('steps').tBodies[0].rows].forEach((row, n) => {
      if (timeline.steps[n] && timeline.steps[n].late) row.cells[9].className = 'late';
    });
    timeline.comments.forEach(c => {
      const li = document.createElement('li');
      li.textContent = `${c.userId || ''} (${time(c.time)}): ${c.message}`;
      $('comments').appendChild(li);
    });
    timeline.operations.forEach(o => {
      const li = document.createElement('li');
      li.textContent = `${o.userId || ''} (${time(o.time)}): ${o.operation}${o.reason ? ' because: ' + o.reason : ''}`;
      $('operations').appendChild(li);
    });
    document.body.dataset.ready = 'true';
  }

  init().catch(error => { document.body.dataset.error = String(error && error.stack || error); console.error(error); });
})();
