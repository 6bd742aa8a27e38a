// htmx requests that change state carry the CSRF token of the page, like the forms do.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});
