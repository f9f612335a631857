// Drag a card onto another column to take that step; the card's own form does the work,
// so the board works the same without this file.
document.querySelectorAll("[data-board] .card-idea").forEach((card) => {
  card.addEventListener("dragstart", (e) => {
    e.dataTransfer.setData("text/plain", card.dataset.id);
  });
});
document.querySelectorAll("[data-board] .column").forEach((column) => {
  column.addEventListener("dragover", (e) => {
    e.preventDefault();
    column.classList.add("drop");
  });
  column.addEventListener("dragleave", () => column.classList.remove("drop"));
  column.addEventListener("drop", (e) => {
    e.preventDefault();
    column.classList.remove("drop");
    const card = document.querySelector(`.card-idea[data-id="${e.dataTransfer.getData("text/plain")}"]`);
    const form = card && card.querySelector("form.move");
    const option = form && form.querySelector(`option[value="${column.dataset.state}"]`);
    if (!option) return; // not a step this user can take from here
    if (option.textContent.trim().endsWith("…")) {
      window.location = card.querySelector(".card-title").href; // needs a comment: open the idea
      return;
    }
    form.querySelector("select").value = column.dataset.state;
    form.submit();
  });
});
