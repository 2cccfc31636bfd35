// A deep link such as /demo/spa/settings reached from the address bar: the static
// server has no catch-all route, so hand the path to the app shell, which restores it
// with history.replaceState.
location.replace('/demo/spa/?route=' + encodeURIComponent(location.pathname.replace(/^\/demo\/spa/, '').replace(/\/$/, '')) + location.hash);
