// Local stand-in for a third-party support chat (the fictional HelpDock,
// https://widget.helpdock.example/v2/chat.js). Gated on "preferences": it keeps a visitor
// id in localStorage and a cookie, both declared in consent-config.js and deleted when
// preferences are withdrawn.
(function () {
  if (document.querySelector('.chat-launcher')) return;
  var visitor;
  try {
    visitor = localStorage.getItem('helpdock-visitor');
    if (!visitor) localStorage.setItem('helpdock-visitor', (visitor = 'v-' + Math.random().toString(36).slice(2, 10)));
  } catch (e) {
    visitor = 'anonymous';
  }
  document.cookie = 'hd_session=' + visitor + ';path=/;max-age=604800;SameSite=Lax';

  var panel = document.createElement('section');
  panel.className = 'chat-panel';
  panel.hidden = true;
  panel.setAttribute('aria-label', 'Support chat');
  var title = document.createElement('h2');
  title.className = 'h3';
  title.textContent = 'Kestrel support';
  var text = document.createElement('p');
  text.textContent = 'Hi! Ask us anything about the API. (A local stand-in: messages go nowhere.)';
  var close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn';
  close.textContent = 'Close chat';
  panel.append(title, text, close);

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'btn btn-primary chat-launcher';
  launcher.textContent = 'Chat with support';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.addEventListener('click', function () {
    panel.hidden = !panel.hidden;
    launcher.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) close.focus();
  });
  close.addEventListener('click', function () {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  });
  document.body.append(panel, launcher);
  window.HelpDock = { visitor: visitor, open: function () { if (panel.hidden) launcher.click(); } };
})();
