// A little help for the page editor; every operation also works without this file (form POSTs).
//   click / space        tick one paragraph (it becomes the anchor of a run)
//   shift-click          tick the run from the anchor to this paragraph
//   ↑ ↓  Home End        move between paragraphs
//   shift + ↑ ↓          extend (or shrink) the ticked run from the anchor
//   Esc                  clear every tick
// A live region tells how many paragraphs are ticked.
document.addEventListener("DOMContentLoaded", () => {
  const boxes = Array.from(document.querySelectorAll('#editor-form input[name="p"]'));
  const status = document.getElementById("selection-status");
  let anchor = null;
  let run = null; // [from, to] ticked by the last shift-move, so a shrinking run unticks its end

  const announce = () => {
    if (status) status.textContent = `已勾选 ${boxes.filter((b) => b.checked).length} 段`;
  };
  const tickRun = (to) => {
    const from = anchor === null ? to : anchor;
    const [a, b] = [Math.min(from, to), Math.max(from, to)];
    if (run) for (let j = run[0]; j <= run[1]; j++) if (j < a || j > b) boxes[j].checked = false;
    for (let j = a; j <= b; j++) boxes[j].checked = true;
    run = [a, b];
    if (anchor === null) anchor = to;
  };

  boxes.forEach((box, i) => {
    box.addEventListener("click", (event) => {
      if (event.shiftKey && anchor !== null) {
        tickRun(i);
      } else {
        anchor = i;
        run = null;
      }
      announce();
    });
    box.addEventListener("keydown", (event) => {
      const moves = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: boxes.length - 1 };
      if (event.key === "Escape") {
        boxes.forEach((b) => { b.checked = false; });
        anchor = null;
        run = null;
        announce();
        event.preventDefault();
        return;
      }
      if (!(event.key in moves)) return;
      event.preventDefault(); // the page does not scroll: focus moves (and scrolls into view)
      const to = Math.max(0, Math.min(boxes.length - 1, moves[event.key]));
      if (event.shiftKey) {
        if (anchor === null || !boxes[anchor].checked) {
          anchor = i;
          run = null;
        }
        tickRun(to);
        announce();
      }
      boxes[to].focus();
      boxes[to].scrollIntoView({ block: "nearest" });
    });
  });
  announce();
});
