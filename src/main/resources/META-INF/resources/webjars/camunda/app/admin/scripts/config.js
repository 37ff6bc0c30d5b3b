// Opsflow's configuration of Camunda Admin (the webapps' documented config.js, docs/clients.md).
export default {
  // the header and the page title: "Opsflow Admin"
  app: {
    name: 'Admin',
    vendor: 'Opsflow'
  },
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
