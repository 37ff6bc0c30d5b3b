// The handbook's process diagram: the deployed model in bpmn-js's viewer (the one insight's heatmap uses).
(function () {
  function show() {
    const container = document.getElementById('diagram');
    if (!container || typeof BpmnJS === 'undefined') {
      document.body.setAttribute('data-ready', 'true');
      return;
    }
    fetch(container.getAttribute('data-diagram'), {credentials: 'same-origin'})
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error('diagram ' + response.status))))
      .then((xml) => {
        const viewer = new BpmnJS({container: container});
        return viewer.importXML(xml).then(() => viewer.get('canvas').zoom('fit-viewport'));
      })
      .then(() => document.body.setAttribute('data-ready', 'true'))
      .catch((error) => document.body.setAttribute('data-error', String(error)));
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', show);
  } else {
    show();
  }
})();
