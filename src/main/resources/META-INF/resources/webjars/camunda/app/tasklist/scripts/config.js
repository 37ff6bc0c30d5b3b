// Opsflow's configuration of Camunda Tasklist (the webapps' documented config.js, docs/employees.md).
export default {
  // the header and the page title: "Opsflow Tasklist"
  app: {
    name: 'Tasklist',
    vendor: 'Opsflow'
  },
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  },
  // the header links: handbook (when configured), insight (managers), out of office; and each
  // task's "Handbook" tab, which links its step in the handbook
  customScripts: ['scripts/opsflow-links', 'scripts/opsflow-handbook'],
  // Tasklist's own keyboard shortcuts, as in its default config.js
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
