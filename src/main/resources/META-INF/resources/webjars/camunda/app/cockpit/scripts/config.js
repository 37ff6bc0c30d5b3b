// Opsflow's configuration of Camunda Cockpit (the webapps' documented config.js, docs/employees.md).
export default {
  // the header and the page title: "Opsflow Cockpit"
  app: {
    name: 'Cockpit',
    vendor: 'Opsflow'
  },
  // the page title before the app starts (static/opsflow/webapp-title.js, shared by the apps)
  customScripts: ['../../../opsflow/webapp-title'],
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
