// Opsflow's Cockpit plugin (io.opsflow.versions.VersionsCockpitPlugin): administrators change
// running work here. "Versions" on a process: running instances per version, the dry run of a
// migration to the newest version, and the migration with a reason. "Repair" on an instance: move
// it to another step, or retry its failed jobs, with a reason. Everything goes through the
// plugin's REST resource, which refuses anyone but administrators (shown as the answer's message).
const PLUGIN = 'opsflowVersions';

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child));
  return node;
}

function client(api) {
  const base = `${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}`;
  return async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((json && json.message) || `${response.status} ${response.statusText}`);
    }
    return json;
  };
}

function table(id, headers, rows) {
  return element('table', { id, class: 'table table-condensed cam-table' },
    element('thead', {}, element('tr', {}, ...headers.map(h => element('th', {}, h)))),
    element('tbody', {}, ...rows.map(row => element('tr', {}, ...row.map(cell => element('td', {}, String(cell ?? '')))))));
}

function reasonField(id) {
  return element('textarea', { id, class: 'form-control', rows: '2', maxlength: '1000',
    placeholder: 'Why? Kept in the instance history with your name' });
}

function showError(node, error) {
  node.replaceChildren(element('div', { class: 'alert alert-danger opsflow-error' }, error.message));
}

function dryRunView(report) {
  return element('div', { id: 'opsflow-dry-run-result' },
    element('p', {}, `From version ${report.fromVersions.join(', ') || '-'} to version ${report.toVersion}: `,
      element('strong', { id: 'opsflow-migratable' }, String(report.migratable)), ` of ${report.instances} running`
      + ' instances can be migrated.'),
    report.blocked.length ? table('opsflow-blocked', ['Instance', 'Business key', 'Step', 'Why it stays'],
      report.blocked.map(b => [b.instanceId, b.businessKey, b.activityId, b.reason])) : '');
}

async function renderVersions(node, api, processDefinitionId) {
  const call = client(api);
  const definition = await (await fetch(`${api.engineApi}/process-definition/${processDefinitionId}`,
    { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })).json();
  const key = encodeURIComponent(definition.key);
  const versions = await call('GET', `/processes/${key}/versions`);
  const result = element('div', { id: 'opsflow-result' });
  const reason = reasonField('opsflow-reason');
  const dryRun = element('button', { id: 'opsflow-dry-run', class: 'btn btn-default', type: 'button' }, 'Dry run');
  const migrate = element('button', { id: 'opsflow-migrate', class: 'btn btn-primary', type: 'button' },
    'Migrate to the newest version');
  dryRun.onclick = () => call('POST', `/processes/${key}/migration?dryRun=true`, {})
    .then(report => result.replaceChildren(dryRunView(report)), error => showError(result, error));
  migrate.onclick = () => call('POST', `/processes/${key}/migration`, { reason: reason.value })
    .then(report => result.replaceChildren(dryRunView(report), element('p', { id: 'opsflow-migrated' },
      `Migrated now: ${report.migrated}. In the background: `
      + (report.batches.map(b => `${b.instances} of version ${b.fromVersion} (batch ${b.batchId})`).join(', ') || 'none')
      + '.')), error => showError(result, error));
  node.replaceChildren(element('div', { class: 'opsflow-versions' },
    table('opsflow-versions', ['Version', 'Running instances', ''],
      versions.map(v => [v.version, v.running, v.newest ? 'newest' : ''])),
    element('div', { class: 'form-group' }, dryRun), element('div', { class: 'form-group' }, reason, migrate), result));
}

function options(steps) {
  return steps.map(step => element('option', { value: step.id }, step.name ? `${step.name} (${step.id})` : step.id));
}

async function renderRepair(node, api, processInstanceId) {
  const call = client(api);
  const id = encodeURIComponent(processInstanceId);
  const steps = await call('GET', `/instances/${id}/steps`);
  const result = element('div', { id: 'opsflow-result' });
  const from = element('select', { id: 'opsflow-move-from', class: 'form-control' }, ...options(steps.active));
  const to = element('select', { id: 'opsflow-move-to', class: 'form-control' }, ...options(steps.steps));
  const reason = reasonField('opsflow-reason');
  const move = element('button', { id: 'opsflow-move', class: 'btn btn-primary', type: 'button' }, 'Move');
  const retry = element('button', { id: 'opsflow-retry', class: 'btn btn-default', type: 'button' },
    `Retry failed jobs (${steps.failedJobs})`);
  const done = state => result.replaceChildren(element('p', { id: 'opsflow-now-at' },
    'Now in: ' + state.active.map(s => s.name || s.id).join(', ')));
  move.onclick = () => call('POST', `/instances/${id}/move`, { from: from.value, to: to.value, reason: reason.value })
    .then(done, error => showError(result, error));
  retry.onclick = () => call('POST', `/instances/${id}/retry`, { reason: reason.value })
    .then(done, error => showError(result, error));
  node.replaceChildren(element('div', { class: 'opsflow-repair' },
    element('label', {}, 'Move from step', from), element('label', {}, 'to step', to),
    reason, element('div', { class: 'form-group' }, move, ' ', retry), result));
}

function tab(id, pluginPoint, label, render) {
  return {
    id,
    pluginPoint,
    priority: 5,
    properties: { label },
    render: (node, data) => render(node, data.api, data.processDefinitionId || data.processInstanceId)
      .catch(error => showError(node, error))
  };
}

export default [
  tab('opsflowVersions.processDefinition', 'cockpit.processDefinition.runtime.tab', 'Versions', renderVersions),
  tab('opsflowVersions.processInstance', 'cockpit.processInstance.runtime.tab', 'Repair', renderRepair)
];
