// Opsflow's configuration of Camunda Admin (the webapps' documented config.js, docs/employees.md).
export default {
  // the header and the page title: "Opsflow Admin"
  app: {
    name: 'Admin',
    vendor: 'Opsflow'
  },
  // the page title before the app starts (static/opsflow/webapp-title.js, shared by the apps)
  customScripts: ['../../../opsflow/webapp-title'],
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
