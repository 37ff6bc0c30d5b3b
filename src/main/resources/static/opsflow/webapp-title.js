// A custom script of Cockpit and Admin (customScripts in their config.js), loaded before the app
// starts: the page title "Opsflow Cockpit" from the first moment. Their page titles ("... | Dashboard")
// build on the title the page has when they start, which would otherwise still be Camunda's.
const app = document.querySelector('base').getAttribute('app-name');
document.querySelector('head > title').textContent = 'Opsflow ' + app.charAt(0).toUpperCase() + app.slice(1);
