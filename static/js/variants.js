// Live character count for Mastodon variants: links count 23, as on Mastodon.
function mastodonLength(text, link) {
  let n = 0;
  for (const part of text.split(/(\s+)/)) {
    n += /^https?:\/\//.test(part) ? 23 : [...part].length;
  }
  if (link.trim()) n += 2 + 23;
  return n;
}
document.querySelectorAll("textarea[data-count-limit]").forEach((area) => {
  const output = document.querySelector(`output[data-counter-for="${area.id}"]`);
  const link = document.getElementById(area.dataset.countLink);
  const limit = Number(area.dataset.countLimit);
  const update = () => {
    const n = mastodonLength(area.value, link ? link.value : "");
    output.textContent = n;
    output.classList.toggle("over", n > limit);
  };
  area.addEventListener("input", update);
  if (link) link.addEventListener("input", update);
  update();
});
