// First thing in <body>: runs before anything is painted, so a reader's chosen theme never flashes
// the other one, and after the CSP <meta> in <head>, so the policy covers it (its hash is in
// astro.config.mjs, computed from this file).
(function () {
  var stored = null;
  try { stored = localStorage.getItem('notebook-theme'); } catch (e) {}
  var dark = stored ? stored === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
