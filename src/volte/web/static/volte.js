// volte serve: conveniences only; every page reads without this script.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // The statement page: bring the highlighted words of the article into view.
  const mark = document.getElementById("highlight");
  if (mark && !window.location.hash) {
    mark.scrollIntoView({block: "center"});
  }
  // A button to copy the statement's stable link.
  const button = document.getElementById("copy-link");
  const link = document.getElementById("permalink");
  if (button && link && navigator.clipboard) {
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(link.href).then(() => { button.textContent = "Copied"; }, () => {});
    });
  }
});
