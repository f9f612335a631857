// Drag an entry to another day to move it there at the same time; the entry's own form
// does the work, so the calendar works the same without this file.
document.querySelectorAll(".calendar .entry[draggable]").forEach((entry) => {
  entry.addEventListener("dragstart", (e) => e.dataTransfer.setData("text/plain", entry.dataset.variant));
});
document.querySelectorAll(".calendar .cal-day").forEach((day) => {
  day.addEventListener("dragover", (e) => { e.preventDefault(); day.classList.add("drop"); });
  day.addEventListener("dragleave", () => day.classList.remove("drop"));
  day.addEventListener("drop", (e) => {
    e.preventDefault();
    day.classList.remove("drop");
    const entry = document.querySelector(`.entry[data-variant="${e.dataTransfer.getData("text/plain")}"]`);
    const form = entry && entry.querySelector("form.reschedule");
    if (!form) return;
    const input = form.querySelector("input[name=at]");
    input.value = `${day.dataset.date}T${input.value.split("T")[1]}`;
    form.submit();
  });
});
