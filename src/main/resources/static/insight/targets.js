// Targets and actions: each figure against its target week by week, the improvement actions of the weekly
// reviews, and the targets in force.
(() => {
  const $ = id => document.getElementById(id);
  const { api, send, duration, time, table } = insight;
  const FIGURES = { cycleTimeP90: 'Cycle time p90', onTimePercent: 'Steps on time', workInProgress: 'Work in progress',
    stepOnTimePercent: 'On time' };
  const TRENDS = { better: '▲ better', worse: '▼ worse', same: '= same' };

  function value(figure, number) {
    if (number === null || number === undefined) return '–';
    return figure === 'cycleTimeP90' ? duration(number) : figure === 'workInProgress' ? String(number) : number + ' %';
  }

  function status(met) {
    const span = document.createElement('span');
    span.textContent = met === null || met === undefined ? '–' : met ? 'met' : 'missed';
    span.className = met === false ? 'late' : '';
    return span;
  }

  async function showScorecard() {
    $('scorecard-csv').href = '/api/insight/scorecard.csv';
    const figures = await api('/scorecard');
    const weeks = figures.length ? figures[0].weeks.map(w => w.weekStart) : [];
    table($('scorecard'), [
      ['Process', f => f.processName],
      ['Figure', f => FIGURES[f.figure] + (f.taskName ? ': ' + f.taskName : '')],
      ['Target', f => f.target],
      ...weeks.map((week, i) => ['Week of ' + week, f => value(f.figure, f.weeks[i].value), 'num']),
      ['Last week', f => status(f.met)],
      ['Trend', f => TRENDS[f.trend] || '–']], figures);
  }

  const STATES = { OPEN: 'open', LATE: 'late', DONE: 'done' };

  function state(value) {
    const span = document.createElement('span');
    span.textContent = STATES[value] || value;
    span.className = value === 'LATE' ? 'late' : '';
    return span;
  }

  async function showActions() {
    const { owners, actions } = await api('/actions');
    table($('action-owners'), [
      ['Department', o => o.department], ['Owner', o => o.owner], ['Open', o => o.open, 'num'],
      ['Late', o => o.late, 'num'], ['Done', o => o.done, 'num']], owners);
    table($('actions'), [
      ['Action', a => a.title], ['Department', a => a.department], ['Owner', a => a.owner],
      ['Due', a => a.dueDate], ['State', a => state(a.state)], ['Agreed by', a => a.agreedBy],
      ['Review of week', a => a.reviewWeek], ['Done', a => (a.doneAt ? time(a.doneAt) : '')],
      ['Result', a => a.result]], actions);
  }

  async function showTargets() {
    table($('targets'), [
      ['Process', t => t.processKey], ['Cycle time p90', t => t.cycleTimeP90],
      ['Steps on time', t => (t.onTimePercent == null ? null : t.onTimePercent + ' %')],
      ['Work in progress at most', t => t.maxWorkInProgress],
      ['Steps', t => t.steps.map(s => `${s.taskKey} ${s.onTimePercent} %`).join(', ')],
      ['Set by', t => t.setBy], ['Set at', t => time(t.setAt)]], await api('/targets'));
  }

  function number(id) {
    return $(id).value === '' ? null : Number($(id).value);
  }

  async function setTarget(event) {
    event.preventDefault();
    try {
      await send('PUT', '/targets/' + encodeURIComponent($('target-process').value), {
        cycleTimeP90: $('cycle-time').value || null, onTimePercent: number('on-time'), maxWorkInProgress: number('max-wip') });
      await Promise.all([showScorecard(), showTargets()]);
      $('set-result').textContent = 'Saved.'; // once the tables show the new target
    } catch (error) {
      $('set-result').textContent = error.message;
    }
  }

  async function init() {
    await insight.session();
    (await api('/processes')).forEach(p => $('target-process').add(new Option(p.name, p.key)));
    $('set-target').addEventListener('submit', setTarget);
    await Promise.all([showScorecard(), showActions(), showTargets()]);
    document.body.dataset.ready = 'true';
  }

  init().catch(error => { document.body.dataset.error = String(error && error.stack || error); console.error(error); });
})();
