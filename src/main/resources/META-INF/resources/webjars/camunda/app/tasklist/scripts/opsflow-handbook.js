// The "Handbook" tab of every task in Tasklist (plugin point "tasklist.task.detail"): a link to the
// task's step in Opsflow's handbook. The server finds the step of the task: GET /handbook/tasks/{id}.
const appRoot = document.querySelector('base').getAttribute('app-root'); // "/camunda"
const contextPath = appRoot.replace(/\/camunda$/, '');

export default {
  id: 'opsflow-handbook',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  properties: {
    label: 'Handbook'
  },
  render: (node, {taskId}) => {
    node.classList.add('opsflow-handbook');
    const text = document.createElement('p');
    text.textContent = 'What this step is for, who does it, what the form asks, by when, and what happens next: ';
    const anchor = document.createElement('a');
    anchor.href = contextPath + '/handbook/tasks/' + encodeURIComponent(taskId);
    anchor.target = '_blank';
    anchor.rel = 'noopener';
    anchor.className = 'opsflow-handbook-link';
    anchor.textContent = 'open this step in the handbook';
    text.appendChild(anchor);
    node.appendChild(text);
  }
};
