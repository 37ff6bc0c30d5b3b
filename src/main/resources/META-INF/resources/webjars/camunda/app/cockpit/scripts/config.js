// Opsflow's configuration of Camunda Cockpit (the webapps' documented config.js, docs/clients.md).
export default {
  // the header and the page title: "Opsflow Cockpit"
  app: {
    name: 'Cockpit',
    vendor: 'Opsflow'
  },
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
