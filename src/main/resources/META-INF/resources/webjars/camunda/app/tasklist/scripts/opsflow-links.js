// Opsflow's links in the Tasklist header (a plugin at Tasklist's "tasklist.navbar.action" point).
// Which links a person gets (the handbook when there is one, insight for managers, out of office
// for everyone) is decided by the server: GET /me/links, with the webapps' login.
const appRoot = document.querySelector('base').getAttribute('app-root'); // "/camunda"
const contextPath = appRoot.replace(/\/camunda$/, '');

export default {
  id: 'opsflow-links',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    node.classList.add('opsflow-links');
    fetch(contextPath + '/me/links', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then((response) => (response.ok ? response.json() : []))
      .then((links) => links.forEach((link) => {
        const anchor = document.createElement('a');
        anchor.href = /^https?:/.test(link.href) ? link.href : contextPath + link.href;
        anchor.textContent = link.label;
        anchor.className = 'opsflow-link opsflow-link-' + link.id;
        node.appendChild(anchor);
      }))
      .catch(() => {});
  }
};
