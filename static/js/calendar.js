// Drag an entry to another day to move it there at the same time, through the page's one
// move form. Without this file entries are moved from their piece (or the week view).
const move = document.getElementById("move-entry");
document.querySelectorAll(".calendar .entry[data-v]").forEach((entry) => {
  if (!move) return;
  entry.draggable = true;
  entry.addEventListener("dragstart", (e) => e.dataTransfer.setData("text/plain", entry.dataset.v));
});
document.querySelectorAll(".calendar .cal-day").forEach((day) => {
  day.addEventListener("dragover", (e) => { e.preventDefault(); day.classList.add("drop"); });
  day.addEventListener("dragleave", () => day.classList.remove("drop"));
  day.addEventListener("drop", (e) => {
    e.preventDefault();
    day.classList.remove("drop");
    const id = e.dataTransfer.getData("text/plain");
    const entry = document.querySelector(`.calendar .entry[data-v="${CSS.escape(id)}"]`);
    if (!move || !entry) return;
    move.action = `/variants/${encodeURIComponent(id)}/schedule`;
    move.querySelector("input[name=at]").value = `${day.dataset.date}T${entry.querySelector("b").textContent}`;
    move.submit();
  });
});
