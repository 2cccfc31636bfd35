// The site's own script, from its own host: counts its runs.
window.__localAppRuns = (window.__localAppRuns || 0) + 1;
