// Loaded in <head> without defer, before the style sheet applies: site.css hides what needs scripts
// to work only when they run (a file, not inline code: the Content-Security-Policy allows no inline script).
document.documentElement.classList.add("js");
