// The overview page: KPIs of all processes, then one process in depth (heatmap, SLA, history).
(() => {
  const $ = id => document.getElementById(id);
  const { api, duration, time, table, link, card } = insight;
  let viewer = null;
  let page = 0;

  function query() {
    const params = new URLSearchParams();
    if ($('from').value) params.set('from', $('from').value);
    if ($('to').value) params.set('to', $('to').value);
    return params;
  }

  async function showAll() {
    const params = query();
    $('kpis-csv').href = '/api/insight/kpis.csv?' + params;
    const rows = await api('/kpis?' + params);
    table($('all-kpis'), [
      ['Process', r => link('#', r.processName)],
      ['Started', r => r.started, 'num'], ['Completed', r => r.completed, 'num'],
      ['Cancelled', r => r.cancelled, 'num'], ['Running at end', r => r.running, 'num'],
      ['Cycle time median', r => duration(r.cycleTimeMedianMillis), 'num'],
      ['Cycle time p90', r => duration(r.cycleTimeP90Millis), 'num']], rows);
    [...$('all-kpis').tBodies[0].querySelectorAll('a')].forEach((a, i) => a.addEventListener('click', event => {
      event.preventDefault();
      $('process').value = rows[i].processKey;
      showProcess();
    }));
  }

  async function showProcess() {
    const key = $('process').value;
    if (!key) return;
    const params = query();
    const detail = await api(`/processes/${key}/kpis?${params}`);
    const s = detail.summary;
    $('process-title').textContent = `${s.processName}: ${s.from} to ${s.to}`;
    $('from').value = s.from;
    $('to').value = s.to;
    const cards = $('kpi-cards');
    cards.replaceChildren();
    card(cards, 'started', s.started);
    card(cards, 'completed', s.completed);
    card(cards, 'running at end', s.running);
    card(cards, 'cancelled', s.cancelled);
    card(cards, 'cycle time median', duration(s.cycleTimeMedianMillis));
    card(cards, 'cycle time p90', duration(s.cycleTimeP90Millis));
    table($('throughput'), [['Week of', r => r.weekStart], ['Completed', r => r.completed, 'num']], detail.throughput);
    table($('wip'), [['Task', r => r.taskName], ['Open', r => r.open, 'num'],
      ['Unclaimed', r => r.unassigned, 'num'], ['Overdue', r => r.overdue, 'num']], detail.workInProgress);
    await Promise.all([showHeatmap(key, params), showBottlenecks(key, params), search(0)]);
  }

  async function showHeatmap(key, params) {
    const [xml, activities] = await Promise.all([
      api(`/processes/${key}/diagram`), api(`/processes/${key}/heatmap?${params}`)]);
    viewer = viewer || new BpmnJS({ container: '#diagram' });
    await viewer.importXML(xml);
    viewer.get('canvas').zoom('fit-viewport');
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    const slowest = Math.max(1, ...activities.map(a => a.durationMedianMillis || 0));
    activities.filter(a => registry.get(a.activityId)).forEach(a => {
      const badge = document.createElement('div');
      const share = (a.durationMedianMillis || 0) / slowest;
      badge.className = 'heat' + (share > 0.66 ? ' hot' : share > 0.33 ? ' warm' : '');
      badge.title = `${a.entered} entered, ${a.active} there now, median ${duration(a.durationMedianMillis)}, p90 ${duration(a.durationP90Millis)}`;
      badge.textContent = a.entered + (a.durationMedianMillis ? ' · ' + duration(a.durationMedianMillis) : '');
      overlays.add(a.activityId, 'heat', { position: { bottom: 8, left: 0 }, html: badge });
    });
  }

  async function showBottlenecks(key, params) {
    $('bottlenecks-csv').href = `/api/insight/processes/${key}/bottlenecks.csv?${params}`;
    const rows = await api(`/processes/${key}/bottlenecks?${params}`);
    table($('bottlenecks'), [
      ['Task', r => r.taskName], ['Created', r => r.created, 'num'], ['Completed', r => r.completed, 'num'],
      ['On time', r => r.onTimePercent == null ? '–' : r.onTimePercent + ' %', 'num'],
      ['Overdue now', r => r.overdueNow, 'num'], ['Escalated', r => r.escalated, 'num'],
      ['Waiting median', r => duration(r.waitingMedianMillis), 'num'],
      ['Waiting p90', r => duration(r.waitingP90Millis), 'num'],
      ['Working median', r => duration(r.workingMedianMillis), 'num'],
      ['Working p90', r => duration(r.workingP90Millis), 'num']], rows);
  }

  async function search(toPage) {
    page = toPage;
    const params = query();
    params.set('process', $('process').value);
    if ($('business-key').value) params.set('businessKey', $('business-key').value);
    if ($('status').value) params.set('status', $('status').value);
    $('instances-csv').href = '/api/insight/instances.csv?' + params;
    params.set('page', page);
    params.set('size', 20);
    const result = await api('/instances?' + params);
    table($('instances'), [
      ['Business key', r => link('/insight/instance.html?id=' + encodeURIComponent(r.id), r.businessKey || r.id)],
      ['Status', r => r.status], ['Started', r => time(r.started)], ['Ended', r => time(r.ended)],
      ['Duration', r => duration(r.durationMillis), 'num'], ['Started by', r => r.startedBy]], result.items);
    $('previous').disabled = page === 0;
    $('next').disabled = !result.hasMore;
  }

  async function init() {
    await insight.session();
    const processes = await api('/processes');
    processes.forEach(p => $('process').add(new Option(p.name, p.key)));
    // a link can choose the process and period: /insight?process=...&from=...&to=...
    const link = new URLSearchParams(window.location.search);
    ['process', 'from', 'to'].filter(name => link.get(name)).forEach(name => { $(name).value = link.get(name); });
    $('period').addEventListener('submit', event => { event.preventDefault(); showAll(); showProcess(); });
    $('process').addEventListener('change', showProcess);
    $('search').addEventListener('submit', event => { event.preventDefault(); search(0); });
    $('previous').addEventListener('click', () => search(page - 1));
    $('next').addEventListener('click', () => search(page + 1));
    await Promise.all([showAll(), showProcess()]);
    document.body.dataset.ready = 'true';
  }

  init().catch(error => { document.body.dataset.error = String(error && error.stack || error); console.error(error); });
})();
