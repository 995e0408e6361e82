// Sends the CSRF token with every htmx request; the token is in the page's meta tags.
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="_csrf_header"]');
  var token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
// Confirmation for destructive buttons, without inline script (CSP).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
// Reports take a moment: say so while the browser waits for the download.
document.addEventListener('click', function (event) {
  var trigger = event.target.closest ? event.target.closest('[data-busy]') : null;
  var busy = document.getElementById('busy');
  if (trigger && busy) {
    busy.hidden = false;
    setTimeout(function () { busy.hidden = true; }, 15000);
  }
});
