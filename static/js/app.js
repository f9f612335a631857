// Small enhancements only; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Bring a form's error summary into view and focus so screen readers announce it.
  const summary = document.querySelector(".error-summary[tabindex]");
  if (summary) summary.focus();
  // Ask before actions that lock someone out.
  document.querySelectorAll("button.danger").forEach((b) => {
    b.addEventListener("click", (e) => {
      if (!window.confirm(b.textContent.trim() + "?")) e.preventDefault();
    });
  });
});
