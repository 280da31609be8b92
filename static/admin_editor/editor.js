// Shift-click a paragraph's box to tick the whole run from the last one ticked. The plain
// operations work without this file (every change is a form POST).
document.addEventListener("DOMContentLoaded", () => {
  const boxes = Array.from(document.querySelectorAll('#editor-form input[name="p"]'));
  let last = null;
  boxes.forEach((box, i) => {
    box.addEventListener("click", (event) => {
      if (event.shiftKey && last !== null) {
        const [a, b] = [Math.min(last, i), Math.max(last, i)];
        for (let j = a; j <= b; j++) boxes[j].checked = box.checked;
      }
      last = i;
    });
  });
});
