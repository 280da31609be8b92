// Facet counts of a large result set arrive from their own request, after the results.
// A value already chosen is marked and its link removes it; another value is added to it.
(function () {
  const box = document.querySelector(".facets[data-facets-url]");
  // Beside the results on a wide screen: open. On a phone it stays one tap away, above them.
  if (box && window.matchMedia("(min-width: 721px)").matches) box.open = true;
  const status = document.getElementById("facets-status");
  if (!box || !status) return;
  const names = { year: "年份", page: "版次", person: "人物", source: "来源", kind: "体裁" };
  const current = new URLSearchParams(window.location.search);
  current.delete("p");
  function linkFor(name, value) {
    const params = new URLSearchParams(current.toString());
    const chosen = params.getAll(name);
    params.delete(name);
    const on = chosen.includes(String(value));
    for (const v of chosen) if (v !== String(value)) params.append(name, v);
    if (!on) params.append(name, value);
    return { href: "?" + params.toString(), on };
  }
  fetch(box.dataset.facetsUrl, { headers: { Accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
    .then((data) => {
      status.textContent = data.estimated ? "结果很多：以下为按 2% 抽样估算的数量。" : "";
      for (const [name, rows] of Object.entries(data.facets || {})) {
        if (!rows.length || !names[name]) continue;
        const section = document.createElement("section");
        const h = document.createElement("h3");
        h.textContent = names[name];
        section.appendChild(h);
        const ul = document.createElement("ul");
        for (const row of rows) {
          const li = document.createElement("li");
          const a = document.createElement("a");
          const link = linkFor(name, row.value);
          a.rel = "nofollow";
          a.href = link.href;
          a.textContent = row.label;
          if (link.on) { li.className = "chosen"; a.setAttribute("aria-current", "true"); }
          const n = document.createElement("span");
          n.className = "n";
          n.textContent = (data.estimated ? " 约" : " ") + row.count;
          li.append(a, n);
          ul.appendChild(li);
        }
        section.appendChild(ul);
        box.appendChild(section);
      }
    })
    .catch(() => { status.textContent = "分面统计暂时无法加载。"; });
})();
